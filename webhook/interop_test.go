package webhook

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference library checks timestamps against time.Now, so these tests
// sign with the real clock; nothing waits.

func TestInteropReferenceVerifiesOurs(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	old := testSecret(t)
	ref, err := standardwebhooks.NewWebhook(secret)
	require.NoError(t, err)

	body := []byte(`{"type":"export.completed","version":1}`)
	now := time.Now()
	sig, err := Sign([]string{old, secret}, "msg_interop", now, body)
	require.NoError(t, err)
	h := http.Header{}
	h.Set(HeaderID, "msg_interop")
	h.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	h.Set(HeaderSignature, sig)
	assert.NoError(t, ref.Verify(body, h))

	h.Set(HeaderID, "msg_other")
	assert.ErrorIs(t, ref.Verify(body, h), standardwebhooks.ErrNoMatchingSignature)
}

func TestInteropReferenceVerifiesSender(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	ref, err := standardwebhooks.NewWebhook(secret)
	require.NoError(t, err)
	verified := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		verified <- ref.Verify(body, r.Header)
	}))
	t.Cleanup(srv.Close)

	s, err := NewSender(srv.URL, []string{secret}, WithAllowLoopback())
	require.NoError(t, err)
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	left, err := s.Close(t.Context())
	require.NoError(t, err)
	assert.Empty(t, left)
	assert.NoError(t, <-verified)
}

func TestInteropWeVerifyReference(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	ref, err := standardwebhooks.NewWebhook(secret)
	require.NoError(t, err)
	ev := batchEvent(3)
	body, err := ev.MarshalJSON()
	require.NoError(t, err)
	ts := time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)
	sig, err := ref.Sign("msg_ref", ts, body)
	require.NoError(t, err)

	h := http.Header{}
	h.Set(HeaderID, "msg_ref")
	h.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	h.Set(HeaderSignature, sig)
	m, err := Verify([]string{testSecret(t), secret}, h, body, WithVerifierClock(fixed(ts.Add(time.Minute))))
	require.NoError(t, err)
	assert.Equal(t, "msg_ref", m.ID)

	// And the reference signs the published vector the same way we do.
	vref, err := standardwebhooks.NewWebhook(vectorSecret)
	require.NoError(t, err)
	got, err := vref.Sign(vectorID, vectorTime, []byte(vectorBody))
	require.NoError(t, err)
	assert.Equal(t, vectorSig, got)
}
