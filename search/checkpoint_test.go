package search_test

import (
	"context"
	"errors"
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

	cp, ok, err := search.NewFileCheckpointStore(out + ".cp").Load(t.Context())
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

// A crash between a checkpoint and its batch hook must not lose the hook
// call: the resumed run calls it again for the checkpoint's last batch, with
// the same export id and sequence number.
func TestBatchHookAtLeastOnceAcrossResume(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	q := search.Query{Start: periodStart, End: periodStart.Add(3 * 24 * time.Hour), Mode: search.ModeQuery}

	crash := errors.New("crash before the hook ran")
	var first []search.BatchInfo
	_, err := export(t.Context(), s, q, out, out+".cp", search.WithBatchHook(func(_ context.Context, b search.BatchInfo) error {
		if b.Seq == 2 {
			return crash // the checkpoint of batch 2 is saved, its hook never completes
		}
		first = append(first, b)
		return nil
	}))
	require.ErrorIs(t, err, crash)
	require.Len(t, first, 1)

	var second []search.BatchInfo
	sum, err := export(t.Context(), s, q, out, out+".cp", search.WithBatchHook(func(_ context.Context, b search.BatchInfo) error {
		second = append(second, b)
		return nil
	}))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(second), 2)
	assert.Equal(t, int64(2), second[0].Seq, "batch 2's hook runs again first")
	for i, b := range second {
		assert.Equal(t, int64(i+2), b.Seq)
		assert.Equal(t, first[0].ExportID, b.ExportID, "the export id survives the resume")
	}
	assert.Equal(t, first[0].ExportID, sum.ExportID)
	var total int64
	for _, b := range append(first, second...) {
		total += int64(b.Count)
	}
	assert.Equal(t, sum.Conversations, total, "every batch announced once, counts add up")

	// A new export of the same query is a new export.
	other := filepath.Join(dir, "other.jsonl")
	sum2, err := export(t.Context(), s, q, other, other+".cp")
	require.NoError(t, err)
	assert.NotEqual(t, sum.ExportID, sum2.ExportID)
	assert.Regexp(t, `^exp_[0-9a-f]{32}$`, sum2.ExportID)
}
