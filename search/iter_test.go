package search_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

// apiRequests is the fake's request log without token requests.
func apiRequests(srv *genesystest.Server) []genesystest.RequestRecord {
	var out []genesystest.RequestRecord
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Path, "/api/") {
			out = append(out, r)
		}
	}
	return out
}

func TestEarlyBreakStopsAndDeletesJob(t *testing.T) {
	t.Parallel()
	for _, mode := range []search.Mode{search.ModeJobs, search.ModeQuery} {
		t.Run(string(mode), func(t *testing.T) {
			t.Parallel()
			srv := newFake(t)
			s := newSearcher(t, srv)
			q := search.Query{Start: periodStart, End: periodStart.Add(30 * time.Hour), Mode: mode}
			assert.Empty(t, apiRequests(srv), "lazy: no request before the loop")
			seq := s.All(t.Context(), q)
			assert.Empty(t, apiRequests(srv), "lazy: no request before the loop")
			n, atBreak := 0, 0
			for _, err := range seq {
				require.NoError(t, err)
				n++
				if n == 3 {
					atBreak = len(apiRequests(srv))
					break
				}
			}
			after := apiRequests(srv)
			if mode == search.ModeQuery {
				assert.Len(t, after, atBreak, "no request after the break")
				return
			}
			require.Len(t, after, atBreak+1, "only the DELETE after the break")
			last := after[len(after)-1]
			assert.Equal(t, http.MethodDelete, last.Method)
			assert.Equal(t, http.StatusNoContent, last.Status)
			st := srv.Stats()
			assert.Equal(t, st.JobsCreated, st.JobsDeleted)

			// The sequence can be ranged again from the start.
			again := collect(t, s, q)
			assert.Equal(t, truth(t, srv, q), again)
			st = srv.Stats()
			assert.Equal(t, st.JobsCreated, st.JobsDeleted, "completed iterations delete their jobs")
		})
	}
}

func TestPagesResumeWithNewClient(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	for _, mode := range []search.Mode{search.ModeAuto, search.ModeJobs, search.ModeQuery} {
		for _, stopAfter := range []int{1, 4, 9} {
			t.Run(string(mode)+"/"+string(rune('0'+stopAfter)), func(t *testing.T) {
				t.Parallel()
				q := search.Query{Start: periodStart.Add(34 * time.Hour), End: watermark.Add(-90 * time.Minute), Mode: mode}
				if mode == search.ModeAuto {
					q.End = watermark.Add(3 * time.Hour)
				}
				want := truth(t, srv, q)

				s1 := newSearcher(t, srv, search.WithChunk(12*time.Hour))
				var got []string
				cursor, pages := "", 0
				for pg, err := range s1.Pages(t.Context(), q) {
					require.NoError(t, err)
					for _, c := range pg.Conversations {
						got = append(got, c.ID)
					}
					pages++
					cursor = pg.Cursor
					if pages == stopAfter {
						break
					}
				}
				if cursor == "" { // the iteration ended before stopAfter pages
					assert.Equal(t, want, got)
					return
				}

				// Another process: a new client and searcher (with other
				// options, which the cursor overrides where it matters).
				s2 := newSearcher(t, srv, search.WithJobPageSize(100), search.WithChunk(24*time.Hour))
				q.Cursor = cursor
				got = append(got, collect(t, s2, q)...)
				assert.Equal(t, want, got)
			})
		}
	}
}

func TestCursorOfAnotherQuery(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	q := search.Query{Start: periodStart, End: periodStart.Add(10 * time.Hour), Mode: search.ModeQuery}
	var cursor string
	for pg, err := range s.Pages(t.Context(), q) {
		require.NoError(t, err)
		cursor = pg.Cursor
		break
	}
	require.NotEmpty(t, cursor)
	other := q
	other.End = other.End.Add(time.Minute)
	other.Cursor = cursor
	for _, err := range s.All(t.Context(), other) {
		assert.ErrorIs(t, err, search.ErrCursorMismatch)
	}
	bad := q
	bad.Cursor = "!!!"
	n := 0
	for _, err := range s.All(t.Context(), bad) {
		n++
		assert.ErrorIs(t, err, search.ErrBadCursor)
	}
	assert.Equal(t, 1, n, "an error is yielded once")
}

func TestFaultsChangeNothing(t *testing.T) {
	t.Parallel()
	results := "/api/v2/analytics/conversations/details/jobs/*/results"
	query := "/api/v2/analytics/conversations/details/query"
	tests := []struct {
		name   string
		faults genesystest.Faults
		rules  []genesystest.Rule
		expire bool // expire tokens after the first page
		// orphans is how many job creates had an unknown outcome: the
		// create is repeated, and the first job expires on the server.
		orphans int
	}{
		{name: "429s", rules: []genesystest.Rule{
			{Path: query, Status: 429, Header: http.Header{"Retry-After": {"0"}}, Times: 3},
			{Path: results, Status: 429, Header: http.Header{"Retry-After": {"1"}}, Times: 2, Skip: 1},
		}},
		{name: "5xx", faults: genesystest.Faults{ServerErrorRate: 0.15}},
		{name: "resets", faults: genesystest.Faults{ResetRate: 0.1}},
		{name: "scripted resets and truncation", rules: []genesystest.Rule{
			{Path: query, Action: genesystest.ResetBeforeHeaders, Skip: 1},
			{Path: results, Action: genesystest.ResetMidBody, Skip: 1},
			{Path: results, Action: genesystest.TruncateBody, Skip: 2},
			{Method: http.MethodPost, Path: "/api/v2/analytics/conversations/details/jobs", Action: genesystest.ResetMidBody},
		}, orphans: 1},
		{name: "token expiry", expire: true},
		{name: "jobs fail", faults: genesystest.Faults{JobFailRate: 0.3}},
		{name: "jobs expire mid-cursor", faults: genesystest.Faults{JobExpireAfterPages: 2}},
		{name: "repeated rows", faults: genesystest.Faults{RepeatRowsAtPage: 2, RepeatRows: 7}},
		{name: "empty last page", faults: genesystest.Faults{EmptyLastPage: true}},
	}
	for _, tt := range tests {
		for _, mode := range []search.Mode{search.ModeAuto, search.ModeJobs, search.ModeQuery} {
			t.Run(tt.name+"/"+string(mode), func(t *testing.T) {
				t.Parallel()
				srv := newFake(t, genesystest.WithFaults(tt.faults), genesystest.WithRules(tt.rules...))
				s := newSearcher(t, srv, search.WithChunk(12*time.Hour), search.WithJobPageSize(100))
				// 19 hours across a day boundary (and the watermark in auto
				// mode), about 600 conversations.
				q := search.Query{Start: periodStart.Add(40 * time.Hour), End: watermark.Add(-time.Hour), Mode: mode}
				if mode == search.ModeAuto {
					q.End = watermark.Add(2 * time.Hour)
				}
				got := []string{}
				for c, err := range s.All(t.Context(), q) {
					require.NoError(t, err)
					got = append(got, c.ID)
					if tt.expire && len(got) == 120 {
						srv.ExpireTokens()
					}
				}
				assert.Equal(t, truth(t, srv, q), got)
				st := srv.Stats()
				if mode == search.ModeQuery {
					assert.Zero(t, st.JobsCreated)
				} else {
					assert.Equal(t, st.JobsCreated, st.JobsDeleted+tt.orphans, "every job deleted")
				}
			})
		}
	}
}

func TestJobErrors(t *testing.T) {
	t.Parallel()
	q := search.Query{Start: periodStart, End: periodStart.Add(20 * time.Hour), Mode: search.ModeJobs}
	t.Run("failed", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithFaults(genesystest.Faults{JobFailRate: 1}))
		s := newSearcher(t, srv)
		n := 0
		for _, err := range s.All(t.Context(), q) {
			n++
			require.Error(t, err)
			var je *search.JobError
			require.ErrorAs(t, err, &je)
			assert.Equal(t, search.JobFailed, je.State)
			assert.NotEmpty(t, je.JobID)
			assert.ErrorIs(t, err, search.ErrJobFailed)
			assert.NotErrorIs(t, err, search.ErrJobExpired)
		}
		assert.Equal(t, 1, n)
		st := srv.Stats()
		assert.Equal(t, st.JobsCreated, st.JobsDeleted)
	})
	t.Run("repeated cursor", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithFaults(genesystest.Faults{RepeatCursorAtPage: 2}))
		s := newSearcher(t, srv, search.WithJobPageSize(100))
		var last error
		for _, err := range s.All(t.Context(), q) {
			last = err
		}
		assert.ErrorIs(t, last, search.ErrRepeatedCursor)
		st := srv.Stats()
		assert.Equal(t, st.JobsCreated, st.JobsDeleted)
	})
	t.Run("expires every page", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithFaults(genesystest.Faults{JobExpireAfterPages: 1}))
		s := newSearcher(t, srv, search.WithJobPageSize(100))
		got := collect(t, s, q)
		assert.Equal(t, truth(t, srv, q), got, "a recreated job starts at the mark, so each job makes progress")
	})
	t.Run("gone for good", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithRules(genesystest.Rule{Method: http.MethodGet,
			Path: "/api/v2/analytics/conversations/details/jobs/*/results", Status: 404, Times: -1}))
		s := newSearcher(t, srv)
		errs := range2(s.All(t.Context(), q))
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], search.ErrJobExpired)
		var ae *genesys.APIError
		require.ErrorAs(t, errs[0], &ae, "the 404 stays in the chain")
		assert.Equal(t, 404, ae.StatusCode)
		assert.NotEmpty(t, ae.CorrelationID)
	})
	t.Run("api error", func(t *testing.T) {
		t.Parallel()
		srv := newFake(t, genesystest.WithRules(genesystest.Rule{Path: "/api/v2/analytics/conversations/details/jobs/*", Status: 403, Times: -1}))
		s := newSearcher(t, srv)
		for _, err := range s.All(t.Context(), q) {
			assert.ErrorIs(t, err, genesys.ErrForbidden)
			var ae *genesys.APIError
			assert.True(t, errors.As(err, &ae))
		}
	})
}
