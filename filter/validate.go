package filter

import (
	"errors"
	"strconv"

	"github.com/interactiondata/gcdata/schema"
)

// Validate checks n against the schema catalog and returns every problem
// found, joined with [errors.Join]; each is a *[FieldError] whose Path is the
// AST path of the node ("and[1].or[0]", see [FieldError]). It returns nil for
// a valid filter. Problems reported:
//
//   - a nil node, an empty And or Or;
//   - an invalid field or custom property (bad name or property type);
//   - an unknown operator;
//   - exists or notExists with a value or a range;
//   - a value on a metric (metrics take ranges), a range on a dimension or
//     property, a missing value or range;
//   - a value of the wrong type for the field (a malformed UUID, an unknown
//     mediaType, ... as [schema.Field.CheckValue] says);
//   - a range with no bound, two lower (gt and gte) or two upper (lt and lte)
//     bounds, a bound that is not finite or negative for durations and
//     counts, a lower bound above the upper bound, or equal bounds when one
//     of them is exclusive.
//
// Validate does not check whether the wire format can express n; [Compile]
// does.
func Validate(n Node) error {
	var v validator
	v.node(n)
	return errors.Join(v.errs...)
}

// validator walks a tree keeping the path as a stack; the path text is
// built only for an error.
type validator struct {
	stack []pathStep
	errs  []error
}

// pathStep is one step of an AST path: child i of an op ("and" or "or").
type pathStep struct {
	op string
	i  int
}

func formatPath(steps []pathStep) string {
	var b []byte
	for k, s := range steps {
		if k > 0 {
			b = append(b, '.')
		}
		b = append(b, s.op...)
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.i), 10)
		b = append(b, ']')
	}
	return string(b)
}

func (v *validator) node(n Node) {
	switch n := n.(type) {
	case nil:
		v.errs = append(v.errs, &FieldError{Path: formatPath(v.stack), Reason: "nil node"})
	case AndNode:
		v.group("and", n.children)
	case OrNode:
		v.group("or", n.children)
	case Predicate:
		for _, r := range checkPredicate(n) {
			v.errs = append(v.errs, predicateError(formatPath(v.stack), n.ref, r))
		}
	}
}

func (v *validator) group(op string, children []Node) {
	if len(children) == 0 {
		v.errs = append(v.errs, &FieldError{Path: formatPath(v.stack), Reason: "empty " + op + ": give it at least one condition"})
		return
	}
	for i, c := range children {
		v.stack = append(v.stack, pathStep{op, i})
		v.node(c)
		v.stack = v.stack[:len(v.stack)-1]
	}
}

func predicateError(path string, r schema.Ref, reason string) *FieldError {
	e := &FieldError{Path: path, Reason: reason}
	if r != nil {
		e.Field = RefText(r)
		if k := r.Kind(); k.Valid() {
			e.Kind = k
		}
	}
	return e
}

// checkPredicate returns the reasons p is invalid, in a stable order.
func checkPredicate(p Predicate) []string {
	var out []string
	switch r := p.ref.(type) {
	case nil:
		return []string{"predicate has no field"}
	case schema.Field:
		if !r.Valid() {
			return []string{"unknown field"}
		}
	case schema.CustomProperty:
		if !r.Type().Valid() {
			out = append(out, "unknown property type "+strconv.Quote(string(r.Type()))+" (want bool, integer, real, date, string or uuid)")
		}
		if !r.Valid() && r.Type().Valid() {
			out = append(out, "empty or invalid property name")
		}
		if len(out) > 0 {
			return out
		}
	}
	kind := p.ref.Kind()
	switch p.op {
	case schema.Exists, schema.NotExists:
		if p.hasValue {
			out = append(out, "operator "+strconv.Quote(string(p.op))+" takes no value; drop the value or use matches")
		}
		if p.hasRange {
			out = append(out, "operator "+strconv.Quote(string(p.op))+" takes no range; drop the range or use matches")
		}
		return out
	case schema.Matches:
	default:
		return append(out, "unknown operator "+strconv.Quote(string(p.op))+" (want matches, exists or notExists)")
	}
	if kind == schema.MetricKind {
		if p.hasValue {
			out = append(out, "a metric takes a range, not a value (write e.g. "+RefText(p.ref)+" > 1000)")
		}
		if !p.hasRange {
			if !p.hasValue {
				out = append(out, "missing range")
			}
			return out
		}
		return append(out, checkRange(p.ref.(schema.Field), p.rng)...)
	}
	if p.hasRange {
		out = append(out, "a "+string(kind)+" takes a value, not a range; ranges are for metrics")
	}
	if !p.hasValue {
		if !p.hasRange {
			out = append(out, "missing value")
		}
		return out
	}
	if err := p.ref.CheckValue(p.value); err != nil {
		out = append(out, valueReason(p.value, err))
	}
	return out
}

func valueReason(v string, err error) string {
	var ve *schema.ValueError
	if errors.As(err, &ve) {
		return "bad value " + quoteShort(v) + ": " + ve.Reason
	}
	return err.Error()
}

func quoteShort(s string) string {
	const max = 64
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}

func checkRange(f schema.Field, r Range) []string {
	if r.IsZero() {
		return []string{"range has no bound (give gt, gte, lt or lte)"}
	}
	var out []string
	if r.Gt != nil && r.Gte != nil {
		out = append(out, "range has two lower bounds (gt and gte); keep one")
	}
	if r.Lt != nil && r.Lte != nil {
		out = append(out, "range has two upper bounds (lt and lte); keep one")
	}
	bad := false
	for _, b := range []*float64{r.Gt, r.Gte, r.Lt, r.Lte} {
		if b == nil {
			continue
		}
		if err := f.CheckBound(*b); err != nil {
			bad = true
			out = append(out, valueReason(FormatNumber(*b), err))
		}
	}
	if bad || len(out) > 0 {
		return out
	}
	lo, loIncl := r.Gt, false
	if r.Gte != nil {
		lo, loIncl = r.Gte, true
	}
	hi, hiIncl := r.Lt, false
	if r.Lte != nil {
		hi, hiIncl = r.Lte, true
	}
	if lo == nil || hi == nil {
		return nil
	}
	switch {
	case *lo > *hi:
		out = append(out, "empty range: lower bound "+FormatNumber(*lo)+" is above upper bound "+FormatNumber(*hi))
	case *lo == *hi && !(loIncl && hiIncl):
		out = append(out, "empty range: bounds are equal ("+FormatNumber(*lo)+") and one is exclusive; use gte and lte for an exact value")
	}
	return out
}
