package genesystest

import (
	"errors"
	"fmt"
	"time"
)

// Option configures a [Server]. Each option checks its input; [New] returns
// every problem joined.
type Option func(*config) error

type config struct {
	seed          int64
	n             int
	start, end    time.Time
	periodSet     bool
	clock         func() time.Time
	clientID      string
	clientSecret  string
	lag           time.Duration
	tokenLifetime time.Duration
	limits        Limits
	faults        Faults
	logSize       int
	rules         []Rule
	live          bool
}

// Defaults of the options.
const (
	// DefaultConversations is the number of simulated conversations.
	DefaultConversations = 5000
	// DefaultPeriod is the length of the simulated period, which ends at the
	// start of the current hour.
	DefaultPeriod = 14 * 24 * time.Hour
	// DefaultAvailabilityLag is how far the jobs' dataAvailabilityDate trails
	// the clock.
	DefaultAvailabilityLag = 2 * time.Hour
	// DefaultTokenLifetime is the access token lifetime (expires_in).
	DefaultTokenLifetime = 24 * time.Hour
	// DefaultRequestLogSize is how many requests [Server.Requests] keeps.
	DefaultRequestLogSize = 10000
)

// Limits are the server's limits. A zero field takes its default; a
// negative field is an error, except where noted.
type Limits struct {
	// DefaultPageSize is the query's page size when paging is absent (25).
	DefaultPageSize int
	// MaxPageSize is the largest query pageSize (100); larger is a 400.
	MaxPageSize int
	// MaxResultWindow caps pageNumber*pageSize on the query (100000); past
	// it the query answers 400 "Pagination may not exceed 100000 results.".
	MaxResultWindow int
	// MaxInterval is the longest query interval without filters (7 days).
	MaxInterval time.Duration
	// MaxFilteredInterval is the longest query interval when at least one
	// filter is present (31 days).
	MaxFilteredInterval time.Duration
	// DefaultJobPageSize is the job results page size when pageSize is
	// absent (100).
	DefaultJobPageSize int
	// MaxJobPageSize is the largest job results pageSize (1000).
	MaxJobPageSize int
	// MaxConcurrentJobs caps the jobs that are QUEUED or PENDING at once (10).
	// Creating one more answers 429 with code
	// "analytics.jobs.concurrency.exceeded", a limit object and Retry-After 1.
	MaxConcurrentJobs int
	// JobRetention is how long a job lives after submission before it is
	// EXPIRED (24 h); it is the job's expirationDate.
	JobRetention time.Duration
	// JobPolls is how many status polls report a state before FULFILLED
	// (2: the first poll says QUEUED, the second PENDING, the third
	// FULFILLED). A negative value means the first poll says FULFILLED.
	JobPolls int
	// JobProcessing is the minimum time, on the server's clock, between
	// submission and FULFILLED (0: none).
	JobProcessing time.Duration
	// MaxLookupIDs is the most ids one multi-get may ask for (100).
	MaxLookupIDs int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	def(&l.DefaultPageSize, 25)
	def(&l.MaxPageSize, 100)
	def(&l.MaxResultWindow, 100000)
	defD(&l.MaxInterval, 7*24*time.Hour)
	defD(&l.MaxFilteredInterval, 31*24*time.Hour)
	def(&l.DefaultJobPageSize, 100)
	def(&l.MaxJobPageSize, 1000)
	def(&l.MaxConcurrentJobs, 10)
	defD(&l.JobRetention, 24*time.Hour)
	def(&l.JobPolls, 2)
	def(&l.MaxLookupIDs, 100)
	return l
}

func (l Limits) check() error {
	var errs []error
	for name, v := range map[string]int64{
		"DefaultPageSize": int64(l.DefaultPageSize), "MaxPageSize": int64(l.MaxPageSize),
		"MaxResultWindow": int64(l.MaxResultWindow), "MaxInterval": int64(l.MaxInterval),
		"MaxFilteredInterval": int64(l.MaxFilteredInterval), "DefaultJobPageSize": int64(l.DefaultJobPageSize),
		"MaxJobPageSize": int64(l.MaxJobPageSize), "MaxConcurrentJobs": int64(l.MaxConcurrentJobs),
		"JobRetention": int64(l.JobRetention), "JobProcessing": int64(l.JobProcessing),
		"MaxLookupIDs": int64(l.MaxLookupIDs),
	} {
		if v < 0 {
			errs = append(errs, fmt.Errorf("genesystest: WithLimits: %s is negative", name))
		}
	}
	if l.DefaultPageSize > 0 && l.MaxPageSize > 0 && l.DefaultPageSize > l.MaxPageSize {
		errs = append(errs, errors.New("genesystest: WithLimits: DefaultPageSize exceeds MaxPageSize"))
	}
	if l.DefaultJobPageSize > 0 && l.MaxJobPageSize > 0 && l.DefaultJobPageSize > l.MaxJobPageSize {
		errs = append(errs, errors.New("genesystest: WithLimits: DefaultJobPageSize exceeds MaxJobPageSize"))
	}
	return errors.Join(errs...)
}

// WithSeed sets the seed of the simulated organisation and of the faults
// (default 1). The same seed, size and period give the same data, and the
// same request sequence gives the same faults.
func WithSeed(seed int64) Option {
	return func(c *config) error {
		c.seed = seed
		return nil
	}
}

// WithConversations sets the number of conversations in the period (default
// [DefaultConversations]). Conversations are generated on demand, so a
// million cost no more memory than a thousand.
func WithConversations(n int) Option {
	return func(c *config) error {
		if n < 0 || n > 1<<40 {
			return fmt.Errorf("genesystest: WithConversations: %d is out of range", n)
		}
		c.n = n
		return nil
	}
}

// WithPeriod sets the simulated period [start, end) (default: the
// [DefaultPeriod] up to the start of the current hour on the server's
// clock). Conversation k starts in slot k of a fixed grid anchored at
// 2000-01-01T00:00:00Z with spacing (end-start)/N (at least 1 ms), so
// servers with the same seed and size serve the same conversations for the
// same instants whenever they were started.
func WithPeriod(start, end time.Time) Option {
	return func(c *config) error {
		if !end.After(start) {
			return errors.New("genesystest: WithPeriod: end is not after start")
		}
		if start.UnixMilli() < gridEpochMS {
			return errors.New("genesystest: WithPeriod: start is before 2000-01-01")
		}
		c.start, c.end, c.periodSet = start, end, true
		return nil
	}
}

// WithClock sets the server's clock (default time.Now). It drives token
// expiry, job timing, the data availability date, the rate limit and the
// default period.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("genesystest: WithClock: nil clock")
		}
		c.clock = now
		return nil
	}
}

// WithCredentials makes the token endpoint accept only this client id and
// secret (default: any non-empty id and secret).
func WithCredentials(clientID, clientSecret string) Option {
	return func(c *config) error {
		if clientID == "" || clientSecret == "" {
			return errors.New("genesystest: WithCredentials: empty client id or secret")
		}
		c.clientID, c.clientSecret = clientID, clientSecret
		return nil
	}
}

// WithAvailabilityLag sets how far dataAvailabilityDate trails the clock
// (default [DefaultAvailabilityLag]). Jobs see only conversations that
// started before the dataAvailabilityDate at job creation.
func WithAvailabilityLag(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return errors.New("genesystest: WithAvailabilityLag: negative lag")
		}
		c.lag = d
		return nil
	}
}

// WithTokenLifetime sets the lifetime of issued access tokens (default
// [DefaultTokenLifetime]); short lifetimes exercise token refresh. See also
// [Server.SetTokenLifetime].
func WithTokenLifetime(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return errors.New("genesystest: WithTokenLifetime: lifetime must be positive")
		}
		c.tokenLifetime = d
		return nil
	}
}

// WithLimits sets the server's limits; zero fields keep their defaults (see
// [Limits]).
func WithLimits(l Limits) Option {
	return func(c *config) error {
		if err := l.check(); err != nil {
			return err
		}
		c.limits = l
		return nil
	}
}

// WithFaults sets the initial faults (default: none). See [Faults] and
// [Server.SetFaults].
func WithFaults(f Faults) Option {
	return func(c *config) error {
		if err := f.check(); err != nil {
			return err
		}
		c.faults = f
		return nil
	}
}

// WithLiveData makes the organisation live on the server's clock (default
// off: every conversation of the period is complete and visible). With it,
// a conversation is visible (query, lookups, ground truth) only once it has
// started, and until it ends it is ongoing: no conversationEnd, only the
// segments started so far (the current one without segmentEnd), only the
// metrics emitted so far, no evaluations, surveys or resolutions. So
// totalHits moves as the clock advances, and filtering on "conversationEnd
// exists" matters. Jobs render their rows as of their submission.
func WithLiveData() Option {
	return func(c *config) error {
		c.live = true
		return nil
	}
}

// WithRequestLogSize sets how many recent requests [Server.Requests] keeps
// (default [DefaultRequestLogSize]).
func WithRequestLogSize(n int) Option {
	return func(c *config) error {
		if n <= 0 {
			return errors.New("genesystest: WithRequestLogSize: size must be positive")
		}
		c.logSize = n
		return nil
	}
}
