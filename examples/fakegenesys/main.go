// Command fakegenesys serves a fake Genesys Cloud organisation (package
// genesystest) on a TCP address, so tests in any language and the official
// SDKs can run against it:
//
//	go run ./examples/fakegenesys -addr 127.0.0.1:0 -seed 7 -conversations 100000
//
// When ready it prints one line with its base URL (http://127.0.0.1:PORT)
// on stdout. The token endpoint is served on the same address
// (BASE/oauth/token), which is where the official SDKs look when the host
// does not start with "api.". It listens on loopback unless -addr says
// otherwise, accepts any non-empty client id and secret unless -client-id
// and -client-secret are given, and stops cleanly on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/interactiondata/gcdata/genesys/genesystest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "fakegenesys:", err)
		os.Exit(1)
	}
}

// run parses args, serves until ctx ends and shuts down cleanly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fakegenesys", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		addr          = fs.String("addr", "127.0.0.1:8080", "listen address (loopback by default; port 0 picks a free port)")
		seed          = fs.Int64("seed", 1, "seed of the simulated data and of the faults")
		conversations = fs.Int("conversations", genesystest.DefaultConversations, "number of conversations in the period")
		periodDays    = fs.Int("period-days", 14, "length of the period in days, ending at the start of the current hour (ignored with -start/-end)")
		startFlag     = fs.String("start", "", "period start, RFC 3339 (with -end)")
		endFlag       = fs.String("end", "", "period end, RFC 3339 (with -start)")
		clientID      = fs.String("client-id", "", "accept only this client id (default: any non-empty)")
		clientSecret  = fs.String("client-secret", "", "accept only this client secret (with -client-id)")
		tokenLifetime = fs.Duration("token-lifetime", genesystest.DefaultTokenLifetime, "access token lifetime")
		lag           = fs.Duration("availability-lag", genesystest.DefaultAvailabilityLag, "how far the jobs' dataAvailabilityDate trails the clock")
		maxJobs       = fs.Int("max-concurrent-jobs", 0, "most jobs QUEUED or PENDING at once (0: default 10)")
		jobPolls      = fs.Int("job-polls", 0, "status polls before a job is FULFILLED (0: default 2; -1: none)")
		rateLimit     = fs.Float64("rate-limit", 0, "rate limit in API requests per second (0: none)")
		rateBurst     = fs.Int("rate-burst", 0, "rate limit burst (0: the rate rounded up)")
		errorRate     = fs.Float64("error-rate", 0, "fraction of API requests answered 500/502/503/504")
		resetRate     = fs.Float64("reset-rate", 0, "fraction of API requests whose connection is reset mid-body")
		slowRate      = fs.Float64("slow-rate", 0, "fraction of API requests whose headers are delayed by -slow-delay")
		slowDelay     = fs.Duration("slow-delay", time.Second, "delay of slow responses")
		jobFailRate   = fs.Float64("job-fail-rate", 0, "fraction of jobs that end FAILED")
		jobExpire     = fs.Int("job-expire-after-pages", 0, "a job becomes EXPIRED after this many result pages (0: never)")
		repeatCursor  = fs.Int("repeat-cursor-at-page", 0, "this result page repeats its request cursor once per job (0: never)")
		repeatRows    = fs.Int("repeat-rows-at-page", 0, "this result page repeats the previous page's last row once per job (0: never)")
		emptyLast     = fs.Bool("empty-last-page", false, "job results end with an empty page")
		live          = fs.Bool("live", false, "conversations appear when they start and are ongoing until they end (on the wall clock)")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	opts := []genesystest.Option{
		genesystest.WithSeed(*seed),
		genesystest.WithConversations(*conversations),
		genesystest.WithTokenLifetime(*tokenLifetime),
		genesystest.WithAvailabilityLag(*lag),
		genesystest.WithLimits(genesystest.Limits{MaxConcurrentJobs: *maxJobs, JobPolls: *jobPolls}),
		genesystest.WithFaults(genesystest.Faults{
			RateLimit: *rateLimit, RateBurst: *rateBurst,
			ServerErrorRate: *errorRate, ResetRate: *resetRate,
			SlowRate: *slowRate, SlowDelay: *slowDelay,
			JobFailRate: *jobFailRate, JobExpireAfterPages: *jobExpire,
			RepeatCursorAtPage: *repeatCursor, RepeatRowsAtPage: *repeatRows, EmptyLastPage: *emptyLast,
		}),
	}
	switch {
	case *startFlag != "" || *endFlag != "":
		start, err1 := time.Parse(time.RFC3339Nano, *startFlag)
		end, err2 := time.Parse(time.RFC3339Nano, *endFlag)
		if err1 != nil || err2 != nil {
			return errors.New("-start and -end must both be RFC 3339 date-times")
		}
		opts = append(opts, genesystest.WithPeriod(start, end))
	default:
		if *periodDays < 1 {
			return errors.New("-period-days must be at least 1")
		}
		end := time.Now().UTC().Truncate(time.Hour)
		opts = append(opts, genesystest.WithPeriod(end.AddDate(0, 0, -*periodDays), end))
	}
	if *live {
		opts = append(opts, genesystest.WithLiveData())
	}
	if *clientID != "" || *clientSecret != "" {
		opts = append(opts, genesystest.WithCredentials(*clientID, *clientSecret))
	}
	s, err := genesystest.New(opts...)
	if err != nil {
		return err
	}
	defer s.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	start, end := s.Period()
	fmt.Fprintf(stdout, "fakegenesys: serving %s (seed %d, %d conversations from %s to %s)\n",
		baseURL(ln.Addr()), *seed, s.Len(), start.Format(time.RFC3339), end.Format(time.RFC3339))

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	s.Close() // end pending fault delays first
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// baseURL returns http://host:port for a listener address, writing an
// unspecified host (0.0.0.0, ::) as 127.0.0.1.
func baseURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}
