package schema

import "testing"

func BenchmarkLookup(b *testing.B) {
	names := []string{"mediaType", "queueId", "evaluation.queueId", "tHandle", "wrapUpCode", "nNextContactAvoided"}
	for i := 0; b.Loop(); i++ {
		if _, err := Lookup(names[i%len(names)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupUnknown(b *testing.B) {
	for b.Loop() {
		if _, err := Lookup("wrapupcode"); err == nil {
			b.Fatal("want error")
		}
	}
}

func BenchmarkCheckValue(b *testing.B) {
	cases := []struct {
		f Field
		v string
	}{
		{MediaType, "voice"},
		{QueueID, "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"},
		{ConversationStart, "2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z"},
		{WrapUpCode, "Case-Closed"},
		{THandle, "180000"},
		{EngagementSource, "WhatsApp"},
	}
	for i := 0; b.Loop(); i++ {
		c := cases[i%len(cases)]
		if err := c.f.CheckValue(c.v); err != nil {
			b.Fatal(err)
		}
	}
}
