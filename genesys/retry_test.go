package genesys

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetryRules(t *testing.T) {
	t.Parallel()
	at := newFakeClock().Now() // the test client's clock starts here
	tests := []struct {
		name     string
		first    http.HandlerFunc
		attempts int             // API requests made
		sleeps   []time.Duration // waits on the clock
		wantErr  error           // nil: the retry succeeds
	}{
		{"429 Retry-After 0", status(429, "Retry-After", "0"), 2, nil, nil},
		{"429 Retry-After 1", status(429, "Retry-After", "1"), 2, []time.Duration{time.Second}, nil},
		{"429 Retry-After at the cap", status(429, "Retry-After", "180"), 2, []time.Duration{180 * time.Second}, nil},
		{"429 Retry-After over the cap", status(429, "Retry-After", "181"), 1, nil, ErrRateLimited},
		{"429 Retry-After HTTP-date", status(429, "Retry-After", at.Add(30*time.Second).Format(http.TimeFormat)), 2, []time.Duration{30 * time.Second}, nil},
		{"429 Retry-After past HTTP-date", status(429, "Retry-After", at.Add(-time.Hour).Format(http.TimeFormat)), 2, nil, nil},
		{"429 Retry-After garbage", status(429, "Retry-After", "soon"), 2, []time.Duration{time.Second}, nil},
		{"429 Retry-After negative", status(429, "Retry-After", "-5"), 2, []time.Duration{time.Second}, nil},
		{"429 without Retry-After", status(429), 2, []time.Duration{time.Second}, nil},
		{"500", status(500), 2, []time.Duration{time.Second}, nil},
		{"502", status(502), 2, []time.Duration{time.Second}, nil},
		{"503", status(503), 2, []time.Duration{time.Second}, nil},
		{"503 with Retry-After", status(503, "Retry-After", "3"), 2, []time.Duration{3 * time.Second}, nil},
		{"504", status(504), 2, []time.Duration{time.Second}, nil},
		{"408 not retried", status(408), 1, nil, nil},
		{"400 not retried", status(400), 1, nil, ErrBadRequest},
		{"403 not retried", status(403), 1, nil, ErrForbidden},
		{"404 not retried", status(404), 1, nil, ErrNotFound},
		{"409 not retried", status(409), 1, nil, nil},
		{"501 not retried", status(501), 1, nil, ErrServer},
		{"connection reset", reset, 2, []time.Duration{time.Second}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t, sequence(tt.first, ok))
			c, clk := newTestClient(t, s)
			var out valueOut
			resp, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/api/v2/q", Body: map[string]int{"a": 1}}, &out)
			assert.EqualValues(t, tt.attempts, s.apiReqs.Load())
			assert.Equal(t, tt.sleeps, clk.Sleeps())
			if tt.attempts == 2 {
				require.NoError(t, err)
				assert.Equal(t, "ok", out.Value)
				assert.Equal(t, 2, resp.Attempts)
				return
			}
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 1, apiErr.Attempts)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
		})
	}
}

func TestRetryAfterOverCapKeptInError(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(429, "Retry-After", "600"))
	c, clk := newTestClient(t, s)
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 600*time.Second, apiErr.RetryAfter)
	assert.Equal(t, 1, resp.RateLimited)
	assert.Empty(t, clk.Sleeps())
}

func TestRetriesExhausted(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(503))
	c, clk := newTestClient(t, s) // MaxAttempts 4, backoff 1s..8s
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Operation: "poll job"}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 4, apiErr.Attempts)
	assert.Equal(t, "corr-503", apiErr.CorrelationID)
	assert.Equal(t, "code.503", apiErr.Code)
	assert.Equal(t, "genesys: poll job: 503 code.503: status 503 (correlation id corr-503; 4 attempts)", err.Error())
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}, clk.Sleeps())
	assert.Equal(t, 4, resp.Attempts)
	assert.EqualValues(t, 4, s.apiReqs.Load())
}

func TestBackoffCapped(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(500))
	c, clk := newTestClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 6, MinBackoff: time.Second, MaxBackoff: 3 * time.Second}))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second, 3 * time.Second}, clk.Sleeps())
}

func TestJitterWithinBounds(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(500))
	clk := newFakeClock()
	c, err := New(t.Context(), WithBaseURL(s.URL), WithCredentials(testID, testSecret), WithClock(clk),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 5, MinBackoff: time.Second, MaxBackoff: 4 * time.Second}))
	require.NoError(t, err)
	_, err = c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.Error(t, err)
	caps := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second}
	sleeps := clk.Sleeps()
	require.Len(t, sleeps, len(caps))
	for i, d := range sleeps {
		assert.GreaterOrEqual(t, d, caps[i]/2)
		assert.LessOrEqual(t, d, caps[i])
	}
}

func TestBudgetExhausted(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(503))
	c, clk := newTestClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 10, MinBackoff: 400 * time.Millisecond, Budget: time.Second}))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	// 400 ms, then 800 ms would bring the total to 1.2 s > 1 s.
	assert.Equal(t, []time.Duration{400 * time.Millisecond}, clk.Sleeps())
	assert.Equal(t, 2, apiErr.Attempts)
}

func TestBudgetCountsRetryAfter(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(429, "Retry-After", "40"))
	c, clk := newTestClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 10, Budget: time.Minute}))
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, []time.Duration{40 * time.Second}, clk.Sleeps())
	assert.Equal(t, 2, resp.RateLimited)
}

func TestJobCreateNeverDuplicated(t *testing.T) {
	t.Parallel()
	create := Request{Method: http.MethodPost, Path: "/api/v2/analytics/conversations/details/jobs",
		Body: map[string]string{"interval": "x"}, NoRetryAmbiguous: true, Operation: "create job"}
	tests := []struct {
		name      string
		first     http.HandlerFunc
		requests  int32
		ambiguous bool
		ok        bool
	}{
		{"reset after the request was sent", reset, 1, true, false},
		{"500", status(500), 1, true, false},
		{"503", status(503, "Retry-After", "1"), 1, true, false},
		{"429 retried", status(429, "Retry-After", "1"), 2, false, true},
		{"429 without Retry-After retried", status(429), 2, false, true},
		{"401 retried once with a new token", status(401), 2, false, true},
		{"400 not retried", status(400), 1, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t, sequence(tt.first, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusAccepted)
				_, _ = w.Write([]byte(`{"jobId":"j1"}`))
			}))
			c, _ := newTestClient(t, s)
			var out struct {
				JobID string `json:"jobId"`
			}
			_, err := c.Do(t.Context(), create, &out)
			assert.Equal(t, tt.requests, s.apiReqs.Load())
			if tt.ok {
				require.NoError(t, err)
				assert.Equal(t, "j1", out.JobID)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "create job")
			assert.Equal(t, tt.ambiguous, errors.Is(err, ErrAmbiguous))
		})
	}
}

func TestJobCreateRetriedWhenNotConnected(t *testing.T) {
	t.Parallel()
	// Nothing listens on port 1: the dial fails, so the job surely does not
	// exist and a retry is safe.
	clk := newFakeClock()
	c, err := New(t.Context(), WithBaseURL("http://127.0.0.1:1"), WithTokenURL("http://127.0.0.1:1/oauth/token"),
		WithCredentials(testID, testSecret), WithClock(clk), WithRetryPolicy(RetryPolicy{MaxAttempts: 3}))
	require.NoError(t, err)
	_, err = c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/api/v2/j", NoRetryAmbiguous: true}, nil)
	var re *RequestError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 3, re.Attempts)
	assert.False(t, errors.Is(err, ErrAmbiguous))
	assert.Len(t, clk.Sleeps(), 2)
}

func TestCancelWhileBackingOff(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(503))
	c, clk := newTestClient(t, s)
	ctx, cancel := context.WithCancel(t.Context())
	clk.onSleep = func(ctx context.Context, _ time.Duration) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	}
	_, err := c.Do(ctx, Request{Path: "/api/v2/x", Operation: "page 3"}, nil)
	require.ErrorIs(t, err, context.Canceled)
	var re *RequestError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "page 3", re.Operation)
	assert.Contains(t, err.Error(), "waiting to retry after status 503")
	assert.EqualValues(t, 1, s.apiReqs.Load())
}

func TestCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	c, _ := newTestClient(t, s)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := c.Do(ctx, Request{Path: "/api/v2/x"}, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.EqualValues(t, 0, s.apiReqs.Load())
}

func TestAttemptTimeoutRetried(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			<-r.Context().Done() // slow headers: hang until the client gives up
			return
		}
		ok(w, r)
	})
	c, clk := newTestClient(t, s, WithAttemptTimeout(50*time.Millisecond))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err)
	assert.Len(t, clk.Sleeps(), 1)
}

func TestTruncatedBodyRetried(t *testing.T) {
	t.Parallel()
	s := newServer(t, sequence(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "100")
		_, _ = w.Write([]byte(`{"value":"tru`)) // then the handler returns: short body
	}, func(w http.ResponseWriter, _ *http.Request) {
		okJSON(w, `{"value":"tru`) // complete response, broken JSON
	}, ok))
	c, clk := newTestClient(t, s)
	var out valueOut
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, &out)
	require.NoError(t, err)
	assert.Equal(t, "ok", out.Value)
	assert.Equal(t, 3, resp.Attempts)
	assert.Len(t, clk.Sleeps(), 2)
}

func TestHTTPDateRetryAfterParsing(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		v    string
		d    time.Duration
		okay bool
	}{
		{"", 0, false}, {"0", 0, true}, {"17", 17 * time.Second, true}, {" 5 ", 5 * time.Second, true},
		{"1.5", 0, false}, {"-1", 0, false}, {"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-90 * time.Second).Format(http.TimeFormat), 0, true},
		{strconv.Itoa(1 << 40), time.Duration(1<<31) * time.Second, true},
	} {
		h := http.Header{}
		if tt.v != "" {
			h.Set("Retry-After", tt.v)
		}
		d, okay := parseRetryAfter(h, now)
		assert.Equal(t, tt.okay, okay, tt.v)
		assert.Equal(t, tt.d, d, tt.v)
	}
}

func TestCancelledBeforeRetryReportsOnce(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	s := newServer(t, status(429))
	var events []RequestEvent
	// The pacer hears of the 429 before the retry decision: cancel there,
	// as a caller giving up at that moment would.
	p := &cancellingPacer{cancel: cancel}
	c, clk := newTestClient(t, s, WithPacer(p),
		WithObserver(ObserverFunc(func(e RequestEvent) { events = append(events, e) })))
	resp, err := c.Do(ctx, Request{Path: "/x"}, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Len(t, events, 1)
	assert.Empty(t, clk.Sleeps())
	require.NotNil(t, resp)
	assert.Equal(t, 1, resp.RateLimited)
	assert.Equal(t, 429, resp.StatusCode)
}

type cancellingPacer struct{ cancel context.CancelFunc }

func (p *cancellingPacer) Wait(ctx context.Context) error { return ctx.Err() }
func (p *cancellingPacer) Observe(PaceSignal)             { p.cancel() }
