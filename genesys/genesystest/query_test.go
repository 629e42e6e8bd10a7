package genesystest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func wireOf(t *testing.T, js string) filter.Wire {
	t.Helper()
	w, err := filter.DecodeWire([]byte(js))
	require.NoError(t, err)
	return w
}

// queryAll pages through a query with the real client and returns the ids.
func queryAll(t *testing.T, c *genesys.Client, interval, filters string, size int, extra string) ([]string, int) {
	t.Helper()
	var ids []string
	total := -1
	for n := 1; ; n++ {
		body := fmt.Sprintf(`{"interval":%q,"paging":{"pageSize":%d,"pageNumber":%d}%s%s}`, interval, size, n, filters, extra)
		var p genesys.DetailsQueryResponse
		_, err := c.Do(t.Context(), genesys.Request{Method: "POST", Path: queryPath, Body: json.RawMessage(body), Operation: "details query"}, &p)
		require.NoError(t, err)
		if len(p.Conversations) == 0 {
			return ids, total
		}
		if total < 0 {
			total = p.TotalHits
		}
		assert.Equal(t, total, p.TotalHits)
		for _, cv := range p.Conversations {
			ids = append(ids, cv.ID)
			for _, pt := range cv.Participants {
				assert.Empty(t, pt.Attributes, "query results carry no attributes")
			}
		}
		require.Less(t, n, 1000)
	}
}

func TestQueryPagingConcatenatesToGroundTruth(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithSeed(5))
	c, err := genesys.New(context.WithoutCancel(t.Context()), s.ClientOptions()...)
	require.NoError(t, err)
	tests := []struct {
		name, filters string
	}{
		{"no filter", ``},
		{"voice segments", `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"}]}]}`},
		{"agent wrapup Sale or Follow-Up", `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"purpose","value":"agent"}],"clauses":[{"type":"or","predicates":[{"dimension":"wrapUpCode","value":"Sale"},{"dimension":"wrapUpCode","value":"Follow-Up"}]}]}]}`},
		{"inbound, handled over 5 min", `{"conversationFilters":[{"type":"and","predicates":[{"dimension":"originatingDirection","value":"inbound"},{"metric":"tHandle","range":{"gt":300000}}]}]}`},
		{"gold tier property", `{"segmentFilters":[{"type":"and","predicates":[{"type":"property","propertyType":"string","property":"customerTier","value":"gold"}]}]}`},
		{"survey score", `{"surveyFilters":[{"type":"and","predicates":[{"metric":"oSurveyTotalScore","range":{"gte":5}}]}]}`},
	}
	// The interval does not start or end at midnight: the query widens it
	// to whole UTC days.
	a := time.Date(2026, 5, 10, 13, 0, 0, 0, time.UTC)
	b := time.Date(2026, 5, 11, 2, 0, 0, 0, time.UTC)
	interval := a.Format(time.RFC3339) + "/" + b.Format(time.RFC3339)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := filter.Wire{}
			extra := ""
			if tt.filters != "" {
				w = wireOf(t, tt.filters)
				fj, err := w.MarshalJSON()
				require.NoError(t, err)
				extra = "," + string(fj[1:len(fj)-1])
			}
			want, err := s.ConversationIDs(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC), w)
			require.NoError(t, err)
			require.NotEmpty(t, want)
			got, total := queryAll(t, c, interval, extra, 37, "")
			assert.Equal(t, want, got)
			assert.Equal(t, len(want), total)

			desc, _ := queryAll(t, c, interval, extra, 100, `,"order":"desc"`)
			slices.Reverse(desc)
			assert.Equal(t, want, desc)
		})
	}
}

func TestQueryPastTheEndAndEmpty(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	r := call(t, s, tok, "POST", queryPath, `{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z","paging":{"pageSize":100,"pageNumber":50}}`)
	assert.Equal(t, 200, r.status)
	assert.Equal(t, "{}", string(r.body))
	// A day before the period: nothing at all.
	r = call(t, s, tok, "POST", queryPath, `{"interval":"2025-01-10T00:00:00Z/2025-01-11T00:00:00Z"}`)
	assert.JSONEq(t, `{"totalHits":0}`, string(r.body))
	// Default page size is 25.
	p := decodePage(t, call(t, s, tok, "POST", queryPath, `{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z"}`))
	assert.Len(t, p.Conversations, 25)
	assert.Greater(t, p.TotalHits, 100)
}

func TestQueryOrderByEnd(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	var ends []time.Time
	for n := 1; ; n++ {
		p := decodePage(t, call(t, s, tok, "POST", queryPath, fmt.Sprintf(
			`{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z","orderBy":"conversationEnd","paging":{"pageSize":100,"pageNumber":%d}}`, n)))
		if len(p.Conversations) == 0 {
			break
		}
		for _, c := range p.Conversations {
			ends = append(ends, mustTime(t, c.ConversationEnd))
		}
	}
	require.NotEmpty(t, ends)
	assert.True(t, slices.IsSortedFunc(ends, func(a, b time.Time) int { return a.Compare(b) }))
}

func TestQueryAggregations(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	r := call(t, s, tok, "POST", queryPath, `{"interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z",
		"paging":{"pageSize":1,"pageNumber":1},
		"aggregations":[{"type":"termFrequency","dimension":"mediaType","size":3},
		{"type":"termFrequency","dimension":"originatingDirection"},
		{"type":"numericRange","metric":"tHandle","ranges":[{"lt":60000},{"gte":60000,"lt":600000},{"gte":600000}]}]}`)
	var body struct {
		TotalHits    int `json:"totalHits"`
		Aggregations []struct {
			Type, Dimension, Metric string
			Count                   int
			Results                 []struct {
				Value   string
				Count   int
				Gte, Lt *float64
			}
		}
	}
	require.Equal(t, 200, r.status, string(r.body))
	require.NoError(t, json.Unmarshal(r.body, &body))
	require.Len(t, body.Aggregations, 3)
	media := body.Aggregations[0]
	assert.Equal(t, "termFrequency", media.Type)
	assert.Equal(t, body.TotalHits, media.Count)
	require.Len(t, media.Results, 3)
	assert.Equal(t, "voice", media.Results[0].Value)
	dir := body.Aggregations[1]
	sum := 0
	for _, x := range dir.Results {
		sum += x.Count
	}
	assert.Equal(t, body.TotalHits, sum, "each conversation has one direction")
	handle := body.Aggregations[2]
	assert.Equal(t, "tHandle", handle.Metric)
	require.Len(t, handle.Results, 3)
	sum = 0
	for _, x := range handle.Results {
		sum += x.Count
	}
	assert.Equal(t, handle.Count, sum, "one tHandle per answered conversation")
	assert.Less(t, handle.Count, body.TotalHits, "abandoned conversations have no tHandle")
}
