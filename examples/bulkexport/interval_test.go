package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/search"
)

// Without -interval the default window moves every minute; a rerun after a
// crash must finish the interrupted export, and a rerun after a finished
// one starts a new export instead of refusing the old checkpoint.
func TestDefaultIntervalFollowsCheckpoint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	args := exportArgs(dir, "-concurrency", "1")
	noEnv := envOf(nil)
	store := search.NewFileCheckpointStore(filepath.Join(dir, "out.jsonl.checkpoint"))
	moved := func() search.Query { // "the last 24 hours" a while later
		end := time.Now().UTC().Truncate(time.Minute).Add(time.Hour)
		return search.Query{Start: end.Add(-24 * time.Hour), End: end, Mode: search.ModeQuery}
	}

	// Interrupted: the checkpoint records the interval it started with.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stderr := &cancelOnProgress{cancel: cancel}
	require.Equal(t, 1, run(ctx, args, stderr, noEnv), stderr.String())
	cp, ok, err := store.Load(t.Context())
	require.NoError(t, err)
	require.True(t, ok)
	require.False(t, cp.Completed)

	q := moved()
	var msg bytes.Buffer
	require.NoError(t, followCheckpoint(t.Context(), &q, store, &msg))
	assert.True(t, q.Start.Equal(cp.Start) && q.End.Equal(cp.End), "resumes the recorded interval")
	assert.Contains(t, msg.String(), "resuming the interrupted export")

	// Finished: a moved window starts a new export.
	var out bytes.Buffer
	require.Equal(t, 0, run(t.Context(), args, &out, noEnv), out.String())
	cp, _, err = store.Load(t.Context())
	require.NoError(t, err)
	require.True(t, cp.Completed)

	same := search.Query{Start: cp.Start, End: cp.End}
	msg.Reset()
	require.NoError(t, followCheckpoint(t.Context(), &same, store, &msg))
	assert.Empty(t, msg.String(), "the same window is simply complete")
	_, err = os.Stat(store.Path())
	require.NoError(t, err)

	q = moved()
	want := q
	require.NoError(t, followCheckpoint(t.Context(), &q, store, &msg))
	assert.Equal(t, want, q, "a new export keeps the new window")
	assert.Contains(t, msg.String(), "starting a new one")
	_, err = os.Stat(store.Path())
	assert.ErrorIs(t, err, os.ErrNotExist, "the finished checkpoint is gone")
}
