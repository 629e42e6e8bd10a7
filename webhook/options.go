package webhook

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Option configures a [Sender].
type Option func(*senderConfig) error

type senderConfig struct {
	policy        addrPolicy
	allowHTTP     bool
	resolver      Resolver
	tls           *tls.Config
	schedule      []time.Duration
	jitter        float64
	maxRetryAfter time.Duration
	timeout       time.Duration
	clock         func() time.Time
	sleep         func(context.Context, time.Duration) error
	outboxDir     string
	queueSize     int
	logger        *slog.Logger
	observer      func(Report)
}

// DefaultRetrySchedule is the default delay before each attempt, after the
// specification's example: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
// 10 h: eight attempts over about 28 hours.
func DefaultRetrySchedule() []time.Duration {
	return []time.Duration{0, 5 * time.Second, 5 * time.Minute, 30 * time.Minute,
		2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 10 * time.Hour}
}

// Defaults of the sender options.
const (
	DefaultJitter         = 0.1              // ±10% of each delay
	DefaultAttemptTimeout = 30 * time.Second // per attempt, connection to response headers and body
	DefaultQueueSize      = 1000             // pending messages before Send blocks
	DefaultMaxRetryAfter  = 10 * time.Hour   // longest Retry-After honoured
	maxResponseBytes      = 64 << 10         // response bodies read and discarded up to this
)

func defaultSleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WithAllowHTTP allows a plain http:// endpoint to any allowed address.
// Default: http:// is accepted only when the endpoint's host is loopback
// (which also needs [WithAllowLoopback]); checked again at connection time.
func WithAllowHTTP() Option {
	return func(c *senderConfig) error { c.allowHTTP = true; return nil }
}

// WithAllowLoopback allows loopback destinations (127.0.0.0/8, ::1,
// localhost), for a receiver on the same machine. Default: refused, so a
// name that resolves to loopback cannot reach local services.
func WithAllowLoopback() Option {
	return func(c *senderConfig) error { c.policy.loopback = true; return nil }
}

// WithAllowPrivate allows private destinations: 10/8, 172.16/12,
// 192.168/16, fc00::/7, 100.64/10 and 198.18/15. Default: refused. Cloud
// metadata addresses stay refused.
func WithAllowPrivate() Option {
	return func(c *senderConfig) error { c.policy.private = true; return nil }
}

// WithAllowLinkLocal allows link-local destinations (169.254/16, fe80::/10).
// Default: refused. Cloud metadata addresses (169.254.169.254,
// fd00:ec2::254, ...) stay refused.
func WithAllowLinkLocal() Option {
	return func(c *senderConfig) error { c.policy.linkLocal = true; return nil }
}

// WithResolver sets how host names are resolved before the addresses are
// checked; default net.DefaultResolver. A test seam.
func WithResolver(r Resolver) Option {
	return func(c *senderConfig) error {
		if r == nil {
			return errors.New("webhook: WithResolver: nil resolver")
		}
		c.resolver = r
		return nil
	}
}

// WithTLSConfig sets the TLS configuration (it is cloned), for example to
// trust a private CA. Default: system roots, TLS 1.2 or later.
func WithTLSConfig(cfg *tls.Config) Option {
	return func(c *senderConfig) error {
		if cfg == nil {
			return errors.New("webhook: WithTLSConfig: nil config")
		}
		if cfg.InsecureSkipVerify {
			return errors.New("webhook: WithTLSConfig: InsecureSkipVerify is not allowed")
		}
		c.tls = cfg.Clone()
		return nil
	}
}

// WithRetrySchedule sets the delay before each attempt: the first entry is
// the delay before the first attempt (usually 0), and the number of entries
// is the number of attempts. Default [DefaultRetrySchedule].
func WithRetrySchedule(delays ...time.Duration) Option {
	return func(c *senderConfig) error {
		if len(delays) == 0 {
			return errors.New("webhook: WithRetrySchedule: no attempts")
		}
		for _, d := range delays {
			if d < 0 {
				return fmt.Errorf("webhook: WithRetrySchedule: negative delay %v", d)
			}
		}
		c.schedule = append([]time.Duration(nil), delays...)
		return nil
	}
}

// WithJitter sets the random spread of each delay as a fraction: a delay d
// becomes uniform in [d-f*d, d+f*d]. Default [DefaultJitter]; 0 turns it off.
func WithJitter(f float64) Option {
	return func(c *senderConfig) error {
		if f < 0 || f >= 1 || f != f {
			return fmt.Errorf("webhook: WithJitter: %v is not in [0, 1)", f)
		}
		c.jitter = f
		return nil
	}
}

// WithMaxRetryAfter caps the Retry-After the sender honours; default
// [DefaultMaxRetryAfter]. A Retry-After longer than the scheduled delay
// replaces it, up to this cap.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(c *senderConfig) error {
		if d < 0 {
			return fmt.Errorf("webhook: WithMaxRetryAfter: negative %v", d)
		}
		c.maxRetryAfter = d
		return nil
	}
}

// WithAttemptTimeout bounds one delivery attempt; default
// [DefaultAttemptTimeout]. A timeout is a failed attempt and is retried.
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *senderConfig) error {
		if d <= 0 {
			return fmt.Errorf("webhook: WithAttemptTimeout: %v is not positive", d)
		}
		c.timeout = d
		return nil
	}
}

// WithClock sets the clock for webhook-timestamp, default event timestamps
// and Retry-After dates; default time.Now. A test seam.
func WithClock(now func() time.Time) Option {
	return func(c *senderConfig) error {
		if now == nil {
			return errors.New("webhook: WithClock: nil clock")
		}
		c.clock = now
		return nil
	}
}

// WithSleep sets how the sender waits between attempts; it must return
// early with ctx's error when ctx is done. Default: a timer. A test seam:
// a function that records d and returns nil runs a whole schedule at once.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *senderConfig) error {
		if sleep == nil {
			return errors.New("webhook: WithSleep: nil function")
		}
		c.sleep = sleep
		return nil
	}
}

// WithOutbox makes the sender durable: Send returns only after the message
// is fsynced to a file in dir (created 0700 if missing), delivered messages'
// files are removed, and a new Sender on the same dir delivers what was
// pending (at least once: receivers deduplicate by webhook-id). Use one
// Sender per directory. Default: in memory only.
func WithOutbox(dir string) Option {
	return func(c *senderConfig) error {
		if dir == "" {
			return errors.New("webhook: WithOutbox: empty directory")
		}
		c.outboxDir = dir
		return nil
	}
}

// WithQueueSize sets how many messages may be pending before Send blocks;
// default [DefaultQueueSize].
func WithQueueSize(n int) Option {
	return func(c *senderConfig) error {
		if n <= 0 {
			return fmt.Errorf("webhook: WithQueueSize: %d is not positive", n)
		}
		c.queueSize = n
		return nil
	}
}

// WithLogger sets the logger for delivery attempts; default discards. Keys:
// event_id, type, attempt, status, duration. Secrets, bodies and the
// endpoint's query are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *senderConfig) error {
		if l == nil {
			return errors.New("webhook: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithObserver sets a function called after every attempt with its
// [Report], on the sender's delivery goroutine (keep it quick). This is how
// a program learns that the endpoint answered 410 and was disabled
// ([OutcomeDisabled]) or that a message was given up ([OutcomeFailed]).
func WithObserver(f func(Report)) Option {
	return func(c *senderConfig) error {
		if f == nil {
			return errors.New("webhook: WithObserver: nil function")
		}
		c.observer = f
		return nil
	}
}
