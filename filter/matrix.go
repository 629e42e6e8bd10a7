package filter

import (
	"errors"
	"slices"

	"github.com/interactiondata/gcdata/schema"
)

// Matrix builds the "attribute matrix" filter: the And of one predicate per
// entry of m, in sorted key order. A key is a field name as [schema.ParseRef]
// reads it ("wrapUpCode", "evaluation.queueId", "prop.customerTier:string");
// a value is "exists" or "notExists" for those operators, and otherwise the
// value the field must match. A matrix of one entry is that predicate.
//
// Matrix returns every unknown or malformed key (joined, each a
// *[FieldError] with the key as Field) and an error for an empty map. It
// does not check values; [Validate] and [Compile] do.
func Matrix(m map[string]string) (Node, error) {
	if len(m) == 0 {
		return nil, &FieldError{Reason: "empty attribute matrix: give at least one field"}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	nodes := make([]Node, 0, len(keys))
	var errs []error
	for _, k := range keys {
		r, err := schema.ParseRef(k)
		if err != nil {
			errs = append(errs, &FieldError{Field: k, Reason: err.Error()})
			continue
		}
		switch v := m[k]; v {
		case string(schema.Exists):
			nodes = append(nodes, Exists(r))
		case string(schema.NotExists):
			nodes = append(nodes, NotExists(r))
		default:
			nodes = append(nodes, Matches(r, v))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return And(nodes...), nil
}
