package webhook

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeResolver answers from a table and counts lookups.
type fakeResolver map[string][]string

func (f fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	var out []netip.Addr
	for _, s := range f[host] {
		out = append(out, netip.MustParseAddr(s))
	}
	if out == nil {
		return nil, errors.New("no such host")
	}
	return out, nil
}

func TestEndpointRefusedAtConfiguration(t *testing.T) {
	t.Parallel()
	secret := []string{testSecret(t)}
	tests := []struct {
		url  string
		opts []Option
		want error
	}{
		{url: "http://example.com/hook", want: ErrInsecureEndpoint},
		{url: "http://127.0.0.1:9090/", want: ErrForbiddenAddress}, // loopback needs WithAllowLoopback
		{url: "https://localhost/", want: ErrForbiddenAddress},     // by name too
		{url: "https://[::1]/", want: ErrForbiddenAddress},         //
		{url: "https://10.1.2.3/", want: ErrForbiddenAddress},      // RFC 1918
		{url: "https://172.16.0.1/", want: ErrForbiddenAddress},    //
		{url: "https://192.168.1.1/", want: ErrForbiddenAddress},   //
		{url: "https://100.64.0.1/", want: ErrForbiddenAddress},    // CGNAT
		{url: "https://[fc00::1]/", want: ErrForbiddenAddress},     // ULA
		{url: "https://169.254.1.1/", want: ErrForbiddenAddress},   // link-local
		{url: "https://[fe80::1]/", want: ErrForbiddenAddress},     //
		{url: "https://169.254.169.254/", opts: []Option{WithAllowLinkLocal(), WithAllowPrivate()}, want: ErrForbiddenAddress},
		{url: "https://[fd00:ec2::254]/", opts: []Option{WithAllowLinkLocal(), WithAllowPrivate()}, want: ErrForbiddenAddress},
		{url: "https://0.0.0.0/", want: ErrForbiddenAddress},
		{url: "https://[::]/", want: ErrForbiddenAddress},
		{url: "https://224.0.0.1/", want: ErrForbiddenAddress},
		{url: "https://[ff02::1]/", want: ErrForbiddenAddress},
		{url: "https://255.255.255.255/", want: ErrForbiddenAddress},
		{url: "https://[::ffff:10.0.0.1]/", want: ErrForbiddenAddress}, // IPv4-mapped
		{url: "https://[64:ff9b::a00:1]/", want: ErrForbiddenAddress},  // NAT64 of 10.0.0.1
		{url: "http://10.0.0.1/", opts: []Option{WithAllowPrivate()}, want: ErrInsecureEndpoint},
		{url: "ftp://example.com/", want: nil},           // error, but not a sentinel
		{url: "https://user:pw@example.com/", want: nil}, //
		{url: "https:///nohost", want: nil},              //
		{url: "https://example.com/hook"},
		{url: "https://203.0.113.9/hook"},
		{url: "https://10.1.2.3/", opts: []Option{WithAllowPrivate()}},
		{url: "https://169.254.1.1/", opts: []Option{WithAllowLinkLocal()}},
		{url: "http://127.0.0.1:9090/", opts: []Option{WithAllowLoopback()}},
		{url: "http://localhost:9090/", opts: []Option{WithAllowLoopback()}},
		{url: "http://[::1]:9090/", opts: []Option{WithAllowLoopback()}},
		{url: "http://10.0.0.1/", opts: []Option{WithAllowPrivate(), WithAllowHTTP()}},
	}
	for _, tt := range tests {
		s, err := NewSender(tt.url, secret, tt.opts...)
		ok := tt.want == nil && !isBadURL(tt.url)
		if ok {
			if assert.NoError(t, err, tt.url) {
				_, _ = s.Close(t.Context())
			}
			continue
		}
		require.Error(t, err, tt.url)
		assert.Nil(t, s)
		if tt.want != nil {
			assert.ErrorIs(t, err, tt.want, tt.url)
		}
		assert.NotContains(t, err.Error(), "pw", "no user info in errors")
	}
}

func isBadURL(u string) bool {
	return u == "ftp://example.com/" || u == "https://user:pw@example.com/" || u == "https:///nohost"
}

// TestEndpointRefusedAtConnection: names are checked after resolution, on
// every connection, so a name pointing (or re-pointed) at an internal
// address never gets a request.
func TestEndpointRefusedAtConnection(t *testing.T) {
	t.Parallel()
	res := fakeResolver{
		"internal.example": {"10.0.0.5"},
		"meta.example":     {"169.254.169.254"},
		"mixed.example":    {"fd00::1", "127.0.0.1"},
		"localhost":        {"93.184.216.34"}, // a lying resolver
		"rebind.example":   {"127.0.0.1"},
	}
	tests := []struct {
		url  string
		opts []Option
		want error
	}{
		{url: "https://internal.example/hook", want: ErrForbiddenAddress},
		{url: "https://meta.example/hook", opts: []Option{WithAllowLinkLocal()}, want: ErrForbiddenAddress},
		{url: "https://mixed.example/hook", want: ErrForbiddenAddress},
		{url: "https://rebind.example/hook", want: ErrForbiddenAddress},
		{url: "http://localhost:1/hook", opts: []Option{WithAllowLoopback()}, want: ErrInsecureEndpoint},
		{url: "https://nxdomain.example/hook", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			var reps reports
			opts := append([]Option{WithResolver(res), WithRetrySchedule(0), WithObserver(reps.add)}, tt.opts...)
			s, err := NewSender(tt.url, []string{testSecret(t)}, opts...)
			require.NoError(t, err, "a name passes configuration")
			require.NoError(t, s.Send(t.Context(), batchEvent(1)))
			_, err = s.Close(t.Context())
			require.NoError(t, err)
			rs := reps.get()
			require.Len(t, rs, 1)
			assert.Equal(t, OutcomeFailed, rs[0].Outcome)
			assert.Zero(t, rs[0].StatusCode)
			if tt.want != nil {
				assert.ErrorIs(t, rs[0].Err, tt.want)
			} else {
				assert.ErrorContains(t, rs[0].Err, "no such host")
			}
		})
	}
}

func TestDialControl(t *testing.T) {
	t.Parallel()
	p := addrPolicy{}
	ctx := t.Context()
	assert.ErrorIs(t, p.control(ctx, "tcp4", "10.0.0.1:443", nil), ErrForbiddenAddress)
	assert.ErrorIs(t, p.control(ctx, "tcp6", "[fd00:ec2::254]:80", nil), ErrForbiddenAddress)
	assert.ErrorIs(t, p.control(ctx, "udp", "8.8.8.8:53", nil), ErrForbiddenAddress)
	assert.ErrorIs(t, p.control(ctx, "tcp", "nonsense", nil), ErrForbiddenAddress)
	assert.NoError(t, p.control(ctx, "tcp4", "203.0.113.9:443", nil))
	assert.ErrorIs(t, addrPolicy{httpOnlyLoopback: true}.control(ctx, "tcp", "203.0.113.9:80", nil), ErrInsecureEndpoint)
	assert.NoError(t, addrPolicy{loopback: true, httpOnlyLoopback: true}.control(ctx, "tcp", "127.0.0.1:80", nil))

	// The dialer refuses before connecting; with a real loopback listener
	// refused, no connection is attempted.
	d := newDialer(addrPolicy{}, fakeResolver{"x.example": {"127.0.0.1"}})
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := d.DialContext(ctx, "tcp", "x.example:443")
	assert.ErrorIs(t, err, ErrForbiddenAddress)
}
