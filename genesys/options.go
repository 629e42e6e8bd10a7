package genesys

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults used when an option is not given.
const (
	// DefaultAttemptTimeout bounds one attempt (connect, headers and body),
	// as in the official Go SDK.
	DefaultAttemptTimeout = 16 * time.Second
	// DefaultMaxResponseBytes caps a success body.
	DefaultMaxResponseBytes = 64 << 20
	// maxErrorBodyBytes caps an error body.
	maxErrorBodyBytes = 64 << 10
	// defaultUserAgent is sent when WithUserAgent is not given.
	defaultUserAgent = "gcdata-go"
	// tokenEarly is how long before expiry a token is replaced (at most half
	// its lifetime), as in the official Go SDK.
	tokenEarly = 60 * time.Second
)

// Option configures a [Client] in [New]. Each option checks its input and
// returns an error naming itself.
type Option func(*config) error

// RetryPolicy says when and how long [Client.Do] retries. A zero field means
// its default; negative values are errors.
type RetryPolicy struct {
	// MaxAttempts is the most attempts per request, the first included
	// (default 6; 1 disables retries). The single retry after a 401 with a
	// refreshed token does not count.
	MaxAttempts int
	// MinBackoff is the first backoff (default 250ms); it doubles per retry,
	// with jitter (each wait is drawn from [d/2, d]).
	MinBackoff time.Duration
	// MaxBackoff caps one backoff (default 30s). It does not cap Retry-After.
	MaxBackoff time.Duration
	// MaxRetryAfter is the longest Retry-After honoured (default 180s, as in
	// the official SDK). A response asking for more is returned at once as
	// an [APIError] carrying RetryAfter.
	MaxRetryAfter time.Duration
	// Budget caps the total time spent waiting between attempts of one
	// request (default 5m). A retry whose wait would exceed it is not made;
	// the last response is returned as an [APIError].
	Budget time.Duration
}

// DefaultRetryPolicy returns the policy used when [WithRetryPolicy] is not
// given.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:   6,
		MinBackoff:    250 * time.Millisecond,
		MaxBackoff:    30 * time.Second,
		MaxRetryAfter: 180 * time.Second,
		Budget:        5 * time.Minute,
	}
}

// withDefaults fills zero fields from DefaultRetryPolicy.
func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy()
	if p.MaxAttempts == 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.MinBackoff == 0 {
		p.MinBackoff = d.MinBackoff
	}
	if p.MaxBackoff == 0 {
		p.MaxBackoff = max(d.MaxBackoff, p.MinBackoff)
	}
	if p.MaxRetryAfter == 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	if p.Budget == 0 {
		p.Budget = d.Budget
	}
	return p
}

// Clock is the time seam: the current time (token expiry, HTTP-date
// Retry-After) and the waits between attempts. Tests inject a fake one with
// [WithClock] so no test really sleeps.
type Clock interface {
	Now() time.Time
	// Sleep waits d or until ctx is done, returning ctx's error then.
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock returns the wall clock: time.Now, and a Sleep that waits on a
// timer and returns early (with the context's error) when ctx is done. It
// is the default [Clock] of the client and of the packages built on it.
func SystemClock() Clock { return realClock{} }

// realClock is the default Clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// config is what the options fill in; New turns it into a Client.
type config struct {
	regionURL      string // from WithRegion
	baseURL        string // from WithBaseURL (wins over regionURL)
	tokenURL       string
	clientID       string
	clientSecret   secret
	haveCreds      bool
	httpClient     *http.Client
	logger         *slog.Logger
	userAgent      string
	attemptTimeout time.Duration
	retry          RetryPolicy
	observers      []Observer
	pacer          Pacer
	pacerSet       bool // WithPacer was given (nil included)
	clock          Clock
	maxBody        int64
	jitter         func(d time.Duration) time.Duration // test seam; nil = random in [d/2, d]
}

// String never shows the secret.
func (c *config) String() string {
	return fmt.Sprintf("genesys.config{baseURL: %q, tokenURL: %q, clientID: %q, clientSecret: %s}",
		c.effectiveBaseURL(), c.tokenURL, c.clientID, redacted)
}

// GoString never shows the secret.
func (c *config) GoString() string { return c.String() }

func (c *config) effectiveBaseURL() string {
	if c.baseURL != "" {
		return c.baseURL
	}
	return c.regionURL
}

// WithRegion sets the API base URL from a region name ("us_east_1" or
// "us-east-1"), a domain ("mypurecloud.com", "usw2.pure.cloud") or an API host
// ("api.usw2.pure.cloud"). [Regions] lists the names. [WithBaseURL] wins over
// it. There is no default region: one of the two is required.
func WithRegion(name string) Option {
	return func(c *config) error {
		u, ok := lookupRegion(name)
		if !ok {
			return fmt.Errorf("genesys: WithRegion: unknown region %q (known: %s)", name, strings.Join(Regions(), ", "))
		}
		c.regionURL = u
		return nil
	}
}

// WithBaseURL sets the API base URL, e.g. "https://api.mypurecloud.com" or
// a fake's "http://127.0.0.1:PORT". It overrides [WithRegion]. It must be an
// absolute http(s) URL without credentials, query or fragment; a path prefix
// is kept.
func WithBaseURL(u string) Option {
	return func(c *config) error {
		s, err := checkURL(u)
		if err != nil {
			return fmt.Errorf("genesys: WithBaseURL: %w", err)
		}
		c.baseURL = s
		return nil
	}
}

// WithTokenURL sets the OAuth token endpoint. Default: derived from the base
// URL; a host "api.X" gives "https://login.X/oauth/token", any other host
// keeps itself: "http://127.0.0.1:PORT/oauth/token".
func WithTokenURL(u string) Option {
	return func(c *config) error {
		s, err := checkURL(u)
		if err != nil {
			return fmt.Errorf("genesys: WithTokenURL: %w", err)
		}
		c.tokenURL = s
		return nil
	}
}

// WithCredentials sets the OAuth client-credentials pair (required). The
// secret is never printed, logged or put in an error.
func WithCredentials(clientID, clientSecret string) Option {
	return func(c *config) error {
		var errs []error
		if strings.TrimSpace(clientID) == "" {
			errs = append(errs, errors.New("genesys: WithCredentials: empty client id"))
		}
		if strings.TrimSpace(clientSecret) == "" {
			errs = append(errs, errors.New("genesys: WithCredentials: empty client secret"))
		}
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		c.clientID, c.clientSecret, c.haveCreds = clientID, secret(clientSecret), true
		return nil
	}
}

// WithHTTPClient sets the HTTP client whose Transport carries every request,
// token requests included (default: a clone of http.DefaultTransport). Only
// its Transport is used: redirects are never followed (a 3xx becomes an
// [APIError], so a token never travels to another host) and the per-attempt
// timeout comes from [WithAttemptTimeout].
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("genesys: WithHTTPClient: nil client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithLogger sets the logger for the per-attempt audit records (default:
// discard). Records use the keys method, path, status, attempt, duration and
// correlation_id; never a header, a query string or a body.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("genesys: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithUserAgent sets the User-Agent header (default "gcdata-go").
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return fmt.Errorf("genesys: WithUserAgent: invalid user agent %q", ua)
		}
		c.userAgent = ua
		return nil
	}
}

// WithAttemptTimeout bounds each attempt: connecting, waiting for headers and
// reading the body (default 16s). A timed-out attempt is retried like a
// connection error.
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("genesys: WithAttemptTimeout: must be positive, got %s", d)
		}
		c.attemptTimeout = d
		return nil
	}
}

// WithRetryPolicy sets the retry policy (default [DefaultRetryPolicy]); zero
// fields take their defaults.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		var errs []error
		for _, f := range []struct {
			name string
			v    int64
		}{
			{"MaxAttempts", int64(p.MaxAttempts)}, {"MinBackoff", int64(p.MinBackoff)},
			{"MaxBackoff", int64(p.MaxBackoff)}, {"MaxRetryAfter", int64(p.MaxRetryAfter)},
			{"Budget", int64(p.Budget)},
		} {
			if f.v < 0 {
				errs = append(errs, fmt.Errorf("genesys: WithRetryPolicy: negative %s", f.name))
			}
		}
		if p.MaxBackoff > 0 && p.MinBackoff > p.MaxBackoff {
			errs = append(errs, fmt.Errorf("genesys: WithRetryPolicy: MinBackoff %s above MaxBackoff %s", p.MinBackoff, p.MaxBackoff))
		}
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		c.retry = p.withDefaults()
		return nil
	}
}

// WithObserver adds an observer of every attempt (see [RequestEvent]). It may
// be given several times; observers are called in order, synchronously, from
// the goroutine making the request, so they must be fast and safe for
// concurrent use.
func WithObserver(o Observer) Option {
	return func(c *config) error {
		if o == nil {
			return errors.New("genesys: WithObserver: nil observer")
		}
		c.observers = append(c.observers, o)
		return nil
	}
}

// WithPacer sets the pacer consulted before every attempt and told about every
// response (default: a new [AdaptivePacer] on the client's clock, so each
// client paces itself; pass one pacer to clients sharing credentials).
// WithPacer(nil) turns pacing off.
func WithPacer(p Pacer) Option {
	return func(c *config) error {
		c.pacer, c.pacerSet = p, true
		return nil
	}
}

// WithClock replaces the clock used for token expiry, HTTP-date Retry-After
// values and the waits between attempts (default: the real clock). It is a
// test seam.
func WithClock(clk Clock) Option {
	return func(c *config) error {
		if clk == nil {
			return errors.New("genesys: WithClock: nil clock")
		}
		c.clock = clk
		return nil
	}
}

// WithMaxResponseBytes caps a success response body (default 64 MiB). A
// larger body fails the call with a [BodyLimitError]. Error bodies are always
// capped at 64 KiB.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("genesys: WithMaxResponseBytes: must be positive, got %d", n)
		}
		c.maxBody = n
		return nil
	}
}

// checkURL validates an absolute http(s) URL without userinfo, query or
// fragment and returns it without a trailing slash.
func checkURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("malformed URL: %w", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("URL %q: scheme must be http or https", u.Redacted())
	case u.Host == "":
		return "", fmt.Errorf("URL %q: no host", u.Redacted())
	case u.User != nil:
		return "", fmt.Errorf("URL %q: must not carry credentials", u.Redacted())
	case u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("URL %q: must not have a query or fragment", u.Redacted())
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}

// deriveTokenURL applies the token URL rule to an API base URL: a host
// starting with "api." becomes "login." + the rest; any other host keeps
// itself. The path is always /oauth/token.
func deriveTokenURL(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	host := u.Host
	if rest, ok := strings.CutPrefix(host, "api."); ok {
		host = "login." + rest
	}
	return (&url.URL{Scheme: u.Scheme, Host: host, Path: "/oauth/token"}).String(), nil
}
