package schema

import (
	"strconv"
	"strings"
)

// Ref is the left-hand side of a filter predicate: a [Field] or a
// [CustomProperty]. The interface is sealed; no other type implements it.
type Ref interface {
	// Name returns the API name ("mediaType") or the property name ("customerTier").
	Name() string
	// Family returns the filter family the ref belongs to.
	Family() Family
	// Kind returns DimensionKind, MetricKind or PropertyKind.
	Kind() Kind
	// String returns the unambiguous text form: "segment.mediaType" or
	// "prop.customerTier:string".
	String() string
	// CheckValue returns nil if v is a valid value for the ref, or an error
	// saying why not.
	CheckValue(v string) error
	isRef()
}

// CustomProperty is a user-declared custom segment property, used in a
// segment filter predicate of type "property". Build one with [Property].
// The zero value is not valid. CustomProperty is a comparable value type and
// implements [Ref].
type CustomProperty struct {
	name string
	typ  PropertyType
}

// Property declares a custom segment property with the given name and type,
// e.g. Property("customerTier", String). The name is kept as given
// (case-sensitive); use [CustomProperty.Valid] to check the declaration.
func Property(name string, t PropertyType) CustomProperty {
	return CustomProperty{name: name, typ: t}
}

// Name returns the property name.
func (p CustomProperty) Name() string { return p.name }

// Type returns the property type.
func (p CustomProperty) Type() PropertyType { return p.typ }

// ValueType returns the value type values of the property are checked as
// (see [PropertyType.ValueType]).
func (p CustomProperty) ValueType() ValueType { return p.typ.ValueType() }

// Family returns Segment: custom properties exist on segments only.
func (p CustomProperty) Family() Family { return Segment }

// Kind returns PropertyKind.
func (p CustomProperty) Kind() Kind { return PropertyKind }

// Valid reports whether the property has a valid type and a non-empty name of
// valid UTF-8 without control characters.
func (p CustomProperty) Valid() bool {
	return p.typ.Valid() && validPropertyName(p.name)
}

// Allows reports whether a predicate on the property may use op: Matches
// (with a value), Exists and NotExists; nothing for an invalid property.
func (p CustomProperty) Allows(op Operator) bool { return p.Valid() && op.Valid() }

// String returns "prop.NAME:TYPE", e.g. "prop.customerTier:string"; [ParseRef]
// reads it back.
//
// A name with characters other than ASCII letters, digits, '_', '-' and '.'
// is quoted Go-style (prop."my tier":string), the form [ParseRef] and the
// filter expression language read back.
func (p CustomProperty) String() string {
	name := p.name
	if !plainPropertyName(name) {
		name = strconv.Quote(name)
	}
	return propPrefix + name + ":" + string(p.typ)
}

// plainPropertyName reports whether a property name can be written
// unquoted: only ASCII letters, digits, '_', '-' and '.'.
func plainPropertyName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// CheckValue returns nil if v is a valid value for the property's type, or a
// *[ValueError] saying why not (see [Field.CheckValue] for the rules; real is
// checked as a number, date as a datetime).
func (p CustomProperty) CheckValue(v string) error {
	if !p.typ.Valid() {
		return &ValueError{Field: p.String(), Value: v, Reason: "invalid property type " + quote(string(p.typ)) + " (want bool, integer, real, date, string or uuid)"}
	}
	if !validPropertyName(p.name) {
		return &ValueError{Field: p.String(), Value: v, Reason: "invalid property name"}
	}
	if reason := checkValue(p.typ.ValueType(), enumNone, v); reason != "" {
		return &ValueError{Field: p.name, Value: v, Reason: reason}
	}
	return nil
}

func (CustomProperty) isRef() {}

const propPrefix = "prop."

func validPropertyName(s string) bool {
	if s == "" || !validUTF8(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// ParseRef resolves the text form of a ref: a field name or qualified name as
// accepted by [Lookup], or a custom property written "prop.NAME:TYPE"
// (as printed by [CustomProperty.String]; the type follows the last colon).
// Errors are *[UnknownFieldError] for unknown fields and a plain error for a
// malformed property.
func ParseRef(s string) (Ref, error) {
	if rest, ok := strings.CutPrefix(s, propPrefix); ok {
		name, typ, found := "", "", false
		if strings.HasPrefix(rest, `"`) { // prop."my tier":string
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, &RefError{Text: s, Reason: "bad quoted property name: " + err.Error()}
			}
			name, _ = strconv.Unquote(q)
			typ, found = strings.CutPrefix(rest[len(q):], ":")
		} else if i := strings.LastIndexByte(rest, ':'); i >= 0 {
			name, typ, found = rest[:i], rest[i+1:], true
		}
		if !found {
			return nil, &RefError{Text: s, Reason: "property needs a type: prop.NAME:TYPE with TYPE one of bool, integer, real, date, string, uuid"}
		}
		p := Property(name, PropertyType(typ))
		if !p.typ.Valid() {
			return nil, &RefError{Text: s, Reason: "unknown property type " + quote(typ) + " (want bool, integer, real, date, string or uuid)"}
		}
		if !validPropertyName(p.name) {
			return nil, &RefError{Text: s, Reason: "empty or invalid property name"}
		}
		return p, nil
	}
	f, err := Lookup(s)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// RefError reports a malformed custom property reference passed to [ParseRef].
type RefError struct {
	Text   string // the text given
	Reason string // why it is not a property reference
}

// Error returns "schema: bad property reference TEXT: REASON".
func (e *RefError) Error() string {
	return "schema: bad property reference " + quote(e.Text) + ": " + e.Reason
}
