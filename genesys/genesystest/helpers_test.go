package genesystest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testNow is the fixed "now" of most tests.
var testNow = time.Date(2026, 5, 15, 10, 30, 0, 0, time.UTC)

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newTest starts a server with a fixed clock and 3000 conversations over
// the default period, plus opts, and closes it at the end of the test.
func newTest(t *testing.T, opts ...Option) *Server {
	t.Helper()
	base := []Option{WithConversations(3000), WithClock(func() time.Time { return testNow })}
	s := NewServer(append(base, opts...)...)
	t.Cleanup(s.Close)
	return s
}

// reply is a response read in full.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), string(r.body))
	return m
}

// getToken fetches an access token with the server's credentials.
func getToken(t *testing.T, s *Server) string {
	t.Helper()
	id, secret := s.Credentials()
	r := tokenRequest(t, s, id, secret, "client_credentials")
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.Unmarshal(r.body, &tok))
	return tok.AccessToken
}

func tokenRequest(t *testing.T, s *Server, id, secret, grant string) reply {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.URL()+"/oauth/token",
		strings.NewReader(url.Values{"grant_type": {grant}}.Encode()))
	require.NoError(t, err)
	if id != "" || secret != "" {
		req.SetBasicAuth(id, secret)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(t, req)
}

func send(t *testing.T, req *http.Request) reply {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// call sends an API request with a bearer token.
func call(t *testing.T, s *Server, tok, method, path, body string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL()+path, rd)
	require.NoError(t, err)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return send(t, req)
}

const (
	queryPath = "/api/v2/analytics/conversations/details/query"
	jobsPath  = "/api/v2/analytics/conversations/details/jobs"
)

// page is the part of query and job pages the tests read.
type page struct {
	TotalHits     int    `json:"totalHits"`
	Cursor        string `json:"cursor"`
	DataAvailDate string `json:"dataAvailabilityDate"`
	Conversations []struct {
		ConversationID    string `json:"conversationId"`
		ConversationStart string `json:"conversationStart"`
		ConversationEnd   string `json:"conversationEnd"`
		Participants      []struct {
			Purpose    string            `json:"purpose"`
			Attributes map[string]string `json:"attributes"`
		} `json:"participants"`
	} `json:"conversations"`
}

func decodePage(t *testing.T, r reply) page {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	var p page
	require.NoError(t, json.Unmarshal(r.body, &p), string(r.body))
	return p
}

func (p page) ids() []string {
	out := make([]string, 0, len(p.Conversations))
	for _, c := range p.Conversations {
		out = append(out, c.ConversationID)
	}
	return out
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}

// contextWithCancelSoon returns a context that is cancelled once the
// server has received the request (no sleeps: a tiny real timeout).
func contextWithCancelSoon(t *testing.T) (context.Context, context.CancelFunc) {
	return context.WithTimeout(t.Context(), 20*time.Millisecond)
}

func ctxErr(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func benchToken(b *testing.B, s *Server) string {
	b.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/oauth/token",
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	id, secret := s.Credentials()
	req.SetBasicAuth(id, secret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	body := benchDo(b, req, 200)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(body, &tok); err != nil {
		b.Fatal(err)
	}
	return tok.AccessToken
}

func benchJob(b *testing.B, s *Server, tok, body string) string {
	b.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL()+jobsPath, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	var out struct {
		JobID string `json:"jobId"`
	}
	if err := json.Unmarshal(benchDo(b, req, 202), &out); err != nil {
		b.Fatal(err)
	}
	benchGet(b, s, tok, jobsPath+"/"+out.JobID)
	return out.JobID
}

func benchGet(b *testing.B, s *Server, tok, path string) []byte {
	b.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL()+path, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	return benchDo(b, req, 200)
}

func benchDo(b *testing.B, req *http.Request, want int) []byte {
	b.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != want {
		b.Fatalf("%s %s: %d %s", req.Method, req.URL.Path, resp.StatusCode, body)
	}
	return body
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
