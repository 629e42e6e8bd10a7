package search_test

import (
	"bufio"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/schema"
	"github.com/interactiondata/gcdata/search"
)

// exportQuery spans two days, across the watermark, so auto mode uses
// both jobs and the query.
func exportQuery(mode search.Mode) search.Query {
	q := search.Query{Start: periodStart.Add(19 * time.Hour), End: watermark.Add(5 * time.Hour), Mode: mode}
	if mode == search.ModeJobs {
		q.End = watermark
	}
	return q
}

// lineIDs reads the conversationId of every line of a JSONL file.
func lineIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	ids := []string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var v struct {
			ID string `json:"conversationId"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &v))
		ids = append(ids, v.ID)
	}
	require.NoError(t, sc.Err())
	return ids
}

// export runs one export to the JSONL file out with checkpoint cp.
func export(ctx context.Context, s *search.Searcher, q search.Query, out, cp string, opts ...search.ExportOption) (search.Summary, error) {
	sink := search.NewJSONLFileSink(out)
	defer sink.Close()
	opts = append([]search.ExportOption{search.WithCheckpointStore(search.NewFileCheckpointStore(cp)), search.WithConcurrency(3)}, opts...)
	return s.Export(ctx, q, sink, opts...)
}

// failingSink writes batches like the JSONL sink, but after failAt batches
// it writes the next one and then reports failure: the file has a batch
// the checkpoint does not know about, as after a crash.
type failingSink struct {
	*search.JSONLFileSink
	failAt int
	n      int
}

var errCrash = errors.New("simulated crash")

func (f *failingSink) WriteBatch(ctx context.Context, b search.Batch) (string, error) {
	pos, err := f.JSONLFileSink.WriteBatch(ctx, b)
	if err != nil {
		return pos, err
	}
	f.n++
	if f.n > f.failAt {
		return "", errCrash
	}
	return pos, nil
}

func TestExportExactlyOnce(t *testing.T) {
	t.Parallel()
	for _, mode := range []search.Mode{search.ModeAuto, search.ModeJobs, search.ModeQuery} {
		t.Run(string(mode), func(t *testing.T) {
			t.Parallel()
			srv := newFake(t)
			dir := t.TempDir()
			q := exportQuery(mode)
			opts := []search.Option{search.WithChunk(4 * time.Hour), search.WithJobPageSize(100)}

			// The uninterrupted run.
			ref := filepath.Join(dir, "ref.jsonl")
			var seqs []int64
			sum, err := export(t.Context(), newSearcher(t, srv, opts...), q, ref, ref+".cp",
				search.WithBatchHook(func(_ context.Context, b search.BatchInfo) error {
					seqs = append(seqs, b.Seq)
					return nil
				}))
			require.NoError(t, err)
			want := truth(t, srv, q)
			assert.Equal(t, want, lineIDs(t, ref))
			assert.Equal(t, int64(len(want)), sum.Conversations)
			assert.Equal(t, sum.ChunksTotal, sum.ChunksDone)
			assert.Positive(t, sum.Requests)
			for i, s := range seqs {
				require.Equal(t, int64(i+1), s)
			}
			refBytes, err := os.ReadFile(ref)
			require.NoError(t, err)

			// Crashes at several points, each resumed by a new process.
			out := filepath.Join(dir, "out.jsonl")
			cp := out + ".cp"
			crashes := 0
			for _, failAt := range []int{0, 3, 7, 11} {
				sink := &failingSink{JSONLFileSink: search.NewJSONLFileSink(out), failAt: failAt}
				_, err := newSearcher(t, srv, opts...).Export(t.Context(), q, sink,
					search.WithCheckpointStore(search.NewFileCheckpointStore(cp)), search.WithConcurrency(3))
				_ = sink.Close()
				if err == nil {
					break
				}
				require.ErrorIs(t, err, errCrash)
				crashes++
			}
			require.Positive(t, crashes)
			// A cancellation is a crash too.
			ctx, cancel := context.WithCancel(t.Context())
			_, err = export(ctx, newSearcher(t, srv, opts...), q, out, cp,
				search.WithBatchHook(func(context.Context, search.BatchInfo) error { cancel(); return nil }))
			if err != nil {
				require.ErrorIs(t, err, context.Canceled)
			}
			cancel()
			var resumedSeqs []int64
			sum, err = export(t.Context(), newSearcher(t, srv, opts...), q, out, cp,
				search.WithBatchHook(func(_ context.Context, b search.BatchInfo) error {
					resumedSeqs = append(resumedSeqs, b.Seq)
					return nil
				}))
			require.NoError(t, err)
			assert.True(t, sum.Resumed)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, string(refBytes), string(got), "resumed output equals the uninterrupted one")
			if len(resumedSeqs) > 0 {
				assert.Equal(t, seqs[len(seqs)-len(resumedSeqs):], resumedSeqs, "batch numbers continue")
			}
			st := srv.Stats()
			assert.Equal(t, st.JobsCreated, st.JobsDeleted, "every job deleted")

			// A rerun of a finished export does nothing.
			before := len(apiRequests(srv))
			sum, err = export(t.Context(), newSearcher(t, srv, opts...), q, out, cp)
			require.NoError(t, err)
			assert.True(t, sum.AlreadyComplete)
			assert.Equal(t, int64(len(want)), sum.Conversations)
			assert.Len(t, apiRequests(srv), before)
			got, err = os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, string(refBytes), string(got))
		})
	}
}

func TestExportRefusesOtherQueryCheckpoint(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	q := search.Query{Start: periodStart, End: periodStart.Add(3 * time.Hour), Mode: search.ModeQuery}
	_, err := export(t.Context(), s, q, out, out+".cp")
	require.NoError(t, err)
	before, err := os.ReadFile(out)
	require.NoError(t, err)

	q.Filter = filter.Matches(schema.MediaType, "voice")
	_, err = export(t.Context(), s, q, out, out+".cp")
	require.ErrorIs(t, err, search.ErrCursorMismatch)
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the sink is not touched")
}

func TestExportProgressAndFaults(t *testing.T) {
	t.Parallel()
	clean := newFake(t)
	faulty := newFake(t, genesystest.WithFaults(genesystest.Faults{
		ServerErrorRate: 0.1, JobExpireAfterPages: 3, RepeatRowsAtPage: 2, RepeatRows: 3,
	}))
	q := exportQuery(search.ModeAuto)
	dir := t.TempDir()
	opts := []search.Option{search.WithChunk(6 * time.Hour), search.WithJobPageSize(100)}
	_, err := export(t.Context(), newSearcher(t, clean, opts...), q, filepath.Join(dir, "a"), filepath.Join(dir, "a.cp"))
	require.NoError(t, err)

	var mu sync.Mutex
	var prog []search.Progress
	sum, err := export(t.Context(), newSearcher(t, faulty, opts...), q, filepath.Join(dir, "b"), filepath.Join(dir, "b.cp"),
		search.WithConcurrency(4), search.WithProgress(func(p search.Progress) {
			mu.Lock()
			prog = append(prog, p)
			mu.Unlock()
		}))
	require.NoError(t, err)
	a, err := os.ReadFile(filepath.Join(dir, "a"))
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "b"))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "faults change nothing in the output")
	assert.Positive(t, sum.Retries, "the 5xx were retried")
	require.NotEmpty(t, prog)
	for i := 1; i < len(prog); i++ {
		assert.GreaterOrEqual(t, prog[i].Conversations, prog[i-1].Conversations)
		assert.GreaterOrEqual(t, prog[i].ChunksDone, prog[i-1].ChunksDone)
	}
	last := prog[len(prog)-1]
	assert.Equal(t, last.ChunksTotal, last.ChunksDone)
	assert.Equal(t, sum.Conversations, last.Conversations)
	assert.Equal(t, strconv.Itoa(len(truth(t, clean, q))), strconv.FormatInt(sum.Conversations, 10))
}

func TestExportWaitsForJobSlots(t *testing.T) {
	t.Parallel()
	srv := newFake(t, genesystest.WithLimits(genesystest.Limits{MaxConcurrentJobs: 1, JobPolls: 3}))
	q := exportQuery(search.ModeJobs)
	sink := &search.DiscardSink{}
	sum, err := newSearcher(t, srv, search.WithChunk(4*time.Hour)).Export(t.Context(), q, sink, search.WithConcurrency(4))
	require.NoError(t, err)
	assert.Equal(t, int64(len(truth(t, srv, q))), sum.Conversations)
	st := srv.Stats()
	assert.Positive(t, st.JobsRejected, "the cap was hit")
	assert.Equal(t, st.JobsCreated, st.JobsDeleted)
}
