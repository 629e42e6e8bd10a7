package search_test

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

// BenchmarkExport streams an export of every conversation of the
// in-process fake (a million conversations per 14 days at every size, all
// before the availability watermark, so one async job per day; 100k span
// 1.4 days) to a discarding sink with the default options (concurrency 4,
// job pages of 1000) and reports the peak heap, sampled
// every millisecond, fake server included: peak-MiB counts heap objects
// (live and not yet collected garbage, what drives the process size),
// peak-live-MiB the live heap after each GC. The 1M case
// runs only with GCDATA_BENCH_1M=1 (it takes minutes):
//
//	GCDATA_BENCH_1M=1 go test ./search -run '^$' -bench Export -benchmem -benchtime 1x
func BenchmarkExport(b *testing.B) {
	sizes := []int{100_000}
	if os.Getenv("GCDATA_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) { benchExport(b, n) })
	}
}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return "1M"
	}
	return "100k"
}

func benchExport(b *testing.B, n int) {
	// The same density at every size (a million conversations in 14 days,
	// about 71,000 a day), so the sizes differ only in how many
	// conversations, pages and chunks the export streams through.
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.Add(time.Duration(n) * (14 * 24 * time.Hour / 1_000_000))
	srv := genesystest.NewServer(
		genesystest.WithSeed(1),
		genesystest.WithConversations(n),
		genesystest.WithPeriod(start, end),
		genesystest.WithClock(func() time.Time { return end.Add(24 * time.Hour) }),
	)
	defer srv.Close()
	c, err := genesys.New(context.Background(), srv.ClientOptions()...)
	require.NoError(b, err)
	s := search.New(c, search.WithPollInterval(time.Millisecond, 10*time.Millisecond), search.WithJobPageSize(1000))
	q := search.Query{Start: start, End: end.Add(time.Hour)} // the grid may put the last one just past end

	var peak, peakLive uint64
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	runtime.GC()
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			peakLive = max(peakLive, sample[1].Value.Uint64())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	b.ResetTimer()
	var total int64
	for b.Loop() {
		sum, err := s.Export(b.Context(), q, &search.DiscardSink{})
		require.NoError(b, err)
		total += sum.Conversations
		require.Equal(b, int64(n), sum.Conversations)
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MiB")
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "conv/s")
}
