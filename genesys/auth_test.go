package genesys

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenReused(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok-1" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		ok(w, r)
	})
	c, _ := newTestClient(t, s)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for range 5 {
		_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, s.tokenReqs.Load())
	assert.EqualValues(t, 15, s.apiReqs.Load())
}

func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	s.expiresIn = 300 // refreshed 60 s early
	c, clk := newTestClient(t, s)
	do := func() {
		_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
		require.NoError(t, err)
	}
	do()
	clk.Advance(230 * time.Second)
	do()
	assert.EqualValues(t, 1, s.tokenReqs.Load(), "still fresh at 230 s")
	clk.Advance(15 * time.Second) // 245 s: inside the last 60 s
	do()
	assert.EqualValues(t, 2, s.tokenReqs.Load())
}

func TestShortLivedTokenRefreshedAtHalfLife(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	s.expiresIn = 10
	c, clk := newTestClient(t, s)
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err)
	_, err = c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, s.tokenReqs.Load(), "a 10 s token is not refetched on every call")
	clk.Advance(6 * time.Second)
	_, err = c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, s.tokenReqs.Load())
}

func TestUnauthorizedSingleFlight(t *testing.T) {
	t.Parallel()
	// tok-1 is rejected (as if revoked); every later token works.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			status(http.StatusUnauthorized)(w, r)
			return
		}
		ok(w, r)
	})
	c, clk := newTestClient(t, s)
	const n = 20
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			var out valueOut
			resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, &out)
			if assert.NoError(t, err) {
				assert.Equal(t, "ok", out.Value)
				assert.LessOrEqual(t, resp.Attempts, 2)
			}
		})
	}
	close(start)
	wg.Wait()
	assert.EqualValues(t, 2, s.tokenReqs.Load(), "one initial token and exactly one refresh")
	assert.Empty(t, clk.Sleeps(), "the 401 retry does not back off")
}

func TestSecondUnauthorizedIsError(t *testing.T) {
	t.Parallel()
	s := newServer(t, status(http.StatusUnauthorized))
	c, _ := newTestClient(t, s)
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Operation: "lookup"}, nil)
	require.ErrorIs(t, err, ErrUnauthorized)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 2, apiErr.Attempts)
	assert.Equal(t, "lookup", apiErr.Operation)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.EqualValues(t, 2, s.tokenReqs.Load())
	assert.EqualValues(t, 2, s.apiReqs.Load())
}

func TestTokenEndpointFailure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		body       string
		tokenReqs  int32
		code, desc string
		unauth     bool
	}{
		{"bad credentials", http.StatusUnauthorized, `{"error":"invalid_client","description":"client not found","error_description":"client not found"}`, 1, "invalid_client", "client not found", true},
		{"description only", http.StatusBadRequest, `{"error":"invalid_request","description":"bad grant"}`, 1, "invalid_request", "bad grant", true},
		{"server down, retried", http.StatusServiceUnavailable, `<html>down</html>`, 4, "", "", false},
		{"forbidden", http.StatusForbidden, `{}`, 1, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t, ok)
			s.token = func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}
			c, _ := newTestClient(t, s)
			_, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Operation: "probe"}, nil)
			var te *TokenError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tt.status, te.StatusCode)
			assert.Equal(t, tt.code, te.Code)
			assert.Equal(t, tt.desc, te.Description)
			assert.Equal(t, tt.unauth, errors.Is(err, ErrUnauthorized))
			assert.Equal(t, tt.tokenReqs, s.tokenReqs.Load())
			assert.EqualValues(t, 0, s.apiReqs.Load(), "no API request without a token")
			assert.Contains(t, err.Error(), "genesys: probe: genesys: token request failed")
			assert.NotContains(t, err.Error(), testSecret)
			assert.NotContains(t, err.Error(), "<html>")
		})
	}
}

func TestTokenEndpointUnreachable(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	c, _ := newTestClient(t, s, WithTokenURL("http://127.0.0.1:1/oauth/token"))
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	var te *TokenError
	require.ErrorAs(t, err, &te)
	assert.Zero(t, te.StatusCode)
	assert.Error(t, te.Err)
	assert.EqualValues(t, 0, s.apiReqs.Load())
}

func TestUnauthorizedRefreshEvents(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			status(http.StatusUnauthorized)(w, r)
			return
		}
		ok(w, r)
	})
	var events []RequestEvent
	c, _ := newTestClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 1}),
		WithObserver(ObserverFunc(func(e RequestEvent) { events = append(events, e) })))
	resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	require.NoError(t, err, "the 401 retry is allowed even with MaxAttempts 1")
	assert.Equal(t, 2, resp.Attempts)
	require.Len(t, events, 2)
	assert.Equal(t, 401, events[0].StatusCode)
	assert.True(t, events[0].Retry)
	assert.Zero(t, events[0].Wait)
	assert.Equal(t, 200, events[1].StatusCode)
}
