package genesys

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRedaction(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Header.Get("Authorization") == "Bearer tok-1":
			status(401)(w, r)
		case r.URL.Path == "/busy":
			status(503)(w, r)
		case r.URL.Path == "/reset":
			reset(w, r)
		default:
			ok(w, r)
		}
	})
	var logs syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, _ := newTestClient(t, s, WithLogger(logger))

	var texts []string
	for _, r := range []Request{
		{Path: "/ok"}, {Path: "/busy"}, {Method: "POST", Path: "/reset", Body: map[string]string{"k": "v"}},
		{Method: "POST", Path: "/reset", NoRetryAmbiguous: true},
	} {
		_, err := c.Do(t.Context(), r, nil)
		if err != nil {
			texts = append(texts, err.Error(), fmt.Sprintf("%v|%+v|%#v", err, err, err))
		}
	}
	// A failing token endpoint echoing the request back.
	bad := newServer(t, ok)
	bad.token = func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(401)
		_, _ = fmt.Fprintf(w, `{"error":"invalid_client","echo":%q}`, r.Header.Get("Authorization"))
	}
	bc, _ := newTestClient(t, bad, WithLogger(logger))
	_, err := bc.Do(t.Context(), Request{Path: "/x"}, nil)
	require.Error(t, err)
	texts = append(texts, err.Error(), fmt.Sprintf("%v|%+v|%#v", err, err, err))

	texts = append(texts,
		fmt.Sprintf("%v %+v %#v %s", c, c, c, c),
		fmt.Sprintf("%v %+v %#v", *c, *c, *c),
		fmt.Sprintf("%v %+v %#v %s %q %x", secret(testSecret), secret(testSecret), secret(testSecret), secret(testSecret), secret(testSecret), secret(testSecret)),
		c.String(), c.GoString(),
	)
	cfg := &config{clientSecret: secret(testSecret), clientID: testID}
	texts = append(texts, fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
	var sb strings.Builder
	slog.New(slog.NewTextHandler(&sb, nil)).Info("x", "secret", secret(testSecret))
	texts = append(texts, sb.String())

	all := logs.String() + strings.Join(texts, "\n")
	require.Contains(t, logs.String(), `"correlation_id"`, "the scenario produced audit records")
	require.Contains(t, logs.String(), "retryablehttp", "retryablehttp logs through slog")
	basic := base64.StdEncoding.EncodeToString([]byte(testID + ":" + testSecret))
	for _, leak := range []string{testSecret, "tok-1", "tok-2", basic, "Bearer", "Basic "} {
		assert.NotContains(t, all, leak)
	}
	assert.Contains(t, all, "REDACTED")
}
