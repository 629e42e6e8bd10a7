package genesystest

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"path"
	"slices"
	"time"
)

// Faults are the random and per-job faults of a [Server]. The zero value
// injects nothing. Random choices are a pure function of the seed and the
// number of the API request (the token endpoint is not counted), so the same
// seed and the same request sequence give the same faults.
//
// Faults apply to API requests (everything but /oauth/token), after
// authentication; scripted [Rule]s apply to every request before anything
// else.
type Faults struct {
	// RateLimit is the rate limit in API requests per second, enforced by a
	// token bucket per server on the server's clock; 0 disables it. A
	// request over the limit gets 429 with code
	// "too.many.requests.retry.after" and Retry-After: the whole seconds
	// (at least 1) until the bucket has a token again.
	RateLimit float64
	// RateBurst is the bucket size (default: RateLimit rounded up, at least 1).
	RateBurst int
	// HideRateLimitHeaders leaves the inin-ratelimit-* headers out of every
	// response, like a server that does not report its limit: a client's
	// pacer then has only 429s and Retry-After to go by.
	HideRateLimitHeaders bool
	// ServerErrorRate is the fraction (0..1) of API requests answered with a
	// 5xx error body instead of being served.
	ServerErrorRate float64
	// ServerErrorStatuses are the statuses ServerErrorRate draws from, with
	// equal probability (default 500, 502, 503, 504).
	ServerErrorStatuses []int
	// ServerErrorRetryAfter, when positive, is sent as Retry-After (whole
	// seconds, rounded up) on the 503s of ServerErrorRate.
	ServerErrorRetryAfter time.Duration
	// ResetRate is the fraction of API requests that are served, but whose
	// connection is closed after half of the response body (the client sees
	// an unexpected EOF). State changes (a job created, a page served) have
	// happened.
	ResetRate float64
	// SlowRate is the fraction of API requests whose response headers are
	// delayed by SlowDelay (real time; cut short when the client gives up or
	// the server closes).
	SlowRate  float64
	SlowDelay time.Duration
	// JobFailRate is the fraction of jobs (drawn at creation) that end
	// FAILED with errorMessage "Query could not be completed" instead of
	// FULFILLED.
	JobFailRate float64
	// JobExpireAfterPages, when positive, makes a job EXPIRED once that many
	// of its result pages have been served: later result requests get 404
	// (code "not.found", message "job ... has expired") and its status says
	// EXPIRED.
	JobExpireAfterPages int
	// RepeatCursorAtPage, when positive, makes the result page with that
	// number (1 = first) carry the cursor it was requested with (for page 1:
	// a cursor for the first page), once per job. Requesting that cursor
	// again serves the same page again, now with the right next cursor.
	RepeatCursorAtPage int
	// RepeatRowsAtPage, when positive (2 or more), makes that result page
	// start RepeatRows rows (default 1) before where the previous page
	// ended, once per job; its cursor continues after its last row, so no
	// row is lost and RepeatRows rows are served twice. The page repeats at
	// most pageSize-1 rows, so it always moves on when rows are left; it
	// never carries the cursor it was requested with, also when it is the
	// empty last page of EmptyLastPage (then it has no cursor).
	RepeatRowsAtPage int
	RepeatRows       int
	// EmptyLastPage makes the last page of job results carry a cursor that
	// leads to a page with no conversations and no cursor.
	EmptyLastPage bool
}

func (f Faults) check() error {
	var errs []error
	for name, v := range map[string]float64{"ServerErrorRate": f.ServerErrorRate, "ResetRate": f.ResetRate,
		"SlowRate": f.SlowRate, "JobFailRate": f.JobFailRate} {
		if !(v >= 0 && v <= 1) {
			errs = append(errs, fmt.Errorf("genesystest: Faults.%s %v is not in [0, 1]", name, v))
		}
	}
	if !(f.RateLimit >= 0) || math.IsInf(f.RateLimit, 0) {
		errs = append(errs, errors.New("genesystest: Faults.RateLimit must be a finite number >= 0"))
	}
	for name, v := range map[string]int{"RateBurst": f.RateBurst, "JobExpireAfterPages": f.JobExpireAfterPages,
		"RepeatCursorAtPage": f.RepeatCursorAtPage, "RepeatRowsAtPage": f.RepeatRowsAtPage, "RepeatRows": f.RepeatRows} {
		if v < 0 {
			errs = append(errs, fmt.Errorf("genesystest: Faults.%s is negative", name))
		}
	}
	if f.SlowDelay < 0 || f.ServerErrorRetryAfter < 0 {
		errs = append(errs, errors.New("genesystest: Faults: negative duration"))
	}
	for _, s := range f.ServerErrorStatuses {
		if s < 500 || s > 599 {
			errs = append(errs, fmt.Errorf("genesystest: Faults.ServerErrorStatuses: %d is not a 5xx status", s))
		}
	}
	return errors.Join(errs...)
}

func (f Faults) clone() Faults {
	f.ServerErrorStatuses = slices.Clone(f.ServerErrorStatuses)
	return f
}

func (f Faults) burst() float64 {
	if f.RateBurst > 0 {
		return float64(f.RateBurst)
	}
	return max(1, math.Ceil(f.RateLimit))
}

// Action is what a scripted [Rule] does to a matching request.
type Action string

// The rule actions.
const (
	// Respond answers with Rule.Status, Rule.Header and Rule.Body (default:
	// the standard error body of the status) without serving the request.
	Respond Action = "respond"
	// ResetBeforeHeaders closes the connection without writing anything;
	// the request is not served.
	ResetBeforeHeaders Action = "resetBeforeHeaders"
	// ResetMidBody serves the request, writes the headers (with the full
	// Content-Length) and half of the body, then closes the connection.
	ResetMidBody Action = "resetMidBody"
	// TruncateBody serves the request but sends only the first half of the
	// body, with a matching Content-Length: a complete response whose JSON
	// is cut short.
	TruncateBody Action = "truncateBody"
	// DelayHeaders waits Rule.Delay, then serves the request normally.
	DelayHeaders Action = "delayHeaders"
)

// Valid reports whether a is one of the actions.
func (a Action) Valid() bool {
	switch a {
	case Respond, ResetBeforeHeaders, ResetMidBody, TruncateBody, DelayHeaders:
		return true
	}
	return false
}

// Rule is a scripted fault: "the next Times requests matching Method and
// Path, after Skip of them, get Action". Rules are checked in the order
// added, before authentication and rate limiting; the first rule that fires
// wins. Add them with [WithRules] or [Server.AddRules].
type Rule struct {
	// Method matches the request method; "" matches any.
	Method string
	// Path matches the URL path with path.Match ("*" does not cross "/"),
	// e.g. "/api/v2/analytics/conversations/details/jobs/*/results"; ""
	// matches any.
	Path string
	// Skip is how many matching requests pass untouched before the rule fires.
	Skip int
	// Times is how many matching requests the rule fires for: 0 means once,
	// a negative value means every one.
	Times int
	// Action is what to do (default Respond).
	Action Action
	// Status is the status Respond answers with (required for Respond).
	Status int
	// Header holds headers Respond adds, e.g. {"Retry-After": {"1"}}.
	Header http.Header
	// Body is the body Respond writes; "" means the standard error body of
	// Status (application/json).
	Body string
	// Delay is waited before the action, in real time (keep it small in
	// tests); the wait ends early when the client gives up or the server
	// closes, and then nothing is written.
	Delay time.Duration
}

func (r Rule) check() error {
	a := r.Action
	if a == "" {
		a = Respond
	}
	if !a.Valid() {
		return fmt.Errorf("genesystest: Rule: unknown action %q", r.Action)
	}
	if a == Respond && (r.Status < 100 || r.Status > 999) {
		return fmt.Errorf("genesystest: Rule: Respond needs a status, got %d", r.Status)
	}
	if r.Path != "" {
		if _, err := path.Match(r.Path, "/"); err != nil {
			return fmt.Errorf("genesystest: Rule: bad path pattern %q", r.Path)
		}
	}
	if r.Skip < 0 || r.Delay < 0 {
		return errors.New("genesystest: Rule: negative Skip or Delay")
	}
	return nil
}

type ruleState struct {
	Rule
	seen, fired int
}

// WithRules adds scripted faults (see [Rule]).
func WithRules(rules ...Rule) Option {
	return func(c *config) error {
		for _, r := range rules {
			if err := r.check(); err != nil {
				return err
			}
		}
		c.rules = append(c.rules, rules...)
		return nil
	}
}

// matchRule returns the rule that fires for the request, if any. Called
// with s.mu held.
func matchRule(rules []*ruleState, method, p string) (Rule, bool) {
	for _, r := range rules {
		if r.Method != "" && r.Method != method {
			continue
		}
		if r.Path != "" {
			if ok, _ := path.Match(r.Path, p); !ok {
				continue
			}
		}
		times := r.Times
		if times == 0 {
			times = 1
		}
		r.seen++
		if r.seen <= r.Skip {
			continue
		}
		if times > 0 && r.fired >= times {
			continue
		}
		r.fired++
		rule := r.Rule
		if rule.Action == "" {
			rule.Action = Respond
		}
		return rule, true
	}
	return Rule{}, false
}

// tokenBucket is the rate limiter: rate tokens per second, burst capacity.
type tokenBucket struct {
	tokens float64
	last   time.Time
}

// take takes one token at now; when none is left it returns how long until
// one is available.
func (b *tokenBucket) take(now time.Time, rate, burst float64) (bool, time.Duration) {
	if b.last.IsZero() {
		b.tokens = burst
	} else if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(burst, b.tokens+el*rate)
	}
	if now.After(b.last) || b.last.IsZero() {
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / rate * float64(time.Second))
}

// randomFault is the random fault drawn for API request number n.
type randomFault struct {
	status int           // 5xx to answer with, 0 for none
	reset  bool          // reset mid-body
	delay  time.Duration // delay before headers
}

func (f Faults) draw(seed uint64, n uint64) randomFault {
	r := newRNG(seed, n, tagFault)
	var out randomFault
	x1, x2, x3, x4 := r.float(), r.float(), r.float(), r.next()
	if x1 < f.ServerErrorRate {
		statuses := f.ServerErrorStatuses
		if len(statuses) == 0 {
			statuses = []int{500, 502, 503, 504}
		}
		out.status = statuses[x4%uint64(len(statuses))]
		return out
	}
	if x2 < f.ResetRate {
		out.reset = true
	}
	if x3 < f.SlowRate {
		out.delay = f.SlowDelay
	}
	return out
}
