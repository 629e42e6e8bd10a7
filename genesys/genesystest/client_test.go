package genesystest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// instantClock is a genesys.Clock whose waits return at once, so client
// retries cost no time.
type instantClock struct{}

func (instantClock) Now() time.Time { return time.Now() }

func (instantClock) Sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

func newClient(t *testing.T, s *Server) *genesys.Client {
	t.Helper()
	c, err := genesys.New(context.WithoutCancel(t.Context()), append(s.ClientOptions(), genesys.WithClock(instantClock{}))...)
	require.NoError(t, err)
	return c
}

// TestJobFlowWithTheClient runs a whole job through the real client and
// decodes every page into the genesys model.
func TestJobFlowWithTheClient(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	c := newClient(t, s)
	ctx := t.Context()
	var created struct {
		JobID string `json:"jobId"`
	}
	body := json.RawMessage(`{"interval":"2026-05-10T00:00:00.000Z/2026-05-10T12:00:00.000Z","startOfDayIntervalMatching":true,
		"segmentFilters":[{"type":"and","predicates":[{"dimension":"purpose","value":"agent"}]}]}`)
	resp, err := c.Do(ctx, genesys.Request{Method: "POST", Path: jobsPath, Body: body, NoRetryAmbiguous: true, Operation: "create job"}, &created)
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.NotEmpty(t, resp.CorrelationID)
	assert.True(t, resp.RateLimit.Present)

	var st struct {
		State string `json:"state"`
	}
	for st.State != "FULFILLED" {
		_, err := c.Do(ctx, genesys.Request{Method: "GET", Path: jobsPath + "/" + created.JobID, Operation: "job status"}, &st)
		require.NoError(t, err)
	}
	var got []string
	cursor := ""
	for {
		q := url.Values{"pageSize": {"40"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var p genesys.JobResultsResponse
		_, err := c.Do(ctx, genesys.Request{Method: "GET", Path: jobsPath + "/" + created.JobID + "/results", Query: q, Operation: "job results"}, &p)
		require.NoError(t, err)
		for _, cv := range p.Conversations {
			got = append(got, cv.ID)
			assert.Equal(t, "2026-05-15T08:30:00Z", p.DataAvailabilityDate.Format(time.RFC3339))
			assert.NotEmpty(t, cv.Participants[0].Attributes, "job rows carry attributes")
			want, ok := s.ConversationJSON(cv.ID)
			require.True(t, ok)
			assert.Equal(t, cv.Start, mustDecode(t, want).Start)
		}
		if p.Cursor == "" {
			break
		}
		cursor = p.Cursor
	}
	want, err := s.ConversationIDs(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC),
		wireOf(t, `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"purpose","value":"agent"}]}]}`))
	require.NoError(t, err)
	assert.Equal(t, want, got)

	_, err = c.Do(ctx, genesys.Request{Method: "DELETE", Path: jobsPath + "/" + created.JobID, Operation: "delete job"}, nil)
	require.NoError(t, err)
}

func mustDecode(t *testing.T, b []byte) genesys.Conversation {
	t.Helper()
	var c genesys.Conversation
	require.NoError(t, json.Unmarshal(b, &c))
	return c
}

// TestClientRecoversFromFaults shows the client and the fake agreeing on
// the retry contract.
func TestClientRecoversFromFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		rules    []Rule
		attempts int
		status   int // 0: success
	}{
		{"503 twice", []Rule{{Path: availPath, Status: 503, Times: 2}}, 3, 0},
		{"429 retry-after 0", []Rule{{Path: availPath, Status: 429, Header: http.Header{"Retry-After": {"0"}}}}, 2, 0},
		// net/http itself may retry a GET whose reused connection closed
		// before the response, so the client sees one or two attempts.
		{"reset before headers", []Rule{{Path: availPath, Action: ResetBeforeHeaders}}, -1, 0},
		{"501 not retried", []Rule{{Path: availPath, Status: 501}}, 1, 501},
		{"404 not retried", []Rule{{Path: availPath, Status: 404}}, 1, 404},
		{"429 retry-after too long", []Rule{{Path: availPath, Status: 429, Header: http.Header{"Retry-After": {"3600"}}}}, 1, 429},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTest(t, WithRules(tt.rules...))
			c := newClient(t, s)
			var out struct {
				DataAvailabilityDate string `json:"dataAvailabilityDate"`
			}
			resp, err := c.Do(t.Context(), genesys.Request{Method: "GET", Path: availPath, Operation: "availability"}, &out)
			if tt.status == 0 {
				require.NoError(t, err)
				if tt.attempts > 0 {
					assert.Equal(t, tt.attempts, resp.Attempts)
				}
				assert.Equal(t, "2026-05-15T08:30:00.000Z", out.DataAvailabilityDate)
				return
			}
			var apiErr *genesys.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			assert.NotEmpty(t, apiErr.CorrelationID)
			assert.Equal(t, tt.attempts, apiErr.Attempts)
		})
	}

	t.Run("expired token is refreshed once", func(t *testing.T) {
		t.Parallel()
		s := newTest(t)
		c := newClient(t, s)
		_, err := c.Do(t.Context(), genesys.Request{Method: "GET", Path: availPath, Operation: "availability"}, nil)
		require.NoError(t, err)
		s.ExpireTokens()
		_, err = c.Do(t.Context(), genesys.Request{Method: "GET", Path: availPath, Operation: "availability"}, nil)
		require.NoError(t, err)
		assert.Equal(t, 2, s.Stats().TokensIssued)
		assert.Equal(t, 1, s.Stats().Unauthorized)
	})
}

func TestConversationIDsRejectsBadInput(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	_, err := s.ConversationIDs(testNow, testNow, filter.Wire{})
	assert.Error(t, err)
	_, err = s.ConversationIDs(testNow.Add(-time.Hour), testNow, wireOf(t, `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"nope","value":"x"}]}]}`))
	assert.ErrorContains(t, err, "nope")
}
