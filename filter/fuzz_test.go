package filter

import (
	"encoding/json"
	"testing"
)

// FuzzDecodeWire checks that the strict wire decoder never panics, accepts
// only valid JSON (encoding/json agrees), and that whatever it accepts
// encodes, decodes back equal and encodes to the same
// bytes; and that a valid wire converts to a tree that compiles.
// Seeds: testdata/fuzz/FuzzDecodeWire (run by plain go test).
func FuzzDecodeWire(f *testing.F) {
	f.Add([]byte(`{"segmentFilters":[{"type":"or","predicates":[{"type":"dimension","dimension":"mediaType","value":"voice"}]}]}`))
	f.Add([]byte(`{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":{"gt":-0,"lte":1e300}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := DecodeWire(data)
		if err != nil {
			if _, ok := err.(*FieldError); !ok {
				t.Fatalf("error is %T, want *FieldError: %v", err, err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		b, err := w.MarshalJSON()
		if err != nil {
			t.Fatalf("decoded wire does not encode: %v", err)
		}
		if !json.Valid(b) {
			t.Fatalf("wrote invalid JSON %q", b)
		}
		w2, err := DecodeWire(b)
		if err != nil {
			t.Fatalf("re-decode of %s: %v", b, err)
		}
		b2, err := w2.MarshalJSON()
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		if string(b) != string(b2) {
			t.Fatalf("round trip changed the encoding:\n%s\n%s", b, b2)
		}
		if err := w.Validate(); err != nil {
			return
		}
		n, err := w.Node()
		if err != nil || n == nil {
			return
		}
		if err := Validate(n); err != nil {
			t.Fatalf("node of a valid wire is invalid: %v\n%s", err, n)
		}
		if _, err := Compile(n); err != nil {
			t.Fatalf("node of a valid wire does not compile: %v\n%s", err, n)
		}
		_ = n.String()
	})
}
