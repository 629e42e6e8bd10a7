package genesystest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

// Server is a fake Genesys Cloud organisation serving the conversation
// detail API over HTTP. All methods are safe for concurrent use.
type Server struct {
	cfg    config
	cat    Catalog
	grid   grid
	gen    generator
	limits Limits
	now    func() time.Time
	ts     *httptest.Server
	done   chan struct{}
	close  sync.Once
	// handlers counts running ServeHTTP calls: httptest stops tracking a
	// connection a handler hijacks (the reset faults), so Close waits here.
	handlers sync.WaitGroup

	apiSeq atomic.Uint64 // API requests, numbers the random faults
	reqSeq atomic.Uint64 // all requests, numbers correlation ids
	jobSeq atomic.Uint64

	cache queryCache
	// salt makes job ids, cursors and correlation ids unique across server
	// instances (a restarted fake must not accept an old job id or cursor);
	// the data and the faults depend on the seed only.
	salt uint64

	mu            sync.Mutex
	faults        Faults
	rules         []*ruleState
	bucket        tokenBucket
	tokens        map[string]time.Time
	tokenLifetime time.Duration
	jobs          map[string]*job
	window        time.Time
	windowCount   int
	log           []RequestRecord
	logNext       int
	stats         Stats
}

// RequestRecord is one request as the server saw it.
type RequestRecord struct {
	Method string
	Path   string
	Query  string // raw query string
	// Status is the status written; 0 when the connection was reset before
	// the headers.
	Status        int
	Time          time.Time // on the server's clock, when the request arrived
	CorrelationID string
	// Fault names the injected fault, if any: "rule:<action>",
	// "rate-limit", "server-error", "reset", "slow", "job-cap".
	Fault string
}

// Stats are the server's counters.
type Stats struct {
	Requests       int         // all requests, token endpoint included
	ByStatus       map[int]int // requests by status written (0: reset before headers)
	TokensIssued   int
	TokenFailures  int // token requests refused
	Unauthorized   int // API requests refused with 401
	RateLimited    int // 429s of the rate limit
	FaultsInjected int // rule and random faults
	JobsCreated    int
	JobsDeleted    int
	JobsRejected   int // job creations refused by the concurrent-job cap
	ResultPages    int // job result pages served
	QueryPages     int // detail query pages served
}

// New builds a server from opts without listening, for use with
// [Server.Handler] (the standalone program does this). It returns every
// option problem joined. URL and ClientOptions need a listening server: use
// [NewServer] for that.
func New(opts ...Option) (*Server, error) {
	cfg := config{seed: 1, n: DefaultConversations, clock: time.Now, lag: DefaultAvailabilityLag,
		tokenLifetime: DefaultTokenLifetime, logSize: DefaultRequestLogSize}
	var errs []error
	for _, o := range opts {
		if o == nil {
			errs = append(errs, errors.New("genesystest: nil option"))
			continue
		}
		if err := o(&cfg); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if !cfg.periodSet {
		cfg.end = cfg.clock().UTC().Truncate(time.Hour)
		cfg.start = cfg.end.Add(-DefaultPeriod)
	}
	s := &Server{
		cfg:           cfg,
		cat:           newCatalog(),
		grid:          newGrid(cfg.seed, cfg.n, cfg.start, cfg.end),
		limits:        cfg.limits.withDefaults(),
		now:           cfg.clock,
		done:          make(chan struct{}),
		faults:        cfg.faults.clone(),
		tokens:        map[string]time.Time{},
		tokenLifetime: cfg.tokenLifetime,
		jobs:          map[string]*job{},
		stats:         Stats{ByStatus: map[int]int{}},
	}
	s.gen = generator{g: s.grid, cat: &s.cat}
	var salt [8]byte
	_, _ = rand.Read(salt[:])
	s.salt = binary.LittleEndian.Uint64(salt[:])
	for _, r := range cfg.rules {
		s.rules = append(s.rules, &ruleState{Rule: r})
	}
	return s, nil
}

// NewServer starts a server on a loopback port, like httptest.NewServer.
// Like httptest.NewServer it panics when it cannot start (here also when an
// option is invalid); use [New] to get the error instead. Call Close when
// done.
func NewServer(opts ...Option) *Server {
	s, err := New(opts...)
	if err != nil {
		panic(err)
	}
	s.ts = httptest.NewServer(s)
	return s
}

// Close stops the server: pending fault delays end, then it waits for
// outstanding requests, also those whose connection a fault reset, so they
// are in [Server.Requests] and [Server.Stats] when it returns. For a server
// made by [New], it only ends the pending fault delays: the http.Server
// serving [Server.Handler] owns the requests (its Shutdown waits for them,
// except for reset ones). It is safe to call more than once.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.done)
		if s.ts == nil {
			return
		}
		s.ts.CloseClientConnections()
		s.ts.Close()
		// No new request can start now (the listener is closed and every
		// connection httptest tracks is gone); what is left are handlers
		// that hijacked their connection.
		s.handlers.Wait()
	})
}

// URL returns the base URL, e.g. "http://127.0.0.1:41234"; the token
// endpoint is URL()+"/oauth/token". It is "" for a server made by New.
func (s *Server) URL() string {
	if s.ts == nil {
		return ""
	}
	return s.ts.URL
}

// Client returns an *http.Client for the server (the httptest client).
func (s *Server) Client() *http.Client {
	if s.ts == nil {
		return http.DefaultClient
	}
	return s.ts.Client()
}

// ClientOptions returns the genesys options that point a client at this
// server: base URL, token URL and credentials (the configured ones, or
// "genesystest-client"/"genesystest-secret").
func (s *Server) ClientOptions() []genesys.Option {
	id, secret := s.Credentials()
	return []genesys.Option{
		genesys.WithBaseURL(s.URL()),
		genesys.WithTokenURL(s.URL() + "/oauth/token"),
		genesys.WithCredentials(id, secret),
	}
}

// Credentials returns a client id and secret the token endpoint accepts.
func (s *Server) Credentials() (clientID, clientSecret string) {
	if s.cfg.clientID != "" {
		return s.cfg.clientID, s.cfg.clientSecret
	}
	return "genesystest-client", "genesystest-secret"
}

// Handler returns the server's HTTP handler (the server itself), for
// serving it on a listener of your own.
func (s *Server) Handler() http.Handler { return s }

// Catalog returns a copy of the organisation's reference data.
func (s *Server) Catalog() Catalog { return s.cat.clone() }

// Period returns the simulated period [start, end).
func (s *Server) Period() (start, end time.Time) { return s.cfg.start, s.cfg.end }

// Seed returns the server's seed.
func (s *Server) Seed() int64 { return s.cfg.seed }

// Len returns the number of simulated conversations.
func (s *Server) Len() int { return int(s.grid.last - s.grid.first) }

// DataAvailabilityDate returns the current data availability date: the
// clock minus the availability lag.
func (s *Server) DataAvailabilityDate() time.Time {
	return s.now().Add(-s.cfg.lag).UTC().Truncate(time.Millisecond)
}

// asOf returns the instant (unix ms) data is rendered at for a request at
// now: now with live data, 0 (complete data) otherwise.
func (s *Server) asOf(now time.Time) int64 {
	if !s.cfg.live {
		return 0
	}
	return max(now.UnixMilli(), 1)
}

// Limits returns the effective limits.
func (s *Server) Limits() Limits { return s.limits }

// SetFaults replaces the random and per-job faults; it returns an error for
// an invalid value (and then changes nothing).
func (s *Server) SetFaults(f Faults) error {
	if err := f.check(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.RateLimit != s.faults.RateLimit || f.RateBurst != s.faults.RateBurst {
		s.bucket = tokenBucket{}
	}
	s.faults = f.clone()
	return nil
}

// Faults returns the current faults.
func (s *Server) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults.clone()
}

// SetRateLimit changes only the rate limit (requests per second, 0 for
// none) and its burst (0: the default).
func (s *Server) SetRateLimit(perSecond float64, burst int) error {
	s.mu.Lock()
	f := s.faults.clone()
	s.mu.Unlock()
	f.RateLimit, f.RateBurst = perSecond, burst
	return s.SetFaults(f)
}

// AddRules appends scripted faults (see [Rule]).
func (s *Server) AddRules(rules ...Rule) error {
	for _, r := range rules {
		if err := r.check(); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rules {
		s.rules = append(s.rules, &ruleState{Rule: r})
	}
	return nil
}

// ClearRules removes every scripted fault.
func (s *Server) ClearRules() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = nil
}

// SetTokenLifetime changes the lifetime of tokens issued from now on.
func (s *Server) SetTokenLifetime(d time.Duration) error {
	if d <= 0 {
		return errors.New("genesystest: SetTokenLifetime: lifetime must be positive")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenLifetime = d
	return nil
}

// ExpireTokens makes every issued token invalid, as if they had expired:
// the next API request with one gets 401.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tokens)
}

// Requests returns the most recent requests (up to the request log size),
// oldest first.
func (s *Server) Requests() []RequestRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.log) < s.cfg.logSize {
		return slices.Clone(s.log)
	}
	return append(slices.Clone(s.log[s.logNext:]), s.log[:s.logNext]...)
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.ByStatus = maps.Clone(s.stats.ByStatus)
	return st
}

// ---- request handling ----

// reqCtx carries one request through the server.
type reqCtx struct {
	r     *http.Request
	n     uint64 // request number
	cid   string
	now   time.Time
	fault string
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handlers.Add(1)
	defer s.handlers.Done()
	n := s.reqSeq.Add(1)
	rc := &reqCtx{r: r, n: n, now: s.now(),
		cid: formatUUID(hash3(s.salt, n, tagCorrelation), hash3(s.salt, n, tagCorrelation+100))}
	resp := &response{header: http.Header{}}
	status := 0 // a reset that aborts the handler (http.ErrAbortHandler) has none
	defer func() { s.record(rc, status) }()
	status = s.serve(w, rc, resp)
}

// serve handles one request and returns the status written (0 for a reset
// before headers).
func (s *Server) serve(w http.ResponseWriter, rc *reqCtx, resp *response) int {
	r := rc.r
	s.mu.Lock()
	count, allowed, reset := s.windowLocked(rc.now)
	hide := s.faults.HideRateLimitHeaders
	rule, ruled := matchRule(s.rules, r.Method, r.URL.Path)
	s.mu.Unlock()
	h := resp.header
	h.Set("ININ-Correlation-Id", rc.cid)
	if !hide {
		h.Set("inin-ratelimit-count", strconv.Itoa(count))
		h.Set("inin-ratelimit-allowed", strconv.Itoa(allowed))
		h.Set("inin-ratelimit-reset", strconv.Itoa(reset))
	}

	post := Action("")
	if ruled {
		rc.fault = "rule:" + string(rule.Action)
		if rule.Delay > 0 && !s.wait(r.Context(), rule.Delay) {
			return s.hijackClose(w)
		}
		switch rule.Action {
		case ResetBeforeHeaders:
			return s.hijackClose(w)
		case Respond:
			for k, vs := range rule.Header {
				for _, v := range vs {
					h.Add(k, v)
				}
			}
			if rule.Body != "" {
				resp.status, resp.body = rule.Status, []byte(rule.Body)
				if h.Get("Content-Type") == "" {
					h.Set("Content-Type", "application/json")
				}
			} else {
				resp.fail(apiError{status: rule.Status}, rc.cid)
			}
			return s.write(w, resp, "")
		case ResetMidBody, TruncateBody:
			post = rule.Action
		}
	}

	if r.URL.Path == "/oauth/token" {
		s.handleToken(rc, resp)
		return s.write(w, resp, post)
	}
	route, params, e := s.route(r.Method, r.URL.Path)
	if e != nil {
		resp.fail(*e, rc.cid)
		return s.write(w, resp, post)
	}
	if e := s.authenticate(rc); e != nil {
		resp.fail(*e, rc.cid)
		return s.write(w, resp, post)
	}

	// Rate limit and random faults.
	an := s.apiSeq.Add(1)
	s.mu.Lock()
	f := s.faults
	var limited bool
	var wait time.Duration
	if f.RateLimit > 0 {
		ok, d := s.bucket.take(rc.now, f.RateLimit, f.burst())
		limited, wait = !ok, d
	}
	s.mu.Unlock()
	if limited {
		secs := int64(math.Ceil(wait.Seconds()))
		secs = max(secs, 1)
		rc.fault = "rate-limit"
		h.Set("Retry-After", strconv.FormatInt(secs, 10))
		resp.fail(apiError{status: http.StatusTooManyRequests,
			message: "Rate limit exceeded the maximum. Retry the request in [" + itoa(secs) + "] seconds"}, rc.cid)
		return s.write(w, resp, post)
	}
	rf := f.draw(s.grid.seed, an)
	if rf.status != 0 {
		rc.fault = "server-error"
		if rf.status == http.StatusServiceUnavailable && f.ServerErrorRetryAfter > 0 {
			h.Set("Retry-After", strconv.FormatInt(int64(math.Ceil(f.ServerErrorRetryAfter.Seconds())), 10))
		}
		resp.fail(apiError{status: rf.status}, rc.cid)
		return s.write(w, resp, post)
	}
	if rf.delay > 0 {
		rc.fault = "slow"
		if !s.wait(r.Context(), rf.delay) {
			return s.hijackClose(w)
		}
	}
	if rf.reset && post == "" {
		rc.fault = "reset"
		post = ResetMidBody
	}
	route(rc, params, resp)
	return s.write(w, resp, post)
}

// wait waits d in real time; it reports false when the request's context
// ended or the server closed first.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

// write sends resp, damaged as post says.
func (s *Server) write(w http.ResponseWriter, resp *response, post Action) int {
	h := w.Header()
	for k, vs := range resp.header {
		h[k] = vs
	}
	body := resp.body
	switch post {
	case TruncateBody:
		body = body[:len(body)/2]
	case ResetMidBody:
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(resp.status)
		_, _ = w.Write(body[:len(body)/2])
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
			}
		}
		return resp.status
	}
	if body != nil || resp.status != http.StatusNoContent {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(resp.status)
	_, _ = w.Write(body)
	return resp.status
}

// hijackClose closes the connection without a response.
func (s *Server) hijackClose(w http.ResponseWriter) int {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return 0
		}
	}
	// HTTP/2 or a recorder: the closest thing is an aborted handler.
	panic(http.ErrAbortHandler)
}

// UnlimitedRequestsPerMinute is the inin-ratelimit-allowed value the fake
// advertises when no rate limit fault is set. It enforces nothing then, so
// it advertises a limit no test reaches rather than the real API's default
// of 300 a minute, which would make a client's pacer slow down for nothing.
// Set [Faults.RateLimit] to test pacing against a real limit.
const UnlimitedRequestsPerMinute = 60000

// windowLocked counts the request in the current one-minute rate-limit
// window and returns the inin-ratelimit-* values.
func (s *Server) windowLocked(now time.Time) (count, allowed, reset int) {
	start := now.Truncate(time.Minute)
	if !start.Equal(s.window) {
		s.window, s.windowCount = start, 0
	}
	s.windowCount++
	allowed = UnlimitedRequestsPerMinute
	if s.faults.RateLimit > 0 {
		allowed = int(math.Ceil(s.faults.RateLimit * 60))
	}
	reset = int(math.Ceil(start.Add(time.Minute).Sub(now).Seconds()))
	return s.windowCount, allowed, reset
}

func (s *Server) record(rc *reqCtx, status int) {
	rec := RequestRecord{Method: rc.r.Method, Path: rc.r.URL.Path, Query: rc.r.URL.RawQuery,
		Status: status, Time: rc.now, CorrelationID: rc.cid, Fault: rc.fault}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.Requests++
	s.stats.ByStatus[status]++
	if rc.fault != "" && rc.fault != "job-cap" {
		s.stats.FaultsInjected++
		if rc.fault == "rate-limit" {
			s.stats.RateLimited++
		}
	}
	if len(s.log) < s.cfg.logSize {
		s.log = append(s.log, rec)
		return
	}
	s.log[s.logNext] = rec
	s.logNext = (s.logNext + 1) % s.cfg.logSize
}

// handlerFunc serves one routed API request.
type handlerFunc func(rc *reqCtx, params []string, resp *response)

const convPrefix = "/api/v2/analytics/conversations/"

// route finds the handler for a method and path.
func (s *Server) route(method, p string) (handlerFunc, []string, *apiError) {
	rest, ok := strings.CutPrefix(p, convPrefix)
	if !ok {
		return nil, nil, notFound("No resource found for " + method + " " + p)
	}
	seg := strings.Split(rest, "/")
	allow := func(methods ...string) *apiError {
		if slices.Contains(methods, method) {
			return nil
		}
		return &apiError{status: http.StatusMethodNotAllowed,
			message: "method " + method + " is not allowed on " + p + " (allowed: " + strings.Join(methods, ", ") + ")"}
	}
	switch {
	case len(seg) == 2 && seg[0] == "details" && seg[1] == "query":
		return s.handleQuery, nil, allow(http.MethodPost)
	case len(seg) == 2 && seg[0] == "details" && seg[1] == "jobs":
		return s.handleJobCreate, nil, allow(http.MethodPost)
	case len(seg) == 3 && seg[0] == "details" && seg[1] == "jobs" && seg[2] == "availability":
		return s.handleAvailability, nil, allow(http.MethodGet)
	case len(seg) == 3 && seg[0] == "details" && seg[1] == "jobs" && seg[2] != "":
		if method == http.MethodDelete {
			return s.handleJobDelete, seg[2:], nil
		}
		return s.handleJobStatus, seg[2:], allow(http.MethodGet, http.MethodDelete)
	case len(seg) == 4 && seg[0] == "details" && seg[1] == "jobs" && seg[2] != "" && seg[3] == "results":
		return s.handleJobResults, seg[2:3], allow(http.MethodGet)
	case len(seg) == 1 && seg[0] == "details":
		return s.handleMultiGet, nil, allow(http.MethodGet)
	case len(seg) == 2 && seg[0] != "" && seg[1] == "details":
		return s.handleLookup, seg[:1], allow(http.MethodGet)
	}
	return nil, nil, notFound("No resource found for " + method + " " + p)
}

// ---- tokens ----

func (s *Server) authenticate(rc *reqCtx) *apiError {
	auth := rc.r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || tok == "" {
		s.countUnauthorized()
		return &apiError{status: http.StatusUnauthorized}
	}
	s.mu.Lock()
	exp, known := s.tokens[tok]
	s.mu.Unlock()
	if !known || !rc.now.Before(exp) {
		s.countUnauthorized()
		return &apiError{status: http.StatusUnauthorized, code: "bad.credentials",
			message: "Invalid login credentials: the access token is unknown or expired."}
	}
	return nil
}

func (s *Server) countUnauthorized() {
	s.mu.Lock()
	s.stats.Unauthorized++
	s.mu.Unlock()
}

func tokenError(resp *response, status int, code, desc string) {
	var w jw
	w.open('{')
	w.fStr("error", code)
	w.fStr("description", desc)
	w.fStr("error_description", desc)
	w.close('}')
	resp.json(status, w.b)
}

// handleToken serves POST /oauth/token (client credentials, HTTP Basic).
func (s *Server) handleToken(rc *reqCtx, resp *response) {
	r := rc.r
	refuse := func(status int, code, desc string) {
		s.mu.Lock()
		s.stats.TokenFailures++
		s.mu.Unlock()
		tokenError(resp, status, code, desc)
	}
	if r.Method != http.MethodPost {
		refuse(http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		refuse(http.StatusUnauthorized, "invalid_client", "client credentials must be sent with HTTP Basic authentication")
		return
	}
	r.Body = http.MaxBytesReader(nil, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		refuse(http.StatusBadRequest, "invalid_request", "malformed form body")
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		refuse(http.StatusBadRequest, "unsupported_grant_type", "grant_type must be client_credentials")
		return
	}
	if !s.credentialsOK(id, secret) {
		refuse(http.StatusUnauthorized, "invalid_client", "client not found")
		return
	}
	var raw [24]byte
	_, _ = rand.Read(raw[:])
	tok := base64.RawURLEncoding.EncodeToString(raw[:])
	s.mu.Lock()
	life := s.tokenLifetime
	for t, exp := range s.tokens {
		if !rc.now.Before(exp) {
			delete(s.tokens, t)
		}
	}
	s.tokens[tok] = rc.now.Add(life)
	s.stats.TokensIssued++
	s.mu.Unlock()
	var w jw
	w.open('{')
	w.fStr("access_token", tok)
	w.fStr("token_type", "bearer")
	w.fInt("expires_in", int64(math.Ceil(life.Seconds())))
	w.close('}')
	resp.json(http.StatusOK, w.b)
}

// credentialsOK checks a client id and secret. Values are also compared
// URL-unescaped, because golang.org/x/oauth2 escapes them before Basic
// encoding while the official SDKs do not.
func (s *Server) credentialsOK(id, secret string) bool {
	if id == "" || secret == "" {
		return false
	}
	if s.cfg.clientID == "" {
		return true
	}
	eq := func(got, want string) bool {
		if got == want {
			return true
		}
		u, err := url.QueryUnescape(got)
		return err == nil && u == want
	}
	return eq(id, s.cfg.clientID) && eq(secret, s.cfg.clientSecret)
}
