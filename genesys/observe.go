package genesys

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RequestEvent describes one attempt, for an [Observer]. It carries the same
// data as the audit log record; never a header, a query string or a body.
type RequestEvent struct {
	Operation     string        // Request.Operation
	Method        string        // HTTP method
	Path          string        // URL path without the query
	StatusCode    int           // 0 when no response arrived
	Attempt       int           // 1-based
	Duration      time.Duration // from sending to the end of the response (or failure)
	CorrelationID string        // ININ-Correlation-Id response header
	RateLimit     RateLimit     // inin-ratelimit-* response headers
	Err           error         // transport or token error, nil when a response arrived
	Retry         bool          // another attempt follows
	Wait          time.Duration // the wait before that attempt, when Retry
}

// Observer receives a [RequestEvent] for every attempt, e.g. to feed metrics.
// It is called synchronously on the requesting goroutine and must be safe
// for concurrent use.
type Observer interface {
	ObserveRequest(RequestEvent)
}

// ObserverFunc adapts a function to [Observer].
type ObserverFunc func(RequestEvent)

// ObserveRequest calls f(e).
func (f ObserverFunc) ObserveRequest(e RequestEvent) { f(e) }

// Pacer spaces requests (issue 6 plugs an adaptive pacer in here through
// [WithPacer]). The client calls Wait before every attempt and Observe after
// every attempt. Both are called concurrently from all requests of one
// client.
type Pacer interface {
	// Wait blocks until the next attempt may start or ctx is done; an error
	// fails the request without a retry.
	Wait(ctx context.Context) error
	// Observe reports the outcome of one attempt.
	Observe(PaceSignal)
}

// PaceSignal is what a [Pacer] learns from one attempt.
type PaceSignal struct {
	Time       time.Time     // when the response (or failure) arrived, from the client's clock
	StatusCode int           // 0 when no response arrived
	RateLimit  RateLimit     // parsed inin-ratelimit-* headers
	RetryAfter time.Duration // parsed Retry-After header
	// HasRetryAfter tells a Retry-After of 0 from none.
	HasRetryAfter bool
	Err           error // transport error when StatusCode is 0
}

// RateLimit holds the inin-ratelimit-* response headers. Their meaning is
// inferred (CONTRACT.md §6): Count requests used of Allowed in the current
// window, which resets after Reset.
type RateLimit struct {
	Count   int
	Allowed int
	Reset   time.Duration
	Present bool // at least one header parsed
}

// parseRateLimit reads the inin-ratelimit-* headers; unparsable values are
// ignored.
func parseRateLimit(h http.Header) RateLimit {
	var rl RateLimit
	if v, err := strconv.Atoi(strings.TrimSpace(h.Get("Inin-Ratelimit-Count"))); err == nil {
		rl.Count, rl.Present = v, true
	}
	if v, err := strconv.Atoi(strings.TrimSpace(h.Get("Inin-Ratelimit-Allowed"))); err == nil {
		rl.Allowed, rl.Present = v, true
	}
	if v, err := strconv.ParseFloat(strings.TrimSpace(h.Get("Inin-Ratelimit-Reset")), 64); err == nil && v >= 0 && v < 1e6 {
		rl.Reset, rl.Present = time.Duration(v*float64(time.Second)), true
	}
	return rl
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP-date
// (relative to now; a past date means 0). ok is false when it is missing or
// unparsable.
func parseRetryAfter(h http.Header, now time.Time) (d time.Duration, ok bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > 1<<31 {
			n = 1 << 31 // far above any cap; avoids overflow
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
