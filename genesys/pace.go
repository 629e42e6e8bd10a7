package genesys

import (
	"context"
	"math"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Pacing defaults. The limit quoted for Genesys Cloud is 300 requests per
// minute per client-credentials token, raisable per organisation (not
// confirmed by Genesys documentation): hence an initial 5 requests per
// second that the inin-ratelimit-* headers and 429s then correct.
const (
	// DefaultPacerInitialRate is the rate an [AdaptivePacer] starts from
	// until the server's headers or 429s say otherwise, in requests per
	// second (300 per minute).
	DefaultPacerInitialRate = 5.0
	// DefaultPacerMinRate is the lowest rate an [AdaptivePacer] backs off
	// to, in requests per second.
	DefaultPacerMinRate = 0.5
	// DefaultPacerBurst is the token bucket size of an [AdaptivePacer]: up
	// to 4 attempts may start at once, so that when responses are slow or
	// the machine is busy the schedule catches up instead of losing its
	// slots (with 1, a measurement on a loaded machine lost 7% of the rate).
	DefaultPacerBurst = 4
)

// Tuning of the adaptive algorithm (see [AdaptivePacer]).
const (
	// paceBeta is the multiplicative decrease on a 429 (as in CUBIC and
	// aws-sdk-go-v2's adaptive mode).
	paceBeta = 0.7
	// paceScale is the CUBIC growth constant relative to the rate at the
	// last 429 (1/s³): the rate is back at that level paceK seconds after
	// the 429, and has doubled about 3.7 s after that.
	paceScale = 0.02
	// paceSmooth weighs the newest sample of the measured request rate.
	paceSmooth = 0.8
	// paceBucket is the period of the measured request rate.
	paceBucket = 500 * time.Millisecond
	// paceGuard is the shortest throttle episode: further 429s within it
	// (requests already in flight) do not decrease the rate again.
	paceGuard = 500 * time.Millisecond
	// paceServedSpan is the longest span between two 429s over which what
	// the server served bounds the rate.
	paceServedSpan = 30 * time.Second
	// paceMaxPause caps a shared Retry-After pause (the client's default
	// RetryPolicy.MaxRetryAfter).
	paceMaxPause = 180 * time.Second
	// paceWindow is the assumed inin-ratelimit window: the limit is per
	// minute. A larger inin-ratelimit-reset widens it, up to
	// paceMaxWindow.
	paceWindow    = time.Minute
	paceMaxWindow = time.Hour
)

// Both pacers implement Pacer.
var (
	_ Pacer = (*AdaptivePacer)(nil)
	_ Pacer = (*FixedPacer)(nil)
)

// paceK is the time (seconds) the CUBIC curve takes to climb from
// paceBeta·max back to max: ∛((1−paceBeta)/paceScale) = ∛15.
const paceK = 2.4662120743304703

// PacerStats are the counters of a pacer, for progress reports and metrics.
type PacerStats struct {
	// Rate is the current rate in requests per second (+Inf: unlimited).
	Rate float64
	// Ceiling is the rate the inin-ratelimit-* headers allow (allowed per
	// window), 0 while unknown. The rate never exceeds it.
	Ceiling float64
	// Attempts is how many Wait calls let an attempt through.
	Attempts int64
	// Waits is how many Wait calls had to wait (cancelled ones included).
	Waits int64
	// Waited is the total time spent waiting, summed over goroutines.
	Waited time.Duration
	// Throttled is how many 429 responses were observed.
	Throttled int64
	// Backoffs is how many times the rate was decreased (at most once per
	// throttle episode, however many requests were in flight).
	Backoffs int64
	// Pauses is how many Retry-After pauses were started or extended.
	Pauses int64
}

// PacerOption configures an [AdaptivePacer] in [NewAdaptivePacer]. An
// invalid value (NaN, zero or negative) is ignored and the default stays.
type PacerOption func(*pacerConfig)

type pacerConfig struct {
	initial, min, max float64
	burst             int
	clock             Clock
	budget            bool
}

// WithInitialRate sets the rate, in requests per second, that an
// [AdaptivePacer] starts from before any inin-ratelimit-* header or 429 has
// been seen (default [DefaultPacerInitialRate], 300 per minute).
func WithInitialRate(rps float64) PacerOption {
	return func(c *pacerConfig) {
		if rps > 0 && !math.IsInf(rps, 0) {
			c.initial = rps
		}
	}
}

// WithMinRate sets the lowest rate, in requests per second, that an
// [AdaptivePacer] backs off to (default [DefaultPacerMinRate]).
func WithMinRate(rps float64) PacerOption {
	return func(c *pacerConfig) {
		if rps > 0 && !math.IsInf(rps, 0) {
			c.min = rps
		}
	}
}

// WithMaxRate sets the highest rate, in requests per second, that an
// [AdaptivePacer] probes up to (default: none; the headers' ceiling and
// twice the measured request rate bound it). Use it when the limit is known
// not to exceed a value.
func WithMaxRate(rps float64) PacerOption {
	return func(c *pacerConfig) {
		if rps > 0 {
			c.max = rps
		}
	}
}

// WithBurst sets the token bucket size: how many attempts may start at once
// after an idle spell (default [DefaultPacerBurst]).
func WithBurst(n int) PacerOption {
	return func(c *pacerConfig) {
		if n > 0 {
			c.burst = n
		}
	}
}

// WithPacerClock replaces the pacer's clock (default: the real clock), a
// test seam. The pacer uses its own clock for everything, also for
// [PaceSignal]s, so its time base never mixes with the client's.
func WithPacerClock(clk Clock) PacerOption {
	return func(c *pacerConfig) {
		if clk != nil {
			c.clock = clk
		}
	}
}

// WithWindowBudget makes an [AdaptivePacer] also spread what is left of the
// current rate-limit window over the time until it resets: at most
// (inin-ratelimit-allowed − inin-ratelimit-count) / inin-ratelimit-reset
// requests per second (default off). Turn it on when other programs use the
// same OAuth client and the server counts a fixed window; it then slows down
// before the window is exhausted instead of after a 429. It is off by
// default because the headers' meaning is inferred, not documented, and a
// count that includes requests before a limit change (or 429s) would hold
// the rate down for the rest of the window.
func WithWindowBudget() PacerOption {
	return func(c *pacerConfig) { c.budget = true }
}

// AdaptivePacer is a [Pacer] whose rate follows the server: a token bucket
// (golang.org/x/time/rate) whose rate adapts in the manner of
// aws-sdk-go-v2's adaptive retry mode. Set it once on a [Client] with
// [WithPacer]; every request of that client (all export workers, all
// iterators) then shares it. It is safe for concurrent use and starts no
// goroutine.
//
// The rate:
//   - starts at [WithInitialRate] (default 5 per second) and, until the
//     first 429, grows to twice the measured request rate as long as
//     requests keep up with it (a slow start: it about triples per second);
//   - when the inin-ratelimit-allowed header is present, is capped at
//     allowed per window (the window is a minute, or the largest
//     inin-ratelimit-reset seen if longer, up to an hour), and, until the
//     first 429, is
//     that ceiling from the first response on;
//   - on a 429, drops to 0.7 times the lowest of the current rate, the
//     measured request rate and, when the previous 429 came at most 30 s
//     earlier, the rate the server served in between (at most once per
//     throttle episode), and then, from the end of the Retry-After
//     pause, recovers along a CUBIC curve: quickly back
//     towards the rate that drew the 429 (in about 2.5 s), slowly around
//     it, then faster above it (double about 3.7 s later), so a raised
//     limit is found within seconds;
//   - with [WithWindowBudget], is also capped so that what is left of the
//     window lasts until it resets;
//   - is never above [WithMaxRate] nor twice the measured request rate
//     when no header ceiling is known, and never below [WithMinRate].
//
// A 429 or 503 carrying Retry-After makes every caller of Wait wait until
// that time has passed (capped at 180 s), not only the request that got it.
//
// The limit is per OAuth client: clients built with the same credentials
// should share one pacer. [NewFixedPacer] is the fixed-rate alternative for
// a known limit; [WithPacer](nil) turns pacing off.
type AdaptivePacer struct {
	cfg pacerConfig
	lim *rate.Limiter

	mu        sync.Mutex
	rate      float64   // current rate
	notBefore time.Time // shared Retry-After pause
	ceiling   float64   // allowed per window from the headers, 0 if unknown
	window    time.Duration
	budget    float64   // WithWindowBudget: rate left in the window
	budgetEnd time.Time // when that window resets

	throttled    bool      // a 429 decreased the rate
	lastMax      float64   // rate when the last 429 came
	lastThrottle time.Time // when it came
	curveStart   time.Time // when the recovery curve starts: after the pause
	guardUntil   time.Time // 429s before this belong to the same episode
	served       int       // responses other than 429 since lastThrottle

	measured   float64   // smoothed request rate (responses per second)
	sampleAt   time.Time // start of the current measuring bucket
	sampleSize int       // responses in it

	stats PacerStats
}

// NewAdaptivePacer returns an [AdaptivePacer]. Share one per client: give it
// to [New] with [WithPacer].
func NewAdaptivePacer(opts ...PacerOption) *AdaptivePacer {
	cfg := pacerConfig{initial: DefaultPacerInitialRate, min: DefaultPacerMinRate,
		max: math.Inf(1), burst: DefaultPacerBurst, clock: realClock{}}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	cfg.min = min(cfg.min, cfg.max)
	cfg.initial = min(max(cfg.initial, cfg.min), cfg.max)
	now := cfg.clock.Now()
	p := &AdaptivePacer{cfg: cfg, rate: cfg.initial, window: paceWindow,
		sampleAt: now.Truncate(paceBucket)}
	p.lim = rate.NewLimiter(rate.Limit(cfg.initial), cfg.burst)
	p.lim.SetLimitAt(now, rate.Limit(cfg.initial))
	return p
}

// Wait blocks until the next attempt may start: after any shared
// Retry-After pause and when the token bucket has a token. It returns ctx's
// error if ctx ends first (the token is then given back).
func (p *AdaptivePacer) Wait(ctx context.Context) error {
	return pacedWait(ctx, p.cfg.clock, &p.mu, p.lim, &p.notBefore, &p.stats, p.updateLocked)
}

// Observe adapts the rate to the outcome of one attempt (see
// [AdaptivePacer]).
func (p *AdaptivePacer) Observe(s PaceSignal) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.cfg.clock.Now()
	p.measureLocked(now)
	if rl := s.RateLimit; rl.Allowed > 0 {
		if rl.Reset > p.window {
			p.window = min(rl.Reset, paceMaxWindow)
		}
		p.ceiling = float64(rl.Allowed) / p.window.Seconds()
		if p.cfg.budget && rl.Reset > 0 {
			left := float64(max(rl.Allowed-rl.Count, 0))
			p.budget = left / max(rl.Reset, time.Second).Seconds()
			p.budgetEnd = now.Add(rl.Reset)
		}
	}
	pauseLocked(&p.notBefore, &p.stats, now, s)
	switch s.StatusCode {
	case 0:
	case http.StatusTooManyRequests:
		p.stats.Throttled++
		if !now.Before(p.guardUntil) {
			p.backoffLocked(now)
		}
	default:
		p.served++
	}
	p.updateLocked(now)
}

// backoffLocked starts a throttle episode at now.
func (p *AdaptivePacer) backoffLocked(now time.Time) {
	p.stats.Backoffs++
	use := p.rate
	if p.measured > 0 {
		use = min(use, p.measured)
	}
	// Between two 429s close together the server's budget went from empty
	// to empty: what it served in between is what it allows. This finds
	// the limit although a server's burst lets the rate overshoot it
	// before the 429 comes. Over a long span demand may have fallen short
	// and the count says little: then only the measured rate counts.
	if d := now.Sub(p.lastThrottle); p.throttled && d >= time.Second && d <= paceServedSpan {
		use = min(use, float64(p.served)/d.Seconds())
	}
	p.throttled = true
	p.lastMax = max(use, p.cfg.min)
	p.lastThrottle = now
	p.curveStart = later(now, p.notBefore)
	p.served = 0
	p.guardUntil = later(now.Add(paceGuard), p.notBefore)
}

// Rate returns the current rate in requests per second.
func (p *AdaptivePacer) Rate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.updateLocked(p.cfg.clock.Now())
	return p.rate
}

// Stats returns the pacer's counters and current rate.
func (p *AdaptivePacer) Stats() PacerStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.updateLocked(p.cfg.clock.Now())
	s := p.stats
	s.Rate, s.Ceiling = p.rate, p.ceiling
	return s
}

// measureLocked counts one response towards the measured request rate.
func (p *AdaptivePacer) measureLocked(now time.Time) {
	p.sampleSize++
	b := now.Truncate(paceBucket)
	if !b.After(p.sampleAt) {
		return
	}
	cur := float64(p.sampleSize) / b.Sub(p.sampleAt).Seconds()
	p.measured = paceSmooth*cur + (1-paceSmooth)*p.measured
	p.sampleAt, p.sampleSize = b, 0
}

// updateLocked recomputes the rate at now and gives it to the limiter.
func (p *AdaptivePacer) updateLocked(now time.Time) {
	var r float64
	switch {
	case p.throttled:
		t := max(now.Sub(p.curveStart).Seconds(), 0) - paceK
		r = p.lastMax * (1 + paceScale*t*t*t)
	case p.ceiling > 0:
		r = p.ceiling
	default:
		r = math.Inf(1)
	}
	if p.ceiling > 0 {
		r = min(r, p.ceiling)
		if p.cfg.budget && now.Before(p.budgetEnd) {
			r = min(r, p.budget)
		}
	} else {
		// Without a ceiling, do not run far ahead of demand: a rate
		// nobody uses says nothing about the limit (and would allow a
		// burst when demand returns).
		floor := p.cfg.initial
		if p.throttled {
			floor = p.lastMax
		}
		r = min(r, max(2*p.measured, floor))
	}
	r = min(max(r, p.cfg.min), p.cfg.max)
	if r != p.rate {
		p.rate = r
		p.lim.SetLimitAt(now, limitOf(r))
	}
}

// FixedPacer is a [Pacer] with a constant rate, for users who know their
// limit. Like [AdaptivePacer] it makes every caller wait out a Retry-After
// sent with a 429 or 503. It is safe for concurrent use and starts no
// goroutine.
type FixedPacer struct {
	clock Clock
	lim   *rate.Limiter

	mu        sync.Mutex
	notBefore time.Time
	stats     PacerStats
}

// NewFixedPacer returns a [FixedPacer] allowing rps requests per second on
// average and burst at once (burst below 1 means 1; rps zero, negative or
// NaN means no rate limit, only the shared Retry-After pauses).
func NewFixedPacer(rps float64, burst int) *FixedPacer {
	return newFixedPacer(rps, burst, realClock{})
}

func newFixedPacer(rps float64, burst int, clk Clock) *FixedPacer {
	if !(rps > 0) {
		rps = math.Inf(1)
	}
	p := &FixedPacer{clock: clk, lim: rate.NewLimiter(limitOf(rps), max(burst, 1))}
	p.lim.SetLimitAt(clk.Now(), limitOf(rps))
	p.stats.Rate = rps
	return p
}

// Wait blocks until the next attempt may start: after any shared
// Retry-After pause and when the token bucket has a token. It returns ctx's
// error if ctx ends first.
func (p *FixedPacer) Wait(ctx context.Context) error {
	return pacedWait(ctx, p.clock, &p.mu, p.lim, &p.notBefore, &p.stats, nil)
}

// Observe starts a shared pause on a 429 or 503 with Retry-After and counts
// 429s; the rate does not change.
func (p *FixedPacer) Observe(s PaceSignal) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pauseLocked(&p.notBefore, &p.stats, p.clock.Now(), s)
	if s.StatusCode == http.StatusTooManyRequests {
		p.stats.Throttled++
	}
}

// Rate returns the constant rate in requests per second (+Inf: none).
func (p *FixedPacer) Rate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats.Rate
}

// Stats returns the pacer's counters.
func (p *FixedPacer) Stats() PacerStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// pauseLocked extends the shared pause for a 429 or 503 with Retry-After.
func pauseLocked(notBefore *time.Time, st *PacerStats, now time.Time, s PaceSignal) {
	if !s.HasRetryAfter || s.RetryAfter <= 0 ||
		(s.StatusCode != http.StatusTooManyRequests && s.StatusCode != http.StatusServiceUnavailable) {
		return
	}
	if t := now.Add(min(s.RetryAfter, paceMaxPause)); t.After(*notBefore) {
		*notBefore = t
		st.Pauses++
	}
}

// pacedWait is Wait for both pacers: wait out the shared pause, take a token
// (waiting for it), then wait out a pause that began meanwhile. update, if
// not nil, refreshes the rate first (with mu held).
func pacedWait(ctx context.Context, clk Clock, mu *sync.Mutex, lim *rate.Limiter,
	notBefore *time.Time, st *PacerStats, update func(time.Time)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var waited time.Duration
	sleep := func(d time.Duration) error {
		waited += d
		return clk.Sleep(ctx, d)
	}
	defer func() {
		mu.Lock()
		if waited > 0 {
			st.Waits++
			st.Waited += waited
		}
		mu.Unlock()
	}()
	reserved := false
	for {
		mu.Lock()
		now := clk.Now()
		if now.Before(*notBefore) {
			d := notBefore.Sub(now)
			mu.Unlock()
			if err := sleep(d); err != nil {
				return err
			}
			continue
		}
		if reserved {
			st.Attempts++
			mu.Unlock()
			return nil
		}
		if update != nil {
			update(now)
		}
		r := lim.ReserveN(now, 1) // always OK: burst >= 1
		d := r.DelayFrom(now)
		reserved = true
		if d <= 0 {
			st.Attempts++
			mu.Unlock()
			return nil
		}
		mu.Unlock()
		if err := sleep(d); err != nil {
			r.CancelAt(clk.Now())
			return err
		}
	}
}

// limitOf converts a rate to a rate.Limit (+Inf is rate.Inf).
func limitOf(rps float64) rate.Limit {
	if math.IsInf(rps, 1) {
		return rate.Inf
	}
	return rate.Limit(rps)
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
