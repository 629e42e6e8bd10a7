package filter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/interactiondata/gcdata/schema"
)

// Validate checks w against the schema catalog, as a server would before
// running a query, and returns every problem joined with [errors.Join]; each
// is a *[FieldError] whose Path is the JSON path of the filter, clause or
// predicate ("segmentFilters[0].clauses[1].predicates[0]"). It checks:
//
//   - every filter and clause has a type "and" or "or", a filter has at
//     least one predicate or clause, a clause at least one predicate;
//   - a predicate names exactly one of dimension, metric or property, and
//     its type (when given) agrees;
//   - the name is a dimension or metric of the array's family (an unknown
//     name suggests close ones; a name of another family says which array
//     it belongs to); properties appear in segmentFilters only, with a
//     propertyType, and propertyType appears on properties only;
//   - operator, value and range as [Validate] checks them for an AST
//     (an omitted operator means matches; an empty value counts as absent).
func (w Wire) Validate() error {
	var errs []error
	for _, fam := range wireFamilies() {
		for i, f := range w.Filters(fam) {
			path := fam.FiltersKey() + "[" + strconv.Itoa(i) + "]"
			errs = validateWireGroup(fam, path, f.Type, f.Predicates, len(f.Clauses) > 0, errs)
			for j, c := range f.Clauses {
				cp := path + ".clauses[" + strconv.Itoa(j) + "]"
				errs = validateWireGroup(fam, cp, c.Type, c.Predicates, false, errs)
			}
		}
	}
	return errors.Join(errs...)
}

func validateWireGroup(fam schema.Family, path, typ string, preds []WirePredicate, hasClauses bool, errs []error) []error {
	what := "filter"
	if strings.HasSuffix(path, "]") && strings.Contains(path, ".clauses[") {
		what = "clause"
	}
	switch typ {
	case "and", "or":
	case "":
		errs = append(errs, &FieldError{Path: path, Reason: what + " has no type (want and or or)"})
	default:
		errs = append(errs, &FieldError{Path: path, Reason: "bad type " + strconv.Quote(typ) + " (want and or or)"})
	}
	if len(preds) == 0 && !hasClauses {
		if what == "clause" {
			errs = append(errs, &FieldError{Path: path, Reason: "clause has no predicates"})
		} else {
			errs = append(errs, &FieldError{Path: path, Reason: "filter has no predicates or clauses"})
		}
	}
	for k, p := range preds {
		pp := path + ".predicates[" + strconv.Itoa(k) + "]"
		pred, fe := p.resolve(fam, pp)
		if fe != nil {
			errs = append(errs, fe)
			continue
		}
		for _, r := range checkPredicate(pred) {
			errs = append(errs, predicateError(pp, pred.ref, r))
		}
	}
	return errs
}

// resolve turns a wire predicate of family fam into an AST predicate, or
// returns the first structural problem (names, type, family).
func (p WirePredicate) resolve(fam schema.Family, path string) (Predicate, *FieldError) {
	fail := func(field string, kind schema.Kind, reason string) (Predicate, *FieldError) {
		return Predicate{}, &FieldError{Path: path, Field: field, Kind: kind, Reason: reason}
	}
	var names []string
	if p.Dimension != "" {
		names = append(names, "dimension")
	}
	if p.Metric != "" {
		names = append(names, "metric")
	}
	if p.Property != "" {
		names = append(names, "property")
	}
	switch len(names) {
	case 0:
		return fail("", "", "predicate names no dimension, metric or property")
	case 1:
	default:
		return fail("", "", "predicate names both "+strings.Join(names, " and ")+"; give exactly one")
	}
	kind := schema.Kind(names[0])
	if p.Type != "" && p.Type != string(kind) {
		return fail("", "", "type "+strconv.Quote(p.Type)+" does not match the "+string(kind)+" key")
	}
	if p.PropertyType != "" && kind != schema.PropertyKind {
		return fail("", "", "propertyType applies to property predicates only")
	}
	var ref schema.Ref
	switch kind {
	case schema.PropertyKind:
		if fam != schema.Segment {
			return fail(p.Property, kind, "custom properties exist on segments only; move the predicate to segmentFilters")
		}
		if p.PropertyType == "" {
			return fail(p.Property, kind, "property needs a propertyType (bool, integer, real, date, string or uuid)")
		}
		ref = schema.Property(p.Property, schema.PropertyType(p.PropertyType))
	default:
		name := p.Dimension
		if kind == schema.MetricKind {
			name = p.Metric
		}
		f, ok := schema.LookupIn(fam, kind, name)
		if !ok {
			return fail(name, kind, unknownReason(fam, kind, name))
		}
		ref = f
	}
	op := schema.Operator(p.Operator)
	if op == "" {
		op = schema.Matches
	}
	var rng *Range
	if p.Range != nil {
		rng = &Range{Gt: p.Range.Gt, Gte: p.Range.Gte, Lt: p.Range.Lt, Lte: p.Range.Lte}
	}
	return newPredicate(ref, op, p.Value, p.Value != "", rng), nil
}

// unknownReason explains why name is not a field of kind in family fam.
func unknownReason(fam schema.Family, kind schema.Kind, name string) string {
	other := schema.MetricKind
	if kind == schema.MetricKind {
		other = schema.DimensionKind
	}
	if _, ok := schema.LookupIn(fam, other, name); ok {
		return "not a " + string(kind) + " but a " + string(other) + " of " + string(fam) + "; use the " + strconv.Quote(string(other)) + " key"
	}
	for _, f := range wireFamilies() {
		if g, ok := schema.LookupIn(f, "", name); ok {
			return "not a " + string(fam) + " field; it belongs in " + f.FiltersKey() + " (as a " + string(g.Kind()) + ")"
		}
	}
	reason := "unknown " + string(fam) + " " + string(kind)
	_, err := schema.Lookup(string(fam) + "." + name)
	var ue *schema.UnknownFieldError
	if errors.As(err, &ue) && len(ue.Suggestions) > 0 {
		s := make([]string, len(ue.Suggestions))
		for i, x := range ue.Suggestions {
			s[i] = strings.TrimPrefix(x, string(fam)+".")
		}
		reason += "; did you mean " + orList(s) + "?"
	}
	return reason
}

// Resolve returns the AST predicate that p stands for in the filter array
// of family fam: its names resolved against the catalog, an omitted
// operator read as matches, an empty value read as no value. It returns
// every problem [Wire.Validate] would report for p (joined *[FieldError]
// values with an empty path), so a server can evaluate a checked predicate
// through [Predicate.Ref], [Predicate.Operator], [Predicate.Value] and
// [Predicate.Range].
func (p WirePredicate) Resolve(fam schema.Family) (Predicate, error) {
	pred, fe := p.resolve(fam, "")
	if fe != nil {
		return Predicate{}, fe
	}
	var errs []error
	for _, r := range checkPredicate(pred) {
		errs = append(errs, predicateError("", pred.ref, r))
	}
	if len(errs) > 0 {
		return Predicate{}, errors.Join(errs...)
	}
	return pred, nil
}
