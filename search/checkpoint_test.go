package search_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/schema"
	"github.com/interactiondata/gcdata/search"
)

// A checkpoint records its query, so a program that lost its parameters (a
// default interval that moved on) can resume exactly that export.
func TestCheckpointRecordsItsQuery(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	q := search.Query{
		Start:  periodStart.Add(90 * time.Minute),
		End:    periodStart.Add(5 * time.Hour),
		Filter: filter.And(filter.Matches(schema.MediaType, "voice"), filter.Gt(schema.THandle, 1000)),
		Mode:   search.ModeQuery,
		Order:  search.OrderDesc,
	}
	first, err := export(t.Context(), s, q, out, out+".cp")
	require.NoError(t, err)

	cp, ok, err := search.NewFileCheckpointStore(out+".cp").Load(t.Context())
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, cp.Start.Equal(q.Start))
	assert.True(t, cp.End.Equal(q.End))
	assert.Equal(t, q.Filter.String(), cp.Filter)
	assert.Equal(t, q.Mode, cp.Mode)
	assert.Equal(t, q.Order, cp.Order)

	rebuilt, err := cp.Query()
	require.NoError(t, err)
	assert.True(t, filter.Equal(q.Filter, rebuilt.Filter))
	again, err := export(t.Context(), s, rebuilt, out, out+".cp")
	require.NoError(t, err, "the rebuilt query is the same export")
	assert.True(t, again.AlreadyComplete)
	assert.Equal(t, first.QueryHash, again.QueryHash)

	_, err = search.Checkpoint{QueryHash: "x"}.Query()
	assert.ErrorContains(t, err, "records no interval")
}
