package search_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

// TestQueryPageErrorText checks the text of a failed details query page: it
// names the chunk ("query <interval>") once, then the page.
func TestQueryPageErrorText(t *testing.T) {
	t.Parallel()
	srv := newFake(t, genesystest.WithRules(genesystest.Rule{
		Path: "/api/v2/analytics/conversations/details/query", Status: 400, Times: -1}))
	s := newSearcher(t, srv)
	start := periodStart.Add(40 * time.Hour)
	q := search.Query{Start: start, End: start.Add(time.Hour), Mode: search.ModeQuery}
	var err error
	for _, e := range s.All(t.Context(), q) {
		if e != nil {
			err = e
			break
		}
	}
	require.Error(t, err)
	assert.Contains(t, err.Error(), "search: query 2026-03-02T16:00:00.000Z/2026-03-02T17:00:00.000Z: page 1: ")
	assert.NotContains(t, err.Error(), "query query")
}
