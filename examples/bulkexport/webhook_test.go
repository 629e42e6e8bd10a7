package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/webhook"
)

// receiver is an in-test webhook endpoint on loopback: every delivery goes
// through webhook.Verifier's middleware, and the verified events are kept.
type receiver struct {
	url      string
	requests atomic.Int64 // every request, verified or not
	down     atomic.Bool  // answer 503 to everything
	mu       sync.Mutex
	events   []webhook.Event
}

func newReceiver(t *testing.T, secret string) *receiver {
	t.Helper()
	v, err := webhook.NewVerifier([]string{secret})
	require.NoError(t, err)
	r := &receiver{}
	verified := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ev, ok := webhook.EventFromContext(req.Context())
		if !ok {
			http.Error(w, "no event", http.StatusInternalServerError)
			return
		}
		r.mu.Lock()
		r.events = append(r.events, ev)
		r.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.requests.Add(1)
		if r.down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		verified.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL + "/hooks"
	return r
}

// received returns the verified events so far, deduplicated by webhook-id
// as a receiver must.
func (r *receiver) received() []webhook.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := map[string]bool{}
	var out []webhook.Event
	for _, ev := range r.events {
		if !seen[ev.ID] {
			seen[ev.ID] = true
			out = append(out, ev)
		}
	}
	return out
}

// envOf looks up a map, as os.LookupEnv does the environment.
func envOf(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// exportArgs exports three days of a small embedded fake with the
// synchronous query (one batch per page of 100), to dir/out.jsonl.
func exportArgs(dir string, extra ...string) []string {
	end := time.Now().UTC().Truncate(time.Hour).Add(-2 * time.Hour)
	start := end.Add(-3 * 24 * time.Hour)
	return append([]string{"-interval", start.Format(time.RFC3339) + "/" + end.Format(time.RFC3339),
		"-mode", "query", "-fake-conversations", "2000", "-out", filepath.Join(dir, "out.jsonl")}, extra...)
}

func countLines(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	n := int64(0)
	for sc := bufio.NewScanner(f); sc.Scan(); {
		n++
	}
	return n
}

// checkNotifications asserts one export.batch.completed per batch, numbered
// 1..n with ids derived from the export and the number, their counts
// summing to the conversations written, then export.completed.
func checkNotifications(t *testing.T, events []webhook.Event, outFile string) {
	t.Helper()
	require.GreaterOrEqual(t, len(events), 3, "at least two batches and the completion")
	last := events[len(events)-1]
	require.Equal(t, webhook.TypeExportCompleted, last.Type())
	done := last.Data.(webhook.ExportCompleted)
	abs, err := filepath.Abs(outFile)
	require.NoError(t, err)

	total := int64(0)
	for i, ev := range events[:len(events)-1] {
		require.Equal(t, webhook.TypeBatchCompleted, ev.Type(), "event %d", i)
		b := ev.Data.(webhook.BatchCompleted)
		assert.Equal(t, int64(i+1), b.Sequence, "batches in order, numbered from 1")
		assert.Equal(t, done.ExportID, b.ExportID)
		assert.Equal(t, webhook.IDFor(b.ExportID, "batch", strconv.FormatInt(b.Sequence, 10)), ev.ID, "deterministic id")
		assert.Positive(t, b.Conversations)
		assert.NotEmpty(t, b.FirstConversationID)
		assert.NotEmpty(t, b.LastConversationID)
		assert.Contains(t, b.Checkpoint, `"batches":`+strconv.FormatInt(b.Sequence, 10)+",", "the checkpoint made durable with the batch")
		assert.Equal(t, abs, b.Location)
		total += b.Conversations
	}
	lines := countLines(t, outFile)
	assert.Equal(t, lines, total, "batch counts sum to the conversations exported")
	assert.Equal(t, lines, done.Conversations)
	assert.Equal(t, int64(len(events)-1), done.Batches)
	assert.True(t, strings.HasPrefix(done.ExportID, "exp_"))
	assert.Equal(t, webhook.IDFor(done.ExportID, "completed"), last.ID)
}

// TestWebhookNotifications runs the program on the embedded fake with
// -webhook pointing at a verifying receiver.
func TestWebhookNotifications(t *testing.T) {
	t.Parallel()
	secret, err := webhook.GenerateSecret()
	require.NoError(t, err)
	env := envOf(map[string]string{webhookSecretEnv: secret})
	dir := t.TempDir()
	rcv := newReceiver(t, secret)
	args := exportArgs(dir, "-webhook", rcv.url)

	var stderr bytes.Buffer
	require.Equal(t, 0, run(t.Context(), args, &stderr, env), stderr.String())
	assert.NotContains(t, stderr.String(), "webhook:", "nothing to report: all delivered")
	events := rcv.received()
	checkNotifications(t, events, filepath.Join(dir, "out.jsonl"))
	entries, err := os.ReadDir(filepath.Join(dir, "out.jsonl.webhook-outbox"))
	require.NoError(t, err)
	assert.Empty(t, entries, "delivered notifications leave the outbox")

	// The same command again: the export is complete already, and its
	// export.completed is sent again with the same id (deduplicated).
	stderr.Reset()
	require.Equal(t, 0, run(t.Context(), args, &stderr, env), stderr.String())
	assert.Contains(t, stderr.String(), "already complete")
	assert.Equal(t, events, rcv.received())
}

// TestWebhookOutboxSurvives: with the receiver down, the export still
// succeeds, says what is undelivered and keeps it in the outbox; the next
// run delivers it.
func TestWebhookOutboxSurvives(t *testing.T) {
	t.Parallel()
	secret, err := webhook.GenerateSecret()
	require.NoError(t, err)
	env := envOf(map[string]string{webhookSecretEnv: secret})
	dir := t.TempDir()
	rcv := newReceiver(t, secret)
	rcv.down.Store(true)
	args := exportArgs(dir, "-webhook", rcv.url, "-webhook-timeout", "100ms")

	var stderr bytes.Buffer
	require.Equal(t, 0, run(t.Context(), args, &stderr, env), stderr.String())
	assert.Contains(t, stderr.String(), "notifications not delivered yet")
	assert.Contains(t, stderr.String(), "the next run with -webhook sends them")
	assert.Positive(t, rcv.requests.Load())
	assert.Empty(t, rcv.received())
	entries, err := os.ReadDir(filepath.Join(dir, "out.jsonl.webhook-outbox"))
	require.NoError(t, err)
	assert.NotEmpty(t, entries)

	rcv.down.Store(false)
	stderr.Reset()
	require.Equal(t, 0, run(t.Context(), exportArgs(dir, "-webhook", rcv.url), &stderr, env), stderr.String())
	assert.Contains(t, stderr.String(), "already complete")
	checkNotifications(t, rcv.received(), filepath.Join(dir, "out.jsonl"))
}

// TestWebhookFailsBeforeAnyRequest: a bad -webhook or secret stops the
// program with one line naming the flag or variable, before any request to
// the API or the endpoint, and never shows the secret.
func TestWebhookFailsBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	good, err := webhook.GenerateSecret()
	require.NoError(t, err)
	var apiRequests atomic.Int64
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		apiRequests.Add(1)
		http.Error(w, "no", http.StatusUnauthorized)
	}))
	t.Cleanup(api.Close)
	rcv := newReceiver(t, good)

	const unset = "\x00unset"
	for _, tt := range []struct {
		name, secret, url string
		extra             []string
		want              string
	}{
		{"missing secret", unset, rcv.url, nil, "GENESYS_WEBHOOK_SECRET is not set"},
		{"blank secret", " , ", rcv.url, nil, "GENESYS_WEBHOOK_SECRET is not set"},
		{"not base64", "whsec_!!notbase64!!", rcv.url, nil, "GENESYS_WEBHOOK_SECRET: "},
		{"no prefix", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0", rcv.url, nil, "GENESYS_WEBHOOK_SECRET: "},
		{"too short", "whsec_c2hvcnQ=", rcv.url, nil, "GENESYS_WEBHOOK_SECRET: "},
		{"one of two bad", good + ",whsec_c2hvcnQ=", rcv.url, nil, "GENESYS_WEBHOOK_SECRET: "},
		{"plain http elsewhere", good, "http://example.com/hooks", nil, "-webhook: "},
		{"not a URL", good, "hooks", nil, "-webhook: "},
		{"timeout", good, rcv.url, []string{"-webhook-timeout", "0s"}, "-webhook-timeout: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			vars := map[string]string{"GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "s", "GENESYS_BASE_URL": api.URL}
			if tt.secret != unset {
				vars[webhookSecretEnv] = tt.secret
			}
			var stderr bytes.Buffer
			args := append([]string{"-out", filepath.Join(t.TempDir(), "out.jsonl"), "-webhook", tt.url}, tt.extra...)
			code := run(t.Context(), args, &stderr, envOf(vars))
			assert.Equal(t, 2, code, stderr.String())
			assert.Contains(t, stderr.String(), tt.want)
			assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line: %s", stderr.String())
			for _, s := range strings.Split(tt.secret, ",") {
				if s = strings.TrimPrefix(strings.TrimSpace(s), "whsec_"); s != "" && tt.secret != unset {
					assert.NotContains(t, stderr.String(), s, "no secret in the message")
				}
			}
		})
	}
	t.Cleanup(func() {
		assert.Zero(t, apiRequests.Load(), "no API request")
		assert.Zero(t, rcv.requests.Load(), "no webhook request")
	})
}

// cancelOnProgress cancels the export at its first progress line (after
// the first durable batch), like a Ctrl-C.
type cancelOnProgress struct {
	bytes.Buffer
	cancel func()
}

func (w *cancelOnProgress) Write(p []byte) (int, error) {
	if bytes.HasPrefix(p, []byte("\r")) {
		w.cancel()
	}
	return w.Buffer.Write(p)
}

// TestWebhookInterruptedAndResumed: an interrupted export sends
// export.failed with its last durable checkpoint; the resumed run keeps the
// export id and continues the batch numbers.
func TestWebhookInterruptedAndResumed(t *testing.T) {
	t.Parallel()
	secret, err := webhook.GenerateSecret()
	require.NoError(t, err)
	env := envOf(map[string]string{webhookSecretEnv: secret})
	dir := t.TempDir()
	rcv := newReceiver(t, secret)
	args := exportArgs(dir, "-webhook", rcv.url, "-concurrency", "1")

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stderr := &cancelOnProgress{cancel: cancel}
	require.Equal(t, 1, run(ctx, args, stderr, env), stderr.String())
	assert.Contains(t, stderr.String(), "interrupted")
	first := rcv.received()
	require.NotEmpty(t, first)
	failed := first[len(first)-1]
	require.Equal(t, webhook.TypeExportFailed, failed.Type())
	f := failed.Data.(webhook.ExportFailed)
	assert.Equal(t, int64(len(first)-1), f.Batches, "one notification per durable batch before the failure")
	assert.Positive(t, f.Conversations)
	assert.Contains(t, f.Checkpoint, `"batches":`+strconv.FormatInt(f.Batches, 10)+",", "the last durable checkpoint")
	assert.Contains(t, f.Error, "context canceled")

	var out bytes.Buffer
	require.Equal(t, 0, run(t.Context(), args, &out, env), out.String())
	var rest []webhook.Event
	for _, ev := range rcv.received() {
		if ev.Type() != webhook.TypeExportFailed {
			rest = append(rest, ev)
		}
	}
	checkNotifications(t, rest, filepath.Join(dir, "out.jsonl"))
	assert.Equal(t, f.ExportID, rest[0].Data.(webhook.BatchCompleted).ExportID, "resume keeps the export id")
}
