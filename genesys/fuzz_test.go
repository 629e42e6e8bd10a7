package genesys

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// FuzzParseErrorBody checks that any error body gives an APIError whose
// text is bounded and that parsing never panics.
func FuzzParseErrorBody(f *testing.F) {
	f.Add([]byte(`{"message":"m","code":"bad.request","contextId":"c","details":[{"errorCode":"e"}],"limit":{"key":"k","value":1}}`))
	f.Add([]byte(`{"message":1}`))
	f.Add([]byte(`<html>`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, body []byte) {
		b, _ := parseErrorBody(body)
		e := &APIError{Operation: "op", StatusCode: 400, Code: b.Code, Message: b.Message, CorrelationID: b.ContextID}
		if len(e.Error()) > 4*maxMessageLen+len(b.Code)+len(b.ContextID)+100 {
			t.Fatalf("error text too long: %d", len(e.Error()))
		}
	})
}

// FuzzParseHeaders checks the Retry-After and inin-ratelimit-* parsers.
func FuzzParseHeaders(f *testing.F) {
	f.Add("0", "7", "300", "42")
	f.Add("Wed, 21 Oct 2015 07:28:00 GMT", "x", "-1", "1.5")
	f.Add("99999999999999999999", "", "", "1e308")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, ra, count, allowed, reset string) {
		h := http.Header{}
		h.Set("Retry-After", strings.ToValidUTF8(ra, ""))
		h.Set("inin-ratelimit-count", count)
		h.Set("inin-ratelimit-allowed", allowed)
		h.Set("inin-ratelimit-reset", reset)
		if d, ok := parseRetryAfter(h, now); d < 0 || (!ok && d != 0) {
			t.Fatalf("Retry-After %q: %v %v", ra, d, ok)
		}
		if rl := parseRateLimit(h); rl.Reset < 0 {
			t.Fatalf("negative reset %v", rl.Reset)
		}
	})
}

// FuzzLookupRegion checks that anything resolving is a known API base URL.
func FuzzLookupRegion(f *testing.F) {
	for _, s := range []string{"us_east_1", "us-east-1", "api.usw2.pure.cloud", "https://api.mypurecloud.ie/", "x"} {
		f.Add(s)
	}
	known := map[string]bool{}
	for _, r := range regionTable() {
		known["https://api."+r.domain] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		if u, ok := lookupRegion(s); ok && !known[u] {
			t.Fatalf("%q resolved to unknown %q", s, u)
		}
	})
}
