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
	return lower(n)
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

// fnode is a node of the flattened tree. It remembers its place in the
// original AST (parent and child index) so that an error can name its path.
type fnode struct {
	op     string // "and", "or" or "" for a predicate
	leaf   Node   // the Predicate, for op ""
	kids   []*fnode
	parent *fnode // the original parent group; nil for the root
	idx    int    // child index in the original parent
}

// path returns the AST path of n in the original tree.
func (n *fnode) path() string {
	var steps []pathStep
	for x := n; x.parent != nil; x = x.parent {
		steps = append(steps, pathStep{x.parent.op, x.idx})
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return formatPath(steps)
}

// lowering holds the arenas of one Compile call, so that a compile makes a
// handful of allocations instead of several per node.
type lowering struct {
	nodes   []fnode
	kids    []*fnode
	scratch []*fnode
	floats  []float64
	ranges  []WireRange
}

// sizes counts what the arenas of a lowering need.
type sizes struct{ nodes, ranges, bounds int }

func (s *sizes) count(n Node) {
	s.nodes++
	switch n := n.(type) {
	case AndNode:
		for _, c := range n.children {
			s.count(c)
		}
	case OrNode:
		for _, c := range n.children {
			s.count(c)
		}
	case Predicate:
		if n.hasRange {
			s.ranges++
			s.bounds += n.rng.bounds()
		}
	}
}

func newLowering(n Node) *lowering {
	var s sizes
	s.count(n)
	return &lowering{
		nodes:   make([]fnode, 0, s.nodes),
		kids:    make([]*fnode, 0, 2*s.nodes),
		scratch: make([]*fnode, 0, s.nodes),
		floats:  make([]float64, 0, s.bounds),
		ranges:  make([]WireRange, 0, s.ranges),
	}
}

func (l *lowering) alloc(x fnode) *fnode {
	l.nodes = append(l.nodes, x)
	return &l.nodes[len(l.nodes)-1]
}

// flatten builds the flattened tree of n: same-operator children are
// spliced into their parent.
func (l *lowering) flatten(n *Node, parent *fnode, idx int) *fnode {
	switch x := (*n).(type) {
	case AndNode:
		return l.group("and", x.children, parent, idx)
	case OrNode:
		return l.group("or", x.children, parent, idx)
	case Predicate:
		return l.alloc(fnode{leaf: *n, parent: parent, idx: idx})
	}
	return nil // unreachable after Validate
}

func (l *lowering) group(op string, children []Node, parent *fnode, idx int) *fnode {
	g := l.alloc(fnode{op: op, parent: parent, idx: idx})
	// Children are flattened first onto the scratch stack (nested groups
	// use the stack above them), then this group's kids are appended to the
	// kids arena in one contiguous run.
	base := len(l.scratch)
	for i := range children {
		l.scratch = append(l.scratch, l.flatten(&children[i], g, i))
	}
	start := len(l.kids)
	for _, k := range l.scratch[base:] {
		if k.op == op {
			l.kids = append(l.kids, k.kids...)
		} else {
			l.kids = append(l.kids, k)
		}
	}
	l.scratch = l.scratch[:base]
	g.kids = l.kids[start:len(l.kids):len(l.kids)]
	return g
}

// families returns the set of families of the predicates under n as a bit
// mask indexed by familyIndex.
func (n *fnode) families() uint8 {
	if n.op == "" {
		return 1 << familyIndex(n.leaf.(Predicate).ref.Family())
	}
	var m uint8
	for _, k := range n.kids {
		m |= k.families()
	}
	return m
}

func lower(n Node) (Wire, error) {
	l := newLowering(n)
	root := l.flatten(&n, nil, 0)
	items := []*fnode{root}
	if root.op == "and" {
		items = root.kids
	}
	var byFam [5][]*fnode
	for _, it := range items {
		m := it.families()
		if m&(m-1) != 0 {
			return Wire{}, mixedFamilies(it, m)
		}
		i := familyIndex(it.firstFamily())
		byFam[i] = append(byFam[i], it)
	}
	var w Wire
	for i, fam := range wireFamilies() {
		if len(byFam[i]) == 0 {
			continue
		}
		elems, err := l.lowerFamily(fam, byFam[i])
		if err != nil {
			return Wire{}, err
		}
		*w.slot(fam) = elems
	}
	return w, nil
}

func (n *fnode) firstFamily() schema.Family {
	for n.op != "" {
		n = n.kids[0]
	}
	return n.leaf.(Predicate).ref.Family()
}

func familyIndex(f schema.Family) int {
	switch f {
	case schema.Segment:
		return 1
	case schema.Evaluation:
		return 2
	case schema.Survey:
		return 3
	case schema.Resolution:
		return 4
	}
	return 0
}

func mixedFamilies(n *fnode, mask uint8) error {
	var fams []schema.Family
	var names []string
	for i, f := range wireFamilies() {
		if mask&(1<<i) != 0 {
			fams = append(fams, f)
			names = append(names, string(f))
		}
	}
	return &CompileError{Path: n.path(), Reason: "an or mixes " + strings.Join(names, " and ") +
		" fields, but the API combines " + fams[0].FiltersKey() + " and " + fams[1].FiltersKey() +
		" with and only; split the query in one query per family, or express the condition with fields of one family"}
}

// lowerFamily builds the filter elements of one family from the top-level
// conditions that belong to it.
func (l *lowering) lowerFamily(fam schema.Family, items []*fnode) ([]WireFilter, error) {
	if len(items) == 1 && items[0].op == "or" {
		f, err := l.orElement(items[0])
		if err != nil {
			return nil, err
		}
		return []WireFilter{f}, nil
	}
	main := WireFilter{Type: "and"}
	var extra []WireFilter
	preds := 0
	for _, it := range items {
		if it.op == "" {
			preds++
		}
	}
	if preds > 0 {
		main.Predicates = make([]WirePredicate, 0, preds)
	}
	for _, it := range items {
		switch {
		case it.op == "":
			main.Predicates = append(main.Predicates, l.wirePredicate(it.leaf.(Predicate)))
		case isOrOfPredicates(it):
			main.Clauses = append(main.Clauses, WireClause{Type: "or", Predicates: l.predicatesOf(it)})
		default: // an Or containing And groups
			if fam != schema.Conversation {
				return nil, &CompileError{Path: it.path(), Reason: "an or of and-groups cannot share a " + string(fam) +
					" filter with other " + string(fam) + " conditions: the API nests only filter → clause → predicate, and separate " +
					fam.FiltersKey() + " elements may be met by different " + string(fam) + "s; distribute the other conditions into each and-group, " +
					"e.g. write (x and a and b) or (x and c) instead of x and ((a and b) or c)"}
			}
			f, err := l.orElement(it)
			if err != nil {
				return nil, err
			}
			extra = append(extra, f)
		}
	}
	out := make([]WireFilter, 0, 1+len(extra))
	if main.Predicates != nil || main.Clauses != nil {
		out = append(out, main)
	}
	return append(out, extra...), nil
}

// orElement builds an element of type "or" from an Or node whose children
// are predicates or Ands of predicates.
func (l *lowering) orElement(n *fnode) (WireFilter, error) {
	f := WireFilter{Type: "or"}
	for _, k := range n.kids {
		switch k.op {
		case "":
			f.Predicates = append(f.Predicates, l.wirePredicate(k.leaf.(Predicate)))
		case "and":
			for _, g := range k.kids {
				if g.op != "" {
					return WireFilter{}, &CompileError{Path: g.path(), Reason: "too deeply nested: an or inside an and inside an or " +
						"needs filter → clause → clause, but the API nests only filter → clause → predicate; " +
						"distribute the and over the inner or, e.g. write (a and b) or (a and c) instead of a and (b or c)"}
				}
			}
			f.Clauses = append(f.Clauses, WireClause{Type: "and", Predicates: l.predicatesOf(k)})
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

func (l *lowering) predicatesOf(n *fnode) []WirePredicate {
	out := make([]WirePredicate, len(n.kids))
	for i, k := range n.kids {
		out[i] = l.wirePredicate(k.leaf.(Predicate))
	}
	return out
}

// wirePredicate converts a valid AST predicate; the range is copied into
// the arenas, so the Wire shares no memory with the node.
func (l *lowering) wirePredicate(p Predicate) WirePredicate {
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
		l.ranges = append(l.ranges, WireRange{Gt: l.float(p.rng.Gt), Gte: l.float(p.rng.Gte), Lt: l.float(p.rng.Lt), Lte: l.float(p.rng.Lte)})
		w.Range = &l.ranges[len(l.ranges)-1]
	}
	return w
}

func (l *lowering) float(p *float64) *float64 {
	if p == nil {
		return nil
	}
	l.floats = append(l.floats, *p)
	return &l.floats[len(l.floats)-1]
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
