package filter

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/interactiondata/gcdata/schema"
)

// Compile validates n (returning the [Validate] errors if any) and lowers it
// to the wire format. The rules, applied after flattening same-operator
// nesting (an And inside an And, an Or inside an Or):
//
//  1. The top-level And is split by family: the conditions of each family go
//     to that family's array. Array elements combine with AND.
//  2. All conditions of one family become ONE filter element, so that in
//     segmentFilters they must hold for the same segment (see the package
//     documentation): predicates go to the element's predicates, an Or of
//     predicates becomes a clause of type "or"; the element has type "and".
//  3. A family whose only condition is an Or becomes one element of type
//     "or": its predicates go to predicates, each And of predicates inside
//     it becomes a clause of type "and".
//  4. A lone predicate becomes an element of type "and" with that predicate.
//  5. Conversation conditions hold for the conversation as a whole, so an Or
//     of And groups among other conversation conditions goes into an element
//     of its own (rule 3) next to the element of rule 2. In the other
//     families that would let different segments (evaluations, ...) satisfy
//     the parts, so it is an error.
//
// Errors (*[CompileError]) are returned when the wire format cannot express
// n: an Or whose conditions span families (array elements only combine with
// AND), an Or inside an And inside an Or (filter → clause → predicate is the
// deepest nesting), and rule 5 outside the conversation family. Each error
// says what to write instead.
//
// Predicates always carry "type"; "operator" is written only for exists and
// notExists (matches is the API default); conditions keep the order of the
// AST. The output is deterministic: equal ASTs compile to identical JSON.
func Compile(n Node) (Wire, error) {
	if err := Validate(n); err != nil {
		return Wire{}, err
	}
	return lower(flatten(n, ""))
}

// Hash returns the hex SHA-256 of the canonical compiled wire JSON of n
// (the bytes of [Wire.MarshalJSON] on the result of [Compile]): a stable
// name for a filter, for audit logs and checkpoint names. Filters that
// compile to the same wire JSON have the same hash. It returns the errors
// of Compile.
func Hash(n Node) (string, error) {
	w, err := Compile(n)
	if err != nil {
		return "", err
	}
	b, err := w.MarshalJSON()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// fnode is a flattened node that remembers its path in the original AST.
type fnode struct {
	op   string // "and", "or" or "" for a predicate
	pred Predicate
	kids []*fnode
	path string
}

// flatten splices same-operator children into their parent.
func flatten(n Node, path string) *fnode {
	switch n := n.(type) {
	case AndNode:
		return flattenGroup("and", n.children, path)
	case OrNode:
		return flattenGroup("or", n.children, path)
	case Predicate:
		return &fnode{pred: n, path: path}
	}
	return nil // unreachable after Validate
}

func flattenGroup(op string, children []Node, path string) *fnode {
	g := &fnode{op: op, path: path}
	for i, c := range children {
		k := flatten(c, childPath(path, op, i))
		if k.op == op {
			g.kids = append(g.kids, k.kids...)
		} else {
			g.kids = append(g.kids, k)
		}
	}
	return g
}

// families returns the families of the predicates under n, in order of
// first appearance.
func (n *fnode) families(out []schema.Family) []schema.Family {
	if n.op == "" {
		f := n.pred.ref.Family()
		for _, x := range out {
			if x == f {
				return out
			}
		}
		return append(out, f)
	}
	for _, k := range n.kids {
		out = k.families(out)
	}
	return out
}

func lower(root *fnode) (Wire, error) {
	items := []*fnode{root}
	if root.op == "and" {
		items = root.kids
	}
	var byFam [5][]*fnode
	for _, it := range items {
		fams := it.families(nil)
		if len(fams) > 1 {
			return Wire{}, mixedFamilies(it, fams)
		}
		byFam[familyIndex(fams[0])] = append(byFam[familyIndex(fams[0])], it)
	}
	var w Wire
	for i, fam := range wireFamilies() {
		if len(byFam[i]) == 0 {
			continue
		}
		elems, err := lowerFamily(fam, byFam[i])
		if err != nil {
			return Wire{}, err
		}
		*w.slot(fam) = elems
	}
	return w, nil
}

func familyIndex(f schema.Family) int {
	for i, x := range wireFamilies() {
		if x == f {
			return i
		}
	}
	return 0
}

func mixedFamilies(n *fnode, fams []schema.Family) error {
	names := make([]string, len(fams))
	for i, f := range fams {
		names[i] = string(f)
	}
	return &CompileError{Path: n.path, Reason: "an or mixes " + strings.Join(names, " and ") +
		" fields, but the API combines " + fams[0].FiltersKey() + " and " + fams[1].FiltersKey() +
		" with and only; split the query in one query per family, or express the condition with fields of one family"}
}

// lowerFamily builds the filter elements of one family from the top-level
// conditions that belong to it.
func lowerFamily(fam schema.Family, items []*fnode) ([]WireFilter, error) {
	if len(items) == 1 && items[0].op == "or" {
		f, err := orElement(items[0])
		if err != nil {
			return nil, err
		}
		return []WireFilter{f}, nil
	}
	main := WireFilter{Type: "and"}
	var extra []WireFilter
	for _, it := range items {
		switch {
		case it.op == "":
			main.Predicates = append(main.Predicates, wirePredicate(it.pred))
		case isOrOfPredicates(it):
			main.Clauses = append(main.Clauses, WireClause{Type: "or", Predicates: predicatesOf(it)})
		default: // an Or containing And groups
			if fam != schema.Conversation {
				return nil, &CompileError{Path: it.path, Reason: "an or of and-groups cannot share a " + string(fam) +
					" filter with other " + string(fam) + " conditions: the API nests only filter → clause → predicate, and separate " +
					fam.FiltersKey() + " elements may be met by different " + string(fam) + "s; distribute the other conditions into each and-group, " +
					"e.g. write (x and a and b) or (x and c) instead of x and ((a and b) or c)"}
			}
			f, err := orElement(it)
			if err != nil {
				return nil, err
			}
			extra = append(extra, f)
		}
	}
	var out []WireFilter
	if main.Predicates != nil || main.Clauses != nil {
		out = append(out, main)
	}
	return append(out, extra...), nil
}

// orElement builds an element of type "or" from an Or node whose children
// are predicates or Ands of predicates.
func orElement(n *fnode) (WireFilter, error) {
	f := WireFilter{Type: "or"}
	for _, k := range n.kids {
		switch k.op {
		case "":
			f.Predicates = append(f.Predicates, wirePredicate(k.pred))
		case "and":
			for _, g := range k.kids {
				if g.op != "" {
					return WireFilter{}, &CompileError{Path: g.path, Reason: "too deeply nested: an or inside an and inside an or " +
						"needs filter → clause → clause, but the API nests only filter → clause → predicate; " +
						"distribute the and over the inner or, e.g. write (a and b) or (a and c) instead of a and (b or c)"}
				}
			}
			f.Clauses = append(f.Clauses, WireClause{Type: "and", Predicates: predicatesOf(k)})
		}
	}
	return f, nil
}

func isOrOfPredicates(n *fnode) bool {
	if n.op != "or" {
		return false
	}
	for _, k := range n.kids {
		if k.op != "" {
			return false
		}
	}
	return true
}

func predicatesOf(n *fnode) []WirePredicate {
	out := make([]WirePredicate, len(n.kids))
	for i, k := range n.kids {
		out[i] = wirePredicate(k.pred)
	}
	return out
}

// wirePredicate converts a valid AST predicate.
func wirePredicate(p Predicate) WirePredicate {
	var w WirePredicate
	switch r := p.ref.(type) {
	case schema.Field:
		w.Type = string(r.Kind())
		if r.Kind() == schema.MetricKind {
			w.Metric = r.Name()
		} else {
			w.Dimension = r.Name()
		}
	case schema.CustomProperty:
		w.Type = string(schema.PropertyKind)
		w.PropertyType = string(r.Type())
		w.Property = r.Name()
	}
	if p.op != schema.Matches {
		w.Operator = string(p.op)
	}
	if p.hasValue {
		w.Value = p.value
	}
	if p.hasRange {
		r := p.rng.clone()
		w.Range = &WireRange{Gt: r.Gt, Gte: r.Gte, Lt: r.Lt, Lte: r.Lte}
	}
	return w
}

// Node converts w back to an AST: the And of every element of every array
// (in the order conversation, segment, evaluation, survey, resolution),
// where an element of type "and" contributes its predicates and then its
// clauses directly, and an element of type "or" contributes one Or of its
// predicates and clauses; a clause becomes an And or Or of its predicates;
// an And or Or of one condition is that condition. Compile(node) is
// equivalent to w, though not always byte-identical (for example a clause
// with one predicate is merged into its filter).
//
// Node first runs [Wire.Validate] and returns its errors. Because all the
// conditions of one family in a tree must hold together (for the same
// segment, evaluation, ...), a tree cannot say that two elements of
// segmentFilters (evaluationFilters, surveyFilters, resolutionFilters) may
// be met by different segments; Node returns a *[FieldError] for a second
// element of those arrays. A Wire with no filter elements returns a nil
// Node and a nil error: no filter at all.
func (w Wire) Node() (Node, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	var all []Node
	for _, fam := range wireFamilies() {
		fs := w.Filters(fam)
		if len(fs) > 1 && fam != schema.Conversation {
			return nil, &FieldError{Path: fam.FiltersKey() + "[1]", Reason: "a filter tree cannot express several " + fam.FiltersKey() +
				" elements (each may match a different " + string(fam) + "); merge them into one element"}
		}
		for i, f := range fs {
			path := fam.FiltersKey() + "[" + strconv.Itoa(i) + "]"
			var kids []Node
			for _, p := range f.Predicates {
				pred, fe := p.resolve(fam, path)
				if fe != nil {
					return nil, fe // unreachable after Validate
				}
				kids = append(kids, pred)
			}
			for _, c := range f.Clauses {
				ck := make([]Node, 0, len(c.Predicates))
				for _, p := range c.Predicates {
					pred, fe := p.resolve(fam, path)
					if fe != nil {
						return nil, fe
					}
					ck = append(ck, pred)
				}
				kids = append(kids, group(c.Type, ck))
			}
			if f.Type == "and" {
				all = append(all, kids...)
			} else {
				all = append(all, group(f.Type, kids))
			}
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	return And(all...), nil
}

func group(typ string, kids []Node) Node {
	if typ == "or" {
		return Or(kids...)
	}
	return And(kids...)
}
