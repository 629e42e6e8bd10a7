package search_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/schema"
	"github.com/interactiondata/gcdata/search"
)

func TestAllMatchesGroundTruth(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	// One searcher for every subtest: it is safe for concurrent use.
	s := newSearcher(t, srv, search.WithChunk(6*time.Hour))
	voice := filter.Matches(schema.MediaType, "voice")
	day := 24 * time.Hour
	tests := []struct {
		name       string
		start, end time.Time
		filter     filter.Node
	}{
		{"one hour", periodStart.Add(5 * time.Hour), periodStart.Add(6 * time.Hour), nil},
		{"across a day boundary", periodStart.Add(20 * time.Hour), periodStart.Add(day + 3*time.Hour + 17*time.Minute), nil},
		{"whole days", periodStart, periodStart.Add(2 * day), nil},
		{"across the watermark", periodStart.Add(day + 7*time.Hour), watermark.Add(5 * time.Hour), nil},
		{"filtered, across days", periodStart.Add(13 * time.Hour), periodStart.Add(2*day + 1*time.Hour), voice},
		{"nothing", periodStart.Add(-3 * day), periodStart.Add(-2 * day), nil},
	}
	for _, tt := range tests {
		for _, mode := range []search.Mode{search.ModeAuto, search.ModeJobs, search.ModeQuery} {
			for _, order := range []search.Order{search.OrderAsc, search.OrderDesc} {
				t.Run(tt.name+"/"+string(mode)+"/"+string(order), func(t *testing.T) {
					t.Parallel()
					if mode == search.ModeJobs && tt.end.After(watermark) {
						t.Skip("jobs see only data before the watermark")
					}
					q := search.Query{Start: tt.start, End: tt.end, Filter: tt.filter, Mode: mode, Order: order}
					want := truth(t, srv, q)
					got := collect(t, s, q)
					require.Equal(t, len(want), len(got))
					assert.Equal(t, want, got)
				})
			}
		}
	}
}
