package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/interactiondata/gcdata/webhook"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// lines is a writer that hands each complete line to a channel.
type lines struct {
	mu  sync.Mutex
	buf bytes.Buffer
	ch  chan string
}

func newLines() *lines { return &lines{ch: make(chan string, 100)} }

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	for {
		s, err := l.buf.ReadString('\n')
		if err != nil {
			l.buf.WriteString(s)
			return len(p), nil
		}
		l.ch <- strings.TrimSuffix(s, "\n")
	}
}

var urlRE = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// start runs the program and returns its URL and a stop function that
// returns run's error.
func start(t *testing.T, out string, env map[string]string, stderr *lines) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	stdout := newLines()
	done := make(chan error, 1)
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-out", out}, lookup, stdout, stderr) }()
	select {
	case line := <-stdout.ch:
		u := urlRE.FindString(line)
		require.NotEmpty(t, u, line)
		return u, func() error { cancel(); return <-done }
	case err := <-done:
		cancel()
		t.Fatalf("run ended early: %v", err)
		return "", nil
	}
}

func TestReceiverAppendsVerifiedDeliveriesOnce(t *testing.T) {
	t.Parallel()
	secret, err := webhook.GenerateSecret()
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "deliveries.jsonl")
	url, stop := start(t, out, map[string]string{secretEnv: secret}, newLines())

	s, err := webhook.NewSender(url, []string{secret}, webhook.WithAllowLoopback())
	require.NoError(t, err)
	ctx := t.Context()
	require.NoError(t, s.Send(ctx, webhook.Event{ID: "msg_e_1", Data: webhook.BatchCompleted{ExportID: "e", Sequence: 1, Conversations: 10}}))
	require.NoError(t, s.Send(ctx, webhook.Event{ID: "msg_e_done", Data: webhook.ExportCompleted{ExportID: "e", Batches: 1}}))
	left, err := s.Close(ctx)
	require.NoError(t, err)
	require.Empty(t, left)

	// A redelivery of the same id is acknowledged but not written again.
	body, err := webhook.Event{Timestamp: time.Now(), Data: webhook.BatchCompleted{ExportID: "e", Sequence: 1}}.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, post(t, url, secret, "msg_e_1", body))
	// A forged one is refused.
	other, err := webhook.GenerateSecret()
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, post(t, url, other, "msg_forged", body))
	require.NoError(t, stop())

	got := readLines(t, out)
	require.Len(t, got, 2)
	assert.Equal(t, "msg_e_1", got[0]["webhookId"])
	assert.Equal(t, "export.batch.completed", got[0]["type"])
	assert.Equal(t, "msg_e_done", got[1]["webhookId"])
	payload := got[0]["payload"].(map[string]any)
	assert.EqualValues(t, 1, payload["version"])

	// After a restart the file still deduplicates.
	url, stop = start(t, out, map[string]string{secretEnv: "  " + other + ", " + secret}, newLines())
	assert.Equal(t, http.StatusNoContent, post(t, url, secret, "msg_e_done", body))
	assert.Equal(t, http.StatusNoContent, post(t, url, other, "msg_new", body), "rotation: either secret")
	require.NoError(t, stop())
	got = readLines(t, out)
	require.Len(t, got, 3)
	assert.Equal(t, "msg_new", got[2]["webhookId"])
}

func TestReceiverGeneratesSecret(t *testing.T) {
	t.Parallel()
	stderr := newLines()
	out := filepath.Join(t.TempDir(), "d.jsonl")
	url, stop := start(t, out, nil, stderr)
	var secret string
	for secret == "" {
		line := <-stderr.ch
		if v, ok := strings.CutPrefix(line, secretEnv+"="); ok {
			secret = v
		}
	}
	body, err := webhook.Event{Timestamp: time.Now(), Data: webhook.ExportCompleted{ExportID: "e"}}.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, post(t, url, secret, "msg_1", body))
	require.NoError(t, stop())
	assert.Len(t, readLines(t, out), 1)
}

func TestReceiverBadSecret(t *testing.T) {
	t.Parallel()
	err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-out", filepath.Join(t.TempDir(), "x")},
		func(string) (string, bool) { return "not-a-secret", true }, newLines(), newLines())
	require.ErrorIs(t, err, webhook.ErrInvalidSecret)
	assert.NotContains(t, err.Error(), "not-a-secret")
}

func post(t *testing.T, url, secret, id string, body []byte) int {
	t.Helper()
	now := time.Now()
	sig, err := webhook.Sign([]string{secret}, id, now, body)
	require.NoError(t, err)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set(webhook.HeaderID, id)
	req.Header.Set(webhook.HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(webhook.HeaderSignature, sig)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	return resp.StatusCode
}

func readLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		out = append(out, m)
	}
	require.NoError(t, sc.Err())
	return out
}
