package genesystest

import (
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenEndpoint(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithCredentials("client", "p@ss word"))
	tests := []struct {
		name, id, secret, grant string
		status                  int
		errCode                 string
	}{
		{"good", "client", "p@ss word", "client_credentials", 200, ""},
		{"wrong secret", "client", "nope", "client_credentials", 401, "invalid_client"},
		{"wrong id", "other", "p@ss word", "client_credentials", 401, "invalid_client"},
		{"no basic auth", "", "", "client_credentials", 401, "invalid_client"},
		{"wrong grant", "client", "p@ss word", "password", 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := tokenRequest(t, s, tt.id, tt.secret, tt.grant)
			assert.Equal(t, tt.status, r.status, string(r.body))
			m := r.json(t)
			if tt.status == 200 {
				assert.Equal(t, "bearer", m["token_type"])
				assert.EqualValues(t, 86400, m["expires_in"])
				assert.NotEmpty(t, m["access_token"])
				return
			}
			assert.Equal(t, tt.errCode, m["error"])
			assert.NotEmpty(t, m["error_description"])
			assert.NotEmpty(t, m["description"])
		})
	}
}

func TestTokensAreRandomAndAnyCredentialsWork(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	a, b := getToken(t, s), getToken(t, s)
	assert.NotEqual(t, a, b)
	assert.Equal(t, 200, tokenRequest(t, s, "anyone", "anything", "client_credentials").status)
	assert.Equal(t, 401, tokenRequest(t, s, "anyone", "", "client_credentials").status)
	assert.Equal(t, 2+1, s.Stats().TokensIssued)
}

func TestTokenExpiryFollowsTheClock(t *testing.T) {
	t.Parallel()
	clk := newFakeClock(testNow)
	s := newTest(t, WithClock(clk.Now), WithTokenLifetime(5*time.Minute))
	tok := getToken(t, s)
	avail := "/api/v2/analytics/conversations/details/jobs/availability"
	assert.Equal(t, 200, call(t, s, tok, "GET", avail, "").status)
	clk.Advance(5*time.Minute - time.Millisecond)
	assert.Equal(t, 200, call(t, s, tok, "GET", avail, "").status)
	clk.Advance(time.Millisecond)
	r := call(t, s, tok, "GET", avail, "")
	assert.Equal(t, 401, r.status)
	assert.Equal(t, "bad.credentials", r.json(t)["code"])

	tok = getToken(t, s)
	assert.Equal(t, 200, call(t, s, tok, "GET", avail, "").status)
	s.ExpireTokens()
	assert.Equal(t, 401, call(t, s, tok, "GET", avail, "").status)

	require.NoError(t, s.SetTokenLifetime(time.Hour))
	r = tokenRequest(t, s, "a", "b", "client_credentials")
	assert.EqualValues(t, 3600, r.json(t)["expires_in"])
}

func TestAPIRequiresBearerToken(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	for _, tok := range []string{"", "not-a-token"} {
		r := call(t, s, tok, "GET", "/api/v2/analytics/conversations/details/jobs/availability", "")
		assert.Equal(t, http.StatusUnauthorized, r.status)
		m := r.json(t)
		assert.EqualValues(t, 401, m["status"])
		assert.Equal(t, r.header.Get("ININ-Correlation-Id"), m["contextId"])
	}
	assert.Equal(t, 2, s.Stats().Unauthorized)
}

func TestEveryResponseHasCorrelationAndRateLimitHeaders(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	id, _, _ := s.ConversationAt(10)
	replies := []reply{
		tokenRequest(t, s, "x", "y", "client_credentials"),
		tokenRequest(t, s, "", "", "client_credentials"),
		call(t, s, tok, "GET", "/api/v2/nothing/here", ""),
		call(t, s, tok, "PUT", queryPath, "{}"),
		call(t, s, "", "GET", "/api/v2/analytics/conversations/"+id+"/details", ""),
		call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+id+"/details", ""),
		call(t, s, tok, "POST", queryPath, `{"interval":"2026-05-10T00:00:00Z/2026-05-10T01:00:00Z"}`),
		call(t, s, tok, "POST", queryPath, `{"bogus":1}`),
		call(t, s, tok, "POST", jobsPath, `{"interval":"2026-05-10T00:00:00Z/2026-05-10T01:00:00Z"}`),
	}
	seen := map[string]bool{}
	for i, r := range replies {
		cid := r.header.Get("ININ-Correlation-Id")
		assert.NotEmpty(t, cid, i)
		assert.False(t, seen[cid], "correlation id repeated")
		seen[cid] = true
		for _, h := range []string{"inin-ratelimit-count", "inin-ratelimit-allowed", "inin-ratelimit-reset"} {
			assert.NotEmpty(t, r.header.Get(h), "%d: %s", i, h)
		}
	}
	assert.Equal(t, strconv.Itoa(UnlimitedRequestsPerMinute), replies[0].header.Get("inin-ratelimit-allowed"))
	assert.Equal(t, "60", replies[0].header.Get("inin-ratelimit-reset")) // a new window starts at 10:30:00
	assert.Equal(t, 404, replies[2].status)
	assert.Equal(t, 405, replies[3].status)
	assert.Equal(t, 401, replies[4].status)
	assert.Equal(t, 200, replies[5].status)
	assert.Equal(t, 202, replies[8].status)

	log := s.Requests()
	require.Len(t, log, len(replies)+1)
	assert.Equal(t, "/oauth/token", log[0].Path)
	assert.Equal(t, 404, log[3].Status)
	assert.Equal(t, testNow, log[3].Time)
	st := s.Stats()
	assert.Equal(t, len(replies)+1, st.Requests)
	assert.Equal(t, 1, st.JobsCreated)
	assert.Equal(t, 1, st.ByStatus[404])
}

func TestRequestLogKeepsTheMostRecent(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithRequestLogSize(3))
	for range 5 {
		call(t, s, "", "GET", "/x", "")
	}
	call(t, s, "", "GET", "/last", "")
	log := s.Requests()
	require.Len(t, log, 3)
	assert.Equal(t, "/last", log[2].Path)
	assert.Equal(t, 6, s.Stats().Requests)
}

func TestLookups(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	a, _, _ := s.ConversationAt(0)
	b, _, _ := s.ConversationAt(2999)
	c, _, _ := s.ConversationAt(1500)
	_, _, ok := s.ConversationAt(3000)
	assert.False(t, ok)

	r := call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+a+"/details", "")
	require.Equal(t, 200, r.status)
	want, ok := s.ConversationJSON(a)
	require.True(t, ok)
	assert.JSONEq(t, string(want), string(r.body))
	assert.NotContains(t, string(r.body), `"attributes"`)

	other := NewServer(WithSeed(2), WithConversations(3000), WithClock(func() time.Time { return testNow }))
	defer other.Close()
	foreign, _, _ := other.ConversationAt(0)
	for _, id := range []string{foreign, "not-a-uuid", "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "A" + a[1:]} {
		r := call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+id+"/details", "")
		assert.Equal(t, 404, r.status, id)
		assert.Equal(t, "not.found", r.json(t)["code"])
	}

	r = call(t, s, tok, "GET", "/api/v2/analytics/conversations/details?id="+a+","+foreign+"&id="+b+","+c+"&id="+a, "")
	p := decodePage(t, r)
	assert.Equal(t, []string{a, b, c}, p.ids())

	assert.Equal(t, 400, call(t, s, tok, "GET", "/api/v2/analytics/conversations/details", "").status)
	assert.Equal(t, 400, call(t, s, tok, "GET", "/api/v2/analytics/conversations/details?ids="+a, "").status)

	conv, ok := s.Conversation(b)
	require.True(t, ok)
	assert.Equal(t, b, conv.ID)
	assert.False(t, conv.Start.IsZero())
	idx, ok := s.ConversationIndex(b)
	assert.True(t, ok)
	assert.Equal(t, 2999, idx)
}

func TestDataDoesNotDependOnStartTime(t *testing.T) {
	t.Parallel()
	s1 := newTest(t, WithSeed(9))
	s2 := newTest(t, WithSeed(9), WithClock(func() time.Time { return testNow.Add(3 * time.Hour) }))
	from := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)
	ids1, err := s1.ConversationIDs(from, from.Add(24*time.Hour), filter.Wire{})
	require.NoError(t, err)
	ids2, err := s2.ConversationIDs(from, from.Add(24*time.Hour), filter.Wire{})
	require.NoError(t, err)
	require.NotEmpty(t, ids1)
	assert.Equal(t, ids1, ids2)
	j1, _ := s1.ConversationJSON(ids1[7])
	j2, _ := s2.ConversationJSON(ids1[7])
	assert.Equal(t, string(j1), string(j2))

	s3 := newTest(t, WithSeed(10))
	ids3, _ := s3.ConversationIDs(from, from.Add(24*time.Hour), filter.Wire{})
	assert.NotEqual(t, ids1[:5], ids3[:5])
}

func TestOptionErrors(t *testing.T) {
	t.Parallel()
	_, err := New(WithConversations(-1), WithCredentials("", "x"), WithPeriod(testNow, testNow),
		WithLimits(Limits{MaxPageSize: -1}), WithFaults(Faults{ServerErrorRate: 2}),
		WithRules(Rule{Action: "explode"}), WithTokenLifetime(0), WithClock(nil))
	require.Error(t, err)
	for _, want := range []string{"WithConversations", "WithCredentials", "WithPeriod", "MaxPageSize",
		"ServerErrorRate", "explode", "WithTokenLifetime", "WithClock"} {
		assert.ErrorContains(t, err, want)
	}
	assert.Panics(t, func() { NewServer(WithConversations(-1)) })

	s, err := New()
	require.NoError(t, err)
	assert.Empty(t, s.URL())
	start, end := s.Period()
	assert.Equal(t, DefaultPeriod, end.Sub(start))
	assert.Equal(t, DefaultConversations, s.Len())
	s.Close()
	s.Close()
}

// TestCloseWaitsForResetRequests checks that a request whose connection the
// server reset is in Requests and Stats once Close returns: httptest stops
// tracking a hijacked connection, so Close must wait for its handler
// itself. To make this deterministic, the test holds the server's lock
// while Close ends a held request (the handler resets the connection, then
// needs the lock to record it): Close must not return then. It lets go
// once Close waits for the handler in its own code (not in httptest's).
func TestCloseWaitsForResetRequests(t *testing.T) {
	t.Parallel()
	s := NewServer(WithConversations(10), WithRules(Rule{Action: DelayHeaders, Delay: time.Hour}))
	defer s.Close()
	c := s.Client()
	defer c.CloseIdleConnections()
	reqErr := make(chan error, 1)
	go func() {
		resp, err := c.Get(s.URL() + availPath)
		if err == nil {
			_ = resp.Body.Close()
		}
		reqErr <- err
	}()
	for held := false; !held; runtime.Gosched() { // the handler is held by the delay
		s.mu.Lock()
		held = s.rules[0].fired > 0
		s.mu.Unlock()
	}

	s.mu.Lock()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		s.Close()
	}()
	for {
		select {
		case <-closed:
			recorded := len(s.log)
			s.mu.Unlock()
			require.Equal(t, 1, recorded, "Close returned before the reset request was recorded")
		default:
		}
		if closeWaitsInServer() {
			break
		}
		runtime.Gosched()
	}
	s.mu.Unlock()
	<-closed
	require.Error(t, <-reqErr, "the held request got a response")
	if reqs := s.Requests(); assert.Len(t, reqs, 1) {
		assert.Zero(t, reqs[0].Status, "a reset has no status")
		assert.Equal(t, "rule:"+string(DelayHeaders), reqs[0].Fault)
	}
	assert.Equal(t, 1, s.Stats().Requests)
}

// closeWaitsInServer reports whether a goroutine is in Server.Close,
// blocked in a WaitGroup outside httptest.
func closeWaitsInServer() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "genesystest.(*Server).Close(") && strings.Contains(g, "sync.(*WaitGroup).Wait(") &&
			!strings.Contains(g, "httptest.") {
			return true
		}
	}
	return false
}
