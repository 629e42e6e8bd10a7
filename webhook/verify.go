package webhook

import (
	"crypto/hmac"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Errors [Verify] and [Verifier.Verify] return; each failure has its own.
var (
	// ErrMissingHeaders: webhook-id, webhook-timestamp or webhook-signature
	// is absent or empty.
	ErrMissingHeaders = errors.New("webhook: missing webhook headers")
	// ErrInvalidTimestamp: webhook-timestamp is not an integer of unix seconds.
	ErrInvalidTimestamp = errors.New("webhook: invalid webhook-timestamp")
	// ErrTimestampTooOld: the timestamp is more than the tolerance in the past.
	ErrTimestampTooOld = errors.New("webhook: timestamp too old")
	// ErrTimestampTooNew: the timestamp is more than the tolerance in the future.
	ErrTimestampTooNew = errors.New("webhook: timestamp too new")
	// ErrInvalidSignature: no v1 signature matches any secret (tampered body,
	// id or timestamp, wrong secret, or no v1 signature at all).
	ErrInvalidSignature = errors.New("webhook: no matching signature")
	// ErrReplayed: the replay cache has seen this webhook-id within the
	// tolerance window.
	ErrReplayed = errors.New("webhook: replayed webhook-id")
	// ErrBodyTooLarge: the middleware read more than the body limit.
	ErrBodyTooLarge = errors.New("webhook: body too large")
)

// DefaultTolerance is how far a webhook-timestamp may be from the verifier's
// clock, in either direction.
const DefaultTolerance = 5 * time.Minute

// DefaultMaxBodyBytes is the middleware's body limit.
const DefaultMaxBodyBytes = 1 << 20

// Verified describes a message whose signature and timestamp checked out.
type Verified struct {
	ID        string    // the webhook-id header
	Timestamp time.Time // the webhook-timestamp header (this attempt's)
}

// VerifierOption configures a [Verifier] (or one [Verify] call).
type VerifierOption func(*verifierConfig) error

type verifierConfig struct {
	tolerance   time.Duration
	clock       func() time.Time
	replaySize  int
	maxBody     int64
	errorStatus func(error) int
}

// WithTolerance sets how far the webhook-timestamp may be from the clock,
// both directions; default [DefaultTolerance]. Timestamps exactly at the
// edge pass.
func WithTolerance(d time.Duration) VerifierOption {
	return func(c *verifierConfig) error {
		if d <= 0 {
			return fmt.Errorf("webhook: WithTolerance: %v is not positive", d)
		}
		c.tolerance = d
		return nil
	}
}

// WithVerifierClock sets the verifier's clock; default time.Now. A test seam.
func WithVerifierClock(now func() time.Time) VerifierOption {
	return func(c *verifierConfig) error {
		if now == nil {
			return errors.New("webhook: WithVerifierClock: nil clock")
		}
		c.clock = now
		return nil
	}
}

// WithReplayCache makes the verifier remember up to size webhook-ids for
// the tolerance window after their timestamp and reject a second message
// with one of them ([ErrReplayed]). Default: off. When more than size ids
// arrive within one window the oldest are forgotten early. The cache needs
// no goroutine: expired entries are dropped as new ones arrive.
func WithReplayCache(size int) VerifierOption {
	return func(c *verifierConfig) error {
		if size <= 0 {
			return fmt.Errorf("webhook: WithReplayCache: size %d is not positive", size)
		}
		c.replaySize = size
		return nil
	}
}

// WithMaxBodyBytes sets the largest body [Verifier.Middleware] reads;
// default [DefaultMaxBodyBytes].
func WithMaxBodyBytes(n int64) VerifierOption {
	return func(c *verifierConfig) error {
		if n <= 0 {
			return fmt.Errorf("webhook: WithMaxBodyBytes: %d is not positive", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithErrorStatus sets the HTTP status the middleware answers a failed
// verification with; default [DefaultErrorStatus].
func WithErrorStatus(status func(error) int) VerifierOption {
	return func(c *verifierConfig) error {
		if status == nil {
			return errors.New("webhook: WithErrorStatus: nil function")
		}
		c.errorStatus = status
		return nil
	}
}

// Verifier checks Standard Webhooks signatures against one or more secrets.
// It is safe for concurrent use and starts no goroutines.
type Verifier struct {
	keys   []key
	cfg    verifierConfig
	replay *replayCache // nil when off
}

// NewVerifier returns a Verifier for secrets ("whsec_" + base64; several
// during a rotation: a message passes when any v1 signature matches any
// secret). Errors wrap [ErrInvalidSecret] and name the bad option.
func NewVerifier(secrets []string, opts ...VerifierOption) (*Verifier, error) {
	cfg := verifierConfig{
		tolerance:   DefaultTolerance,
		clock:       time.Now,
		maxBody:     DefaultMaxBodyBytes,
		errorStatus: DefaultErrorStatus,
	}
	keys, err := parseSecrets(secrets)
	errs := []error{err}
	for _, o := range opts {
		if o == nil {
			continue
		}
		errs = append(errs, o(&cfg))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	v := &Verifier{keys: keys, cfg: cfg}
	if cfg.replaySize > 0 {
		v.replay = newReplayCache(cfg.replaySize)
	}
	return v, nil
}

// Verify checks one message given its raw headers and the exact body bytes
// received: the three headers must be present, the timestamp within the
// tolerance of the clock, and some v1 signature must match some secret
// (compared in constant time; other versions such as v1a are ignored). With
// a replay cache, a webhook-id seen before within the window fails with
// [ErrReplayed]; a verified id is remembered.
//
// Errors: [ErrMissingHeaders], [ErrInvalidTimestamp], [ErrTimestampTooOld],
// [ErrTimestampTooNew], [ErrInvalidSignature], [ErrReplayed].
func (v *Verifier) Verify(header http.Header, body []byte) (Verified, error) {
	m, err := v.check(header, body)
	if err != nil {
		return Verified{}, err
	}
	if v.replay != nil && !v.replay.add(m.ID, m.Timestamp.Add(v.cfg.tolerance), v.cfg.clock()) {
		return Verified{}, ErrReplayed
	}
	return m, nil
}

// check verifies everything but the replay cache.
func (v *Verifier) check(header http.Header, body []byte) (Verified, error) {
	id := header.Get(HeaderID)
	tsText := header.Get(HeaderTimestamp)
	sigs := header.Values(HeaderSignature)
	if id == "" || tsText == "" || len(sigs) == 0 || sigs[0] == "" {
		return Verified{}, ErrMissingHeaders
	}
	secs, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil || secs < 0 || strconv.FormatInt(secs, 10) != tsText { // canonical digits only
		return Verified{}, ErrInvalidTimestamp
	}
	ts := time.Unix(secs, 0)
	now := v.cfg.clock()
	switch {
	case now.Sub(ts) > v.cfg.tolerance:
		return Verified{}, ErrTimestampTooOld
	case ts.Sub(now) > v.cfg.tolerance:
		return Verified{}, ErrTimestampTooNew
	}
	want := make([][]byte, len(v.keys))
	for i, k := range v.keys {
		want[i] = []byte(k.signature(id, tsText, body))
	}
	ok := 0
	for _, h := range sigs { // a repeated header counts like one joined by spaces
		for _, e := range parseSignatureHeader(h) {
			if e.version != signatureVersion {
				continue
			}
			for _, w := range want {
				// Every comparison runs; |= keeps the loop free of early exits.
				if hmac.Equal([]byte(e.value), w) {
					ok |= 1
				}
			}
		}
	}
	if ok == 0 {
		return Verified{}, ErrInvalidSignature
	}
	return Verified{ID: id, Timestamp: ts}, nil
}

// Verify checks one message against secrets; see [Verifier.Verify]. A
// replay cache makes no sense for one call, so build a [Verifier] for that.
func Verify(secrets []string, header http.Header, body []byte, opts ...VerifierOption) (Verified, error) {
	v, err := NewVerifier(secrets, opts...)
	if err != nil {
		return Verified{}, err
	}
	return v.Verify(header, body)
}

// replayCache remembers ids until they expire, in arrival order, bounded.
type replayCache struct {
	mu    sync.Mutex
	size  int
	until map[string]time.Time
	order []replayEntry // arrival order; a ring would save copying, this is simpler
}

type replayEntry struct {
	id    string
	until time.Time
}

func newReplayCache(size int) *replayCache {
	return &replayCache{size: size, until: make(map[string]time.Time)}
}

// seen reports whether id is remembered and not expired at now.
func (c *replayCache) seen(id string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	u, ok := c.until[id]
	return ok && !now.After(u)
}

// add remembers id until the given time; it reports false when id was
// already remembered (a replay).
func (c *replayCache) add(id string, until, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire(now)
	if u, ok := c.until[id]; ok && !now.After(u) {
		return false
	}
	for len(c.order) >= c.size {
		c.drop()
	}
	c.until[id] = until
	c.order = append(c.order, replayEntry{id, until})
	return true
}

// expire drops leading entries that have expired. Entries arrive roughly
// in expiry order; a later-expiring one at the front only delays the rest.
func (c *replayCache) expire(now time.Time) {
	for len(c.order) > 0 && now.After(c.order[0].until) {
		c.drop()
	}
}

func (c *replayCache) drop() {
	e := c.order[0]
	c.order[0] = replayEntry{}
	c.order = c.order[1:]
	if u, ok := c.until[e.id]; ok && u.Equal(e.until) {
		delete(c.until, e.id)
	}
	if len(c.order) == 0 {
		c.order = nil // let the backing array go
	}
}
