package filter

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

// randomTree builds a random valid tree of up to depth levels.
func randomTree(r *rand.Rand, depth int) Node {
	if depth == 0 || r.IntN(3) == 0 {
		return randomPredicate(r)
	}
	kids := make([]Node, 1+r.IntN(4))
	for i := range kids {
		kids[i] = randomTree(r, depth-1)
	}
	if r.IntN(2) == 0 {
		return And(kids...)
	}
	return Or(kids...)
}

func randomPredicate(r *rand.Rand) Node {
	switch r.IntN(12) {
	case 0:
		return Exists(schema.ConversationEnd)
	case 1:
		return Matches(schema.OriginatingDirection, []string{"inbound", "outbound"}[r.IntN(2)])
	case 2:
		return Gt(schema.THandle, float64(r.IntN(5)*1000))
	case 3:
		lo := float64(r.IntN(5))
		return InRange(schema.TTalk, Range{Gte: &lo, Lt: fp(lo + 1 + float64(r.IntN(3)))})
	case 4:
		return Matches(schema.MediaType, []string{"voice", "email", "message"}[r.IntN(3)])
	case 5:
		return In(schema.QueueID, q1, q2)
	case 6:
		return NotExists(schema.WrapUpCode)
	case 7:
		return Matches(tier, []string{"gold", "silver", `we"ird`}[r.IntN(3)])
	case 8:
		return Lte(schema.TSegmentDuration, float64(r.IntN(100)))
	case 9:
		return Matches(schema.EvaluationQueueID, q2)
	case 10:
		return Gte(schema.OSurveyTotalScore, float64(r.IntN(10))/4)
	default:
		return Exists(schema.NNextContactAvoided)
	}
}

// TestRandomTrees checks the invariants that tie the package together on
// random valid trees: the canonical text parses back, and every tree that
// compiles yields wire JSON that is valid, decodes to itself and survives
// Wire.Node and a second Compile unchanged.
func TestRandomTrees(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	compiled := 0
	for range 3000 {
		n := randomTree(r, 4)
		require.NoError(t, Validate(n), n.String())

		back, err := Parse(n.String())
		require.NoError(t, err, n.String())
		require.True(t, Equal(n, back), "%s\nparsed back as\n%s", n, back)

		w, err := Compile(n)
		if err != nil {
			var ce *CompileError
			require.ErrorAs(t, err, &ce, n.String())
			continue
		}
		compiled++
		require.NoError(t, w.Validate(), n.String())
		// Boolean equivalence under random truth assignments of the
		// predicates (the segment grouping aside, Compile keeps the logic).
		for range 8 {
			truth := map[string]bool{}
			val := func(p Predicate) bool {
				k := p.String()
				v, ok := truth[k]
				if !ok {
					v = r.IntN(2) == 0
					truth[k] = v
				}
				return v
			}
			require.Equal(t, evalNode(n, val), evalWire(t, w, val), "%s", n)
		}
		b, err := w.MarshalJSON()
		require.NoError(t, err)
		dec, err := DecodeWire(b)
		require.NoError(t, err)
		require.Equal(t, w, dec)
		h1, err := Hash(n)
		require.NoError(t, err)

		wn, err := w.Node()
		if err != nil {
			// Several elements in a non-conversation array cannot come
			// out of Compile.
			t.Fatalf("Node of compiled %s: %v", n, err)
		}
		w2, err := Compile(wn)
		require.NoError(t, err, "%s -> %s", n, wn)
		b2, err := w2.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2), "%s -> %s", n, wn)
		h2, err := Hash(wn)
		require.NoError(t, err)
		require.Equal(t, h1, h2)
	}
	t.Logf("%d of 3000 random trees compile", compiled)
	require.Greater(t, compiled, 300, "too few random trees compile to be a useful test")
}

func evalNode(n Node, val func(Predicate) bool) bool {
	switch n := n.(type) {
	case AndNode:
		for _, c := range n.children {
			if !evalNode(c, val) {
				return false
			}
		}
		return true
	case OrNode:
		for _, c := range n.children {
			if evalNode(c, val) {
				return true
			}
		}
		return false
	case Predicate:
		return val(n)
	}
	return false
}

func evalWire(t *testing.T, w Wire, val func(Predicate) bool) bool {
	pred := func(fam schema.Family, p WirePredicate) bool {
		x, fe := p.resolve(fam, "")
		require.Nil(t, fe)
		return val(x)
	}
	group := func(typ string, bs []bool) bool {
		for _, b := range bs {
			if typ == "or" && b {
				return true
			}
			if typ == "and" && !b {
				return false
			}
		}
		return typ == "and"
	}
	for _, fam := range schema.Families() {
		for _, f := range w.Filters(fam) {
			var bs []bool
			for _, p := range f.Predicates {
				bs = append(bs, pred(fam, p))
			}
			for _, c := range f.Clauses {
				var cs []bool
				for _, p := range c.Predicates {
					cs = append(cs, pred(fam, p))
				}
				bs = append(bs, group(c.Type, cs))
			}
			if !group(f.Type, bs) {
				return false
			}
		}
	}
	return true
}
