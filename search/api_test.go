package search_test

import (
	"context"
	"encoding/base64"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/schema"
	"github.com/interactiondata/gcdata/search"
)

func TestQueryValidation(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	bad := filter.Matches(schema.MediaType, "vioce")
	tests := []struct {
		name string
		q    search.Query
		want []string
	}{
		{"zero start", search.Query{End: periodEnd}, []string{"Query.Start is zero"}},
		{"zero end", search.Query{Start: periodStart}, []string{"Query.End is zero"}},
		{"reversed", search.Query{Start: periodEnd, End: periodStart}, []string{"Query.Start", "is not before Query.End"}},
		{"empty", search.Query{Start: periodEnd, End: periodEnd}, []string{"is not before"}},
		{"bad order", search.Query{Start: periodStart, End: periodEnd, Order: "sideways"}, []string{"Query.Order"}},
		{"bad mode", search.Query{Start: periodStart, End: periodEnd, Mode: "fast"}, []string{"Query.Mode"}},
		{"bad filter", search.Query{Start: periodStart, End: periodEnd, Filter: bad}, []string{"Query.Filter", "vioce"}},
		{"several", search.Query{Start: periodEnd, End: periodStart, Mode: "x", Filter: bad}, []string{"Query.Start", "Query.Mode", "Query.Filter"}},
		{"year 1", search.Query{Start: time.Time{}.Add(time.Hour), End: periodEnd}, []string{"Query.Start", "out of range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := 0
			for _, err := range s.All(t.Context(), tt.q) {
				n++
				require.Error(t, err)
				for _, w := range tt.want {
					assert.Contains(t, err.Error(), w)
				}
			}
			assert.Equal(t, 1, n)
			_, err := s.Export(t.Context(), tt.q, &search.DiscardSink{})
			assert.Error(t, err)
			if tt.q.Mode == "" && tt.q.Order == "" { // Aggregate ignores both
				_, err = s.Aggregate(t.Context(), tt.q, search.TermFrequency(schema.MediaType, 3))
				assert.Error(t, err)
			}
		})
	}
	assert.Empty(t, apiRequests(srv), "validation happens before any request")
}

func TestTimeZonesDoNotMatter(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	tz := time.FixedZone("UTC+5:30", 5*3600+1800)
	q := search.Query{Start: periodStart.Add(3 * time.Hour).In(tz), End: periodStart.Add(29 * time.Hour).In(tz), Mode: search.ModeQuery}
	assert.Equal(t, truth(t, srv, q), collect(t, s, q))
}

func TestOptionErrors(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	c, err := genesys.New(context.Background(), srv.ClientOptions()...)
	require.NoError(t, err)
	s := search.New(c, search.WithQueryPageSize(0), search.WithJobPageSize(-1), search.WithChunk(7*time.Hour),
		search.WithPollInterval(time.Second, time.Millisecond), nil, search.WithClock(nil), search.WithLogger(nil))
	err = s.Err()
	require.Error(t, err)
	for _, w := range []string{"WithQueryPageSize", "WithJobPageSize", "WithChunk", "WithPollInterval", "option 4 is nil", "WithClock", "WithLogger"} {
		assert.Contains(t, err.Error(), w)
	}
	for _, e := range range2(s.All(t.Context(), search.Query{Start: periodStart, End: periodEnd})) {
		assert.ErrorIs(t, e, err)
	}
	_, aerr := s.Availability(t.Context())
	assert.ErrorIs(t, aerr, err)
	assert.Error(t, search.New(nil).Err())
	_, err = newSearcher(t, srv).Export(t.Context(), search.Query{Start: periodStart, End: periodEnd}, nil, search.WithConcurrency(0))
	assert.ErrorContains(t, err, "WithConcurrency")
	assert.ErrorContains(t, err, "nil sink")
	assert.Empty(t, apiRequests(srv))
}

// range2 collects the errors of an iterator.
func range2[T any](seq func(func(T, error) bool)) []error {
	var errs []error
	for _, err := range seq {
		errs = append(errs, err)
	}
	return errs
}

func TestAvailabilityAndLookups(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv, search.WithLookupBatch(7))
	w, err := s.Availability(t.Context())
	require.NoError(t, err)
	assert.True(t, w.Equal(srv.DataAvailabilityDate()), "%s vs %s", w, srv.DataAvailabilityDate())

	ids := truth(t, srv, search.Query{Start: periodStart, End: periodStart.Add(2 * time.Hour)})
	require.Greater(t, len(ids), 20)
	one, err := s.Conversation(t.Context(), ids[3])
	require.NoError(t, err)
	assert.Equal(t, ids[3], one.ID)
	raw, ok := srv.ConversationJSON(ids[3])
	require.True(t, ok)
	assert.JSONEq(t, string(raw), string(one.Raw()))

	_, err = s.Conversation(t.Context(), "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, genesys.ErrNotFound)
	_, err = s.Conversation(t.Context(), "a,b")
	assert.ErrorContains(t, err, "invalid conversation id")

	ask := append([]string{ids[5], "00000000-0000-4000-8000-000000000000"}, ids[:20]...)
	ask = append(ask, ids[5], ids[0])
	before := len(apiRequests(srv))
	got, err := s.Conversations(t.Context(), ask...)
	require.NoError(t, err)
	want := append([]string{ids[5]}, ids[:5]...)
	want = append(want, ids[6:20]...)
	var gotIDs []string
	for _, c := range got {
		gotIDs = append(gotIDs, c.ID)
	}
	assert.Equal(t, want, gotIDs, "first-occurrence order, unknown ids left out, duplicates once")
	assert.Len(t, apiRequests(srv), before+3, "21 unique ids in batches of 7")
	none, err := s.Conversations(t.Context())
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestAggregate(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	s := newSearcher(t, srv)
	q := search.Query{Start: periodStart, End: periodStart.Add(24 * time.Hour)}
	res, err := s.Aggregate(t.Context(), q,
		search.TermFrequency(schema.MediaType, 20),
		search.NumericRange(schema.THandle, search.Range{Gte: math.Inf(-1), Lt: 60000}, search.Range{Gte: 60000, Lt: math.Inf(1)}))
	require.NoError(t, err)
	require.Len(t, res, 2)
	assert.Equal(t, search.AggregationTermFrequency, res[0].Type)
	assert.Equal(t, schema.MediaType, res[0].Field)
	assert.Equal(t, "mediaType", res[0].Name)
	voice := -1
	for _, b := range res[0].Buckets {
		if b.Value == "voice" {
			voice = b.Count
		}
	}
	w, err := filter.Compile(filter.Matches(schema.MediaType, "voice"))
	require.NoError(t, err)
	ids, err := srv.ConversationIDs(q.Start, q.End, w)
	require.NoError(t, err)
	assert.Equal(t, len(ids), voice, "voice conversations of the day")
	assert.Equal(t, search.AggregationNumericRange, res[1].Type)
	assert.Equal(t, schema.THandle, res[1].Field)
	require.Len(t, res[1].Buckets, 2)

	for _, tt := range []struct {
		name string
		q    search.Query
		aggs []search.Aggregation
		want string
	}{
		{"none", q, nil, "no aggregations"},
		{"zero", q, []search.Aggregation{{}}, "not built with"},
		{"metric as term", q, []search.Aggregation{search.TermFrequency(schema.THandle, 3)}, "needs a dimension"},
		{"dimension as range", q, []search.Aggregation{search.NumericRange(schema.MediaType, search.Range{Gte: 0, Lt: 1})}, "needs a metric"},
		{"no ranges", q, []search.Aggregation{search.NumericRange(schema.THandle)}, "no ranges"},
		{"empty range", q, []search.Aggregation{search.NumericRange(schema.THandle, search.Range{Gte: 5, Lt: 5})}, "not below"},
		{"open range", q, []search.Aggregation{search.NumericRange(schema.THandle, search.Range{Gte: math.Inf(-1), Lt: math.Inf(1)})}, "finite"},
		{"too long", search.Query{Start: periodStart, End: periodStart.Add(8 * 24 * time.Hour)},
			[]search.Aggregation{search.TermFrequency(schema.MediaType, 3)}, "the API allows"},
	} {
		_, err := s.Aggregate(t.Context(), tt.q, tt.aggs...)
		assert.ErrorContains(t, err, tt.want, tt.name)
	}
}

func TestCheckpointFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store := search.NewFileCheckpointStore(filepath.Join(dir, "cp.json"))
	_, ok, err := store.Load(t.Context())
	require.NoError(t, err)
	assert.False(t, ok)

	// A real checkpoint, from an export.
	srv := newFake(t)
	q := search.Query{Start: periodStart, End: periodStart.Add(5 * time.Hour), Mode: search.ModeJobs}
	_, err = newSearcher(t, srv).Export(t.Context(), q, &search.DiscardSink{}, search.WithCheckpointStore(store))
	require.NoError(t, err)
	cp, ok, err := store.Load(t.Context())
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, cp.Completed)
	assert.Equal(t, int64(len(truth(t, srv, q))), cp.Conversations)
	b, err := cp.MarshalJSON()
	require.NoError(t, err)
	var back search.Checkpoint
	require.NoError(t, back.UnmarshalJSON(b))
	b2, err := back.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary files left")

	for _, bad := range []string{`{}`, `{"version":2,"query":"x","plan":{"chunk":1},"chunks":1,"done":0}`,
		`{"version":1,"query":"x","plan":{"chunk":1},"chunks":1,"done":2}`, `{"version":1,"query":"x","bogus":1}`, `[`} {
		var c search.Checkpoint
		assert.Error(t, c.UnmarshalJSON([]byte(bad)), bad)
	}
	require.NoError(t, os.WriteFile(store.Path(), []byte("garbage"), 0o600))
	_, _, err = store.Load(t.Context())
	assert.ErrorContains(t, err, store.Path())
}

func TestJSONLFileSink(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	ids := truth(t, srv, search.Query{Start: periodStart, End: periodStart.Add(time.Hour)})
	convs, err := newSearcher(t, srv).Conversations(t.Context(), ids[:3]...)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "out.jsonl")
	sink := search.NewJSONLFileSink(path)
	_, err = sink.WriteBatch(t.Context(), search.Batch{Conversations: convs})
	assert.ErrorContains(t, err, "not open")

	require.NoError(t, sink.Open(t.Context(), ""))
	p1, err := sink.WriteBatch(t.Context(), search.Batch{Conversations: convs[:1]})
	require.NoError(t, err)
	p2, err := sink.WriteBatch(t.Context(), search.Batch{Conversations: convs[1:]})
	require.NoError(t, err)
	require.NoError(t, sink.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, p2, strconv.Itoa(len(data)))
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.Len(t, lines, 3)
	assert.Equal(t, string(convs[0].Raw()), lines[0], "exact bytes")

	// Resuming at p1 drops the second batch.
	require.NoError(t, sink.Open(t.Context(), p1))
	require.NoError(t, sink.Close())
	data, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, lines[0]+"\n", string(data))

	// A file shorter than the committed position is refused.
	assert.ErrorContains(t, sink.Open(t.Context(), p2), "truncated or replaced")
	assert.ErrorContains(t, sink.Open(t.Context(), "x"), "bad committed position")

	// Hand-built conversations have no raw bytes.
	require.NoError(t, sink.Open(t.Context(), ""))
	_, err = sink.WriteBatch(t.Context(), search.Batch{Conversations: []genesys.Conversation{{ID: "x"}}})
	assert.ErrorContains(t, err, "no raw JSON")
	require.NoError(t, sink.Close())
}

func FuzzCursor(f *testing.F) {
	srv := newFake(f)
	s := newSearcher(f, srv)
	q := search.Query{Start: periodStart, End: periodStart.Add(3 * time.Hour), Mode: search.ModeQuery}
	for p, err := range s.Pages(context.Background(), q) {
		require.NoError(f, err)
		if p.Cursor != "" {
			f.Add(p.Cursor)
		}
	}
	f.Add(base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"q":"x","plan":{"chunk":1440},"chunk":-1}`)))
	f.Add("")
	f.Fuzz(func(t *testing.T, cursor string) {
		q := q
		q.Cursor = cursor
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n := 0
		for _, err := range s.Pages(ctx, q) {
			n++
			if err != nil || n > 5 {
				break
			}
		}
	})
}
