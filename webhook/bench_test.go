package webhook

import (
	"testing"
)

func BenchmarkSign(b *testing.B) {
	keys, err := parseSecrets([]string{vectorSecret})
	if err != nil {
		b.Fatal(err)
	}
	body, err := batchEvent(1).MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = signatureHeader(keys, vectorID, vectorTS, body)
	}
}

func BenchmarkVerify(b *testing.B) {
	v, err := NewVerifier([]string{vectorSecret}, WithVerifierClock(fixed(vectorTime)))
	if err != nil {
		b.Fatal(err)
	}
	h, body := vectorHeader(), []byte(vectorBody)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(h, body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalEvent(b *testing.B) {
	ev := batchEvent(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ev.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
