package genesys

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDoRequestShape(t *testing.T) {
	t.Parallel()
	type seen struct {
		method, path, query, body, accept, ctype, ua, auth string
	}
	got := make(chan seen, 1)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{r.Method, r.URL.Path, r.URL.RawQuery, string(b), r.Header.Get("Accept"),
			r.Header.Get("Content-Type"), r.Header.Get("User-Agent"), r.Header.Get("Authorization")}
		okJSON(w, `{"value":"v","unknownField":[1,2]}`)
	})
	c, _ := newTestClient(t, s, WithUserAgent("my-app/1.0"))
	q := map[string][]string{"pageSize": {"100"}, "cursor": {"a b&c"}}
	var out valueOut
	resp, err := c.Do(t.Context(), Request{
		Method: http.MethodPost, Path: "/api/v2/analytics/conversations/details/query",
		Query: q, Body: map[string]string{"interval": "a/b", "html": "<&>"},
	}, &out)
	require.NoError(t, err)
	g := <-got
	assert.Equal(t, seen{
		method: "POST", path: "/api/v2/analytics/conversations/details/query", query: "cursor=a+b%26c&pageSize=100",
		body: `{"html":"<&>","interval":"a/b"}`, accept: "application/json", ctype: "application/json",
		ua: "my-app/1.0", auth: "Bearer tok-1",
	}, g)
	assert.Equal(t, "v", out.Value)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "corr-ok", resp.CorrelationID)
	assert.Equal(t, RateLimit{Count: 7, Allowed: 300, Reset: 42 * time.Second, Present: true}, resp.RateLimit)
	assert.Equal(t, 1, resp.Attempts)
	assert.Equal(t, []string{"100"}, q["pageSize"], "the caller's query is not modified")
}

func TestDoGetHasNoContentType(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.Header.Get("Content-Type"))
		assert.Equal(t, http.MethodGet, r.Method)
		w.WriteHeader(http.StatusNoContent)
	})
	c, _ := newTestClient(t, s)
	out := valueOut{Value: "untouched"}
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, &out)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, "untouched", out.Value)
}

func TestDoRawTargets(t *testing.T) {
	t.Parallel()
	const body = `{"b":1,  "a":[true]}`
	s := newServer(t, func(w http.ResponseWriter, _ *http.Request) { okJSON(w, body) })
	c, _ := newTestClient(t, s)
	var b []byte
	_, err := c.Do(t.Context(), Request{Path: "/x"}, &b)
	require.NoError(t, err)
	assert.Equal(t, body, string(b))
	var rm stdjson.RawMessage
	_, err = c.Do(t.Context(), Request{Path: "/x"}, &rm)
	require.NoError(t, err)
	assert.Equal(t, body, string(rm))
	var v jsontext.Value
	_, err = c.Do(t.Context(), Request{Path: "/x"}, &v)
	require.NoError(t, err)
	assert.Equal(t, body, string(v))
	_, err = c.Do(t.Context(), Request{Path: "/x"}, nil)
	require.NoError(t, err)
}

func TestDoRawRequestBody(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		assert.Equal(t, `{"pre":"encoded"}`, string(b))
		ok(w, r)
	})
	c, _ := newTestClient(t, s)
	_, err := c.Do(t.Context(), Request{Method: "POST", Path: "/x", Body: stdjson.RawMessage(`{"pre":"encoded"}`)}, nil)
	require.NoError(t, err)
}

func TestDoDecodeErrorNamesOperation(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, _ *http.Request) { okJSON(w, `{"value":42}`) })
	c, _ := newTestClient(t, s)
	var out valueOut
	resp, err := c.Do(t.Context(), Request{Path: "/x", Operation: "job status"}, &out)
	var re *RequestError
	require.ErrorAs(t, err, &re)
	assert.Contains(t, err.Error(), "genesys: job status: decode response:")
	require.NotNil(t, resp)
	assert.Equal(t, 1, resp.Attempts, "a well-formed body of the wrong shape is not retried")
}

func TestDoBodyLimit(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
		okJSON(w, `{"value":"`+strings.Repeat("x", 100)+`"}`)
	})
	c, _ := newTestClient(t, s, WithMaxResponseBytes(64))
	_, err := c.Do(t.Context(), Request{Path: "/x", Operation: "job results"}, &valueOut{})
	var le *BodyLimitError
	require.ErrorAs(t, err, &le)
	assert.EqualValues(t, 64, le.Limit)
	assert.Contains(t, err.Error(), "genesys: job results: response body exceeds the limit of 64 bytes")
	assert.EqualValues(t, 1, s.apiReqs.Load())
}

func TestDoInvalidRequests(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	c, _ := newTestClient(t, s)
	for _, r := range []Request{
		{Path: "api/v2/x"},
		{Path: "/api/v2/x?a=b"},
		{Method: "POST", Path: "/x", Body: func() {}},
	} {
		_, err := c.Do(t.Context(), r, nil)
		var re *RequestError
		assert.ErrorAs(t, err, &re, r.Path)
	}
	assert.EqualValues(t, 0, s.apiReqs.Load())
}

func TestNoRedirectFollowed(t *testing.T) {
	t.Parallel()
	other := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.Header.Get("Authorization"), "the token must not travel to another host")
		ok(w, r)
	})
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
	})
	c, _ := newTestClient(t, s)
	_, err := c.Do(t.Context(), Request{Path: "/x"}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusFound, apiErr.StatusCode)
	assert.EqualValues(t, 0, other.apiReqs.Load())
}

// recordingPacer records Wait calls and Observe signals.
type recordingPacer struct {
	mu      sync.Mutex
	waits   int
	signals []PaceSignal
	err     error
}

func (p *recordingPacer) Wait(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waits++
	if p.err != nil {
		return p.err
	}
	return ctx.Err()
}

func (p *recordingPacer) Observe(s PaceSignal) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.signals = append(p.signals, s)
}

func TestPacerSeesEveryAttempt(t *testing.T) {
	t.Parallel()
	s := newServer(t, sequence(status(429, "Retry-After", "0", "inin-ratelimit-count", "300", "inin-ratelimit-allowed", "300", "inin-ratelimit-reset", "12"), status(503), ok))
	p := &recordingPacer{}
	c, clk := newTestClient(t, s, WithPacer(p))
	_, err := c.Do(t.Context(), Request{Path: "/x"}, nil)
	require.NoError(t, err)
	assert.Equal(t, 3, p.waits)
	require.Len(t, p.signals, 3)
	assert.Equal(t, PaceSignal{Time: p.signals[0].Time, StatusCode: 429, HasRetryAfter: true,
		RateLimit: RateLimit{Count: 300, Allowed: 300, Reset: 12 * time.Second, Present: true}}, p.signals[0])
	assert.Equal(t, 503, p.signals[1].StatusCode)
	assert.False(t, p.signals[1].HasRetryAfter)
	assert.Equal(t, 200, p.signals[2].StatusCode)
	assert.Equal(t, clk.Now(), p.signals[2].Time)
}

func TestPacerErrorNotRetried(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	p := &recordingPacer{err: fmt.Errorf("limiter closed")}
	c, _ := newTestClient(t, s, WithPacer(p))
	_, err := c.Do(t.Context(), Request{Path: "/x"}, nil)
	require.ErrorContains(t, err, "limiter closed")
	assert.Equal(t, 1, p.waits)
	assert.EqualValues(t, 0, s.apiReqs.Load())
}

func TestObserverAndAuditLog(t *testing.T) {
	t.Parallel()
	s := newServer(t, sequence(status(503, "Retry-After", "2"), ok))
	var (
		mu     sync.Mutex
		events []RequestEvent
	)
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	c, _ := newTestClient(t, s, WithLogger(logger), WithObserver(ObserverFunc(func(e RequestEvent) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, e)
	})))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Query: map[string][]string{"cursor": {"c1"}}, Operation: "page"}, nil)
	require.NoError(t, err)
	require.Len(t, events, 2)
	e0, e1 := events[0], events[1]
	assert.Equal(t, "page", e0.Operation)
	assert.Equal(t, "GET", e0.Method)
	assert.Equal(t, "/api/v2/x", e0.Path)
	assert.Equal(t, 503, e0.StatusCode)
	assert.Equal(t, 1, e0.Attempt)
	assert.Equal(t, "corr-503", e0.CorrelationID)
	assert.True(t, e0.Retry)
	assert.Equal(t, 2*time.Second, e0.Wait)
	assert.Equal(t, 200, e1.StatusCode)
	assert.Equal(t, 2, e1.Attempt)
	assert.False(t, e1.Retry)
	assert.Equal(t, "corr-ok", e1.CorrelationID)
	assert.True(t, e1.RateLimit.Present)

	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	require.Len(t, lines, 2, logs.String())
	for i, line := range lines {
		var rec map[string]any
		require.NoError(t, stdjson.Unmarshal([]byte(line), &rec))
		for _, k := range []string{"method", "path", "status", "attempt", "duration", "correlation_id"} {
			assert.Contains(t, rec, k, line)
		}
		assert.EqualValues(t, i+1, rec["attempt"])
		assert.Equal(t, "/api/v2/x", rec["path"])
		assert.NotContains(t, line, "c1", "no query string in the audit record")
	}
	assert.Contains(t, lines[0], `"level":"WARN"`)
	assert.Contains(t, lines[1], `"level":"INFO"`)
}

func TestTransportErrorEvent(t *testing.T) {
	t.Parallel()
	s := newServer(t, sequence(reset, ok))
	var events []RequestEvent
	c, _ := newTestClient(t, s, WithObserver(ObserverFunc(func(e RequestEvent) { events = append(events, e) })))
	// POST: net/http itself silently retries an idempotent GET on a reused
	// connection, which would hide the reset.
	_, err := c.Do(t.Context(), Request{Method: "POST", Path: "/x"}, nil)
	require.NoError(t, err)
	require.Len(t, events, 2)
	assert.Error(t, events[0].Err)
	assert.Zero(t, events[0].StatusCode)
	assert.True(t, events[0].Retry)
}

// countingTransport counts requests per path on their way to the base
// transport.
type countingTransport struct {
	mu    sync.Mutex
	paths []string
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.paths = append(c.paths, r.URL.Path)
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func TestHTTPClientCarriesTokenAndAPIRequests(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	ct := &countingTransport{}
	c, _ := newTestClient(t, s, WithHTTPClient(&http.Client{Transport: ct}))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"/oauth/token", "/api/v2/x"}, ct.paths)
}

func TestStripQueries(t *testing.T) {
	t.Parallel()
	assert.Equal(t, `GET http://h/p (status: 503)`, stripQueries(`GET http://h/p?cursor=abc (status: 503)`))
	assert.Equal(t, `Get "http://h/p": EOF`, stripQueries(`Get "http://h/p?x=1": EOF`))
	assert.Equal(t, `http://h/p`, stripQueries(`http://h/p?x`))
	assert.Equal(t, `why? no url`, stripQueries(`why? no url`))
}

func TestRetriedBodyIdentical(t *testing.T) {
	t.Parallel()
	var (
		mu     sync.Mutex
		bodies []string
	)
	record := func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			mu.Lock()
			bodies = append(bodies, string(b))
			mu.Unlock()
			next(w, r)
		}
	}
	s := newServer(t, sequence(record(status(503)), record(status(429)), record(ok)))
	c, _ := newTestClient(t, s)
	_, err := c.Do(t.Context(), Request{Method: "POST", Path: "/x", Body: []byte(`{"raw":true}`)}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{`{"raw":true}`, `{"raw":true}`, `{"raw":true}`}, bodies)
}
