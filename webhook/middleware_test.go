package webhook

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signedRequest builds a request the way the sender does.
func signedRequest(t *testing.T, secret, id string, ts time.Time, body []byte) *http.Request {
	t.Helper()
	r := httptest.NewRequestWithContext(t.Context(), http.MethodPost, "/hook", bytes.NewReader(body))
	sig, err := Sign([]string{secret}, id, ts, body)
	require.NoError(t, err)
	r.Header.Set(HeaderID, id)
	r.Header.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	r.Header.Set(HeaderSignature, sig)
	return r
}

func TestMiddleware(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	now := time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)
	body, err := batchEvent(4).MarshalJSON()
	require.NoError(t, err)

	tests := []struct {
		name   string
		req    func() *http.Request
		status int
		called bool
	}{
		{name: "ok", req: func() *http.Request { return signedRequest(t, secret, "msg_1", now, body) }, status: 202, called: true},
		{name: "GET", req: func() *http.Request {
			r := signedRequest(t, secret, "msg_1", now, body)
			r.Method = http.MethodGet
			return r
		}, status: 405},
		{name: "missing headers", req: func() *http.Request {
			r := signedRequest(t, secret, "msg_1", now, body)
			r.Header.Del(HeaderSignature)
			return r
		}, status: 400},
		{name: "wrong secret", req: func() *http.Request { return signedRequest(t, testSecret(t), "msg_1", now, body) }, status: 401},
		{name: "too old", req: func() *http.Request { return signedRequest(t, secret, "msg_1", now.Add(-time.Hour), body) }, status: 401},
		{name: "too large", req: func() *http.Request {
			return signedRequest(t, secret, "msg_1", now, append(body, bytes.Repeat([]byte(" "), 2048)...))
		}, status: 413},
		{name: "not a payload", req: func() *http.Request { return signedRequest(t, secret, "msg_1", now, []byte(`{"hello":1}`)) }, status: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := NewVerifier([]string{secret}, WithVerifierClock(fixed(now)), WithMaxBodyBytes(1024))
			require.NoError(t, err)
			called := false
			h := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				called = true
				ev, ok := EventFromContext(r.Context())
				require.True(t, ok)
				assert.Equal(t, "msg_1", ev.ID)
				assert.Equal(t, int64(4), ev.Data.(BatchCompleted).Sequence)
				again, err := io.ReadAll(r.Body)
				require.NoError(t, err)
				assert.Equal(t, body, again, "the body is readable again")
				w.WriteHeader(http.StatusAccepted)
			}))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.req())
			assert.Equal(t, tt.status, w.Code, w.Body.String())
			assert.Equal(t, tt.called, called)
		})
	}
}

func TestMiddlewareReplay(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	now := time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)
	body, err := batchEvent(1).MarshalJSON()
	require.NoError(t, err)
	v, err := NewVerifier([]string{secret}, WithVerifierClock(fixed(now)), WithReplayCache(100))
	require.NoError(t, err)
	var calls atomic.Int32
	fail := atomic.Bool{}
	fail.Store(true)
	h := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if fail.Load() {
			http.Error(w, "database down", http.StatusInternalServerError)
		}
	}))
	serve := func() int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(t, secret, "msg_r", now, body))
		return w.Code
	}
	assert.Equal(t, 500, serve())
	fail.Store(false)
	assert.Equal(t, 200, serve(), "a failed delivery is not remembered: the retry is processed")
	assert.Equal(t, 200, serve(), "a replay of an accepted id is acknowledged")
	assert.Equal(t, int32(2), calls.Load(), "but not processed again")
}

func TestDefaultErrorStatus(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 401, DefaultErrorStatus(ErrInvalidSignature))
	assert.Equal(t, 401, DefaultErrorStatus(ErrTimestampTooNew))
	assert.Equal(t, 400, DefaultErrorStatus(ErrMissingHeaders))
	assert.Equal(t, 400, DefaultErrorStatus(ErrInvalidPayload))
	assert.Equal(t, 200, DefaultErrorStatus(ErrReplayed))
	assert.Equal(t, 413, DefaultErrorStatus(ErrBodyTooLarge))

	v, err := NewVerifier([]string{vectorSecret}, WithErrorStatus(func(error) int { return 418 }))
	require.NoError(t, err)
	w := httptest.NewRecorder()
	v.Middleware(http.NotFoundHandler()).ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}")))
	assert.Equal(t, 418, w.Code)
}
