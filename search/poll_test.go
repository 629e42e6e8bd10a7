package search_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// Idle keep-alive connections of the clients' transports.
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"),
	)
}

func TestJobPolling(t *testing.T) {
	t.Parallel()
	q := search.Query{Start: periodStart, End: periodStart.Add(3 * time.Hour), Mode: search.ModeJobs}
	t.Run("backoff and Retry-After", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithLimits(genesystest.Limits{JobPolls: 4}), genesystest.WithRules(genesystest.Rule{
			Method: http.MethodGet, Path: "/api/v2/analytics/conversations/details/jobs/*", Skip: 1,
			Status: http.StatusOK, Header: http.Header{"Retry-After": {"7"}}, Body: `{"state":"PENDING"}`,
		}))
		clk := &recordingClock{now: serverNow}
		s := newSearcher(t, srv, search.WithClock(clk), search.WithPollInterval(time.Second, 2*time.Second))
		assert.Equal(t, truth(t, srv, q), collect(t, s, q))
		// Polls: QUEUED, (rule) PENDING with Retry-After 7, PENDING,
		// PENDING, PENDING, FULFILLED.
		assert.Equal(t, []time.Duration{time.Second, 7 * time.Second, 2 * time.Second, 2 * time.Second, 2 * time.Second}, clk.waits())
	})
	t.Run("timeout", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithLimits(genesystest.Limits{JobPolls: 1000}))
		clk := &recordingClock{now: serverNow}
		s := newSearcher(t, srv, search.WithClock(clk), search.WithPollInterval(time.Second, 10*time.Second),
			search.WithJobTimeout(time.Minute))
		errs := range2(s.All(t.Context(), q))
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], search.ErrJobTimeout)
		var je *search.JobError
		require.ErrorAs(t, errs[0], &je)
		assert.Equal(t, search.JobPending, je.State)
		st := srv.Stats()
		assert.Equal(t, st.JobsCreated, st.JobsDeleted, "the timed-out job is deleted")
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithLimits(genesystest.Limits{JobPolls: 1000}))
		ctx, cancel := context.WithCancel(t.Context())
		s := newSearcher(t, srv, search.WithClock(cancelAfter{n: new(int), cancel: cancel}))
		errs := range2(s.All(ctx, q))
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], context.Canceled)
		st := srv.Stats()
		assert.Equal(t, st.JobsCreated, st.JobsDeleted, "the job is deleted although ctx is done")
	})
}

// cancelAfter is a clock that cancels its context on the third wait.
type cancelAfter struct {
	n      *int
	cancel context.CancelFunc
}

func (cancelAfter) Now() time.Time { return time.Now() }

func (c cancelAfter) Sleep(ctx context.Context, _ time.Duration) error {
	*c.n++
	if *c.n == 3 {
		c.cancel()
	}
	return ctx.Err()
}

func TestResultWindow(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	for _, order := range []search.Order{search.OrderAsc, search.OrderDesc} {
		t.Run(string(order), func(t *testing.T) {
			t.Parallel()
			s := newSearcher(t, srv, search.WithMaxResultWindow(250))
			q := search.Query{Start: periodStart.Add(2 * time.Hour), End: periodStart.Add(44 * time.Hour), Mode: search.ModeQuery, Order: order}
			assert.Equal(t, truth(t, srv, q), collect(t, s, q), "past the window the query pages on with a narrower filter")
		})
	}
}
