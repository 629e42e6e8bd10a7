package genesystest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func createJob(t *testing.T, s *Server, tok, body string) string {
	t.Helper()
	r := call(t, s, tok, "POST", jobsPath, body)
	require.Equal(t, 202, r.status, string(r.body))
	var out struct {
		JobID string `json:"jobId"`
	}
	require.NoError(t, json.Unmarshal(r.body, &out))
	require.NotEmpty(t, out.JobID)
	return out.JobID
}

func jobState(t *testing.T, s *Server, tok, id string) map[string]any {
	t.Helper()
	r := call(t, s, tok, "GET", jobsPath+"/"+id, "")
	require.Equal(t, 200, r.status, string(r.body))
	return r.json(t)
}

// waitFulfilled polls until the job is terminal and returns the state.
func waitFulfilled(t *testing.T, s *Server, tok, id string) string {
	t.Helper()
	for range 20 {
		st := jobState(t, s, tok, id)["state"].(string)
		if st != "QUEUED" && st != "PENDING" {
			return st
		}
	}
	t.Fatal("job never finished")
	return ""
}

func resultsURL(id, cursor string, size int) string {
	q := url.Values{}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	if size > 0 {
		q.Set("pageSize", fmt.Sprint(size))
	}
	return jobsPath + "/" + id + "/results?" + q.Encode()
}

// readAll reads every result page and returns the pages.
func readAll(t *testing.T, s *Server, tok, id string, size int) []page {
	t.Helper()
	var pages []page
	cursor := ""
	for range 1000 {
		p := decodePage(t, call(t, s, tok, "GET", resultsURL(id, cursor, size), ""))
		pages = append(pages, p)
		if p.Cursor == "" {
			return pages
		}
		cursor = p.Cursor
	}
	t.Fatal("too many pages")
	return nil
}

func allIDs(pages []page) []string {
	var ids []string
	for _, p := range pages {
		ids = append(ids, p.ids()...)
	}
	return ids
}

func TestJobLifecycle(t *testing.T) {
	t.Parallel()
	clk := newFakeClock(testNow)
	s := newTest(t, WithClock(clk.Now))
	tok := getToken(t, s)
	id := createJob(t, s, tok, `{"interval":"2026-05-10T00:00:00.000Z/2026-05-11T00:00:00.000Z","startOfDayIntervalMatching":true}`)

	r := call(t, s, tok, "GET", resultsURL(id, "", 0), "")
	assert.Equal(t, 400, r.status, "no results before FULFILLED")
	assert.Contains(t, r.json(t)["message"], "QUEUED")

	st := jobState(t, s, tok, id)
	assert.Equal(t, "QUEUED", st["state"])
	assert.Equal(t, "2026-05-15T10:30:00.000Z", st["submissionDate"])
	assert.Equal(t, "2026-05-16T10:30:00.000Z", st["expirationDate"])
	assert.Nil(t, st["completionDate"])
	assert.Equal(t, "PENDING", jobState(t, s, tok, id)["state"])
	clk.Advance(time.Second)
	st = jobState(t, s, tok, id)
	assert.Equal(t, "FULFILLED", st["state"])
	assert.Equal(t, "2026-05-15T10:30:01.000Z", st["completionDate"])

	want, err := s.ConversationIDs(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC), filter.Wire{})
	require.NoError(t, err)
	pages := readAll(t, s, tok, id, 50)
	assert.Equal(t, want, allIDs(pages))
	assert.Len(t, pages[0].Conversations, 50)
	last := pages[len(pages)-1]
	assert.Empty(t, last.Cursor)
	assert.Equal(t, "2026-05-15T08:30:00.000Z", last.DataAvailDate)
	attrs := 0
	for _, c := range pages[0].Conversations {
		for _, p := range c.Participants {
			if p.Purpose == "customer" {
				assert.NotEmpty(t, p.Attributes["language"])
				attrs++
			}
		}
	}
	assert.Positive(t, attrs)

	// Default page size.
	p := decodePage(t, call(t, s, tok, "GET", resultsURL(id, "", 0), ""))
	assert.Len(t, p.Conversations, 100)

	// Cursors: garbage and another job's are refused.
	other := createJob(t, s, tok, `{"interval":"2026-05-10T00:00:00.000Z/2026-05-11T00:00:00.000Z"}`)
	for _, c := range []string{"garbage!", "Y29udmVyc2F0aW9uczpwYWdlOjI", pages[0].Cursor} {
		if c == pages[0].Cursor {
			waitFulfilled(t, s, tok, other)
			r = call(t, s, tok, "GET", resultsURL(other, c, 10), "")
		} else {
			r = call(t, s, tok, "GET", resultsURL(id, c, 10), "")
		}
		assert.Equal(t, 400, r.status, c)
		assert.Contains(t, r.json(t)["message"], "cursor")
	}
	for _, q := range []string{"pageSize=0", "pageSize=1001", "pageSize=ten", "page=2"} {
		assert.Equal(t, 400, call(t, s, tok, "GET", jobsPath+"/"+id+"/results?"+q, "").status, q)
	}
	assert.Equal(t, 200, call(t, s, tok, "GET", resultsURL(id, "", 1000), "").status)

	// Delete: CANCELLED, results gone; unknown ids are 404.
	assert.Equal(t, 204, call(t, s, tok, "DELETE", jobsPath+"/"+id, "").status)
	assert.Equal(t, "CANCELLED", jobState(t, s, tok, id)["state"])
	assert.Equal(t, 404, call(t, s, tok, "GET", resultsURL(id, "", 10), "").status)
	assert.Equal(t, 204, call(t, s, tok, "DELETE", jobsPath+"/"+id, "").status)
	assert.Equal(t, 404, call(t, s, tok, "DELETE", jobsPath+"/nope", "").status)
	assert.Equal(t, 404, call(t, s, tok, "GET", jobsPath+"/nope", "").status)
	assert.Equal(t, 404, call(t, s, tok, "GET", resultsURL("nope", "", 10), "").status)
	assert.Equal(t, 1, s.Stats().JobsDeleted)

	// Retention: EXPIRED after a day.
	clk.Advance(24 * time.Hour)
	tok = getToken(t, s) // the old one expired too
	assert.Equal(t, "EXPIRED", jobState(t, s, tok, other)["state"])
	assert.Equal(t, 404, call(t, s, tok, "GET", resultsURL(other, "", 10), "").status)
}

func TestJobIntervalSemantics(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithLimits(Limits{JobPolls: -1}))
	tok := getToken(t, s)
	a := time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC)
	b := time.Date(2026, 5, 10, 18, 0, 0, 0, time.UTC)
	interval := `"interval":"2026-05-10T12:00:00Z/2026-05-10T18:00:00Z"`
	voice := `"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"}]}]`
	w := wireOf(t, `{`+voice+`}`)

	// Lifetime overlap (default): everything that started inside, plus
	// conversations that started before and were still going at a.
	id := createJob(t, s, tok, `{`+interval+`,`+voice+`}`)
	require.Equal(t, "FULFILLED", waitFulfilled(t, s, tok, id))
	pages := readAll(t, s, tok, id, 1000)
	got := allIDs(pages)
	inside, err := s.ConversationIDs(a, b, w)
	require.NoError(t, err)
	before, err := s.ConversationIDs(a.Add(-3*time.Hour), a, w)
	require.NoError(t, err)
	var overlapping []string
	for _, cid := range before {
		c, ok := s.Conversation(cid)
		require.True(t, ok)
		if c.End.After(a) {
			overlapping = append(overlapping, cid)
		}
	}
	assert.Equal(t, append(overlapping, inside...), got)

	// startOfDayIntervalMatching: started on/after the start of a's UTC day
	// and before b.
	id = createJob(t, s, tok, `{`+interval+`,`+voice+`,"startOfDayIntervalMatching":true}`)
	waitFulfilled(t, s, tok, id)
	want, err := s.ConversationIDs(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), b, w)
	require.NoError(t, err)
	assert.Equal(t, want, allIDs(readAll(t, s, tok, id, 1000)))

	// limit and desc order.
	id = createJob(t, s, tok, `{`+interval+`,`+voice+`,"startOfDayIntervalMatching":true,"order":"desc","limit":5}`)
	waitFulfilled(t, s, tok, id)
	got = allIDs(readAll(t, s, tok, id, 2))
	require.Len(t, got, 5)
	assert.Equal(t, want[len(want)-1], got[0])
	assert.Equal(t, want[len(want)-5], got[4])
}

func TestJobsSeeOnlyDataBeforeAvailability(t *testing.T) {
	t.Parallel()
	clk := newFakeClock(testNow)
	s := newTest(t, WithClock(clk.Now), WithLimits(Limits{JobPolls: -1}))
	tok := getToken(t, s)
	r := call(t, s, tok, "GET", jobsPath+"/availability", "")
	assert.JSONEq(t, `{"dataAvailabilityDate":"2026-05-15T08:30:00.000Z"}`, string(r.body))
	dad := time.Date(2026, 5, 15, 8, 30, 0, 0, time.UTC)

	id := createJob(t, s, tok, `{"interval":"2026-05-15T00:00:00Z/2026-05-15T12:00:00Z","startOfDayIntervalMatching":true}`)
	clk.Advance(time.Hour) // later availability does not change an existing job
	waitFulfilled(t, s, tok, id)
	want, err := s.ConversationIDs(time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), dad, filter.Wire{})
	require.NoError(t, err)
	pages := readAll(t, s, tok, id, 1000)
	assert.Equal(t, want, allIDs(pages))
	assert.Equal(t, "2026-05-15T08:30:00.000Z", pages[0].DataAvailDate)
}

func TestConcurrentJobCap(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithLimits(Limits{MaxConcurrentJobs: 2}))
	tok := getToken(t, s)
	body := `{"interval":"2026-05-10T00:00:00Z/2026-05-10T01:00:00Z"}`
	a := createJob(t, s, tok, body)
	b := createJob(t, s, tok, body)
	r := call(t, s, tok, "POST", jobsPath, body)
	require.Equal(t, 429, r.status)
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	m := r.json(t)
	assert.Equal(t, "analytics.jobs.concurrency.exceeded", m["code"])
	assert.Equal(t, map[string]any{"key": "analytics.conversation.details.jobs.concurrent.max", "namespace": "analytics", "value": 2.0}, m["limit"])
	assert.Equal(t, 1, s.Stats().JobsRejected)

	waitFulfilled(t, s, tok, a) // a finished job frees its slot
	c := createJob(t, s, tok, body)
	assert.Equal(t, 429, call(t, s, tok, "POST", jobsPath, body).status)
	assert.Equal(t, 204, call(t, s, tok, "DELETE", jobsPath+"/"+b, "").status) // so does a deleted one
	createJob(t, s, tok, body)
	_ = c
	assert.Equal(t, 4, s.Stats().JobsCreated)
}

func TestJobIDsAreUniqueAcrossRestarts(t *testing.T) {
	t.Parallel()
	body := `{"interval":"2026-05-10T00:00:00Z/2026-05-10T01:00:00Z"}`
	a, b := newTest(t, WithSeed(1)), newTest(t, WithSeed(1))
	ta, tb := getToken(t, a), getToken(t, b)
	ja, jb := createJob(t, a, ta, body), createJob(t, b, tb, body)
	assert.NotEqual(t, ja, jb, "a restarted fake must not reuse job ids")
	assert.Equal(t, 404, call(t, b, tb, "GET", jobsPath+"/"+ja, "").status)
}
