package filter

import (
	"math"
	"strconv"
	"strings"

	"github.com/interactiondata/gcdata/schema"
)

// Node is a sealed, immutable filter AST node: an [AndNode], an [OrNode] or a
// [Predicate]. Build nodes with [And], [Or], [Matches], [In], [Exists],
// [NotExists], [Gt], [Gte], [Lt], [Lte], [InRange], [Matrix] or [Parse];
// nothing mutates a node after it is built, so nodes are safe to share
// between goroutines.
//
// String returns the canonical expression text of the node (see the package
// documentation, "Canonical text"); for a valid node, Parse(n.String())
// returns a node equal to n (see [Equal]).
type Node interface {
	String() string
	node()
}

// AndNode holds when all its children hold. Build one with [And].
type AndNode struct {
	children []Node
}

// OrNode holds when at least one of its children holds. Build one with [Or]
// or [In].
type OrNode struct {
	children []Node
}

// Predicate is one comparison on a [schema.Ref]: a dimension or custom
// property matching a value, a metric within a [Range], or any ref existing
// or not existing. Build one with [Matches], [Exists], [NotExists], [Gt],
// [Gte], [Lt], [Lte] or [InRange].
type Predicate struct {
	ref      schema.Ref
	op       schema.Operator
	value    string
	hasValue bool
	rng      Range
	hasRange bool
}

// Range is a numeric range of a metric predicate, in the metric's own unit
// (milliseconds for t* metrics). A nil bound is absent; the pointers exist
// because 0 is a real bound. Constructors copy the bounds, so changing a
// Range after passing it changes no node.
type Range struct {
	Gt, Gte, Lt, Lte *float64
}

func (AndNode) node()   {}
func (OrNode) node()    {}
func (Predicate) node() {}

// Children returns the children of the And node, as a new slice.
func (n AndNode) Children() []Node { return cloneNodes(n.children) }

// Children returns the children of the Or node, as a new slice.
func (n OrNode) Children() []Node { return cloneNodes(n.children) }

// Len returns the number of children.
func (n AndNode) Len() int { return len(n.children) }

// Len returns the number of children.
func (n OrNode) Len() int { return len(n.children) }

// Child returns child i; it returns nil when i is out of range.
func (n AndNode) Child(i int) Node {
	if i < 0 || i >= len(n.children) {
		return nil
	}
	return n.children[i]
}

// Child returns child i; it returns nil when i is out of range.
func (n OrNode) Child(i int) Node {
	if i < 0 || i >= len(n.children) {
		return nil
	}
	return n.children[i]
}

// Ref returns the left-hand side of the predicate: a [schema.Field] or a
// [schema.CustomProperty].
func (p Predicate) Ref() schema.Ref { return p.ref }

// Operator returns the predicate's operator: [schema.Matches] for value and
// range predicates, [schema.Exists] or [schema.NotExists] otherwise.
func (p Predicate) Operator() schema.Operator { return p.op }

// Value returns the value a dimension or property predicate matches, and
// whether the predicate has a value.
func (p Predicate) Value() (string, bool) { return p.value, p.hasValue }

// Range returns the range of a metric predicate (a copy), and whether the
// predicate has a range.
func (p Predicate) Range() (Range, bool) {
	if !p.hasRange {
		return Range{}, false
	}
	return p.rng.clone(), true
}

// And returns a node that holds when every node holds. The nodes are copied.
// And with exactly one node returns that node itself (an And of one is the
// node); And with none returns an empty And, which [Validate] rejects. And
// does not flatten nested Ands (Compile does).
func And(nodes ...Node) Node {
	if len(nodes) == 1 && nodes[0] != nil {
		return nodes[0]
	}
	return AndNode{children: cloneNodes(nodes)}
}

// Or returns a node that holds when at least one node holds. The nodes are
// copied. Or with exactly one node returns that node itself; Or with none
// returns an empty Or, which [Validate] rejects. Or does not flatten nested
// Ors (Compile does).
func Or(nodes ...Node) Node {
	if len(nodes) == 1 && nodes[0] != nil {
		return nodes[0]
	}
	return OrNode{children: cloneNodes(nodes)}
}

// Matches returns a predicate that holds when the dimension or custom
// property r has the value value (a string as sent on the wire, e.g. "voice",
// "true", "42", a UUID or an RFC 3339 date-time). [Validate] checks the value
// against the field's type; a metric takes a range, not a value.
func Matches(r schema.Ref, value string) Node {
	return Predicate{ref: r, op: schema.Matches, value: value, hasValue: true}
}

// In returns an Or of [Matches] predicates of r, one per value, in order:
// the field matches any of the values. In with one value is that Matches
// predicate; In with none is an empty Or, which [Validate] rejects.
func In(r schema.Ref, values ...string) Node {
	nodes := make([]Node, len(values))
	for i, v := range values {
		nodes[i] = Matches(r, v)
	}
	if len(nodes) == 1 {
		return nodes[0]
	}
	return OrNode{children: nodes}
}

// Exists returns a predicate that holds when r has a value.
func Exists(r schema.Ref) Node {
	return Predicate{ref: r, op: schema.Exists}
}

// NotExists returns a predicate that holds when r has no value.
func NotExists(r schema.Ref) Node {
	return Predicate{ref: r, op: schema.NotExists}
}

// Gt returns a predicate that holds when metric f is greater than v, in the
// metric's own unit (milliseconds for t* metrics).
func Gt(f schema.Field, v float64) Node { return InRange(f, Range{Gt: &v}) }

// Gte returns a predicate that holds when metric f is at least v, in the
// metric's own unit (milliseconds for t* metrics).
func Gte(f schema.Field, v float64) Node { return InRange(f, Range{Gte: &v}) }

// Lt returns a predicate that holds when metric f is less than v, in the
// metric's own unit (milliseconds for t* metrics).
func Lt(f schema.Field, v float64) Node { return InRange(f, Range{Lt: &v}) }

// Lte returns a predicate that holds when metric f is at most v, in the
// metric's own unit (milliseconds for t* metrics).
func Lte(f schema.Field, v float64) Node { return InRange(f, Range{Lte: &v}) }

// InRange returns a predicate that holds when metric f lies within r (every
// bound that is set holds), in the metric's own unit. The bounds are copied.
// [Validate] rejects a range with no bound, two lower or two upper bounds,
// a lower bound above the upper bound, and a range on a dimension.
func InRange(f schema.Field, r Range) Node {
	return Predicate{ref: f, op: schema.Matches, rng: r.clone(), hasRange: true}
}

// newPredicate builds a predicate with any combination of parts, as decoded
// from the wire; Validate reports the invalid combinations.
func newPredicate(r schema.Ref, op schema.Operator, value string, hasValue bool, rng *Range) Predicate {
	p := Predicate{ref: r, op: op, value: value, hasValue: hasValue}
	if rng != nil {
		p.rng, p.hasRange = rng.clone(), true
	}
	return p
}

func (r Range) clone() Range {
	return Range{Gt: cloneFloat(r.Gt), Gte: cloneFloat(r.Gte), Lt: cloneFloat(r.Lt), Lte: cloneFloat(r.Lte)}
}

// IsZero reports whether r has no bound.
func (r Range) IsZero() bool { return r.Gt == nil && r.Gte == nil && r.Lt == nil && r.Lte == nil }

// bounds returns the number of bounds that are set.
func (r Range) bounds() int {
	n := 0
	for _, b := range []*float64{r.Gt, r.Gte, r.Lt, r.Lte} {
		if b != nil {
			n++
		}
	}
	return n
}

func cloneFloat(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func cloneNodes(nodes []Node) []Node {
	if nodes == nil {
		return nil
	}
	out := make([]Node, len(nodes))
	copy(out, nodes)
	return out
}

// Equal reports whether a and b are the same tree: the same node types, the
// same children in the same order, the same refs, operators, values and
// range bounds (compared by value; NaN bounds are equal to each other).
func Equal(a, b Node) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case AndNode:
		b, ok := b.(AndNode)
		return ok && equalNodes(a.children, b.children)
	case OrNode:
		b, ok := b.(OrNode)
		return ok && equalNodes(a.children, b.children)
	case Predicate:
		b, ok := b.(Predicate)
		return ok && a.ref == b.ref && a.op == b.op && a.value == b.value && a.hasValue == b.hasValue &&
			a.hasRange == b.hasRange && equalBound(a.rng.Gt, b.rng.Gt) && equalBound(a.rng.Gte, b.rng.Gte) &&
			equalBound(a.rng.Lt, b.rng.Lt) && equalBound(a.rng.Lte, b.rng.Lte)
	}
	return false
}

func equalNodes(a, b []Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

func equalBound(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b || (math.IsNaN(*a) && math.IsNaN(*b))
}

// ---- canonical text ----

// String returns the canonical expression text, e.g.
// `mediaType == "voice" and (queueId == "a" or wrapUpCode == "b")`.
func (n AndNode) String() string {
	var b strings.Builder
	writeAnd(&b, n)
	return b.String()
}

// String returns the canonical expression text, e.g. `queueId in ("a", "b")`
// or `mediaType == "voice" or tHandle > 1000`.
func (n OrNode) String() string {
	var b strings.Builder
	writeOr(&b, n)
	return b.String()
}

// String returns the canonical expression text, e.g. `mediaType == "voice"`,
// `wrapUpCode exists` or `tHandle >= 1000 and tHandle < 3600000`.
func (p Predicate) String() string {
	var b strings.Builder
	writePredicate(&b, p)
	return b.String()
}

// RefText returns how a ref is written in the expression language: the API
// name ("queueId") when [schema.Lookup] resolves it to the same field, the
// qualified name ("evaluation.queueId") otherwise, and "prop.NAME:TYPE" for a
// custom property, with NAME quoted by strconv.Quote unless it is only ASCII
// letters, digits, '_', '-' and '.' (`prop."my tier":string`), so that
// [Parse] reads every name back.
func RefText(r schema.Ref) string {
	switch r := r.(type) {
	case nil:
		return "<nil>"
	case schema.CustomProperty:
		return r.String() // prop.NAME:TYPE, the name quoted when it is not plain
	case schema.Field:
		if !r.Valid() {
			return r.String()
		}
		if f, err := schema.Lookup(r.Name()); err == nil && f == r {
			return r.Name()
		}
		return r.String()
	default:
		return r.String()
	}
}

// FormatNumber formats a range bound as the canonical text and wire JSON
// do: strconv.FormatFloat(v, 'g', -1, 64), e.g. 180000, 1.5, 3.6e+06.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func writeNode(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case AndNode:
		writeAnd(b, n)
	case OrNode:
		writeOr(b, n)
	case Predicate:
		writePredicate(b, n)
	default:
		b.WriteString("<nil>")
	}
}

func writeAnd(b *strings.Builder, n AndNode) {
	if len(n.children) == 0 {
		b.WriteString("()")
		return
	}
	// A chain of bare single-bound comparisons on one metric reads back as
	// one range predicate, so such children are parenthesized.
	chain := boundChain(n.children)
	for i, c := range n.children {
		if i > 0 {
			b.WriteString(" and ")
		}
		paren := false
		switch c := c.(type) {
		case AndNode:
			paren = true
		case OrNode:
			_, _, in := inList(c.children)
			paren = !in // `f in (...)` is one operand
		case Predicate:
			paren = c.multiBound() || (chain && c.isRangePredicate())
		}
		writeChild(b, c, paren)
	}
}

func writeOr(b *strings.Builder, n OrNode) {
	if len(n.children) == 0 {
		b.WriteString("()")
		return
	}
	if r, vals, ok := inList(n.children); ok {
		b.WriteString(RefText(r))
		b.WriteString(" in (")
		for i, v := range vals {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(v))
		}
		b.WriteString(")")
		return
	}
	for i, c := range n.children {
		if i > 0 {
			b.WriteString(" or ")
		}
		paren := false
		switch c := c.(type) {
		case OrNode:
			paren = true
		case Predicate:
			paren = c.multiBound()
		}
		writeChild(b, c, paren)
	}
}

func writeChild(b *strings.Builder, n Node, paren bool) {
	if paren {
		b.WriteByte('(')
	}
	writeNode(b, n)
	if paren {
		b.WriteByte(')')
	}
}

// inList reports whether children (two or more) are all value Matches
// predicates on the same ref, printed as `ref in (...)`.
func inList(children []Node) (schema.Ref, []string, bool) {
	if len(children) < 2 {
		return nil, nil, false
	}
	var ref schema.Ref
	vals := make([]string, 0, len(children))
	for i, c := range children {
		p, ok := c.(Predicate)
		if !ok || !p.isValueMatch() {
			return nil, nil, false
		}
		if i == 0 {
			ref = p.ref
		} else if p.ref != ref {
			return nil, nil, false
		}
		vals = append(vals, p.value)
	}
	return ref, vals, true
}

// boundChain reports whether children are all single-bound range predicates
// on one metric (two or more), which would read back as one range predicate
// if printed bare.
func boundChain(children []Node) bool {
	if len(children) < 2 {
		return false
	}
	var ref schema.Ref
	for i, c := range children {
		p, ok := c.(Predicate)
		if !ok || !p.isRangePredicate() || p.rng.bounds() != 1 {
			return false
		}
		if i == 0 {
			ref = p.ref
		} else if p.ref != ref {
			return false
		}
	}
	return true
}

func (p Predicate) isValueMatch() bool {
	return p.op == schema.Matches && p.hasValue && !p.hasRange && p.ref != nil
}

func (p Predicate) isRangePredicate() bool {
	return p.op == schema.Matches && p.hasRange && !p.hasValue
}

func (p Predicate) multiBound() bool { return p.isRangePredicate() && p.rng.bounds() > 1 }

func writePredicate(b *strings.Builder, p Predicate) {
	name := RefText(p.ref)
	switch {
	case p.op == schema.Exists || p.op == schema.NotExists:
		b.WriteString(name)
		b.WriteByte(' ')
		b.WriteString(string(p.op))
		// An exists predicate carrying a value or range is invalid and has
		// no text form; it prints the extra part so the problem is visible.
		if p.hasValue {
			b.WriteString(" " + strconv.Quote(p.value))
		}
	case p.hasRange && !p.hasValue:
		if p.rng.IsZero() {
			b.WriteString(name + " in range ()")
			return
		}
		first := true
		for _, bd := range []struct {
			op string
			v  *float64
		}{{">", p.rng.Gt}, {">=", p.rng.Gte}, {"<", p.rng.Lt}, {"<=", p.rng.Lte}} {
			if bd.v == nil {
				continue
			}
			if !first {
				b.WriteString(" and ")
			}
			first = false
			b.WriteString(name)
			b.WriteByte(' ')
			b.WriteString(bd.op)
			b.WriteByte(' ')
			b.WriteString(FormatNumber(*bd.v))
		}
	default:
		b.WriteString(name)
		b.WriteString(" == ")
		b.WriteString(strconv.Quote(p.value))
		if p.hasRange {
			b.WriteString(" in range ()")
		}
	}
}
