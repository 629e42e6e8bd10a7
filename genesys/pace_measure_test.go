package genesys_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
)

// TestPacingMeasure measures pacing efficiency against genesystest limited to
// R requests per second: 4 workers send detail-query page requests through
// one client for the whole run, and the fake's request log is counted. It
// takes about 40 s, so it runs only when GCDATA_PACING=1:
//
//	GCDATA_PACING=1 go test ./genesys -run TestPacingMeasure -v
//
// GCDATA_PACING_RATE sets R (default 20), GCDATA_PACING_SECONDS the length
// of one phase (default 12: a run is 3 phases, so 36 s). The "changing"
// runs halve the limit after one phase and double it back after the
// second. "headers" runs see the fake's inin-ratelimit-* headers, "bare"
// runs get them stripped (the pacer must find the limit from 429s alone),
// "+budget" runs use WithWindowBudget, "off" runs have no pacer.
// GCDATA_PACING_PAGE sets the page size (default 20: the fake's CPU cost
// must not be what is measured), GCDATA_PACING_BURST the pacers' burst
// (default DefaultPacerBurst), GCDATA_PACING_TRACE=1 logs the adaptive
// pacers' rate every 500 ms.
//
// Columns: ok = 200s in the fake's request log; ratio = ok / what the limit
// allowed over the run; steady = the same after the first 2 s; 429 % =
// 429s / (200s + 429s); errs = calls that failed; follow = time from a
// limit change to the first 2 s window with at least 90% of the new limit
// served and no 429.
func TestPacingMeasure(t *testing.T) {
	if os.Getenv("GCDATA_PACING") != "1" {
		t.Skip("pacing measurement: set GCDATA_PACING=1 (about 40 s)")
	}
	rps := envFloat(t, "GCDATA_PACING_RATE", 20)
	pageSize := int(envFloat(t, "GCDATA_PACING_PAGE", 20))
	phase := time.Duration(envFloat(t, "GCDATA_PACING_SECONDS", 12) * float64(time.Second))

	type scenario struct {
		name     string
		pacer    func() genesys.Pacer // nil: no pacer
		headers  bool
		changing bool
	}
	burst := int(envFloat(t, "GCDATA_PACING_BURST", genesys.DefaultPacerBurst))
	adaptive := func() genesys.Pacer { return genesys.NewAdaptivePacer(genesys.WithBurst(burst)) }
	budget := func() genesys.Pacer {
		return genesys.NewAdaptivePacer(genesys.WithBurst(burst), genesys.WithWindowBudget())
	}
	fixed := func() genesys.Pacer { return genesys.NewFixedPacer(rps, burst) }
	scenarios := []scenario{
		{"adaptive/headers/steady", adaptive, true, false},
		{"adaptive/bare/steady", adaptive, false, false},
		{"fixed=R/steady", fixed, true, false},
		{"off/steady", nil, true, false},
		{"adaptive/headers/changing", adaptive, true, true},
		{"adaptive/bare/changing", adaptive, false, true},
		{"adaptive+budget/steady", budget, true, false},
		{"adaptive+budget/changing", budget, true, true},
		{"off/changing", nil, true, true},
	}
	results := make([]measurement, len(scenarios))
	var wg sync.WaitGroup
	for i, sc := range scenarios {
		wg.Go(func() {
			var p genesys.Pacer
			if sc.pacer != nil {
				p = sc.pacer()
			}
			results[i] = runPacing(t, pacingRun{name: sc.name, pacer: p, headers: sc.headers,
				changing: sc.changing, rps: rps, phase: phase, pageSize: pageSize})
		})
	}
	wg.Wait()

	var b strings.Builder
	fmt.Fprintf(&b, "R=%g req/s, 4 workers, %s per phase (changing: R, R/2, R)\n", rps, phase)
	fmt.Fprintf(&b, "%-27s %6s %7s %6s %6s %6s %7s %6s %13s\n",
		"run", "ok", "req/s", "ratio", "steady", "429s", "429 %", "errs", "follow ↓ / ↑")
	for _, m := range results {
		follow := "-"
		if len(m.follow) == 2 {
			follow = fmt.Sprintf("%s / %s", fmtFollow(m.follow[0]), fmtFollow(m.follow[1]))
		}
		fmt.Fprintf(&b, "%-27s %6d %7.2f %6.3f %6.3f %6d %6.2f%% %6d %13s\n",
			m.name, m.ok, m.throughput, m.ratio, m.steadyRatio, m.limited, m.limitedPct, m.errs, follow)
	}
	t.Log("\n" + b.String())
	for _, m := range results {
		if m.pacer != nil {
			t.Logf("%s: pacer %+v", m.name, *m.pacer)
		}
	}
}

// pacingRun is one scenario of TestPacingMeasure.
type pacingRun struct {
	name              string
	pacer             genesys.Pacer // nil: none
	headers, changing bool
	rps               float64
	phase             time.Duration
	pageSize          int
}

type measurement struct {
	name        string
	ok, limited int
	errs        int64
	throughput  float64 // successes per second over the run
	ratio       float64 // successes / what the limit allowed over the run
	steadyRatio float64 // the same after the first 2 s
	limitedPct  float64 // 429s / (successes + 429s)
	follow      []time.Duration
	pacer       *genesys.PacerStats
}

// runPacing runs one scenario and counts the fake's request log.
func runPacing(t *testing.T, run pacingRun) measurement {
	name, p, headers, changing, rps, phase := run.name, run.pacer, run.headers, run.changing, run.rps, run.phase
	srv := genesystest.NewServer(genesystest.WithConversations(5000),
		genesystest.WithFaults(genesystest.Faults{RateLimit: rps, HideRateLimitHeaders: !headers}),
		genesystest.WithRequestLogSize(1<<20))
	defer srv.Close()
	opts := append(srv.ClientOptions(),
		genesys.WithRetryPolicy(genesys.RetryPolicy{MaxAttempts: 20}),
		genesys.WithPacer(p)) // a nil p turns the client's default pacer off
	c, err := genesys.New(t.Context(), opts...)
	require.NoError(t, err)
	defer c.CloseIdleConnections()

	start, _ := srv.Period()
	interval := start.Format(time.RFC3339) + "/" + start.Add(24*time.Hour).Format(time.RFC3339)
	total := 3 * phase
	ctx, cancel := context.WithTimeout(t.Context(), total)
	defer cancel()
	t0 := time.Now()
	if changing {
		go func() {
			for i, r := range []float64{rps / 2, rps} {
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Until(t0.Add(time.Duration(i+1) * phase))):
				}
				if err := srv.SetRateLimit(r, 0); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	if ap, ok := p.(*genesys.AdaptivePacer); ok && os.Getenv("GCDATA_PACING_TRACE") == "1" {
		go func() { // the rate every 500 ms, for tuning
			var b strings.Builder
			for ctx.Err() == nil {
				fmt.Fprintf(&b, " %.1f", ap.Rate())
				select {
				case <-ctx.Done():
				case <-time.After(500 * time.Millisecond):
				}
			}
			t.Logf("%s: rate trace:%s", name, b.String())
		}()
	}
	var errs sync.Map
	var nerr int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for page := 1; ctx.Err() == nil; page++ {
				body := map[string]any{"interval": interval, "order": "asc", "orderBy": "conversationStart",
					"paging": map[string]int{"pageSize": run.pageSize, "pageNumber": (page+w)%4 + 1}}
				_, err := c.Do(ctx, genesys.Request{Method: http.MethodPost,
					Path: "/api/v2/analytics/conversations/details/query", Body: body, Operation: "details query"}, nil)
				if err != nil && ctx.Err() == nil {
					mu.Lock()
					nerr++
					mu.Unlock()
					errs.LoadOrStore(err.Error(), true)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(t0)
	errs.Range(func(k, _ any) bool { t.Logf("%s: error: %s", name, k); return true })

	m := measurement{name: name, errs: nerr}
	var times []time.Duration // successes, from t0
	var limitedAt []time.Duration
	for _, r := range srv.Requests() {
		if !strings.HasPrefix(r.Path, "/api/") {
			continue
		}
		switch r.Status {
		case http.StatusOK:
			m.ok++
			times = append(times, r.Time.Sub(t0))
		case http.StatusTooManyRequests:
			m.limited++
			limitedAt = append(limitedAt, r.Time.Sub(t0))
		}
	}
	limitAt := func(d time.Duration) float64 {
		if changing && d >= phase && d < 2*phase {
			return rps / 2
		}
		return rps
	}
	allowed := rps * elapsed.Seconds()
	if changing {
		allowed = rps*(elapsed.Seconds()-phase.Seconds()) + rps/2*phase.Seconds()
	}
	m.throughput = float64(m.ok) / elapsed.Seconds()
	m.ratio = float64(m.ok) / allowed
	var steady int
	for _, d := range times {
		if d >= 2*time.Second {
			steady++
		}
	}
	m.steadyRatio = float64(steady) / (allowed - 2*limitAt(0))
	if n := m.ok + m.limited; n > 0 {
		m.limitedPct = 100 * float64(m.limited) / float64(n)
	}
	if changing {
		for i := 1; i <= 2; i++ {
			m.follow = append(m.follow, followTime(times, limitedAt, time.Duration(i)*phase, time.Duration(i+1)*phase, limitAt(time.Duration(i)*phase)))
		}
	}
	switch p := p.(type) {
	case *genesys.AdaptivePacer:
		st := p.Stats()
		m.pacer = &st
	case *genesys.FixedPacer:
		st := p.Stats()
		m.pacer = &st
	}
	return m
}

// followTime is how long after from the traffic first fits the new limit:
// the start of the first 2 s window, stepped by 100 ms, with at least 90 %
// of limit successes per second and no 429. -1 if none before to.
func followTime(ok, limited []time.Duration, from, to time.Duration, limit float64) time.Duration {
	const win = 2 * time.Second
	count := func(ts []time.Duration, a, b time.Duration) int {
		n := 0
		for _, t := range ts {
			if t >= a && t < b {
				n++
			}
		}
		return n
	}
	for a := from; a+win <= to; a += 100 * time.Millisecond {
		if count(limited, a, a+win) == 0 && float64(count(ok, a, a+win)) >= 0.9*limit*win.Seconds() {
			return a - from
		}
	}
	return -1
}

func fmtFollow(d time.Duration) string {
	if d < 0 {
		return "never"
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

func envFloat(t *testing.T, key string, def float64) float64 {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	require.NoError(t, err, key)
	require.False(t, math.IsNaN(f) || f <= 0, key)
	return f
}
