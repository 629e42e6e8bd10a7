package webhook

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func FuzzParseSignatureHeader(f *testing.F) {
	for _, s := range []string{vectorSig, "v1,", "v1", "", "v1,a v1a,b v2,c", " , ,, v1,,x", strings.Repeat("v1,a ", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		got := parseSignatureHeader(h)
		if len(got) > maxSignatures {
			t.Fatalf("%d entries", len(got))
		}
		parts := make([]string, len(got))
		for i, e := range got {
			if strings.ContainsAny(e.version, ", \t\r\n") || strings.ContainsAny(e.value, " \t\r\n") {
				t.Fatalf("entry %q %q not split", e.version, e.value)
			}
			parts[i] = e.version + "," + e.value
		}
		again := parseSignatureHeader(strings.Join(parts, " "))
		if len(again) != len(got) {
			t.Fatalf("round trip: %d entries, then %d", len(got), len(again))
		}
		for i := range got {
			if got[i] != again[i] {
				t.Fatalf("round trip: %v then %v", got[i], again[i])
			}
		}
	})
}

func FuzzVerify(f *testing.F) {
	f.Add(vectorID, vectorTS, vectorSig, []byte(vectorBody))
	f.Add(vectorID, vectorTS, "v1,", []byte(vectorBody))
	f.Add("", "", "", []byte(nil))
	f.Add("a.b", "-1", "v1a,x v1,y", []byte("{}"))
	v, err := NewVerifier([]string{vectorSecret}, WithVerifierClock(fixed(vectorTime)))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, id, ts, sig string, body []byte) {
		h := http.Header{}
		h.Set(HeaderID, id)
		h.Set(HeaderTimestamp, ts)
		h.Set(HeaderSignature, sig)
		m, err := v.Verify(h, body)
		if err != nil {
			return
		}
		// Whatever passes must carry a signature we would have made.
		want, serr := Sign([]string{vectorSecret}, id, time.Unix(m.Timestamp.Unix(), 0), body)
		if serr != nil || !strings.Contains(sig, strings.TrimPrefix(want, "v1,")) {
			t.Fatalf("accepted a signature we did not make: %q", sig)
		}
	})
}
