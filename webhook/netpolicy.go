package webhook

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
)

// ErrForbiddenAddress means the endpoint is, or resolved to, an address the
// sender refuses to connect to (see [NewSender]).
var ErrForbiddenAddress = errors.New("webhook: forbidden destination address")

// ErrInsecureEndpoint means the endpoint is plain http:// to a host that is
// not loopback, without [WithAllowHTTP].
var ErrInsecureEndpoint = errors.New("webhook: endpoint is not https")

// Resolver looks up a host's addresses; *net.Resolver implements it.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// addrPolicy says which destination addresses a sender may connect to.
type addrPolicy struct {
	loopback, private, linkLocal bool
	httpOnlyLoopback             bool // plain http endpoint: only loopback destinations
}

// isMetadata reports whether a is a cloud metadata endpoint; these are
// refused even when link-local or private addresses are allowed.
func isMetadata(a netip.Addr) bool {
	switch a {
	case netip.AddrFrom4([4]byte{169, 254, 169, 254}), // AWS, GCP, Azure, OpenStack, ...
		netip.AddrFrom4([4]byte{169, 254, 170, 2}),                             // AWS ECS task metadata
		netip.AddrFrom4([4]byte{100, 100, 100, 200}),                           // Alibaba Cloud
		netip.AddrFrom16([16]byte{0xfd, 0x00, 0x0e, 0xc2, 14: 0x02, 15: 0x54}), // AWS IPv6, fd00:ec2::254
		netip.AddrFrom16([16]byte{0xfd, 0x00, 0x0e, 0xc2, 14: 0x00, 15: 0x23}): // AWS IPv6 DNS, fd00:ec2::23
		return true
	}
	return false
}

// Special IPv4 ranges netip has no predicate for.
func isSharedSpace(b [4]byte) bool { return b[0] == 100 && b[1]&0xC0 == 64 } // 100.64.0.0/10, carrier-grade NAT
func isThisNetwork(b [4]byte) bool { return b[0] == 0 }                      // 0.0.0.0/8
func isBenchmark(b [4]byte) bool   { return b[0] == 198 && b[1]&0xFE == 18 } // 198.18.0.0/15

// fromNAT64 returns the IPv4 address a 64:ff9b::/96 address carries.
func fromNAT64(a netip.Addr) (netip.Addr, bool) {
	b := a.As16()
	if !a.Is6() || [12]byte(b[:12]) != [12]byte{0, 0x64, 0xff, 0x9b} {
		return a, false
	}
	return netip.AddrFrom4([4]byte(b[12:])), true
}

// check returns nil when the policy allows connecting to a.
func (p addrPolicy) check(a netip.Addr) error {
	a = a.Unmap().WithZone("")
	if v4, ok := fromNAT64(a); ok { // judge the IPv4 address a NAT64 prefix carries
		a = v4
	}
	var b4 [4]byte
	if a.Is4() {
		b4 = a.As4()
	}
	bad := func(kind string) error {
		return fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, a, kind)
	}
	switch {
	case isMetadata(a):
		return bad("a cloud metadata address")
	case !a.IsValid():
		return bad("invalid")
	case a.IsUnspecified() || (a.Is4() && isThisNetwork(b4)):
		return bad("unspecified")
	case a.IsMulticast() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return bad("multicast or broadcast")
	case a.IsLoopback():
		if !p.loopback {
			return bad("loopback (see WithAllowLoopback)")
		}
		return nil // plain http is fine to loopback
	case a.IsLinkLocalUnicast():
		if !p.linkLocal {
			return bad("link-local (see WithAllowLinkLocal)")
		}
	case a.IsPrivate() || (a.Is4() && (isSharedSpace(b4) || isBenchmark(b4))):
		if !p.private {
			return bad("private (see WithAllowPrivate)")
		}
	}
	if p.httpOnlyLoopback {
		return fmt.Errorf("%w: plain http to %s, which is not loopback (see WithAllowHTTP)", ErrInsecureEndpoint, a)
	}
	return nil
}

// control is a net.Dialer ControlContext: it checks the address the socket
// is about to connect to, after any DNS resolution, so a name that resolves
// (or re-resolves) to a forbidden address is refused at connection time.
func (p addrPolicy) control(_ context.Context, network, address string, _ syscall.RawConn) error {
	if !strings.HasPrefix(network, "tcp") {
		return fmt.Errorf("%w: network %s", ErrForbiddenAddress, network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrForbiddenAddress, err)
	}
	return p.check(ap.Addr())
}

// dialer connects only to addresses the policy allows. It resolves the
// host itself (through an injectable Resolver), checks every address, and
// dials the checked IP literally; the Dialer's Control checks again right
// before connecting.
type dialer struct {
	policy   addrPolicy
	resolver Resolver
	dial     net.Dialer
}

func newDialer(p addrPolicy, r Resolver) *dialer {
	d := &dialer{policy: p, resolver: r}
	d.dial.ControlContext = p.control
	return d
}

func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = d.resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, fmt.Errorf("webhook: resolve %s: %w", host, err)
		}
		if len(addrs) == 0 {
			return nil, fmt.Errorf("webhook: resolve %s: no addresses", host)
		}
	}
	var errs []error
	for _, a := range addrs {
		if err := d.policy.check(a); err != nil {
			errs = append(errs, err)
			continue
		}
		c, err := d.dial.DialContext(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}
