package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

// Defaults used when an option is not given.
const (
	// DefaultQueryPageSize is the page size of the synchronous detail query.
	DefaultQueryPageSize = 100
	// DefaultJobPageSize is the page size used to read async job results.
	DefaultJobPageSize = 1000
	// DefaultPollMin is the first wait between two polls of a job's status.
	DefaultPollMin = time.Second
	// DefaultPollMax caps the wait between two polls of a job's status.
	DefaultPollMax = 15 * time.Second
	// DefaultJobTimeout bounds how long a job may stay QUEUED or PENDING.
	DefaultJobTimeout = 30 * time.Minute
	// DefaultChunk is the length of the chunks an interval is cut into for
	// async jobs (one job per chunk). Synchronous query chunks are always
	// whole UTC days.
	DefaultChunk = 24 * time.Hour
	// DefaultMaxResultWindow is the deep-paging cap of the synchronous query
	// (pageNumber × pageSize), CONTRACT.md §2.1.
	DefaultMaxResultWindow = 100000
	// DefaultLookupBatch is the number of ids per batched lookup request.
	DefaultLookupBatch = 100
	// cleanupTimeout bounds the DELETE of a job after the caller stopped.
	cleanupTimeout = 10 * time.Second
	// createTimeout bounds a job create, which is not cancelled with the
	// caller's context (see createJob).
	createTimeout = 2 * time.Minute
	// createGrace is how long a job create in flight may still finish
	// after the caller's context ended (so the job can be deleted).
	createGrace = 500 * time.Millisecond
)

// Searcher runs detail queries, async jobs, lookups and exports on one
// [genesys.Client]. It cannot change after [New] and is safe for concurrent
// use; each iterator it returns runs on the goroutine that ranges over it.
type Searcher struct {
	c   *genesys.Client
	cfg config
}

// config holds the options; it is copied into the Searcher.
type config struct {
	queryPageSize int
	jobPageSize   int
	pollMin       time.Duration
	pollMax       time.Duration
	jobTimeout    time.Duration
	chunk         time.Duration
	maxWindow     int
	lookupBatch   int
	clock         genesys.Clock
	logger        *slog.Logger
	err           error // option errors, reported by every call
}

// Option configures a [Searcher] in [New].
type Option func(*config) error

// New returns a Searcher using c. It makes no request. Invalid options are
// reported, joined, by the first call that uses the Searcher (every call
// returns them), so New itself cannot fail; see [Searcher.Err].
func New(c *genesys.Client, opts ...Option) *Searcher {
	cfg := config{
		queryPageSize: DefaultQueryPageSize,
		jobPageSize:   DefaultJobPageSize,
		pollMin:       DefaultPollMin,
		pollMax:       DefaultPollMax,
		jobTimeout:    DefaultJobTimeout,
		chunk:         DefaultChunk,
		maxWindow:     DefaultMaxResultWindow,
		lookupBatch:   DefaultLookupBatch,
		clock:         genesys.SystemClock(),
		logger:        slog.New(slog.DiscardHandler),
	}
	var errs []error
	if c == nil {
		errs = append(errs, errors.New("search: New: nil client"))
	}
	for i, o := range opts {
		if o == nil {
			errs = append(errs, fmt.Errorf("search: New: option %d is nil", i))
			continue
		}
		if err := o(&cfg); err != nil {
			errs = append(errs, err)
		}
	}
	if cfg.pollMin > cfg.pollMax {
		errs = append(errs, fmt.Errorf("search: WithPollInterval: min %s above max %s", cfg.pollMin, cfg.pollMax))
	}
	cfg.err = errors.Join(errs...)
	return &Searcher{c: c, cfg: cfg}
}

// Err reports the problems with the options given to [New], joined, or nil.
// Every call of a Searcher with bad options fails with this error.
func (s *Searcher) Err() error { return s.cfg.err }

// WithQueryPageSize sets the page size of the synchronous detail query
// (default 100, the largest the API is known to accept; 1..1000).
func WithQueryPageSize(n int) Option {
	return func(c *config) error {
		if n < 1 || n > 1000 {
			return fmt.Errorf("search: WithQueryPageSize: %d not in 1..1000", n)
		}
		c.queryPageSize = n
		return nil
	}
}

// WithJobPageSize sets the page size for reading async job results (default
// 1000; 1..10000). One page is one batch of an [Searcher.Export].
func WithJobPageSize(n int) Option {
	return func(c *config) error {
		if n < 1 || n > 10000 {
			return fmt.Errorf("search: WithJobPageSize: %d not in 1..10000", n)
		}
		c.jobPageSize = n
		return nil
	}
}

// WithPollInterval sets the bounds of the wait between two polls of a job's
// status (default 1s, growing by half each poll up to 15s). A Retry-After
// header on a status response overrides the wait.
func WithPollInterval(minWait, maxWait time.Duration) Option {
	return func(c *config) error {
		if minWait <= 0 || maxWait <= 0 {
			return fmt.Errorf("search: WithPollInterval: bounds must be positive, got %s and %s", minWait, maxWait)
		}
		c.pollMin, c.pollMax = minWait, maxWait
		return nil
	}
}

// WithJobTimeout bounds how long a job may stay QUEUED or PENDING before the
// call fails with a [*JobError] matching [ErrJobTimeout] (default 30m).
func WithJobTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("search: WithJobTimeout: must be positive, got %s", d)
		}
		c.jobTimeout = d
		return nil
	}
}

// WithChunk sets the length of the chunks that async jobs cover (default
// 24h). Chunk boundaries are multiples of d since the Unix epoch, so d must
// divide 24h or be a whole number of days (at most 31). Smaller chunks give
// an export more parallelism; synchronous query chunks are always whole UTC
// days.
func WithChunk(d time.Duration) Option {
	return func(c *config) error {
		const day = 24 * time.Hour
		switch {
		case d < time.Minute || d > 31*day:
			return fmt.Errorf("search: WithChunk: %s not in 1m..744h", d)
		case d%time.Minute != 0:
			return fmt.Errorf("search: WithChunk: %s is not a whole number of minutes", d)
		case d < day && day%d != 0, d > day && d%day != 0:
			return fmt.Errorf("search: WithChunk: %s must divide 24h or be a whole number of days", d)
		}
		c.chunk = d
		return nil
	}
}

// WithMaxResultWindow sets the deep-paging cap of the synchronous query
// (default 100000 = pageNumber × pageSize). A query chunk (a UTC day) with
// more results pages on from page 1 with an extra conversation filter
// conversationStart matches "<last delivered start>/<chunk end>" (the
// request interval cannot narrow it: the API widens it to whole days). It
// fails with [ErrResultWindow] only if that makes no progress.
func WithMaxResultWindow(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("search: WithMaxResultWindow: must be positive, got %d", n)
		}
		c.maxWindow = n
		return nil
	}
}

// WithLookupBatch sets the number of ids per request of
// [Searcher.Conversations] (default 100; 1..1000).
func WithLookupBatch(n int) Option {
	return func(c *config) error {
		if n < 1 || n > 1000 {
			return fmt.Errorf("search: WithLookupBatch: %d not in 1..1000", n)
		}
		c.lookupBatch = n
		return nil
	}
}

// WithClock replaces the clock used for job polling waits, job timeouts and
// export rates (default: the real clock). It is a test seam; the client has
// its own ([genesys.WithClock]).
func WithClock(clk genesys.Clock) Option {
	return func(c *config) error {
		if clk == nil {
			return errors.New("search: WithClock: nil clock")
		}
		c.clock = clk
		return nil
	}
}

// WithLogger sets the logger for job lifecycle and planner records (default:
// discard).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("search: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// stats counts requests for progress reports; safe for concurrent use.
type stats interface {
	addResponse(r *genesys.Response, err error)
}

// do runs one request, feeding st (may be nil).
func (s *Searcher) do(ctx context.Context, st stats, req genesys.Request, out any) (*genesys.Response, error) {
	r, err := s.c.Do(ctx, req, out)
	if st != nil {
		st.addResponse(r, err)
	}
	return r, err
}
