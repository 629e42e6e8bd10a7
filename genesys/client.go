package genesys

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Client calls the Genesys Cloud Platform API v2 with OAuth client
// credentials, retries, pacing and audit. It cannot change after [New] and is
// safe for concurrent use. Printing it never shows the secret or a token.
type Client struct {
	baseURL        string
	tokenURL       string
	userAgent      string
	logger         *slog.Logger
	observers      []Observer
	pacer          Pacer
	clock          Clock
	retry          RetryPolicy
	attemptTimeout time.Duration
	maxBody        int64
	jitter         func(time.Duration) time.Duration
	tokens         *tokenCache
	api            http.RoundTripper // oauth2 transport -> reauth -> base
	base           http.RoundTripper
}

// New checks every option and returns a Client, or every problem joined
// (errors.Join). Credentials ([WithCredentials]) and a base URL
// ([WithRegion] or [WithBaseURL]) are required. ctx is for setup only: the
// token source keeps context.WithoutCancel(ctx), so cancelling ctx never
// breaks later token refreshes. New makes no request; the first token is
// fetched by the first call.
func New(ctx context.Context, opts ...Option) (*Client, error) {
	if ctx == nil {
		return nil, errors.New("genesys: New: nil context")
	}
	cfg := config{
		logger:         slog.New(slog.DiscardHandler),
		userAgent:      defaultUserAgent,
		attemptTimeout: DefaultAttemptTimeout,
		retry:          DefaultRetryPolicy(),
		clock:          realClock{},
		maxBody:        DefaultMaxResponseBytes,
	}
	var errs []error
	for i, o := range opts {
		if o == nil {
			errs = append(errs, fmt.Errorf("genesys: New: option %d is nil", i))
			continue
		}
		if err := o(&cfg); err != nil {
			errs = append(errs, err)
		}
	}
	if !cfg.haveCreds {
		errs = append(errs, errors.New("genesys: New: missing credentials (WithCredentials)"))
	}
	base := cfg.effectiveBaseURL()
	if base == "" {
		errs = append(errs, errors.New("genesys: New: missing base URL (WithRegion or WithBaseURL)"))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if !cfg.pacerSet {
		cfg.pacer = NewAdaptivePacer(WithPacerClock(cfg.clock))
	}
	tokenURL := cfg.tokenURL
	if tokenURL == "" {
		u, err := deriveTokenURL(base)
		if err != nil {
			return nil, fmt.Errorf("genesys: New: token URL: %w", err)
		}
		tokenURL = u
	}

	var baseRT http.RoundTripper
	if cfg.httpClient != nil && cfg.httpClient.Transport != nil {
		baseRT = cfg.httpClient.Transport
	} else if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		baseRT = dt.Clone()
	} else {
		baseRT = http.DefaultTransport
	}
	tokenHTTP := &http.Client{Transport: baseRT, Timeout: cfg.attemptTimeout, CheckRedirect: noRedirect}
	tokens := &tokenCache{
		conf: &clientcredentials.Config{
			ClientID:     cfg.clientID,
			ClientSecret: cfg.clientSecret.reveal(),
			TokenURL:     tokenURL,
			AuthStyle:    oauth2.AuthStyleInHeader,
		},
		ctx:   context.WithValue(context.WithoutCancel(ctx), oauth2.HTTPClient, tokenHTTP),
		clock: cfg.clock,
	}
	return &Client{
		baseURL:        base,
		tokenURL:       tokenURL,
		userAgent:      cfg.userAgent,
		logger:         cfg.logger,
		observers:      cfg.observers,
		pacer:          cfg.pacer,
		clock:          cfg.clock,
		retry:          cfg.retry,
		attemptTimeout: cfg.attemptTimeout,
		maxBody:        cfg.maxBody,
		jitter:         cfg.jitter,
		tokens:         tokens,
		base:           baseRT,
		api: &oauth2.Transport{
			Source: tokens,
			Base:   &reauthTransport{tokens: tokens, base: baseRT},
		},
	}, nil
}

// BaseURL returns the API base URL, e.g. "https://api.mypurecloud.com".
func (c *Client) BaseURL() string { return c.baseURL }

// TokenURL returns the OAuth token endpoint in use.
func (c *Client) TokenURL() string { return c.tokenURL }

// String describes the client without credentials.
func (c *Client) String() string {
	if c == nil {
		return "genesys.Client(nil)"
	}
	return fmt.Sprintf("genesys.Client{baseURL: %q, tokenURL: %q}", c.baseURL, c.tokenURL)
}

// GoString is String: %#v never shows credentials.
func (c *Client) GoString() string { return c.String() }

func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// Request is one API call for [Client.Do].
type Request struct {
	// Method is the HTTP method (default GET).
	Method string
	// Path is the API path, starting with "/api/v2/".
	Path string
	// Query holds the query parameters (not modified).
	Query url.Values
	// Body, when non-nil, is sent as JSON, encoded with encoding/json (so
	// hand-written MarshalJSON methods apply); a []byte or json.RawMessage
	// is sent as is. The encoded body is resent unchanged on every retry.
	Body any
	// NoRetryAmbiguous marks a call that must not run twice, such as
	// creating an async job: it is retried after a 429 or a 401 (the server
	// did not act) and after a failure to connect, but never after a
	// timeout, a reset or a 5xx, where it may have run. Such a failure
	// matches [ErrAmbiguous]. To recover from a failed job create, re-run
	// the export: it creates a new job; a job orphaned by the lost response
	// expires on the server on its own (the contract has no way to list
	// jobs).
	NoRetryAmbiguous bool
	// Operation names the call in errors, logs and events, e.g.
	// "details query" (default "<METHOD> <path>").
	Operation string
}

// Response describes the final response of a [Client.Do] call.
type Response struct {
	StatusCode    int
	Header        http.Header
	CorrelationID string    // ININ-Correlation-Id header
	RateLimit     RateLimit // inin-ratelimit-* headers
	Attempts      int       // attempts made, the final one included
	RateLimited   int       // attempts answered with 429
}

// Do sends one API request, with authentication, retries ([RetryPolicy]),
// pacing ([Pacer]) and audit ([WithLogger], [Observer]), and decodes a 2xx
// JSON body into out unless out is nil, using github.com/go-json-experiment/json
// (unknown members ignored; out may implement json.UnmarshalerFrom). If out
// is a *[]byte, *json.RawMessage or *jsontext.Value it receives the body as
// is. An empty body leaves out untouched.
//
// Errors: a non-2xx final response is an *[APIError] (errors.Is with
// [ErrBadRequest], [ErrUnauthorized], [ErrForbidden], [ErrNotFound],
// [ErrRateLimited], [ErrServer]); anything else is a *[RequestError] whose
// cause may be a *[TokenError], a *[BodyLimitError] or ctx's error. The
// Response is non-nil whenever a final response arrived, also with an error.
// Do is safe for concurrent use.
func (c *Client) Do(ctx context.Context, req Request, out any) (*Response, error) {
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	op := req.Operation
	if op == "" {
		op = method + " " + req.Path
	}
	fail := func(err error) (*Response, error) {
		return nil, &RequestError{Operation: op, Err: err}
	}
	if !strings.HasPrefix(req.Path, "/") || strings.ContainsAny(req.Path, "?#") {
		return fail(fmt.Errorf("invalid path %q: must start with / and have no query", req.Path))
	}
	var body any // nil or []byte: retryablehttp rewinds it for every attempt
	if req.Body != nil {
		b, err := encodeBody(req.Body)
		if err != nil {
			return fail(fmt.Errorf("encode request body: %w", err))
		}
		body = b
	}
	u := c.baseURL + req.Path
	if len(req.Query) > 0 {
		u += "?" + req.Query.Encode()
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return fail(fmt.Errorf("build request: %w", err))
	}
	rreq.Header.Set("Accept", "application/json")
	rreq.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		rreq.Header.Set("Content-Type", "application/json")
	}

	k := &call{c: c, ctx: ctx, op: op, method: method, path: req.Path, noRetry: req.NoRetryAmbiguous}
	rreq.SetResponseHandler(k.readBody)
	rc := &retryablehttp.Client{
		HTTPClient:   &http.Client{Transport: k, CheckRedirect: noRedirect},
		Logger:       &retryLogger{ctx: ctx, l: c.logger},
		RetryMax:     c.retry.MaxAttempts + 2, // the real limit is enforced in checkRetry
		CheckRetry:   k.checkRetry,
		Backoff:      k.wait,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	resp, err := rc.Do(rreq)
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err != nil {
		cause := unwrapURLError(err)
		if k.stoppedWaiting {
			if k.waitingAfter != 0 {
				cause = fmt.Errorf("waiting to retry after status %d: %w", k.waitingAfter, cause)
			} else {
				cause = fmt.Errorf("waiting to retry: %w", cause)
			}
		}
		var r *Response
		if resp != nil {
			r = k.response(resp)
		}
		return r, &RequestError{Operation: op, Attempts: k.attempts, Ambiguous: k.ambiguous, Err: cause}
	}
	r := k.response(resp)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r, k.apiError(resp)
	}
	if err := decodeInto(k.body, out); err != nil {
		return r, &RequestError{Operation: op, Attempts: k.attempts, Err: fmt.Errorf("decode response: %w", err)}
	}
	return r, nil
}

// encodeBody encodes v with encoding/json, without HTML escaping; a []byte
// is taken as already-encoded JSON and copied.
func encodeBody(v any) ([]byte, error) {
	if b, ok := v.([]byte); ok {
		return bytes.Clone(b), nil
	}
	var buf bytes.Buffer
	enc := stdjsonEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// call is the state of one Do call across its attempts. Its methods run
// on the calling goroutine only (retryablehttp is sequential), so it needs
// no locking.
type call struct {
	c       *Client
	ctx     context.Context
	op      string
	method  string
	path    string
	noRetry bool

	attempts     int           // attempts started
	freeRetries  int           // retries that do not count (the 401 refresh)
	backoffs     int           // exponential backoffs so far
	reauthed     bool          // the one 401 retry was used
	waited       time.Duration // total wait so far (budget)
	nextWait     time.Duration // wait before the next attempt
	rateLimited  int
	ambiguous    bool
	pending      bool // a response handler call follows for this attempt
	started      time.Time
	waitingAfter int // status being backed off from (0: a transport error)
	// stoppedWaiting is set when ctx ended during a wait between attempts.
	stoppedWaiting bool
	stopErr        error // ctx's error when it ended before a retry

	body []byte // final body (success or error, bounded)
}

// RoundTrip runs one attempt: pacing, the attempt timeout, then the oauth2
// transport. It is the http.Client transport of this call only.
func (k *call) RoundTrip(r *http.Request) (*http.Response, error) {
	c := k.c
	k.attempts++
	if c.pacer != nil {
		if err := c.pacer.Wait(r.Context()); err != nil {
			k.started = time.Now()
			return nil, &paceError{err}
		}
	}
	k.started = time.Now()
	ctx, cancel := context.WithTimeout(r.Context(), c.attemptTimeout)
	resp, err := c.api.RoundTrip(r.WithContext(ctx))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded && r.Context().Err() == nil {
			err = fmt.Errorf("attempt timed out after %s (WithAttemptTimeout): %w", c.attemptTimeout, err)
		}
		cancel()
		k.observePace(nil, err)
		return nil, err
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	k.observePace(resp, nil)
	return resp, nil
}

func (k *call) observePace(resp *http.Response, err error) {
	p := k.c.pacer
	if p == nil {
		return
	}
	s := PaceSignal{Time: k.c.clock.Now(), Err: err}
	if resp != nil {
		s.StatusCode = resp.StatusCode
		s.RateLimit = parseRateLimit(resp.Header)
		s.RetryAfter, s.HasRetryAfter = parseRetryAfter(resp.Header, s.Time)
	}
	p.Observe(s)
}

// readBody is the retryablehttp response handler: it reads the final
// response's body (bounded) within the attempt, so a reset or a truncated
// body mid-read is retried like a connection error.
func (k *call) readBody(resp *http.Response) error {
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	limit := int64(maxErrorBodyBytes)
	if ok {
		limit = k.c.maxBody
	}
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 && n <= limit {
		buf.Grow(int(n))
	}
	_, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1))
	_ = resp.Body.Close()
	resp.Body = http.NoBody
	data := buf.Bytes()
	if !ok {
		if int64(len(data)) > limit {
			data = data[:limit]
		}
		k.body = data // a partial error body still helps
		return nil
	}
	switch {
	case err != nil:
		return &bodyReadError{err}
	case int64(len(data)) > limit:
		return &BodyLimitError{Limit: limit}
	case len(data) > 0 && strings.Contains(resp.Header.Get("Content-Type"), "json") && !validJSON(data):
		return &bodyReadError{errors.New("truncated or malformed JSON body")}
	}
	k.body = data
	return nil
}

// checkRetry is the retryablehttp CheckRetry policy; it also emits the
// audit record and observer event of each attempt.
func (k *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	seen := resp   // for the audit record
	if k.pending { // second call for this attempt, after readBody
		k.pending = false
		if k.stopErr != nil { // already reported: ctx ended before a retry
			return false, k.stopErr
		}
		if err == nil {
			k.emit(resp, nil, false, 0)
			return false, nil
		}
		resp = nil // the body failed: judge it like a transport error
	}

	retry, wait, free := false, time.Duration(0), false
	var retryAfter time.Duration
	hasRetryAfter := false
	switch {
	case err != nil:
		retry = k.retryableErr(err)
		if retry {
			wait = k.backoff()
		}
	case resp.StatusCode == http.StatusUnauthorized:
		if !k.reauthed {
			k.reauthed, retry, free = true, true, true
		}
	case resp.StatusCode == http.StatusTooManyRequests:
		k.rateLimited++
		retry = true
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		if k.noRetry {
			k.ambiguous = true
		} else {
			retry = true
		}
	}
	if resp != nil && retry && !free {
		retryAfter, hasRetryAfter = parseRetryAfter(resp.Header, k.c.clock.Now())
		if hasRetryAfter {
			wait = retryAfter
		} else {
			wait = k.backoff()
		}
	}
	p := k.c.retry
	switch {
	case !retry:
	case free:
	case k.attempts-k.freeRetries >= p.MaxAttempts:
		retry = false
	case hasRetryAfter && retryAfter > p.MaxRetryAfter:
		retry = false
	case k.waited+wait > p.Budget:
		retry = false
	}
	if retry {
		if cerr := ctx.Err(); cerr != nil {
			k.emit(seen, err, false, 0)
			if err == nil && resp != nil {
				k.pending, k.stopErr = true, cerr // readBody and a second call follow
			}
			return false, cerr
		}
		if free {
			k.freeRetries++
		}
		k.waited += wait
		k.nextWait = wait
		k.waitingAfter = 0
		if resp != nil {
			k.waitingAfter = resp.StatusCode
		}
		k.emit(seen, err, true, wait)
		return true, nil
	}
	if err == nil && resp != nil {
		k.pending = true // readBody runs next, then checkRetry again
		return false, nil
	}
	if k.noRetry && err != nil && !notSent(err) {
		k.ambiguous = true // includes a cancellation mid-request: it may have run
	}
	k.emit(seen, err, false, 0)
	return false, nil
}

// retryableErr reports whether an attempt that failed without a response
// (or whose body failed) may be repeated.
func (k *call) retryableErr(err error) bool {
	if k.ctx.Err() != nil {
		return false
	}
	var pe *paceError
	if errors.As(err, &pe) {
		return false
	}
	var te *TokenError
	if errors.As(err, &te) {
		return te.retryable() // the API request was not sent
	}
	var be *BodyLimitError
	if errors.As(err, &be) {
		return false
	}
	var (
		uae x509.UnknownAuthorityError
		ce  x509.CertificateInvalidError
		he  x509.HostnameError
	)
	if errors.As(err, &uae) || errors.As(err, &ce) || errors.As(err, &he) {
		return false
	}
	if k.noRetry && !notSent(err) {
		k.ambiguous = true
		return false
	}
	return true
}

// backoff returns the next exponential backoff with jitter in [d/2, d].
func (k *call) backoff() time.Duration {
	p := k.c.retry
	d := p.MinBackoff
	for i := 0; i < k.backoffs && d < p.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, p.MaxBackoff)
	k.backoffs++
	if k.c.jitter != nil {
		return k.c.jitter(d)
	}
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2+1)
}

// wait is the retryablehttp Backoff: it performs the wait decided by
// checkRetry on the client's clock and returns 0, so retryablehttp's own
// timer fires at once. When ctx ends during the wait it returns an hour, so
// that retryablehttp's select takes the ctx.Done branch and returns ctx's
// error (its timer is stopped there).
func (k *call) wait(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	if k.nextWait > 0 {
		_ = k.c.clock.Sleep(k.ctx, k.nextWait) // its error is ctx's, checked next
	}
	if k.ctx.Err() != nil {
		k.stoppedWaiting = true
		return time.Hour
	}
	return 0
}

// emit writes the audit record and calls the observers for one attempt.
func (k *call) emit(resp *http.Response, err error, retry bool, wait time.Duration) {
	c := k.c
	ev := RequestEvent{
		Operation: k.op,
		Method:    k.method,
		Path:      k.path,
		Attempt:   k.attempts,
		Duration:  time.Since(k.started),
		Retry:     retry,
		Wait:      wait,
	}
	if resp != nil {
		ev.StatusCode = resp.StatusCode
		ev.CorrelationID = resp.Header.Get("Inin-Correlation-Id")
		ev.RateLimit = parseRateLimit(resp.Header)
	}
	if err != nil {
		ev.Err = unwrapURLError(err)
	}
	level := slog.LevelInfo
	if ev.Err != nil || ev.StatusCode >= 400 {
		level = slog.LevelWarn
	}
	if c.logger.Enabled(k.ctx, level) {
		attrs := []slog.Attr{
			slog.String("method", ev.Method),
			slog.String("path", ev.Path),
			slog.Int("status", ev.StatusCode),
			slog.Int("attempt", ev.Attempt),
			slog.Duration("duration", ev.Duration),
			slog.String("correlation_id", ev.CorrelationID),
			slog.String("operation", ev.Operation),
		}
		if retry {
			attrs = append(attrs, slog.Bool("retry", true), slog.Duration("wait", wait))
		}
		if ev.Err != nil {
			attrs = append(attrs, slog.String("error", ev.Err.Error()))
		}
		c.logger.LogAttrs(k.ctx, level, "genesys request", attrs...)
	}
	for _, o := range c.observers {
		o.ObserveRequest(ev)
	}
}

// response describes the final response.
func (k *call) response(resp *http.Response) *Response {
	return &Response{
		StatusCode:    resp.StatusCode,
		Header:        resp.Header,
		CorrelationID: resp.Header.Get("Inin-Correlation-Id"),
		RateLimit:     parseRateLimit(resp.Header),
		Attempts:      k.attempts,
		RateLimited:   k.rateLimited,
	}
}

// apiError builds the APIError of a final non-2xx response.
func (k *call) apiError(resp *http.Response) *APIError {
	e := &APIError{
		Operation:     k.op,
		StatusCode:    resp.StatusCode,
		CorrelationID: resp.Header.Get("Inin-Correlation-Id"),
		Attempts:      k.attempts,
		Ambiguous:     k.ambiguous,
	}
	e.RetryAfter, _ = parseRetryAfter(resp.Header, k.c.clock.Now())
	if b, ok := parseErrorBody(k.body); ok {
		e.Code, e.Message, e.Details, e.Limit = b.Code, b.Message, b.Details, b.Limit
		if e.CorrelationID == "" {
			e.CorrelationID = b.ContextID
		}
	}
	return e
}

// paceError is a Pacer.Wait failure; it is not retried.
type paceError struct{ err error }

func (e *paceError) Error() string { return "pacer: " + e.err.Error() }
func (e *paceError) Unwrap() error { return e.err }

// bodyReadError is a failure reading a success body; retried like a
// connection error.
type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string { return "read response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error { return e.err }

// cancelBody releases the attempt's timeout context when the body is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// notSent reports whether err proves the request never reached the server:
// the token request failed, or the connection could not be made.
func notSent(err error) bool {
	var te *TokenError
	if errors.As(err, &te) {
		return true
	}
	var pe *paceError
	if errors.As(err, &pe) {
		return true
	}
	var oe *net.OpError
	return errors.As(err, &oe) && oe.Op == "dial"
}

// unwrapURLError drops net/http's *url.Error wrapper, whose text repeats
// the URL (and its query).
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}

// retryLogger adapts slog to retryablehttp.LeveledLogger for one call.
type retryLogger struct {
	ctx context.Context
	l   *slog.Logger
}

func (r *retryLogger) Error(msg string, kv ...any) { r.log(slog.LevelError, msg, kv) }
func (r *retryLogger) Info(msg string, kv ...any)  { r.log(slog.LevelInfo, msg, kv) }
func (r *retryLogger) Debug(msg string, kv ...any) { r.log(slog.LevelDebug, msg, kv) }
func (r *retryLogger) Warn(msg string, kv ...any)  { r.log(slog.LevelWarn, msg, kv) }

func (r *retryLogger) log(level slog.Level, msg string, kv []any) {
	if !r.l.Enabled(r.ctx, level) {
		return
	}
	for i := 1; i < len(kv); i += 2 {
		switch v := kv[i].(type) {
		case error:
			kv[i] = stripQueries(unwrapURLError(v).Error())
		case string:
			kv[i] = stripQueries(v)
		}
	}
	r.l.Log(r.ctx, level, "retryablehttp: "+msg, kv...)
}

// stripQueries removes the query string of every URL in s (retryablehttp's
// log values include the full URL).
func stripQueries(s string) string {
	if !strings.Contains(s, "://") || !strings.Contains(s, "?") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '?')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexAny(s, " \t\"")
		if j < 0 {
			return b.String()
		}
		s = s[j:]
	}
}

// CloseIdleConnections closes idle keep-alive connections of the base
// transport (the one from [WithHTTPClient] included). The client stays
// usable.
func (c *Client) CloseIdleConnections() {
	if ci, ok := c.base.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}
