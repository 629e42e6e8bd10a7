package webhook

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSignVector(t *testing.T) {
	t.Parallel()
	got, err := Sign([]string{vectorSecret}, vectorID, vectorTime, []byte(vectorBody))
	require.NoError(t, err)
	assert.Equal(t, vectorSig, got)

	m, err := Verify([]string{vectorSecret}, vectorHeader(), []byte(vectorBody), WithVerifierClock(fixed(vectorTime)))
	require.NoError(t, err)
	assert.Equal(t, Verified{ID: vectorID, Timestamp: vectorTime}, m)
}

// flip changes the character at i to another one of the same kind.
func flip(s string, i int) string {
	c := s[i]
	r := byte('A')
	if c == 'A' {
		r = 'B'
	}
	return s[:i] + string(r) + s[i+1:]
}

func TestVerifyVectorNegatives(t *testing.T) {
	t.Parallel()
	other := "whsec_" + strings.Repeat("QUFB", 8) // 24 bytes of 'A'
	tests := []struct {
		name    string
		edit    func(h http.Header) http.Header
		body    string
		secrets []string
		want    error
	}{
		{name: "signature char changed", edit: set(HeaderSignature, flip(vectorSig, 10)), want: ErrInvalidSignature},
		{name: "signature last char changed", edit: set(HeaderSignature, flip(vectorSig, len(vectorSig)-2)), want: ErrInvalidSignature},
		{name: "body changed", body: `{"test": 2432232315}`, want: ErrInvalidSignature},
		{name: "body with trailing newline", body: vectorBody + "\n", want: ErrInvalidSignature},
		{name: "id changed", edit: set(HeaderID, flip(vectorID, 5)), want: ErrInvalidSignature},
		{name: "timestamp changed", edit: set(HeaderTimestamp, "1614265331"), want: ErrInvalidSignature},
		{name: "timestamp with leading zero", edit: set(HeaderTimestamp, "01614265330"), want: ErrInvalidTimestamp},
		{name: "timestamp with plus", edit: set(HeaderTimestamp, "+1614265330"), want: ErrInvalidTimestamp},
		{name: "timestamp not a number", edit: set(HeaderTimestamp, "soon"), want: ErrInvalidTimestamp},
		{name: "timestamp negative", edit: set(HeaderTimestamp, "-1"), want: ErrInvalidTimestamp},
		{name: "v1 comma alone", edit: set(HeaderSignature, "v1,"), want: ErrInvalidSignature},
		{name: "no comma", edit: set(HeaderSignature, "v1"), want: ErrInvalidSignature},
		{name: "unknown version only", edit: set(HeaderSignature, strings.Replace(vectorSig, "v1,", "v2,", 1)), want: ErrInvalidSignature},
		{name: "v1a with the right mac", edit: set(HeaderSignature, strings.Replace(vectorSig, "v1,", "v1a,", 1)), want: ErrInvalidSignature},
		{name: "mixed bad, unknown version and good", edit: set(HeaderSignature,
			"v1,"+strings.Repeat("A", 43)+"= v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== v2,xyz garbage "+vectorSig)},
		{name: "good signature in a second header line", edit: func(h http.Header) http.Header {
			h.Set(HeaderSignature, "v1,bad")
			h.Add(HeaderSignature, vectorSig)
			return h
		}},
		{name: "extra spaces", edit: set(HeaderSignature, "  "+vectorSig+"   ")},
		{name: "rotation: old and new secret", secrets: []string{other, vectorSecret}},
		{name: "wrong secret", secrets: []string{other}, want: ErrInvalidSignature},
		{name: "missing id", edit: del(HeaderID), want: ErrMissingHeaders},
		{name: "missing timestamp", edit: del(HeaderTimestamp), want: ErrMissingHeaders},
		{name: "missing signature", edit: del(HeaderSignature), want: ErrMissingHeaders},
		{name: "empty signature", edit: set(HeaderSignature, ""), want: ErrMissingHeaders},
		{name: "secret without prefix", secrets: []string{strings.TrimPrefix(vectorSecret, "whsec_")}, want: ErrInvalidSecret},
		{name: "secret not base64", secrets: []string{"whsec_not*base64"}, want: ErrInvalidSecret},
		{name: "secret too short", secrets: []string{"whsec_" + strings.Repeat("QUFB", 7)}, want: ErrInvalidSecret},
		{name: "secret too long", secrets: []string{"whsec_" + strings.Repeat("QUFB", 22)}, want: ErrInvalidSecret},
		{name: "no secret", secrets: []string{}, want: ErrInvalidSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := vectorHeader()
			if tt.edit != nil {
				h = tt.edit(h)
			}
			body := vectorBody
			if tt.body != "" {
				body = tt.body
			}
			secrets := []string{vectorSecret}
			if tt.secrets != nil {
				secrets = tt.secrets
			}
			m, err := Verify(secrets, h, []byte(body), WithVerifierClock(fixed(vectorTime)))
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, vectorID, m.ID)
				return
			}
			require.ErrorIs(t, err, tt.want)
			assert.Zero(t, m)
			assert.NotContains(t, err.Error(), "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "errors never hold a secret")
		})
	}
}

func set(k, v string) func(http.Header) http.Header {
	return func(h http.Header) http.Header { h.Set(k, v); return h }
}

func del(k string) func(http.Header) http.Header {
	return func(h http.Header) http.Header { h.Del(k); return h }
}

func TestVerifyToleranceEdges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		now  time.Time
		tol  time.Duration
		want error
	}{
		{name: "exact", now: vectorTime},
		{name: "exactly tolerance later", now: vectorTime.Add(DefaultTolerance)},
		{name: "exactly tolerance earlier", now: vectorTime.Add(-DefaultTolerance)},
		{name: "one second too late", now: vectorTime.Add(DefaultTolerance + time.Second), want: ErrTimestampTooOld},
		{name: "one nanosecond too late", now: vectorTime.Add(DefaultTolerance + 1), want: ErrTimestampTooOld},
		{name: "one second too early", now: vectorTime.Add(-DefaultTolerance - time.Second), want: ErrTimestampTooNew},
		{name: "custom tolerance edge", now: vectorTime.Add(time.Minute), tol: time.Minute},
		{name: "custom tolerance passed", now: vectorTime.Add(time.Minute + time.Second), tol: time.Minute, want: ErrTimestampTooOld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := []VerifierOption{WithVerifierClock(fixed(tt.now))}
			if tt.tol > 0 {
				opts = append(opts, WithTolerance(tt.tol))
			}
			_, err := Verify([]string{vectorSecret}, vectorHeader(), []byte(vectorBody), opts...)
			if tt.want == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}
}

func TestVerifierReplayCache(t *testing.T) {
	t.Parallel()
	now := vectorTime
	v, err := NewVerifier([]string{vectorSecret}, WithReplayCache(2), WithVerifierClock(func() time.Time { return now }))
	require.NoError(t, err)
	_, err = v.Verify(vectorHeader(), []byte(vectorBody))
	require.NoError(t, err)
	_, err = v.Verify(vectorHeader(), []byte(vectorBody))
	assert.ErrorIs(t, err, ErrReplayed)

	// Expired: the entry lives until timestamp + tolerance; after that the
	// timestamp check would reject the replay anyway.
	c := newReplayCache(2)
	assert.True(t, c.add("a", now.Add(time.Minute), now))
	assert.False(t, c.add("a", now.Add(time.Minute), now.Add(time.Minute)), "still remembered at its expiry")
	assert.True(t, c.add("a", now.Add(3*time.Minute), now.Add(time.Minute+1)), "expired")
	// Bounded: the oldest entry goes when full.
	assert.True(t, c.add("b", now.Add(time.Hour), now))
	assert.True(t, c.add("c", now.Add(time.Hour), now))
	assert.LessOrEqual(t, len(c.order), 2)
	assert.LessOrEqual(t, len(c.until), 2)
	assert.True(t, c.seen("c", now))
}

func TestOptionErrors(t *testing.T) {
	t.Parallel()
	_, err := NewVerifier([]string{"nope", vectorSecret, "whsec_???"}, WithTolerance(0), WithReplayCache(-1), WithMaxBodyBytes(0))
	require.Error(t, err)
	for _, want := range []string{"secret 0", "secret 2", "WithTolerance", "WithReplayCache", "WithMaxBodyBytes"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.ErrorIs(t, err, ErrInvalidSecret)
}

func TestSecretNeverPrints(t *testing.T) {
	t.Parallel()
	k, err := parseSecret(vectorSecret)
	require.NoError(t, err)
	var sb strings.Builder
	slog.New(slog.NewTextHandler(&sb, nil)).Info("x", "key", k)
	for _, s := range []string{fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s %x %q", k, k, k, k, k, k), sb.String()} {
		assert.NotContains(t, s, fmt.Sprintf("%x", []byte(k)))
		assert.NotContains(t, s, fmt.Sprint([]byte(k)))
		assert.NotContains(t, s, "MfKQ")
		assert.Contains(t, s, "REDACTED")
	}
	v, err := NewVerifier([]string{vectorSecret})
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%+v %#v", v, v), "MfKQ")
}

func TestGenerateSecret(t *testing.T) {
	t.Parallel()
	a, err := GenerateSecret()
	require.NoError(t, err)
	b, err := GenerateSecret()
	require.NoError(t, err)
	assert.NotEqual(t, a, b)
	k, err := parseSecret(a)
	require.NoError(t, err)
	assert.Len(t, k, 32)
}

func TestParseSignatureHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []sigEntry
	}{
		{"", nil},
		{"v1,abc", []sigEntry{{"v1", "abc"}}},
		{"v1,abc v1a,def", []sigEntry{{"v1", "abc"}, {"v1a", "def"}}},
		{"nocomma v1,x", []sigEntry{{"v1", "x"}}},
		{"v1,", []sigEntry{{"v1", ""}}},
		{",x", []sigEntry{{"", "x"}}},
		{"v1,a,b", []sigEntry{{"v1", "a,b"}}},
		{"\tv1,a \t v2,b\n", []sigEntry{{"v1", "a"}, {"v2", "b"}}},
		{strings.Repeat("v1,a ", 40), func() []sigEntry {
			out := make([]sigEntry, maxSignatures)
			for i := range out {
				out[i] = sigEntry{"v1", "a"}
			}
			return out
		}()},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, parseSignatureHeader(tt.in), "%q", tt.in)
	}
}
