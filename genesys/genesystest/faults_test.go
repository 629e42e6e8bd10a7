package genesystest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const availPath = "/api/v2/analytics/conversations/details/jobs/availability"

// outcome is a compact description of one response for comparisons:
// the status, or "reset" when the connection broke.
func outcome(t *testing.T, s *Server, tok, method, path string) string {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL()+path, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := s.Client().Do(req)
	if err != nil {
		return "reset"
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); err != nil {
		return "reset-mid-body"
	}
	return strconv.Itoa(resp.StatusCode)
}

func TestRandomFaultsAreDeterministicUnderTheSeed(t *testing.T) {
	t.Parallel()
	faults := Faults{ServerErrorRate: 0.3, ResetRate: 0.1, ServerErrorRetryAfter: 2 * time.Second}
	run := func(seed int64) []string {
		s := newTest(t, WithSeed(seed), WithFaults(faults))
		tok := getToken(t, s)
		var out []string
		for range 60 {
			out = append(out, outcome(t, s, tok, "GET", availPath))
		}
		return out
	}
	a, b, c := run(11), run(11), run(12)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	for _, want := range []string{"200", "reset-mid-body"} {
		assert.Contains(t, a, want)
	}
	fives := 0
	for _, o := range a {
		if o >= "500" && o <= "504" {
			fives++
		}
	}
	assert.Greater(t, fives, 5)
}

func TestServerErrorBodiesAndRetryAfter(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithFaults(Faults{ServerErrorRate: 1, ServerErrorStatuses: []int{503}, ServerErrorRetryAfter: 1500 * time.Millisecond}))
	tok := getToken(t, s)
	r := call(t, s, tok, "GET", availPath, "")
	assert.Equal(t, 503, r.status)
	assert.Equal(t, "2", r.header.Get("Retry-After"))
	assert.Equal(t, "service.unavailable", r.json(t)["code"])
	assert.Equal(t, "server-error", s.Requests()[1].Fault)

	require.NoError(t, s.SetFaults(Faults{}))
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	assert.Error(t, s.SetFaults(Faults{ResetRate: -1}))
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	clk := newFakeClock(testNow)
	s := newTest(t, WithClock(clk.Now), WithFaults(Faults{RateLimit: 2}))
	tok := getToken(t, s)
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	r := call(t, s, tok, "GET", availPath, "")
	require.Equal(t, 429, r.status)
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	assert.Equal(t, "120", r.header.Get("inin-ratelimit-allowed"))
	assert.Equal(t, "4", r.header.Get("inin-ratelimit-count"))
	m := r.json(t)
	assert.Equal(t, "too.many.requests.retry.after", m["code"])
	assert.Contains(t, m["message"], "Retry the request in [1] seconds")

	clk.Advance(500 * time.Millisecond) // one token back
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	assert.Equal(t, 429, call(t, s, tok, "GET", availPath, "").status)

	require.NoError(t, s.SetRateLimit(0.1, 1)) // one request per 10 s
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	r = call(t, s, tok, "GET", availPath, "")
	assert.Equal(t, "10", r.header.Get("Retry-After"))
	assert.Equal(t, 3, s.Stats().RateLimited)

	require.NoError(t, s.SetRateLimit(0, 0))
	assert.Equal(t, 200, call(t, s, tok, "GET", availPath, "").status)
	assert.Equal(t, strconv.Itoa(UnlimitedRequestsPerMinute), call(t, s, tok, "GET", availPath, "").header.Get("inin-ratelimit-allowed"))

	require.NoError(t, s.SetFaults(Faults{RateLimit: 2, HideRateLimitHeaders: true}))
	r = call(t, s, tok, "GET", availPath, "")
	assert.Equal(t, 200, r.status)
	for _, k := range []string{"inin-ratelimit-count", "inin-ratelimit-allowed", "inin-ratelimit-reset"} {
		assert.Empty(t, r.header.Get(k), "hidden: %s", k)
	}
	assert.NotEmpty(t, r.header.Get("ININ-Correlation-Id"), "the correlation id is still sent")
}

func TestScriptedRules(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 5, 15, 10, 30, 5, 0, time.UTC).Format(http.TimeFormat)
	tests := []struct {
		name  string
		rule  Rule
		want  []string // outcomes of three GETs of availPath
		check func(t *testing.T, r reply)
	}{
		{"429 retry-after 0", Rule{Status: 429, Header: http.Header{"Retry-After": {"0"}}}, []string{"429", "200", "200"}, nil},
		{"429 http-date", Rule{Status: 429, Header: http.Header{"Retry-After": {date}}}, []string{"429", "200", "200"}, nil},
		{"429 garbage, twice", Rule{Status: 429, Times: 2, Header: http.Header{"Retry-After": {"soon"}}}, []string{"429", "429", "200"}, nil},
		{"501 after one", Rule{Status: 501, Skip: 1}, []string{"200", "501", "200"}, nil},
		{"403 always", Rule{Status: 403, Times: -1}, []string{"403", "403", "403"}, nil},
		{"other path", Rule{Status: 404, Path: "/api/v2/analytics/conversations/details/jobs/*/results"}, []string{"200", "200", "200"}, nil},
		{"other method", Rule{Status: 404, Method: "POST"}, []string{"200", "200", "200"}, nil},
		{"reset before headers", Rule{Action: ResetBeforeHeaders, Path: availPath}, []string{"reset", "200", "200"}, nil},
		{"reset mid body", Rule{Action: ResetMidBody}, []string{"reset-mid-body", "200", "200"}, nil},
		{"truncated body", Rule{Action: TruncateBody}, []string{"200", "200", "200"}, func(t *testing.T, r reply) {
			assert.False(t, json.Valid(r.body), string(r.body))
		}},
		{"slow headers", Rule{Action: DelayHeaders, Delay: time.Millisecond}, []string{"200", "200", "200"}, nil},
		{"custom body", Rule{Status: 502, Body: "<html>bad gateway</html>", Header: http.Header{"Content-Type": {"text/html"}}}, []string{"502", "200", "200"}, func(t *testing.T, r reply) {
			assert.Equal(t, "<html>bad gateway</html>", string(r.body))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTest(t)
			tok := getToken(t, s) // before the rule: rules also match /oauth/token
			require.NoError(t, s.AddRules(tt.rule))
			if tt.check != nil {
				tt.check(t, call(t, s, tok, "GET", availPath, ""))
				s.ClearRules()
				require.NoError(t, s.AddRules(tt.rule))
			}
			var got []string
			for range 3 {
				got = append(got, outcome(t, s, tok, "GET", availPath))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRuleDelayEndsWithTheClient(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithRules(Rule{Action: DelayHeaders, Delay: time.Hour}))
	ctx, cancel := contextWithCancelSoon(t)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", s.URL()+availPath, nil)
	require.NoError(t, err)
	_, err = s.Client().Do(req)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ctxErr(ctx)))
	s.Close() // must not hang on the delayed handler
}

func TestTokenEndpointFailuresViaRules(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithRules(Rule{Path: "/oauth/token", Status: 503, Times: 2}))
	id, secret := s.Credentials()
	assert.Equal(t, 503, tokenRequest(t, s, id, secret, "client_credentials").status)
	assert.Equal(t, 503, tokenRequest(t, s, id, secret, "client_credentials").status)
	assert.Equal(t, 200, tokenRequest(t, s, id, secret, "client_credentials").status)
	assert.Equal(t, 2, s.Stats().FaultsInjected)
}

func TestJobFaults(t *testing.T) {
	t.Parallel()
	body := `{"interval":"2026-05-10T00:00:00Z/2026-05-10T06:00:00Z","startOfDayIntervalMatching":true}`
	newJob := func(t *testing.T, f Faults) (*Server, string, string, []string) {
		s := newTest(t, WithFaults(f), WithLimits(Limits{JobPolls: -1}))
		tok := getToken(t, s)
		want, err := s.ConversationIDs(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 10, 6, 0, 0, 0, time.UTC), wireOf(t, `{}`))
		require.NoError(t, err)
		require.Greater(t, len(want), 20)
		return s, tok, createJob(t, s, tok, body), want
	}

	t.Run("fail", func(t *testing.T) {
		t.Parallel()
		s, tok, id, _ := newJob(t, Faults{JobFailRate: 1})
		st := jobState(t, s, tok, id)
		assert.Equal(t, "FAILED", st["state"])
		assert.Equal(t, "Query could not be completed", st["errorMessage"])
		assert.NotEmpty(t, st["completionDate"])
		assert.Equal(t, 400, call(t, s, tok, "GET", resultsURL(id, "", 10), "").status)
	})
	t.Run("expire mid cursor", func(t *testing.T) {
		t.Parallel()
		s, tok, id, _ := newJob(t, Faults{JobExpireAfterPages: 2})
		waitFulfilled(t, s, tok, id)
		p1 := decodePage(t, call(t, s, tok, "GET", resultsURL(id, "", 5), ""))
		p2 := decodePage(t, call(t, s, tok, "GET", resultsURL(id, p1.Cursor, 5), ""))
		r := call(t, s, tok, "GET", resultsURL(id, p2.Cursor, 5), "")
		assert.Equal(t, 404, r.status)
		assert.Contains(t, r.json(t)["message"], "EXPIRED")
		assert.Equal(t, "EXPIRED", jobState(t, s, tok, id)["state"])
	})
	t.Run("repeated cursor", func(t *testing.T) {
		t.Parallel()
		s, tok, id, want := newJob(t, Faults{RepeatCursorAtPage: 2})
		waitFulfilled(t, s, tok, id)
		p1 := decodePage(t, call(t, s, tok, "GET", resultsURL(id, "", 5), ""))
		p2 := decodePage(t, call(t, s, tok, "GET", resultsURL(id, p1.Cursor, 5), ""))
		assert.Equal(t, p1.Cursor, p2.Cursor, "page 2 repeats the cursor it was asked with")
		p2again := decodePage(t, call(t, s, tok, "GET", resultsURL(id, p2.Cursor, 5), ""))
		assert.Equal(t, p2.ids(), p2again.ids())
		assert.NotEqual(t, p2.Cursor, p2again.Cursor)
		rest := readAllFrom(t, s, tok, id, p2again.Cursor, 5)
		got := slices.Concat(p1.ids(), p2again.ids(), rest)
		assert.Equal(t, want, got)
	})
	t.Run("repeated rows", func(t *testing.T) {
		t.Parallel()
		s, tok, id, want := newJob(t, Faults{RepeatRowsAtPage: 2, RepeatRows: 2})
		waitFulfilled(t, s, tok, id)
		pages := readAll(t, s, tok, id, 5)
		got := allIDs(pages)
		assert.Len(t, got, len(want)+2)
		assert.Equal(t, pages[0].ids()[3:], pages[1].ids()[:2])
		assert.Equal(t, want, slices.Compact(slices.Clone(mergeDupes(got))))
	})
	t.Run("empty last page", func(t *testing.T) {
		t.Parallel()
		s, tok, id, want := newJob(t, Faults{EmptyLastPage: true})
		waitFulfilled(t, s, tok, id)
		pages := readAll(t, s, tok, id, 1000)
		require.Len(t, pages, 2)
		assert.NotEmpty(t, pages[0].Cursor)
		assert.Empty(t, pages[1].Conversations)
		assert.Empty(t, pages[1].Cursor)
		assert.Equal(t, want, allIDs(pages))
	})
}

func readAllFrom(t *testing.T, s *Server, tok, id, cursor string, size int) []string {
	t.Helper()
	var ids []string
	for cursor != "" {
		p := decodePage(t, call(t, s, tok, "GET", resultsURL(id, cursor, size), ""))
		ids = append(ids, p.ids()...)
		cursor = p.Cursor
	}
	return ids
}

// mergeDupes drops ids already seen, keeping the first occurrence.
func mergeDupes(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// TestJobRepeatRowsNeverRepeatsCursor pages through jobs whose overlapping
// page falls on awkward places: the empty last page of EmptyLastPage, and
// page sizes not larger than RepeatRows. No page may carry the cursor it
// was asked with (only RepeatCursorAtPage asks for that), and the rows are
// the ground truth.
func TestJobRepeatRowsNeverRepeatsCursor(t *testing.T) {
	t.Parallel()
	body := `{"interval":"2026-05-10T00:00:00Z/2026-05-10T06:00:00Z","startOfDayIntervalMatching":true}`
	tests := []struct {
		name string
		size int
		// at is the page that overlaps; lastPlus counts from the empty
		// last page (0 = that page) when at is 0.
		at, lastPlus, rows int
		empty              bool
	}{
		{name: "one page, then the empty page overlaps", size: 1000, at: 2, rows: 2, empty: true},
		{name: "empty last page overlaps", size: 5, rows: 2, empty: true},
		{name: "page before the empty one overlaps", size: 5, lastPlus: -1, rows: 2, empty: true},
		{name: "middle page overlaps, empty last page", size: 5, at: 2, rows: 2, empty: true},
		{name: "as many rows as the page size", size: 2, at: 3, rows: 2},
		{name: "more rows than the page size", size: 2, at: 3, rows: 5, empty: true},
		{name: "page size 1", size: 1, at: 2, rows: 1, empty: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start, end := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 10, 6, 0, 0, 0, time.UTC)
			probe := newTest(t)
			want, err := probe.ConversationIDs(start, end, wireOf(t, `{}`))
			require.NoError(t, err)
			require.Greater(t, len(want), 20)
			at := tt.at
			if at == 0 { // the empty last page is page ceil(n/size)+1
				at = (len(want)+tt.size-1)/tt.size + 1 + tt.lastPlus
			}
			s := newTest(t, WithFaults(Faults{EmptyLastPage: tt.empty, RepeatRowsAtPage: at, RepeatRows: tt.rows}),
				WithLimits(Limits{JobPolls: -1}))
			tok := getToken(t, s)
			id := createJob(t, s, tok, body)
			waitFulfilled(t, s, tok, id)
			var got []string
			cursor := ""
			for n := 1; ; n++ {
				require.Less(t, n, 2*len(want)+10, "too many pages")
				p := decodePage(t, call(t, s, tok, "GET", resultsURL(id, cursor, tt.size), ""))
				got = append(got, p.ids()...)
				if p.Cursor == "" {
					break
				}
				require.NotEqual(t, cursor, p.Cursor, "page %d carries the cursor it was asked with", n)
				cursor = p.Cursor
			}
			assert.Equal(t, want, mergeDupes(got))
		})
	}
}
