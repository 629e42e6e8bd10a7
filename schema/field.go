package schema

import "strconv"

// Field is one field of the catalog: a dimension or metric of one family.
// Every field has a generated constant (see fields_gen.go), such as
// [MediaType], [THandle] or [EvaluationQueueID]. The zero value is not a
// field: Valid reports false and the other methods return zero values.
//
// Field implements [Ref].
type Field uint16

// Valid reports whether f is a catalog field.
func (f Field) Valid() bool { return f >= 1 && f <= numFields }

// Name returns the API name of the field, e.g. "mediaType", or "" for an
// invalid field.
func (f Field) Name() string { return fieldName(f) }

// GoName returns the name of the field's Go constant, e.g. "EvaluationQueueID",
// or "" for an invalid field.
func (f Field) GoName() string { return fieldGoName(f) }

// Family returns the family of the field, or "" for an invalid field.
func (f Field) Family() Family {
	fam, _, _ := fieldClass(f)
	return fam
}

// Kind returns DimensionKind or MetricKind, or "" for an invalid field.
func (f Field) Kind() Kind {
	_, k, _ := fieldClass(f)
	return k
}

// Type returns the value type of the field (see the table in types.go), or ""
// for an invalid field.
func (f Field) Type() ValueType {
	t, _ := f.typeInfo()
	return t
}

// typeInfo returns the curated value type and enum list of a valid field.
func (f Field) typeInfo() (ValueType, enumList) {
	_, k, ok := fieldClass(f)
	if !ok {
		return "", enumNone
	}
	return fieldType(k, fieldName(f))
}

// Values returns the allowed values of a TypeEnum field, in the order of
// enums.json, as a new slice; nil for any other field.
func (f Field) Values() []string {
	t, e := f.typeInfo()
	if t != TypeEnum {
		return nil
	}
	return enumValues(e)
}

// String returns the qualified name "family.name", e.g. "segment.mediaType",
// which [Lookup] resolves back to f. An invalid field prints as
// "schema.Field(N)".
func (f Field) String() string {
	if !f.Valid() {
		return "schema.Field(" + strconv.Itoa(int(f)) + ")"
	}
	return string(f.Family()) + "." + f.Name()
}

// Allows reports whether a predicate on f may use operator op.
// Dimensions allow Matches (with a value), Exists and NotExists.
// Metrics allow Exists and NotExists, and Matches only together with a range
// (see [Field.AllowsRange]; a metric never matches a plain value, see
// [Field.AllowsValue]). Invalid fields and operators allow nothing.
func (f Field) Allows(op Operator) bool {
	return f.Valid() && op.Valid()
}

// AllowsRange reports whether predicates on f take a numeric range
// (gt, gte, lt, lte): true for metrics only.
func (f Field) AllowsRange() bool { return f.Kind() == MetricKind }

// AllowsValue reports whether a Matches predicate on f takes a value string:
// true for dimensions only.
func (f Field) AllowsValue() bool { return f.Kind() == DimensionKind }

// CheckValue returns nil if v is a valid value for the field, or a
// *[ValueError] saying why not. For dimensions v is the predicate value;
// for metrics v is a range bound written as a decimal number in the metric's
// own unit (milliseconds for durations). Checks per value type:
//   - uuid: 8-4-4-4-12 hexadecimal digits (either case);
//   - enum: one of [Field.Values], exactly (the error lists them and suggests
//     the closest);
//   - datetime: RFC 3339, or an interval "start/end" of two RFC 3339 instants
//     with end not before start;
//   - bool: "true" or "false";
//   - integer: a base-10 integer;
//   - duration, count: a finite decimal number, not negative;
//   - number: a finite decimal number;
//   - string: not empty.
//
// Every value must be non-empty valid UTF-8.
func (f Field) CheckValue(v string) error {
	t, e := f.typeInfo()
	if t == "" {
		return &ValueError{Field: f.String(), Value: v, Reason: "invalid field"}
	}
	if reason := checkValue(t, e, v); reason != "" {
		return &ValueError{Field: f.Name(), Value: v, Reason: reason}
	}
	return nil
}

// CheckBound returns nil if x is a valid range bound for the metric f: finite,
// and not negative for durations and counts. It returns a *[ValueError] for a
// dimension or an invalid field.
func (f Field) CheckBound(x float64) error {
	if !f.AllowsRange() {
		return &ValueError{Field: f.String(), Value: strconv.FormatFloat(x, 'g', -1, 64), Reason: "not a metric: takes no range"}
	}
	if reason := checkBound(f.Type(), x); reason != "" {
		return &ValueError{Field: f.Name(), Value: strconv.FormatFloat(x, 'g', -1, 64), Reason: reason}
	}
	return nil
}

func (Field) isRef() {}

// Fields returns every catalog field in a stable order: by family
// (conversation, segment, evaluation, survey, resolution), dimensions before
// metrics, then in the order of enums.json. The slice is new on every call.
func Fields() []Field {
	out := make([]Field, numFields)
	for i := range out {
		out[i] = Field(i + 1)
	}
	return out
}

// FieldsOf returns the fields of one family in the order of [Fields]; nil for
// an invalid family. The slice is new on every call.
func FieldsOf(fam Family) []Field {
	first, last := familyRange(fam)
	if last < first {
		return nil
	}
	out := make([]Field, 0, last-first+1)
	for f := first; f <= last; f++ {
		out = append(out, f)
	}
	return out
}

// MarshalText returns the qualified name of the field (see [Field.String]),
// so fields can be written in JSON, YAML or flags. It fails for an invalid
// field.
func (f Field) MarshalText() ([]byte, error) {
	if !f.Valid() {
		return nil, &UnknownFieldError{Name: f.String()}
	}
	return []byte(f.String()), nil
}

// UnmarshalText sets f to the field named by text, a bare or qualified name
// as accepted by [Lookup]. It returns a *[UnknownFieldError] and leaves f
// unchanged for an unknown name.
func (f *Field) UnmarshalText(text []byte) error {
	got, err := Lookup(string(text))
	if err != nil {
		return err
	}
	*f = got
	return nil
}
