package filter

import (
	"strconv"
	"testing"

	"github.com/interactiondata/gcdata/schema"
)

// bench50 returns a valid 50-predicate filter spanning four families:
// 20 segment matches, 5 segment Ors of 2 queues (10), 10 conversation metric
// ranges, 5 conversation dimensions and 5 evaluation predicates.
func bench50() Node {
	var kids []Node
	segment := []schema.Field{schema.MediaType, schema.Direction, schema.Purpose, schema.SegmentType, schema.WrapUpCode}
	values := []string{"voice", "inbound", "agent", "interact", "Case-Closed"}
	for i := range 20 {
		if i < len(segment) {
			kids = append(kids, Matches(segment[i], values[i]))
		} else {
			kids = append(kids, Matches(schema.WrapUpNote, "note "+strconv.Itoa(i)))
		}
	}
	for i := range 5 {
		kids = append(kids, In(schema.QueueID, q1, q2[:35]+strconv.Itoa(i)))
	}
	metrics := []schema.Field{schema.THandle, schema.TTalk, schema.TAcw, schema.TAbandon, schema.TConversationDuration}
	for i := range 10 {
		kids = append(kids, InRange(metrics[i%5], Range{Gte: fp(float64(i * 1000)), Lt: fp(float64(i*1000 + 3600000))}))
	}
	kids = append(kids, Exists(schema.ConversationEnd), Matches(schema.OriginatingDirection, "inbound"),
		Matches(schema.DivisionID, q1), Exists(schema.ExternalTag), NotExists(schema.AccessAttribute))
	kids = append(kids, Matches(schema.EvaluationQueueID, q1), Exists(schema.EvaluationUserID), Gte(schema.OTotalScore, 50),
		Lt(schema.OTotalCriticalScore, 90), Exists(schema.EventTime))
	return And(kids...)
}

// BenchmarkCompile50 measures Compile (validate + lower) of a 50-predicate
// AST: go test ./filter -run '^$' -bench Compile50 -benchmem -cpu 1
func BenchmarkCompile50(b *testing.B) {
	n := bench50()
	if _, err := Compile(n); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileMarshal50 adds the JSON encoding of the compiled wire.
func BenchmarkCompileMarshal50(b *testing.B) {
	n := bench50()
	b.ReportAllocs()
	for b.Loop() {
		w, err := Compile(n)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeWire50 measures the strict decoder on the compiled JSON of
// the 50-predicate filter.
func BenchmarkDecodeWire50(b *testing.B) {
	w, err := Compile(bench50())
	if err != nil {
		b.Fatal(err)
	}
	data, err := w.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeWire(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBench50IsFifty(t *testing.T) {
	t.Parallel()
	count := 0
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case AndNode:
			for _, c := range n.children {
				walk(c)
			}
		case OrNode:
			for _, c := range n.children {
				walk(c)
			}
		case Predicate:
			count++
		}
	}
	walk(bench50())
	if count != 50 {
		t.Fatalf("bench50 has %d predicates", count)
	}
}
