package genesystest

import (
	"testing"
	"time"
)

// BenchmarkGenerate measures generating one conversation (what every
// served row and every filtered scan costs).
func BenchmarkGenerate(b *testing.B) {
	s, err := New(WithConversations(1_000_000), WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	k := s.grid.first
	for b.Loop() {
		c := s.gen.conversation(k, true, 0)
		_ = c
		k++
		if k == s.grid.last {
			k = s.grid.first
		}
	}
}

// BenchmarkGenerateAndWrite adds writing the JSON.
func BenchmarkGenerateAndWrite(b *testing.B) {
	s, err := New(WithConversations(1_000_000), WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	k := s.grid.first
	var w jw
	for b.Loop() {
		c := s.gen.conversation(k, true, 0)
		w.b = w.b[:0]
		w.comma = false
		w.writeConversation(&c, true)
		b.SetBytes(int64(len(w.b)))
		k++
		if k == s.grid.last {
			k = s.grid.first
		}
	}
}

// BenchmarkJobResultsPage measures serving one 1000-row job results page
// over HTTP.
func BenchmarkJobResultsPage(b *testing.B) {
	s := NewServer(WithConversations(1_000_000), WithClock(func() time.Time { return testNow }), WithLimits(Limits{JobPolls: -1}))
	defer s.Close()
	b.ReportAllocs()
	tok := benchToken(b, s)
	id := benchJob(b, s, tok, `{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z"}`)
	for b.Loop() {
		benchGet(b, s, tok, resultsURL(id, "", 1000))
	}
}
