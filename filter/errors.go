package filter

import (
	"strconv"

	"github.com/interactiondata/gcdata/schema"
)

// FieldError is one problem found by [Validate], [Wire.Validate] or the
// wire decoder. Path says where the problem is:
//
//   - in an AST, the chain of operators from the root to the node, each with
//     the child index: "and[1].or[0]" is child 0 of the Or that is child 1 of
//     the root And; "" is the root itself;
//   - in wire JSON, the JSON path: "segmentFilters[0].clauses[1].predicates[0]",
//     with the key appended for a decode error ("...predicates[0].operator").
type FieldError struct {
	Path   string      // where, see above; "" for the root
	Field  string      // the field as written in expressions ("queueId", "evaluation.queueId", "prop.tier:string"); "" when the problem is not about one field
	Kind   schema.Kind // the kind of Field when known (dimension, metric, property); "" otherwise
	Reason string      // what is wrong and, where possible, what to write instead
}

// Error returns e.g. `filter: and[1]: metric "tHandle": a metric takes a
// range, not a value`. The path and field parts are left out when empty.
func (e *FieldError) Error() string {
	b := []byte("filter: ")
	if e.Path != "" {
		b = append(b, e.Path...)
		b = append(b, ": "...)
	}
	if e.Field != "" {
		if e.Kind != "" {
			b = append(b, e.Kind...)
		} else {
			b = append(b, "field"...)
		}
		b = append(b, ' ')
		b = strconv.AppendQuote(b, e.Field)
		b = append(b, ": "...)
	}
	b = append(b, e.Reason...)
	return string(b)
}

// CompileError reports a valid filter that the wire format cannot express,
// such as an Or that mixes families. Path is an AST path as in [FieldError].
type CompileError struct {
	Path   string // the node that cannot be expressed; "" for the root
	Reason string // why, and what to write instead
}

// Error returns "filter: compile: PATH: REASON".
func (e *CompileError) Error() string {
	if e.Path == "" {
		return "filter: compile: " + e.Reason
	}
	return "filter: compile: " + e.Path + ": " + e.Reason
}
