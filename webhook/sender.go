package webhook

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrClosed means Send was called after Close.
var ErrClosed = errors.New("webhook: sender closed")

// ErrEndpointDisabled means the endpoint answered 410 Gone: the sender
// stopped delivering and refuses new events. Pending events stay pending
// (and in the outbox) and Close hands them back.
var ErrEndpointDisabled = errors.New("webhook: endpoint disabled by 410 Gone")

// Outcome is what became of one delivery attempt.
type Outcome string

// The outcomes a [Report] carries.
const (
	OutcomeDelivered Outcome = "delivered" // 2xx
	OutcomeRetrying  Outcome = "retrying"  // failed; another attempt follows
	OutcomeFailed    Outcome = "failed"    // failed and no attempts are left: the message is given up
	OutcomeDisabled  Outcome = "disabled"  // 410 Gone: the endpoint is disabled
)

// Valid reports whether o is one of the outcomes above.
func (o Outcome) Valid() bool {
	switch o {
	case OutcomeDelivered, OutcomeRetrying, OutcomeFailed, OutcomeDisabled:
		return true
	}
	return false
}

// Report describes one delivery attempt, for [WithObserver].
type Report struct {
	EventID    string        // the webhook-id
	Type       EventType     // the event's type
	Attempt    int           // 1 for the first attempt
	StatusCode int           // the response status; 0 without a response
	Err        error         // why the attempt failed; nil when delivered
	Duration   time.Duration // how long the attempt took
	Outcome    Outcome
	NextDelay  time.Duration // for OutcomeRetrying: the wait before the next attempt
}

// Sender delivers events to one endpoint as signed Standard Webhooks
// requests, in the order they were sent, retrying failures on a schedule.
// One goroutine delivers; it runs from [NewSender] until [Sender.Close],
// which waits for it. A Sender is safe for concurrent use.
type Sender struct {
	endpoint string
	keys     []key
	cfg      senderConfig
	client   *http.Client
	outbox   *outbox // nil without WithOutbox
	slots    chan struct{}
	closing  chan struct{}
	gone     chan struct{} // closed on 410
	cancel   context.CancelFunc
	done     chan struct{}
	sending  sync.WaitGroup

	mu       sync.Mutex
	queue    []*message
	pending  map[string]bool // ids accepted and not finished
	closed   bool
	disabled bool
	changed  chan struct{} // closed and replaced whenever the state above changes
	seq      int64
}

// NewSender returns a Sender that posts events to endpoint, signed with
// every secret ("whsec_" + base64; list the new secret and the old one
// while rotating). It validates the configuration, loads the outbox if
// [WithOutbox] is given, and starts the delivery goroutine; call Close.
//
// The endpoint must be https:// unless its host is loopback (with
// [WithAllowLoopback]) or [WithAllowHTTP] is given. Destinations that are
// loopback, private, link-local, cloud metadata, unspecified, multicast or
// broadcast are refused unless an option allows them; literal addresses are
// checked here and every resolved address again when connecting, so DNS
// rebinding cannot get through. Redirects are never followed.
//
// Errors name each bad argument or option; secrets never appear in them.
func NewSender(endpoint string, secrets []string, opts ...Option) (*Sender, error) {
	cfg := senderConfig{
		resolver:      net.DefaultResolver,
		schedule:      DefaultRetrySchedule(),
		jitter:        DefaultJitter,
		maxRetryAfter: DefaultMaxRetryAfter,
		timeout:       DefaultAttemptTimeout,
		clock:         time.Now,
		sleep:         defaultSleep,
		queueSize:     DefaultQueueSize,
		logger:        slog.New(slog.DiscardHandler),
	}
	keys, err := parseSecrets(secrets)
	errs := []error{err}
	for _, o := range opts {
		if o != nil {
			errs = append(errs, o(&cfg))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	u, err := checkEndpoint(endpoint, &cfg)
	if err != nil {
		return nil, err
	}
	s := &Sender{
		endpoint: u,
		keys:     keys,
		cfg:      cfg,
		client:   newClient(&cfg),
		closing:  make(chan struct{}),
		gone:     make(chan struct{}),
		done:     make(chan struct{}),
		pending:  make(map[string]bool),
		changed:  make(chan struct{}),
	}
	var loaded []*message
	if cfg.outboxDir != "" {
		if s.outbox, err = openOutbox(cfg.outboxDir); err != nil {
			return nil, fmt.Errorf("webhook: WithOutbox: %w", err)
		}
		if loaded, err = s.outbox.load(); err != nil {
			return nil, fmt.Errorf("webhook: outbox: %w", err)
		}
	}
	s.slots = make(chan struct{}, cfg.queueSize+len(loaded))
	for _, m := range loaded {
		s.slots <- struct{}{}
		s.pending[m.id] = true
		s.queue = append(s.queue, m)
		s.seq = max(s.seq, m.seq)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	go s.run(ctx)
	return s, nil
}

// checkEndpoint validates the URL against the policy and returns it; it
// sets cfg.policy.httpOnlyLoopback for a plain http endpoint.
func checkEndpoint(endpoint string, cfg *senderConfig) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", errors.New("webhook: endpoint is not a URL")
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return "", fmt.Errorf("webhook: endpoint scheme %q is not https", u.Scheme)
	case u.Hostname() == "":
		return "", errors.New("webhook: endpoint has no host")
	case u.User != nil:
		return "", errors.New("webhook: endpoint must not contain user information")
	}
	host := u.Hostname()
	lit, litErr := netip.ParseAddr(host)
	isLoopback := (litErr == nil && lit.Unmap().IsLoopback()) || isLocalhost(host)
	if u.Scheme == "http" && !cfg.allowHTTP {
		if !isLoopback {
			return "", fmt.Errorf("%w: %s (use https, or WithAllowHTTP)", ErrInsecureEndpoint, host)
		}
		cfg.policy.httpOnlyLoopback = true
	}
	if isLoopback && !cfg.policy.loopback {
		return "", fmt.Errorf("%w: %s is loopback (see WithAllowLoopback)", ErrForbiddenAddress, host)
	}
	if litErr == nil {
		if err := cfg.policy.check(lit); err != nil {
			return "", err
		}
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

func isLocalhost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

func newClient(cfg *senderConfig) *http.Client {
	tlsCfg := cfg.tls
	if tlsCfg == nil {
		tlsCfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect on our behalf, past the address checks
		DialContext:           newDialer(cfg.policy, cfg.resolver).DialContext,
		TLSClientConfig:       tlsCfg,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// newID returns "msg_" and 26 random base32 characters.
func newID() string {
	b := make([]byte, 16)
	_, _ = crand.Read(b) // crypto/rand.Read never fails
	return "msg_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// IDFor returns a webhook-id derived from parts, the same for the same
// parts: "msg_" and 26 base32 characters of their SHA-256. Use it for
// events that may be sent again after a crash, such as
// IDFor(exportID, "batch", strconv.Itoa(seq)), so the outbox and the
// receivers deduplicate them.
func IDFor(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		// Length-prefixed, so ("ab","c") and ("a","bc") differ.
		_, _ = h.Write(strconv.AppendInt(nil, int64(len(p)), 10))
		_, _ = h.Write([]byte{':'})
		_, _ = h.Write([]byte(p))
	}
	sum := h.Sum(nil)
	return "msg_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:16]))
}

// checkID allows 1 to 128 of A-Z a-z 0-9 _ - (no '.', which would make the
// signed content ambiguous, and nothing unsafe in a file name).
func checkID(id string) error {
	if id == "" || len(id) > 128 {
		return errors.New("webhook: event id must be 1 to 128 characters")
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return errors.New("webhook: event id may hold only A-Z a-z 0-9 _ -")
		}
	}
	return nil
}

// Send accepts ev for delivery and returns once it is queued (and, with
// [WithOutbox], fsynced); delivery happens in the background, in order. An
// empty ev.ID gets a random one; a zero ev.Timestamp gets the clock's time.
// Sending an id that is still pending does nothing and returns nil, so
// deterministic ids make re-sends idempotent. Send blocks while the queue
// is full, until ctx is done.
//
// Errors: an invalid event, [ErrClosed], [ErrEndpointDisabled], an outbox
// write error, or ctx's error.
func (s *Sender) Send(ctx context.Context, ev Event) error {
	if ev.Data == nil {
		return errors.New("webhook: send: event has no data")
	}
	if err := ev.Data.check(); err != nil {
		return fmt.Errorf("webhook: send %s: %w", ev.Type(), err)
	}
	if ev.ID == "" {
		ev.ID = newID()
	} else if err := checkID(ev.ID); err != nil {
		return err
	}
	if ev.Timestamp.IsZero() {
		ev.Timestamp = s.cfg.clock()
	}
	s.mu.Lock()
	err := s.acceptable(ev.ID)
	if err == nil {
		s.sending.Add(1) // Close waits for Sends past this point
	}
	s.mu.Unlock()
	if err != nil {
		return ignoreDuplicate(err)
	}
	defer s.sending.Done()

	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("webhook: send: %w", ctx.Err())
	case <-s.closing:
		return ErrClosed
	case <-s.gone:
		return ErrEndpointDisabled
	}
	s.mu.Lock()
	if err := s.acceptable(ev.ID); err != nil {
		s.mu.Unlock()
		<-s.slots
		return ignoreDuplicate(err)
	}
	s.seq++
	m := &message{id: ev.ID, seq: s.seq, accepted: s.cfg.clock(), typ: ev.Type(),
		body: ev.appendJSON(make([]byte, 0, 512)), event: ev}
	s.pending[m.id] = true // reserved while the outbox is written
	s.mu.Unlock()

	if s.outbox != nil {
		exists, err := s.outbox.put(m)
		if err != nil || exists {
			s.mu.Lock()
			delete(s.pending, m.id)
			s.mu.Unlock()
			<-s.slots
			if err != nil {
				return fmt.Errorf("webhook: send: outbox: %w", err)
			}
			return nil // an earlier run left it pending; it is queued from there
		}
	}
	s.mu.Lock()
	s.queue = append(s.queue, m)
	s.broadcast()
	s.mu.Unlock()
	return nil
}

var errDuplicate = errors.New("duplicate")

func ignoreDuplicate(err error) error {
	if err == errDuplicate {
		return nil
	}
	return err
}

// acceptable says whether a new message with id may be accepted now.
// s.mu is held.
func (s *Sender) acceptable(id string) error {
	switch {
	case s.closed:
		return ErrClosed
	case s.disabled:
		return ErrEndpointDisabled
	case s.pending[id]:
		return errDuplicate
	}
	return nil
}

// broadcast wakes everyone waiting for a state change. s.mu is held.
func (s *Sender) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Disabled reports whether the endpoint answered 410 Gone.
func (s *Sender) Disabled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.disabled
}

// Pending returns how many accepted events are not yet delivered or given up.
func (s *Sender) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// Close stops accepting events, waits until every pending event is
// delivered or given up (or the endpoint is disabled, or ctx is done),
// stops the delivery goroutine and waits for it. It returns the events
// still undelivered, in order; with [WithOutbox] they also stay on disk for
// the next Sender. The error is nil when nothing is left, otherwise it
// wraps ctx's error or [ErrEndpointDisabled]. Later calls return nil, nil.
func (s *Sender) Close(ctx context.Context) ([]Event, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		<-s.done
		return nil, nil
	}
	s.closed = true
	close(s.closing)
	s.mu.Unlock()
	s.sending.Wait()

	var waitErr error
	for waitErr == nil {
		s.mu.Lock()
		idle := len(s.pending) == 0 || s.disabled
		ch := s.changed
		s.mu.Unlock()
		if idle {
			break
		}
		select {
		case <-ch:
		case <-ctx.Done():
			waitErr = ctx.Err()
		}
	}
	s.cancel()
	<-s.done
	s.client.CloseIdleConnections()

	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		return nil, nil
	}
	left := make([]Event, len(s.queue))
	for i, m := range s.queue {
		left[i] = m.event
	}
	if s.disabled {
		return left, fmt.Errorf("webhook: close: %d events undelivered: %w", len(left), ErrEndpointDisabled)
	}
	if waitErr == nil {
		waitErr = context.Canceled
	}
	return left, fmt.Errorf("webhook: close: %d events undelivered: %w", len(left), waitErr)
}

// run is the delivery goroutine.
func (s *Sender) run(ctx context.Context) {
	defer close(s.done)
	for {
		m, ok := s.next(ctx)
		if !ok {
			return
		}
		s.finish(m, s.deliver(ctx, m))
	}
}

// next waits for the next message to deliver; false when ctx is done.
func (s *Sender) next(ctx context.Context) (*message, bool) {
	for ctx.Err() == nil {
		s.mu.Lock()
		if !s.disabled && len(s.queue) > 0 {
			m := s.queue[0]
			s.mu.Unlock()
			return m, true
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
		}
	}
	return nil, false
}

// finish records what became of the message at the head of the queue.
func (s *Sender) finish(m *message, o Outcome) {
	var fileErr error
	switch o {
	case OutcomeDelivered:
		if s.outbox != nil {
			fileErr = s.outbox.done(m.id)
		}
	case OutcomeFailed:
		if s.outbox != nil {
			fileErr = s.outbox.fail(m.id)
		}
	}
	if fileErr != nil {
		s.cfg.logger.Warn("webhook: outbox update failed", "event_id", m.id, "error", fileErr)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch o {
	case OutcomeDelivered, OutcomeFailed:
		s.queue[0] = nil
		s.queue = s.queue[1:]
		delete(s.pending, m.id)
		<-s.slots
	case OutcomeDisabled:
		if !s.disabled {
			s.disabled = true // the message stays at the head, undelivered
			close(s.gone)
		}
	}
	// Cancelled (""): it stays at the head for Close to hand back.
	s.broadcast()
}

// deliver runs the attempts of one message. It returns "" when ctx ended
// first.
func (s *Sender) deliver(ctx context.Context, m *message) Outcome {
	wait := s.delay(0, 0)
	for i := range s.cfg.schedule {
		if wait > 0 && s.cfg.sleep(ctx, wait) != nil {
			return ""
		}
		if ctx.Err() != nil {
			return ""
		}
		r, retryAfter := s.attempt(ctx, m, i+1)
		if ctx.Err() != nil && r.Outcome != OutcomeDelivered {
			return "" // cut short by Close: not the endpoint's failure
		}
		if r.Outcome == OutcomeRetrying {
			if i == len(s.cfg.schedule)-1 {
				r.Outcome = OutcomeFailed
			} else {
				wait = s.delay(i+1, retryAfter)
				r.NextDelay = wait
			}
		}
		s.report(r)
		if r.Outcome != OutcomeRetrying {
			return r.Outcome
		}
	}
	return OutcomeFailed
}

// delay is the wait before attempt i (from 0): the scheduled delay with
// jitter, or the Retry-After the last response asked for when longer.
func (s *Sender) delay(i int, retryAfter time.Duration) time.Duration {
	d := s.cfg.schedule[i]
	if j := s.cfg.jitter; j > 0 && d > 0 {
		d += time.Duration((rand.Float64()*2 - 1) * j * float64(d))
	}
	return max(d, min(retryAfter, s.cfg.maxRetryAfter))
}

// attempt makes one request. The second result is the response's
// Retry-After (0 without one).
func (s *Sender) attempt(ctx context.Context, m *message, n int) (Report, time.Duration) {
	r := Report{EventID: m.id, Type: m.typ, Attempt: n, Outcome: OutcomeRetrying}
	start := time.Now()
	actx, cancel := context.WithTimeout(ctx, s.cfg.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, s.endpoint, bytes.NewReader(m.body))
	if err != nil {
		r.Err = errors.New("webhook: building the request failed")
		return r, 0
	}
	ts := strconv.FormatInt(s.cfg.clock().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "gcdata-webhook/1")
	req.Header.Set(HeaderID, m.id)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, signatureHeader(s.keys, m.id, ts, m.body))
	resp, err := s.client.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err // the url.Error text would repeat the endpoint, query and all
		}
		r.Err = fmt.Errorf("webhook: attempt %d: %w", n, err)
		r.Duration = time.Since(start)
		return r, 0
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseBytes))
	_ = resp.Body.Close()
	r.StatusCode = resp.StatusCode
	r.Duration = time.Since(start)
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		r.Outcome = OutcomeDelivered
		return r, 0
	case resp.StatusCode == http.StatusGone:
		r.Outcome = OutcomeDisabled
		r.Err = ErrEndpointDisabled
		return r, 0
	}
	r.Err = &StatusError{StatusCode: resp.StatusCode}
	return r, retryAfterOf(resp.Header.Get("Retry-After"), s.cfg.clock())
}

// StatusError is a delivery attempt answered with a status other than 2xx
// or 410. Redirects (3xx) are failures too and are never followed.
type StatusError struct {
	StatusCode int
}

// Error says which status the endpoint answered with.
func (e *StatusError) Error() string {
	return "webhook: endpoint answered " + strconv.Itoa(e.StatusCode) + " " + http.StatusText(e.StatusCode)
}

// retryAfterOf parses a Retry-After value: delay-seconds or an HTTP date.
func retryAfterOf(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(365*24*3600))) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func (s *Sender) report(r Report) {
	level := slog.LevelDebug
	if r.Outcome != OutcomeDelivered {
		level = slog.LevelWarn
	}
	s.cfg.logger.LogAttrs(context.Background(), level, "webhook: delivery attempt",
		slog.String("event_id", r.EventID), slog.String("type", string(r.Type)),
		slog.Int("attempt", r.Attempt), slog.Int("status", r.StatusCode),
		slog.Duration("duration", r.Duration), slog.String("outcome", string(r.Outcome)),
		slog.Any("error", r.Err))
	if s.cfg.observer != nil {
		s.cfg.observer(r)
	}
}
