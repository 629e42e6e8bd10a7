package genesys

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	testID     = "client-id-1234"
	testSecret = "s3cr3t-VALUE-never-print"
)

// fakeClock is a Clock whose Sleep returns at once (advancing Now) and
// records every wait.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
	// onSleep, if set, replaces the wait (e.g. to cancel ctx).
	onSleep func(ctx context.Context, d time.Duration) error
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.sleeps = append(f.sleeps, d)
	f.now = f.now.Add(d)
	hook := f.onSleep
	f.mu.Unlock()
	if hook != nil {
		return hook(ctx, d)
	}
	return ctx.Err()
}

func (f *fakeClock) Sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

// server is an httptest server with a token endpoint at /oauth/token that
// issues tok-1, tok-2, ... and an API handler.
type server struct {
	*httptest.Server
	tokenReqs atomic.Int32
	apiReqs   atomic.Int32
	// token, if set, replaces the token endpoint.
	token     http.HandlerFunc
	api       http.HandlerFunc
	expiresIn int
}

func newServer(t *testing.T, api http.HandlerFunc) *server {
	t.Helper()
	s := &server{api: api, expiresIn: 86400}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// newRawServer starts s without a testing.T (benchmarks close it).
func newRawServer(s *server) *server {
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth/token" {
		n := s.tokenReqs.Add(1)
		if s.token != nil {
			s.token(w, r)
			return
		}
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte(testID+":"+testSecret))
		if r.Header.Get("Authorization") != want || r.FormValue("grant_type") != "client_credentials" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"invalid_client","description":"client not found","error_description":"client not found"}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"access_token":"tok-%d","token_type":"bearer","expires_in":%d}`, n, s.expiresIn)
		return
	}
	s.apiReqs.Add(1)
	s.api(w, r)
}

// newTestClient returns a client for s with a fake clock, identity jitter
// and small backoffs; extra options are applied last.
func newTestClient(t *testing.T, s *server, extra ...Option) (*Client, *fakeClock) {
	t.Helper()
	clk := newFakeClock()
	opts := []Option{
		WithBaseURL(s.URL),
		WithCredentials(testID, testSecret),
		WithClock(clk),
		WithPacer(nil), // tests of pacing pass their own in extra
		WithRetryPolicy(RetryPolicy{MaxAttempts: 4, MinBackoff: time.Second, MaxBackoff: 8 * time.Second}),
		func(c *config) error { c.jitter = func(d time.Duration) time.Duration { return d }; return nil },
	}
	c, err := New(t.Context(), append(opts, extra...)...)
	require.NoError(t, err)
	return c, clk
}

// okJSON answers 200 with a JSON body and the usual Genesys headers.
func okJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("ININ-Correlation-Id", "corr-ok")
	w.Header().Set("inin-ratelimit-count", "7")
	w.Header().Set("inin-ratelimit-allowed", "300")
	w.Header().Set("inin-ratelimit-reset", "42")
	_, _ = w.Write([]byte(body))
}

// sequence returns a handler answering the i-th API request with steps[i]
// (the last step repeats).
func sequence(steps ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i >= len(steps) {
			i = len(steps) - 1
		}
		steps[i](w, r)
	}
}

func status(code int, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ININ-Correlation-Id", fmt.Sprintf("corr-%d", code))
		w.WriteHeader(code)
		_, _ = fmt.Fprintf(w, `{"message":"status %d","code":"code.%d","status":%d,"contextId":"ctx-%d"}`, code, code, code, code)
	}
}

func ok(w http.ResponseWriter, _ *http.Request) { okJSON(w, `{"value":"ok"}`) }

// reset hijacks the connection and closes it without answering.
func reset(w http.ResponseWriter, r *http.Request) {
	hj, okk := w.(http.Hijacker)
	if !okk {
		return
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

type valueOut struct {
	Value string `json:"value"`
}
