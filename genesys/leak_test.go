package genesys

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestNoGoroutineLeak is not parallel: goleak compares against the
// goroutines present when it starts.
func TestNoGoroutineLeak(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	s := newServer(t, sequence(status(503), reset, status(401), ok, status(404), func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	c, _ := newTestClient(t, s, WithAttemptTimeout(20*time.Millisecond), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	for range 6 {
		_, _ = c.Do(t.Context(), Request{Method: "POST", Path: "/x"}, nil)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := c.Do(ctx, Request{Path: "/x"}, nil)
	require.Error(t, err)
	c.CloseIdleConnections()
	s.CloseClientConnections()
	s.Close()
}
