package genesystest

import (
	"runtime"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// Server must stop everything it starts (pending fault delays, handlers)
// when Close returns, and the clients of the tests must not leave requests
// running.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// Idle keep-alive connections of http.DefaultTransport, used by
		// tests that talk to a server with a plain http.Client.
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"),
	)
}

// TestCloseEndsFaultDelays checks that Close ends a request held by a
// fault delay at once, and leaves no goroutine behind (TestMain checks).
func TestCloseEndsFaultDelays(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	s := NewServer(WithConversations(10), WithRules(Rule{Action: DelayHeaders, Delay: 3600e9, Times: -1}))
	c := s.Client()
	done := make(chan error, 1)
	go func() {
		resp, err := c.Get(s.URL() + "/api/v2/analytics/conversations/details/jobs/availability")
		if err == nil {
			_ = resp.Body.Close()
		}
		done <- err
	}()
	// Wait until the request is being held, without sleeping: the rule has
	// seen it once it is in the server (Requests logs it only at the end).
	for {
		s.mu.Lock()
		seen := len(s.rules) > 0 && s.rules[0].fired > 0
		s.mu.Unlock()
		if seen {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("the request ended before it was held: %v", err)
		default:
		}
		runtime.Gosched()
	}
	s.Close()
	if err := <-done; err == nil {
		t.Fatal("the held request got a response; want a closed connection")
	}
	c.CloseIdleConnections()
}
