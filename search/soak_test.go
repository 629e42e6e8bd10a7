package search_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

// TestSoak runs exports back to back for the duration in GCDATA_SOAK (e.g.
// "1h"; it is skipped without it, so plain go test and CI never run it)
// against a fake with every fault at a low rate and a rate limit, on the
// real clock:
//
//	GCDATA_SOAK=1h go test ./search -run TestSoak -timeout 2h -v
//
// GCDATA_SOAK_CONVERSATIONS sets the fake's size (default 20000).
//
// Each export covers the fake's whole 14-day period (auto mode: async jobs
// up to the availability watermark, the synchronous query after it) with
// 4 workers; an export that gives up is resumed from its checkpoint (at
// most 5 times in a row; every give-up is logged). Every
// export must deliver exactly the ground truth, in order. The heap (after a
// GC) and the goroutine count are sampled after every export and must stay
// flat: the last quarter's peak no higher than 1.5 x the first quarter's
// peak + 8 MiB, goroutines within 10 of the first sample.
func TestSoak(t *testing.T) {
	v, ok := os.LookupEnv("GCDATA_SOAK")
	if !ok {
		t.Skip("set GCDATA_SOAK to a duration (e.g. 1h) to run the soak test")
	}
	d, err := time.ParseDuration(v)
	require.NoError(t, err, "GCDATA_SOAK")
	require.Positive(t, d, "GCDATA_SOAK")
	size := 20000
	if v, ok := os.LookupEnv("GCDATA_SOAK_CONVERSATIONS"); ok {
		size, err = strconv.Atoi(v)
		require.NoError(t, err, "GCDATA_SOAK_CONVERSATIONS")
	}

	srv := genesystest.NewServer(
		genesystest.WithSeed(23),
		genesystest.WithConversations(size),
		// The fake forgets a job one retention after it expired; a short
		// retention keeps the in-process fake's memory flat after two
		// minutes, so the samples show the client's (an export takes a few
		// seconds; a job that expires anyway is recreated).
		genesystest.WithLimits(genesystest.Limits{JobRetention: time.Minute}),
		// The request log would grow to its default 10000 records.
		genesystest.WithRequestLogSize(64),
		genesystest.WithFaults(genesystest.Faults{
			RateLimit:             100,
			ServerErrorRate:       0.01,
			ServerErrorRetryAfter: time.Second,
			ResetRate:             0.005,
			SlowRate:              0.005,
			SlowDelay:             200 * time.Millisecond,
			JobFailRate:           0.02,
			JobExpireAfterPages:   7,
			RepeatRowsAtPage:      3,
			RepeatRows:            2,
			EmptyLastPage:         true,
			// RepeatCursorAtPage is left out: the search gives up on a
			// repeated cursor (ErrRepeatedCursor), so every job with two
			// pages or more would fail once.
		}),
	)
	defer srv.Close()
	c, err := genesys.New(context.Background(), srv.ClientOptions()...)
	require.NoError(t, err)
	defer c.CloseIdleConnections()
	s := search.New(c, search.WithJobPageSize(500), search.WithPollInterval(20*time.Millisecond, 200*time.Millisecond))

	start, end := srv.Period()
	q := search.Query{Start: start, End: end}
	want, err := srv.ConversationIDs(start, end, filter.Wire{})
	require.NoError(t, err)
	require.NotEmpty(t, want)

	type sample struct {
		heap       uint64
		goroutines int
	}
	var samples []sample
	measure := func() sample {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return sample{heap: ms.HeapAlloc, goroutines: runtime.NumGoroutine()}
	}
	deadline := time.Now().Add(d)
	exports, resumes := 0, 0
	var requests, retries, limited int64
	for time.Now().Before(deadline) {
		sink := &idSink{}
		store := &search.MemoryCheckpointStore{}
		for attempt := 0; ; attempt++ {
			sum, err := s.Export(t.Context(), q, sink, search.WithCheckpointStore(store), search.WithConcurrency(4))
			requests, retries, limited = requests+sum.Requests, retries+sum.Retries, limited+sum.RateLimited
			if err == nil {
				break
			}
			require.Less(t, attempt, 5, "the export keeps failing: %v", err)
			t.Logf("export %d gave up, resuming: %v", exports+1, err)
			resumes++
		}
		exports++
		ids := sink.ids()
		require.Len(t, ids, len(want), "export %d", exports)
		require.True(t, slices.Equal(want, ids), "export %d delivered exactly the ground truth", exports)
		samples = append(samples, measure())
		t.Logf("export %d: heap %.1f MiB, %d goroutines", exports, float64(samples[len(samples)-1].heap)/(1<<20),
			samples[len(samples)-1].goroutines)
	}
	st := srv.Stats()
	t.Logf("%d exports of %d conversations in %s, %d resumed; %d requests, %d retries, %d 429s; server: %d faults, %d jobs created, %d deleted",
		exports, len(want), d, resumes, requests, retries, limited, st.FaultsInjected, st.JobsCreated, st.JobsDeleted)
	require.GreaterOrEqual(t, len(samples), 4, "too short to judge: let it run at least four exports")
	q1 := samples[:len(samples)/4]
	q4 := samples[len(samples)-len(samples)/4:]
	peak := func(ss []sample) (h uint64) {
		for _, s := range ss {
			h = max(h, s.heap)
		}
		return h
	}
	assert.LessOrEqual(t, peak(q4), peak(q1)*3/2+8<<20, "heap stays flat")
	for _, s := range samples {
		assert.LessOrEqual(t, s.goroutines, samples[0].goroutines+10, "goroutines stay flat")
	}
}

// idSink is a Sink keeping the conversation ids; its position is their
// count, so Open drops what was written after the checkpoint.
type idSink struct {
	mu  sync.Mutex
	got []string
}

func (s *idSink) Open(_ context.Context, committed string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	if committed != "" {
		var err error
		if n, err = strconv.Atoi(committed); err != nil {
			return err
		}
	}
	s.got = s.got[:min(n, len(s.got))]
	return nil
}

func (s *idSink) WriteBatch(_ context.Context, b search.Batch) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range b.Conversations {
		s.got = append(s.got, b.Conversations[i].ID)
	}
	return strconv.Itoa(len(s.got)), nil
}

func (s *idSink) ids() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}
