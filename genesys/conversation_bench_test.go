package genesys

import (
	stdjson "encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
)

// BenchmarkDecodePage decodes the same 100-conversation job-results page
// (testdata/conversation/page100.json) with the typed model (/typed) and into
// map[string]any with encoding/json (/map). /ratio decodes the page both ways in each
// iteration and reports how many times faster typed is (x_map_over_typed). allocs/conv is
// allocations per conversation.
//
//	go test ./genesys -run '^$' -bench DecodePage -benchmem -count 3
func BenchmarkDecodePage(b *testing.B) {
	data := readFixture(b, page100)
	const perPage = 100

	typed := func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		for b.Loop() {
			var p JobResultsResponse
			if err := json.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
			if len(p.Conversations) != perPage {
				b.Fatalf("got %d conversations", len(p.Conversations))
			}
		}
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(b.N*perPage), "allocs/conv")
	}
	mapped := func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		for b.Loop() {
			var p map[string]any
			if err := stdjson.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
		}
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(b.N*perPage), "allocs/conv")
	}

	b.Run("typed", typed)
	b.Run("map", mapped)
	b.Run("ratio", func(b *testing.B) {
		// Each iteration decodes the page both ways and times each, so the
		// ratio comes from one run under the same conditions. A collection
		// before each (untimed) makes each decoder pay only for the garbage
		// it makes itself.
		var tTyped, tMap time.Duration
		for b.Loop() {
			runtime.GC()
			t0 := time.Now()
			var p JobResultsResponse
			if err := json.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
			tTyped += time.Since(t0)
			runtime.GC()
			t1 := time.Now()
			var m map[string]any
			if err := stdjson.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
			tMap += time.Since(t1)
		}
		b.ReportMetric(float64(tMap)/float64(tTyped), "x_map_over_typed")
		b.ReportMetric(float64(tTyped.Nanoseconds())/float64(b.N), "typed_ns/page")
		b.ReportMetric(float64(tMap.Nanoseconds())/float64(b.N), "map_ns/page")
	})
}
