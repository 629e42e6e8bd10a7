package genesys

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paceClock is a Clock for pacer tests. In auto mode Sleep advances the time
// and returns at once; otherwise Sleep blocks until Advance reaches its end
// (or ctx ends), so tests can hold several waiters at once.
type paceClock struct {
	auto bool

	mu      sync.Mutex
	now     time.Time
	sleeps  []time.Duration
	waiters []*paceWaiter
	blocked chan struct{} // one value per sleeper that starts blocking
}

type paceWaiter struct {
	until time.Time
	done  chan struct{}
}

func newPaceClock(auto bool) *paceClock {
	return &paceClock{auto: auto, now: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC),
		blocked: make(chan struct{}, 1024)}
}

func (c *paceClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *paceClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	if c.auto || d <= 0 {
		c.now = c.now.Add(max(d, 0))
		c.mu.Unlock()
		return ctx.Err()
	}
	w := &paceWaiter{until: c.now.Add(d), done: make(chan struct{})}
	c.waiters = append(c.waiters, w)
	c.mu.Unlock()
	c.blocked <- struct{}{}
	select {
	case <-w.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Advance moves the time on and releases the sleepers whose end has come.
func (c *paceClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.until.After(c.now) {
			kept = append(kept, w)
			continue
		}
		close(w.done)
	}
	c.waiters = kept
}

// awaitBlocked returns once n more sleepers have started blocking.
func (c *paceClock) awaitBlocked(t *testing.T, n int) {
	t.Helper()
	for range n {
		select {
		case <-c.blocked:
		case <-t.Context().Done():
			t.Fatal("test ended before the sleepers blocked")
		}
	}
}

func (c *paceClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

func headers(allowed, count int, reset time.Duration) RateLimit {
	return RateLimit{Count: count, Allowed: allowed, Reset: reset, Present: true}
}

func throttle(retryAfter time.Duration) PaceSignal {
	return PaceSignal{StatusCode: http.StatusTooManyRequests, RetryAfter: retryAfter, HasRetryAfter: true}
}

// feed observes n 200 responses spaced by every, advancing clk.
func feed(p *AdaptivePacer, clk *paceClock, n int, every time.Duration, rl RateLimit) {
	for range n {
		clk.Advance(every)
		p.Observe(PaceSignal{StatusCode: http.StatusOK, RateLimit: rl})
	}
}

func TestAdaptivePacerDefaults(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk))
	assert.InDelta(t, DefaultPacerInitialRate, p.Rate(), 1e-9)
	for range DefaultPacerBurst + 2 { // a full bucket, then one per 200 ms
		require.NoError(t, p.Wait(t.Context()))
	}
	assert.Equal(t, []time.Duration{200 * time.Millisecond, 200 * time.Millisecond}, clk.Sleeps())
	st := p.Stats()
	assert.Equal(t, PacerStats{Rate: 5, Attempts: DefaultPacerBurst + 2, Waits: 2, Waited: 400 * time.Millisecond}, st)
}

func TestAdaptivePacerOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []PacerOption
		want float64 // initial rate
	}{
		{"initial", []PacerOption{WithInitialRate(12)}, 12},
		{"invalid values are ignored", []PacerOption{WithInitialRate(-1), WithInitialRate(math.NaN()),
			WithInitialRate(math.Inf(1)), WithMinRate(0), WithMaxRate(-3), WithBurst(0), WithPacerClock(nil), nil}, 5},
		{"initial below min", []PacerOption{WithMinRate(7)}, 7},
		{"initial above max", []PacerOption{WithMaxRate(2)}, 2},
		{"min above max", []PacerOption{WithMinRate(9), WithMaxRate(3)}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := NewAdaptivePacer(append([]PacerOption{WithPacerClock(newPaceClock(true))}, tt.opts...)...)
			assert.InDelta(t, tt.want, p.Rate(), 1e-9)
		})
	}
}

func TestAdaptivePacerHeaderRate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []PacerOption
		rl   []RateLimit   // observed in order
		wait time.Duration // time passing before the check
		want float64
	}{
		{"per minute", nil, []RateLimit{headers(1200, 10, 30*time.Second)}, 0, 20},
		{"Genesys default", nil, []RateLimit{headers(300, 1, 59*time.Second)}, 0, 5},
		{"longer window", nil, []RateLimit{headers(600, 1, 120*time.Second)}, 0, 5},
		{"window at most an hour", nil, []RateLimit{headers(36000, 1, 1e5*time.Second)}, 0, 10},
		{"limit raised", nil, []RateLimit{headers(300, 1, 59*time.Second), headers(3000, 2, 58*time.Second)}, 0, 50},
		{"limit lowered", nil, []RateLimit{headers(3000, 1, 59*time.Second), headers(300, 2, 58*time.Second)}, 0, 5},
		{"no allowed keeps the ceiling", nil, []RateLimit{headers(1200, 1, 59*time.Second), {Count: 5, Present: true}, {}}, 0, 20},
		{"max rate wins", []PacerOption{WithMaxRate(8)}, []RateLimit{headers(1200, 1, 59*time.Second)}, 0, 8},
		{"count does not pause", nil, []RateLimit{headers(1200, 1300, 30*time.Second)}, 0, 20},
		{"window budget", []PacerOption{WithWindowBudget()}, []RateLimit{headers(1200, 1100, 20*time.Second)}, 0, 5},
		{"window budget on pace", []PacerOption{WithWindowBudget()}, []RateLimit{headers(1200, 600, 30*time.Second)}, 0, 20},
		{"window budget spent", []PacerOption{WithWindowBudget()}, []RateLimit{headers(1200, 1300, 10*time.Second)}, 0, DefaultPacerMinRate},
		{"window budget lapses at the reset", []PacerOption{WithWindowBudget()}, []RateLimit{headers(1200, 1300, 10*time.Second)}, 10 * time.Second, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := newPaceClock(true)
			p := NewAdaptivePacer(append([]PacerOption{WithPacerClock(clk), WithBurst(1)}, tt.opts...)...)
			for _, rl := range tt.rl {
				p.Observe(PaceSignal{StatusCode: http.StatusOK, RateLimit: rl})
			}
			clk.Advance(tt.wait)
			assert.InDelta(t, tt.want, p.Rate(), 1e-9)
			require.NoError(t, p.Wait(t.Context()))
			require.NoError(t, p.Wait(t.Context()))
			assert.Equal(t, []time.Duration{time.Duration(float64(time.Second) / tt.want)}, clk.Sleeps())
		})
	}
}

func TestAdaptivePacerBackoff(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk), WithMinRate(3))
	rl := headers(1200, 1, 59*time.Second) // ceiling 20
	p.Observe(PaceSignal{StatusCode: http.StatusOK, RateLimit: rl})
	require.InDelta(t, 20, p.Rate(), 1e-9)

	p.Observe(throttle(time.Second))
	assert.InDelta(t, 14, p.Rate(), 1e-9, "0.7 × 20")
	// Requests already in flight get 429 too: the same episode.
	clk.Advance(500 * time.Millisecond)
	p.Observe(throttle(time.Second))
	p.Observe(PaceSignal{StatusCode: http.StatusTooManyRequests}) // no Retry-After
	assert.InDelta(t, 14, p.Rate(), 0.05)
	st := p.Stats()
	assert.Equal(t, int64(3), st.Throttled)
	assert.Equal(t, int64(1), st.Backoffs)
	assert.Equal(t, int64(2), st.Pauses, "the second Retry-After ends later")

	// After the episode a 429 decreases again, down to the minimum.
	for range 10 {
		clk.Advance(2 * time.Second)
		p.Observe(throttle(time.Second))
	}
	assert.InDelta(t, 3, p.Rate(), 1e-9)
	assert.Equal(t, int64(11), p.Stats().Backoffs)
}

func TestAdaptivePacerBackoffUsesMeasuredRate(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk))
	rl := headers(6000, 1, 59*time.Second)     // ceiling 100
	feed(p, clk, 40, 100*time.Millisecond, rl) // 10 per second for 4 s
	require.InDelta(t, 100, p.Rate(), 1e-9)
	p.Observe(throttle(0))
	assert.InDelta(t, 7, p.Rate(), 0.2, "0.7 × the measured 10/s, not × 100")
}

func TestAdaptivePacerBackoffUsesServedBetweenThrottles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		every time.Duration // between attempts after the first 429
		want  func(before, served float64) float64
	}{
		{"close together", 40 * time.Millisecond, func(_, served float64) float64 { return 0.7 * served }},
		{"far apart", 2 * time.Second, func(before, _ float64) float64 { return 0.7 * before }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := newPaceClock(true)
			p := NewAdaptivePacer(WithPacerClock(clk), WithInitialRate(40), WithMinRate(0.01))
			feed(p, clk, 20, 25*time.Millisecond, RateLimit{}) // measured ≈ 40/s
			p.Observe(throttle(0))
			first := clk.Now()
			// The server serves one attempt in four (the others fail
			// without a response but count as sent).
			for i := range 100 {
				clk.Advance(tt.every)
				sig := PaceSignal{Err: errors.New("reset")}
				if i%4 == 0 {
					sig = PaceSignal{StatusCode: http.StatusOK}
				}
				p.Observe(sig)
			}
			measured := 1 / tt.every.Seconds()
			before := min(p.Rate(), measured)
			served := 25 / clk.Now().Sub(first).Seconds()
			p.Observe(throttle(0))
			assert.InDelta(t, tt.want(before, served), p.Rate(), 0.05*tt.want(before, served))
		})
	}
}

func TestAdaptivePacerRecovery(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk))
	rl := headers(6000, 1, 59*time.Second)    // ceiling 100: out of the way
	feed(p, clk, 40, 50*time.Millisecond, rl) // 20 per second for 2 s
	p.Observe(throttle(0))
	require.InDelta(t, 14, p.Rate(), 0.1)
	start := clk.Now()
	curve := func(sec float64) float64 { x := sec - paceK; return 20 * (1 + paceScale*x*x*x) }
	prev := 0.0
	for _, sec := range []float64{0.5, 1, 1.5, 2, paceK, 3, 4, 5, 6, paceK + math.Cbrt(50), 8} {
		clk.Advance(start.Add(time.Duration(sec * float64(time.Second))).Sub(clk.Now()))
		got := p.Rate()
		assert.InDelta(t, min(curve(sec), 100), got, 0.3, "%.2fs after the 429", sec)
		assert.Greater(t, got, prev, "rising at %.2fs", sec)
		prev = got
	}
	assert.InDelta(t, 20, curve(paceK), 1e-9, "back at the rate of the 429 after K")
	assert.InDelta(t, 40, curve(paceK+math.Cbrt(50)), 1e-9, "doubled ∛50 s later")
	clk.Advance(time.Minute)
	assert.InDelta(t, 100, p.Rate(), 1e-9, "capped at the headers' ceiling")
}

func TestAdaptivePacerSlowStartWithoutHeaders(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk))
	clk.Advance(time.Hour) // idle time alone does not raise the rate
	assert.InDelta(t, 5, p.Rate(), 1e-9)
	feed(p, clk, 20, 100*time.Millisecond, RateLimit{}) // 10 per second
	assert.InDelta(t, 20, p.Rate(), 2, "about twice the measured rate")
	feed(p, clk, 60, 25*time.Millisecond, RateLimit{}) // 40 per second
	assert.InDelta(t, 80, p.Rate(), 8)
}

func TestAdaptivePacerRetryAfterShared(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(false)
	p := NewAdaptivePacer(WithPacerClock(clk), WithBurst(10))
	p.Observe(PaceSignal{StatusCode: http.StatusOK, RateLimit: headers(60000, 1, 59*time.Second)})
	p.Observe(throttle(2 * time.Second))

	var done atomic.Int32
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			err := p.Wait(t.Context())
			done.Add(1)
			errs <- err
		}()
	}
	clk.awaitBlocked(t, 3)
	clk.Advance(2*time.Second - time.Millisecond)
	assert.Zero(t, done.Load(), "nobody starts before Retry-After has passed")
	clk.Advance(time.Millisecond)
	for range 3 {
		require.NoError(t, <-errs)
	}
	assert.Equal(t, []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second}, clk.Sleeps())
	st := p.Stats()
	assert.Equal(t, int64(1), st.Pauses)
	assert.Equal(t, int64(3), st.Waits)
	assert.Equal(t, 6*time.Second, st.Waited)
}

func TestPacerPauseBegunWhileWaitingForToken(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(false)
	p := newFixedPacer(10, 1, clk) // a token every 100 ms
	require.NoError(t, p.Wait(t.Context()))
	errs := make(chan error, 1)
	go func() { errs <- p.Wait(t.Context()) }()
	clk.awaitBlocked(t, 1) // waiting 100 ms for its token
	p.Observe(throttle(time.Second))
	clk.Advance(100 * time.Millisecond)
	clk.awaitBlocked(t, 1) // now waiting out the pause
	select {
	case err := <-errs:
		t.Fatalf("Wait returned %v during the pause", err)
	default:
	}
	clk.Advance(900 * time.Millisecond)
	require.NoError(t, <-errs)
	assert.Equal(t, []time.Duration{100 * time.Millisecond, 900 * time.Millisecond}, clk.Sleeps())
}

func TestPacerPauses(t *testing.T) {
	t.Parallel()
	date := func(d time.Duration) PaceSignal {
		return PaceSignal{StatusCode: http.StatusServiceUnavailable, RetryAfter: d, HasRetryAfter: true}
	}
	tests := []struct {
		name  string
		sig   PaceSignal
		sleep time.Duration // the next Wait's pause (0: none)
	}{
		{"429", throttle(3 * time.Second), 3 * time.Second},
		{"429 Retry-After 0", throttle(0), 0},
		{"429 without Retry-After", PaceSignal{StatusCode: http.StatusTooManyRequests}, 0},
		{"503", date(4 * time.Second), 4 * time.Second},
		{"500 ignores Retry-After", PaceSignal{StatusCode: 500, RetryAfter: time.Second, HasRetryAfter: true}, 0},
		{"capped", throttle(time.Hour), 180 * time.Second},
		{"transport error", PaceSignal{Err: errors.New("reset")}, 0},
	}
	for _, tt := range tests {
		for _, kind := range []string{"adaptive", "fixed"} {
			t.Run(kind+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				clk := newPaceClock(true)
				var p interface {
					Pacer
					Stats() PacerStats
				}
				if kind == "fixed" {
					p = newFixedPacer(0, 1, clk)
				} else {
					p = NewAdaptivePacer(WithPacerClock(clk), WithInitialRate(1000), WithBurst(100))
				}
				p.Observe(tt.sig)
				require.NoError(t, p.Wait(t.Context()))
				var want []time.Duration
				if tt.sleep > 0 {
					want = []time.Duration{tt.sleep}
				}
				assert.Equal(t, want, clk.Sleeps())
			})
		}
	}
}

func TestPacerWaitContext(t *testing.T) {
	t.Parallel()
	t.Run("already done", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		for _, p := range []Pacer{NewAdaptivePacer(WithPacerClock(newPaceClock(true))), newFixedPacer(1, 1, newPaceClock(true))} {
			assert.ErrorIs(t, p.Wait(ctx), context.Canceled)
		}
	})
	t.Run("cancelled during a pause", func(t *testing.T) {
		t.Parallel()
		clk := newPaceClock(false)
		p := NewAdaptivePacer(WithPacerClock(clk))
		p.Observe(throttle(10 * time.Second))
		ctx, cancel := context.WithCancel(t.Context())
		errs := make(chan error, 1)
		go func() { errs <- p.Wait(ctx) }()
		clk.awaitBlocked(t, 1)
		cancel()
		assert.ErrorIs(t, <-errs, context.Canceled)
		assert.Equal(t, int64(0), p.Stats().Attempts)
	})
	t.Run("deadline while waiting for a token gives it back", func(t *testing.T) {
		t.Parallel()
		clk := newPaceClock(false)
		p := newFixedPacer(1, 1, clk)
		require.NoError(t, p.Wait(t.Context())) // takes the only token
		ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
		cancel()
		errs := make(chan error, 1)
		ctx2, cancel2 := context.WithCancel(t.Context())
		go func() { errs <- p.Wait(ctx2) }()
		clk.awaitBlocked(t, 1)
		cancel2()
		require.ErrorIs(t, <-errs, context.Canceled)
		require.ErrorIs(t, p.Wait(ctx), context.Canceled)
		// The cancelled reservation was returned: the next token is 1 s
		// away, not 2 s.
		go func() { errs <- p.Wait(t.Context()) }()
		clk.awaitBlocked(t, 1)
		clk.Advance(time.Second)
		require.NoError(t, <-errs)
		assert.Equal(t, []time.Duration{time.Second, time.Second}, clk.Sleeps())
	})
}

func TestFixedPacer(t *testing.T) {
	t.Parallel()
	clk := newPaceClock(true)
	p := newFixedPacer(4, 2, clk)
	for range 4 {
		require.NoError(t, p.Wait(t.Context()))
	}
	assert.Equal(t, []time.Duration{250 * time.Millisecond, 250 * time.Millisecond}, clk.Sleeps())
	for range 5 {
		p.Observe(PaceSignal{StatusCode: http.StatusOK, RateLimit: headers(60, 1, time.Minute)})
	}
	p.Observe(throttle(0))
	assert.InDelta(t, 4, p.Rate(), 1e-9, "the headers and 429s do not change it")
	assert.Equal(t, PacerStats{Rate: 4, Attempts: 4, Waits: 2, Waited: 500 * time.Millisecond, Throttled: 1}, p.Stats())

	for _, rps := range []float64{0, -1, math.NaN()} {
		clk := newPaceClock(true)
		p := newFixedPacer(rps, 0, clk)
		for range 100 {
			require.NoError(t, p.Wait(t.Context()))
		}
		assert.Empty(t, clk.Sleeps(), "rps %v: unlimited", rps)
		assert.True(t, math.IsInf(p.Rate(), 1))
	}
	assert.InDelta(t, 3, NewFixedPacer(3, 1).Rate(), 1e-9)
}

// TestPacersConcurrent runs Wait and Observe from many goroutines (run with
// -race).
func TestPacersConcurrent(t *testing.T) {
	t.Parallel()
	const goroutines, rounds = 8, 200
	signals := []PaceSignal{
		{StatusCode: http.StatusOK, RateLimit: headers(1200, 5, 30*time.Second)},
		{StatusCode: http.StatusOK},
		throttle(10 * time.Millisecond),
		{StatusCode: http.StatusServiceUnavailable, RetryAfter: time.Millisecond, HasRetryAfter: true},
		{Err: errors.New("reset")},
	}
	for _, kind := range []string{"adaptive", "fixed"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			clk := newPaceClock(true)
			var p interface {
				Pacer
				Rate() float64
				Stats() PacerStats
			}
			if kind == "fixed" {
				p = newFixedPacer(50, 3, clk)
			} else {
				p = NewAdaptivePacer(WithPacerClock(clk), WithMinRate(1), WithMaxRate(500))
			}
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					for i := range rounds {
						if err := p.Wait(t.Context()); err != nil {
							t.Error(err)
							return
						}
						p.Observe(signals[(g+i)%len(signals)])
						_ = p.Rate()
					}
				})
			}
			wg.Wait()
			st := p.Stats()
			assert.Equal(t, int64(goroutines*rounds), st.Attempts)
			assert.Equal(t, int64(goroutines*rounds/len(signals)), st.Throttled)
			assert.GreaterOrEqual(t, st.Rate, 1.0)
			assert.LessOrEqual(t, st.Rate, 500.0)
		})
	}
}

// TestAdaptivePacerWithClient checks the wiring: the client waits on the
// pacer before every attempt and reports every response to it.
func TestAdaptivePacerWithClient(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth/token" {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"access_token":"t","token_type":"bearer","expires_in":86400}`)
			return
		}
		w.Header().Set("inin-ratelimit-allowed", "600")
		w.Header().Set("inin-ratelimit-count", "3")
		w.Header().Set("inin-ratelimit-reset", "40")
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1) == 2 {
			w.Header().Set("Retry-After", "3")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"message":"slow down","status":429}`)
			return
		}
		fmt.Fprint(w, `{}`)
	}))
	t.Cleanup(srv.Close)
	clk := newPaceClock(true)
	p := NewAdaptivePacer(WithPacerClock(clk))
	c, err := New(t.Context(), WithBaseURL(srv.URL), WithCredentials("id", "secret"), WithPacer(p),
		WithClock(newFakeClock()))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	for range 2 {
		_, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Operation: "x"}, nil)
		require.NoError(t, err)
	}
	st := p.Stats()
	assert.Equal(t, int64(3), st.Attempts)
	assert.Equal(t, int64(1), st.Throttled)
	assert.Equal(t, int64(1), st.Pauses)
	assert.InDelta(t, 10, st.Ceiling, 1e-9)
	assert.InDelta(t, 7, st.Rate, 0.01, "0.7 × the header ceiling 600/min, recovery starting after the pause")
	assert.Contains(t, clk.Sleeps(), 3*time.Second, "the retry waited out Retry-After in the pacer")
}

// BenchmarkPacer is the cost of one Wait and one Observe when the rate does
// not hold anyone back, from parallel goroutines.
func BenchmarkPacer(b *testing.B) {
	sig := PaceSignal{StatusCode: http.StatusOK, RateLimit: headers(1e9, 1, 30*time.Second)}
	for _, bc := range []struct {
		name string
		p    Pacer
	}{
		{"adaptive", NewAdaptivePacer(WithInitialRate(1e9), WithBurst(1000))},
		{"fixed", NewFixedPacer(1e9, 1000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				ctx := context.Background()
				for pb.Next() {
					if err := bc.p.Wait(ctx); err != nil {
						b.Fatal(err)
					}
					bc.p.Observe(sig)
				}
			})
		})
	}
}
