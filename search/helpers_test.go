package search_test

import (
	"context"
	"flag"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The simulated organisation of most tests: 2000 conversations over four
// days; the server's clock stands still at serverNow, so the data
// availability watermark (2h lag) is day3 12:00.
var (
	periodStart = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	periodEnd   = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	serverNow   = time.Date(2026, 3, 3, 14, 0, 0, 0, time.UTC)
	watermark   = serverNow.Add(-2 * time.Hour)
)

// instantClock is a clock whose waits end at once, so retries, pacing and
// job polls cost no real time: each wait moves its Now forward instead.
type instantClock struct{ skew *atomic.Int64 }

func newInstantClock() instantClock { return instantClock{skew: new(atomic.Int64)} }

func (c instantClock) Now() time.Time { return time.Now().Add(time.Duration(c.skew.Load())) }

func (c instantClock) Sleep(ctx context.Context, d time.Duration) error {
	if d > 0 {
		c.skew.Add(int64(d))
	}
	return ctx.Err()
}

// recordingClock is a fake clock: Sleep advances Now at once and records
// the wait.
type recordingClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func (c *recordingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *recordingClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return ctx.Err()
}

func (c *recordingClock) waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration{}, c.sleeps...) // empty, not nil, when nothing waited
}

// newFake starts the standard fake with extra options.
func newFake(t testing.TB, opts ...genesystest.Option) *genesystest.Server {
	t.Helper()
	base := []genesystest.Option{
		genesystest.WithSeed(7),
		genesystest.WithConversations(2000),
		genesystest.WithPeriod(periodStart, periodEnd),
		genesystest.WithClock(func() time.Time { return serverNow }),
	}
	srv := genesystest.NewServer(append(base, opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

// newSearcher builds a client and a searcher on srv with instant waits and
// small pages.
func newSearcher(t testing.TB, srv *genesystest.Server, opts ...search.Option) *search.Searcher {
	t.Helper()
	clk := newInstantClock()
	c, err := genesys.New(context.Background(), append(srv.ClientOptions(), genesys.WithClock(clk))...)
	require.NoError(t, err)
	base := []search.Option{
		search.WithClock(clk),
		search.WithPollInterval(time.Millisecond, time.Millisecond),
		search.WithJobPageSize(250),
	}
	s := search.New(c, append(base, opts...)...)
	require.NoError(t, s.Err())
	return s
}

// truth is the fake's ground truth for q, in q's order.
func truth(t testing.TB, srv *genesystest.Server, q search.Query) []string {
	t.Helper()
	var w filter.Wire
	if q.Filter != nil {
		var err error
		w, err = filter.Compile(q.Filter)
		require.NoError(t, err)
	}
	ids, err := srv.ConversationIDs(q.Start, q.End, w)
	require.NoError(t, err)
	if q.Order == search.OrderDesc {
		slices.Reverse(ids)
	}
	return ids
}

// collect ranges over All and returns the ids.
func collect(t testing.TB, s *search.Searcher, q search.Query) []string {
	t.Helper()
	ids := []string{}
	for c, err := range s.All(t.(interface{ Context() context.Context }).Context(), q) {
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	return ids
}
