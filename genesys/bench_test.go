package genesys

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// bigPage is a job-results-like page of about 1 MiB.
func bigPage() []byte {
	var b strings.Builder
	b.WriteString(`{"conversations":[`)
	for i := 0; b.Len() < 1<<20; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"conversationId":"c-%06d","conversationStart":"2026-11-02T10:00:00.000Z","participants":[{"purpose":"customer","sessions":[{"mediaType":"voice","metrics":[{"name":"tHandle","value":%d}]}]}]}`, i, i)
	}
	b.WriteString(`],"cursor":"next"}`)
	return []byte(b.String())
}

// BenchmarkValidJSON measures the truncation check applied to every JSON
// success body, to compare with BenchmarkDecodeMap.
func BenchmarkValidJSON(b *testing.B) {
	page := bigPage()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if !validJSON(page) {
			b.Fatal("invalid")
		}
	}
}

// BenchmarkDecodeMap is the reference: decoding the same page into
// map[string]any.
func BenchmarkDecodeMap(b *testing.B) {
	page := bigPage()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		var m map[string]any
		if err := json.Unmarshal(page, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDoRaw measures one authenticated call returning a 1 MiB body
// over loopback (token cached), raw bytes out.
func BenchmarkDoRaw(b *testing.B) {
	page := bigPage()
	s := &server{api: func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(page)
	}, expiresIn: 86400}
	srv := newRawServer(s)
	defer srv.Close()
	c, err := New(b.Context(), WithBaseURL(srv.URL), WithCredentials(testID, testSecret))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var v jsontext.Value
		if _, err := c.Do(b.Context(), Request{Path: "/api/v2/page"}, &v); err != nil {
			b.Fatal(err)
		}
	}
}
