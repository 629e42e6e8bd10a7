package genesys

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookupRegion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"us_east_1", "https://api.mypurecloud.com"},
		{"us-east-1", "https://api.mypurecloud.com"},
		{"US-EAST-1", "https://api.mypurecloud.com"},
		{"mypurecloud.com", "https://api.mypurecloud.com"},
		{"usw2.pure.cloud", "https://api.usw2.pure.cloud"},
		{"api.usw2.pure.cloud", "https://api.usw2.pure.cloud"},
		{"login.usw2.pure.cloud", "https://api.usw2.pure.cloud"},
		{"https://api.mypurecloud.com.au/", "https://api.mypurecloud.com.au"},
		{"mypurecloud.com.au", "https://api.mypurecloud.com.au"},
		{"us_east_2", "https://api.use2.us-gov-pure.cloud"},
		{"ap-southeast-1", "https://api.apse1.pure.cloud"},
		{"eu_central_2", "https://api.euc2.pure.cloud"},
		{" eu-west-1 ", "https://api.mypurecloud.ie"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, ok := lookupRegion(tt.in)
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, bad := range []string{"", "us_east_9", "pure.cloud", "example.com", "api.example.com", "us east 1"} {
		_, ok := lookupRegion(bad)
		assert.False(t, ok, bad)
	}
}

func TestRegionsAll17(t *testing.T) {
	t.Parallel()
	names := Regions()
	require.Len(t, names, 17)
	seen := map[string]bool{}
	for _, n := range names {
		u, ok := lookupRegion(n)
		require.True(t, ok, n)
		assert.True(t, strings.HasPrefix(u, "https://api."), u)
		assert.False(t, seen[u], "duplicate base URL %s", u)
		seen[u] = true
		hyphen, ok := lookupRegion(strings.ReplaceAll(n, "_", "-"))
		require.True(t, ok)
		assert.Equal(t, u, hyphen)
		dom, ok := lookupRegion(strings.TrimPrefix(u, "https://api."))
		require.True(t, ok)
		assert.Equal(t, u, dom)
	}
}

func TestDeriveTokenURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, want string }{
		{"https://api.mypurecloud.com", "https://login.mypurecloud.com/oauth/token"},
		{"https://api.usw2.pure.cloud", "https://login.usw2.pure.cloud/oauth/token"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/oauth/token"},
		{"http://localhost:9/prefix", "http://localhost:9/oauth/token"},
		{"https://apix.example.com", "https://apix.example.com/oauth/token"},
		{"http://api.local:81", "http://login.local:81/oauth/token"},
	}
	for _, tt := range tests {
		got, err := deriveTokenURL(tt.base)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, tt.base)
	}
}

func TestNewURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		opts           []Option
		base, tokenURL string
	}{
		{"region", []Option{WithRegion("eu-west-2")}, "https://api.euw2.pure.cloud", "https://login.euw2.pure.cloud/oauth/token"},
		{"base overrides region, either order", []Option{WithBaseURL("http://127.0.0.1:1234/"), WithRegion("us_east_1")}, "http://127.0.0.1:1234", "http://127.0.0.1:1234/oauth/token"},
		{"explicit token URL", []Option{WithRegion("us_east_1"), WithTokenURL("https://sso.example.com/oauth/token")}, "https://api.mypurecloud.com", "https://sso.example.com/oauth/token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := New(t.Context(), append(tt.opts, WithCredentials("id", "secret"))...)
			require.NoError(t, err)
			assert.Equal(t, tt.base, c.BaseURL())
			assert.Equal(t, tt.tokenURL, c.TokenURL())
		})
	}
}

func TestNewJoinsOptionErrors(t *testing.T) {
	t.Parallel()
	_, err := New(t.Context(),
		WithRegion("mars_north_1"),
		WithBaseURL("ftp://x"),
		WithTokenURL("http://user:pw@host/oauth/token"),
		WithCredentials("", ""),
		WithHTTPClient(nil),
		WithLogger(nil),
		WithUserAgent(""),
		WithAttemptTimeout(0),
		WithRetryPolicy(RetryPolicy{MaxAttempts: -1, MinBackoff: 2 * time.Second, MaxBackoff: time.Second}),
		WithObserver(nil),
		WithClock(nil),
		WithMaxResponseBytes(0),
		nil,
	)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		"WithRegion: unknown region \"mars_north_1\"",
		"WithBaseURL: URL \"ftp://x\": scheme must be http or https",
		"WithTokenURL: URL \"http://user:xxxxx@host/oauth/token\": must not carry credentials",
		"WithCredentials: empty client id", "WithCredentials: empty client secret",
		"WithHTTPClient: nil client", "WithLogger: nil logger", "WithUserAgent",
		"WithAttemptTimeout: must be positive", "WithRetryPolicy: negative MaxAttempts",
		"WithRetryPolicy: MinBackoff 2s above MaxBackoff 1s", "WithObserver: nil observer",
		"WithClock: nil clock", "WithMaxResponseBytes", "option 12 is nil",
		"missing credentials", "missing base URL",
	} {
		assert.Contains(t, msg, want)
	}
	assert.NotContains(t, msg, ":pw@")
}

func TestNewRequiresCredentialsAndBase(t *testing.T) {
	t.Parallel()
	_, err := New(t.Context(), WithRegion("us_east_1"))
	require.ErrorContains(t, err, "missing credentials")
	_, err = New(t.Context(), WithCredentials("a", "b"))
	require.ErrorContains(t, err, "missing base URL")
	//nolint:staticcheck // a nil context is the point of the test
	_, err = New(nil, WithCredentials("a", "b"), WithRegion("us_east_1")) //lint:ignore SA1012 testing nil
	require.ErrorContains(t, err, "nil context")
}

func TestRetryPolicyDefaults(t *testing.T) {
	t.Parallel()
	got := RetryPolicy{MaxAttempts: 1}.withDefaults()
	d := DefaultRetryPolicy()
	assert.Equal(t, 1, got.MaxAttempts)
	assert.Equal(t, d.MinBackoff, got.MinBackoff)
	assert.Equal(t, 180*time.Second, got.MaxRetryAfter)
	assert.Equal(t, d.Budget, got.Budget)
}

func envMap(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestEnvOptions(t *testing.T) {
	t.Parallel()
	full := func(extra map[string]string) map[string]string {
		m := map[string]string{EnvClientID: "id", EnvClientSecret: "topsecret-env"}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name      string
		env       map[string]string
		base, tok string
		errs      []string
	}{
		{name: "region name", env: full(map[string]string{EnvRegion: "eu_west_1"}),
			base: "https://api.mypurecloud.ie", tok: "https://login.mypurecloud.ie/oauth/token"},
		{name: "region domain", env: full(map[string]string{EnvRegion: "usw2.pure.cloud"}),
			base: "https://api.usw2.pure.cloud", tok: "https://login.usw2.pure.cloud/oauth/token"},
		{name: "base URL wins", env: full(map[string]string{EnvRegion: "us_east_1", EnvBaseURL: "http://127.0.0.1:9999"}),
			base: "http://127.0.0.1:9999", tok: "http://127.0.0.1:9999/oauth/token"},
		{name: "token URL", env: full(map[string]string{EnvBaseURL: "http://127.0.0.1:9999", EnvTokenURL: "http://127.0.0.1:1/t"}),
			base: "http://127.0.0.1:9999", tok: "http://127.0.0.1:1/t"},
		{name: "nothing", env: map[string]string{},
			errs: []string{EnvClientID + " is not set", EnvClientSecret + " is not set", "neither " + EnvRegion + " nor " + EnvBaseURL}},
		{name: "empty id", env: full(map[string]string{EnvClientID: " ", EnvRegion: "us_east_1"}), errs: []string{EnvClientID + " is not set"}},
		{name: "missing secret", env: map[string]string{EnvClientID: "id", EnvRegion: "us_east_1"}, errs: []string{EnvClientSecret + " is not set"}},
		{name: "bad region", env: full(map[string]string{EnvRegion: "atlantis"}), errs: []string{EnvRegion + ": unknown region \"atlantis\""}},
		{name: "bad base", env: full(map[string]string{EnvBaseURL: "127.0.0.1:80"}), errs: []string{EnvBaseURL + ":"}},
		{name: "bad token URL", env: full(map[string]string{EnvRegion: "us_east_1", EnvTokenURL: "nope"}), errs: []string{EnvTokenURL + ":"}},
		{name: "bad region beside base", env: full(map[string]string{EnvRegion: "x", EnvBaseURL: "http://h"}), errs: []string{EnvRegion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts, err := EnvOptions(envMap(tt.env))
			if len(tt.errs) > 0 {
				require.Error(t, err)
				for _, e := range tt.errs {
					assert.Contains(t, err.Error(), e)
				}
				assert.NotContains(t, err.Error(), "topsecret-env")
				return
			}
			require.NoError(t, err)
			c, err := New(t.Context(), opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.base, c.BaseURL())
			assert.Equal(t, tt.tok, c.TokenURL())
		})
	}
	_, err := EnvOptions(nil)
	require.Error(t, err)
}

func TestHasEnvCredentials(t *testing.T) {
	t.Parallel()
	assert.True(t, HasEnvCredentials(envMap(map[string]string{EnvClientID: "a", EnvClientSecret: "b"})))
	assert.False(t, HasEnvCredentials(envMap(map[string]string{EnvClientID: "a"})))
	assert.False(t, HasEnvCredentials(envMap(map[string]string{EnvClientID: "a", EnvClientSecret: ""})))
	assert.False(t, HasEnvCredentials(nil))
}

func TestSetupContextCancelDoesNotBreakRefresh(t *testing.T) {
	t.Parallel()
	s := newServer(t, ok)
	ctx, cancel := context.WithCancel(t.Context())
	c, err := New(ctx, WithBaseURL(s.URL), WithCredentials(testID, testSecret))
	require.NoError(t, err)
	cancel()
	var out valueOut
	_, err = c.Do(t.Context(), Request{Path: "/api/v2/x"}, &out)
	require.NoError(t, err)
	assert.Equal(t, "ok", out.Value)
}
