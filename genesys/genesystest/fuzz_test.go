package genesystest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// FuzzDecodeRequest feeds arbitrary bodies to the strict request decoder of
// both endpoints; a body that decodes must also evaluate without panicking.
func FuzzDecodeRequest(f *testing.F) {
	for _, name := range []string{"details-query-request.json", "job-create-request.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(b, false)
		f.Add(b, true)
	}
	f.Add([]byte(`{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z","paging":{"pageSize":1,"pageNumber":1}}`), false)
	f.Add([]byte(`{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z","conversationFilters":[{"type":"or","predicates":[{"dimension":"conversationEnd","value":"2026-05-10T00:00:00Z/2026-05-10T01:00:00Z"}]}]}`), false)
	f.Add([]byte(`{"interval":"x","limit":1e400,"paging":null}`), true)
	s, err := New(WithConversations(300), WithClock(func() time.Time { return testNow }))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, body []byte, job bool) {
		ep := epQuery
		if job {
			ep = epJob
		}
		q, e := s.decodeRequest(body, ep)
		if e != nil {
			if e.status != 400 || e.message == "" {
				t.Fatalf("bad error %+v", e)
			}
			return
		}
		mt := compileWire(toWireSet(q.wire))
		for k := s.grid.first; k < s.grid.first+20; k++ {
			c := s.gen.conversation(k, false, 0)
			mt.match(&c)
		}
	})
}
