package webhook

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// The specification's published test vector.
const (
	vectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTS     = "1614265330"
	vectorBody   = `{"test": 2432232314}`
	vectorSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

var vectorTime = time.Unix(1614265330, 0)

func vectorHeader() http.Header {
	h := http.Header{}
	h.Set(HeaderID, vectorID)
	h.Set(HeaderTimestamp, vectorTS)
	h.Set(HeaderSignature, vectorSig)
	return h
}

func fixed(t time.Time) func() time.Time { return func() time.Time { return t } }

// fakeTime is a clock that moves only when the sender sleeps on it; it
// records every sleep.
type fakeTime struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeTime() *fakeTime { return &fakeTime{now: time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)} }

func (f *fakeTime) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeTime) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sleeps = append(f.sleeps, d)
	f.now = f.now.Add(d)
	return nil
}

func (f *fakeTime) Sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

// blockingSleep waits until ctx is done: the next attempt never comes
// while the test runs.
func blockingSleep(ctx context.Context, _ time.Duration) error {
	<-ctx.Done()
	return ctx.Err()
}

// delivery is one request a test receiver saw.
type delivery struct {
	header http.Header
	body   []byte
	err    error // the receiver's verification result
}

// receiver is a test endpoint: it verifies each request with the
// verifier (when set) and answers with respond(n) for the n-th request
// (from 1).
type receiver struct {
	t       *testing.T
	srv     *httptest.Server
	v       *Verifier
	respond func(n int, w http.ResponseWriter)

	mu   sync.Mutex
	seen []delivery
}

func newReceiver(t *testing.T, v *Verifier, respond func(n int, w http.ResponseWriter)) *receiver {
	t.Helper()
	r := &receiver{t: t, v: v, respond: respond}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	d := delivery{header: r.Header.Clone(), body: body}
	if rc.v != nil {
		_, d.err = rc.v.Verify(r.Header, body)
	}
	rc.mu.Lock()
	rc.seen = append(rc.seen, d)
	n := len(rc.seen)
	rc.mu.Unlock()
	if rc.respond != nil {
		rc.respond(n, w)
	}
}

func (rc *receiver) deliveries() []delivery {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]delivery(nil), rc.seen...)
}

func status(code int) func(int, http.ResponseWriter) {
	return func(_ int, w http.ResponseWriter) { w.WriteHeader(code) }
}

// reports collects observer reports.
type reports struct {
	mu  sync.Mutex
	all []Report
}

func (r *reports) add(rep Report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, rep)
}

func (r *reports) get() []Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Report(nil), r.all...)
}

func testSecret(t *testing.T) string {
	t.Helper()
	s, err := GenerateSecret()
	require.NoError(t, err)
	return s
}

func batchEvent(seq int64) Event {
	start := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	return Event{
		Timestamp: time.Date(2026, 11, 29, 4, 0, 0, 0, time.UTC),
		Data: BatchCompleted{
			ExportID: "exp-1", Sequence: seq,
			IntervalStart: start, IntervalEnd: start.Add(24 * time.Hour),
			FilterHash: "3f2a", Conversations: 100,
			FirstConversationID: "c-1", FirstConversationStart: start.Add(time.Minute),
			LastConversationID: "c-100", LastConversationStart: start.Add(time.Hour),
			Checkpoint: "cp-17", Location: "file:///out/batch-17.jsonl",
		},
	}
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(p, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}
