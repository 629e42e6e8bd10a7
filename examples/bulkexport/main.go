// Command bulkexport exports every Genesys Cloud conversation of an interval
// that matches a filter to a JSON Lines file, one conversation per line,
// exactly as Genesys sent it. It survives crashes: rerun the same command
// after a kill and it continues from its checkpoint, ending with the same
// file an uninterrupted run writes.
//
//	go run ./examples/bulkexport -interval 2026-05-01T00:00:00Z/2026-05-02T00:00:00Z \
//	    -filter 'mediaType == "voice" and tHandle > 3m' -out voice.jsonl
//
// Flags:
//
//	-interval START/END  RFC 3339 instants (converted to UTC); default: the last 24 hours, whole minutes
//	-filter EXPR         filter expression (package filter); default: none
//	-out FILE            output file (JSON Lines); default export.jsonl
//	-checkpoint FILE     checkpoint file; default <out>.checkpoint
//	-mode MODE           auto (jobs before the data availability watermark, query after), jobs or query; default auto
//	-concurrency N       chunks fetched at once; default 4
//	-webhook URL         send signed notifications to URL (see below); default: none
//	-webhook-timeout D   how long to wait at the end for their delivery; default 30s
//
// Credentials come from GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and
// GENESYS_REGION or GENESYS_BASE_URL. Without GENESYS_CLIENT_ID it runs on
// an embedded fake organisation (package genesystest) and says so; the
// flags -fake-seed and -fake-conversations shape it.
//
// While it runs, a progress line is kept on stderr; at the end it prints a
// summary. The exit status is 0 on success, 1 on failure and 2 for bad
// usage, each failure with a one-line reason. A finished export marks its
// checkpoint completed: running the same command again does nothing. To
// export again, delete the checkpoint. Without a checkpoint, -out is
// overwritten; with one, -out is cut back to what the checkpoint committed
// and continued.
//
// With -webhook URL it sends Standard Webhooks notifications (package
// webhook), signed with the secret(s) in GENESYS_WEBHOOK_SECRET (whsec_...,
// several separated by commas or spaces while rotating): one
// export.batch.completed per batch once the batch is fsynced to -out and
// its checkpoint saved, then export.completed, or export.failed with the
// last durable checkpoint. Notifications are queued in <out>.webhook-outbox/
// first, so they survive a crash; at the end the program waits up to
// -webhook-timeout for delivery and leaves what is undelivered there for the
// next run (the export's exit status does not change). Webhook ids derive
// from the query, so receivers deduplicate a batch notified again. An
// http:// URL is accepted only for a loopback host, e.g. the receiver of
// examples/webhookreceiver on the same machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stderr, os.LookupEnv)
	stop()
	os.Exit(code)
}

// options are the parsed flags.
type options struct {
	start, end  time.Time
	defaultIntv bool // -interval was not given: the last 24 hours
	filter      filter.Node
	out         string
	checkpoint  string
	mode        search.Mode
	concurrency int
	fakeSeed    int64
	fakeSize    int
	webhook     string        // notification endpoint, "" for none
	webhookWait time.Duration // how long Close waits for deliveries
}

// run is the program; it returns the exit status.
func run(ctx context.Context, args []string, stderr io.Writer, env func(string) (string, bool)) int {
	opts, err := parseFlags(args, stderr, time.Now())
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "bulkexport:", err)
		return 2
	}
	notify, err := newNotifier(opts.webhook, opts.out, opts.webhookWait, env, stderr) // nil without -webhook
	if err != nil {
		fmt.Fprintln(stderr, "bulkexport:", err)
		return 2
	}

	// The client: the real API from GENESYS_*, or the embedded fake.
	var clientOpts []genesys.Option
	var searchOpts []search.Option
	if _, ok := env(genesys.EnvClientID); ok {
		clientOpts, err = genesys.EnvOptions(env)
		if err != nil {
			fmt.Fprintln(stderr, "bulkexport:", oneLine(err))
			return 2
		}
	} else {
		fake := genesystest.NewServer(genesystest.WithSeed(opts.fakeSeed), genesystest.WithConversations(opts.fakeSize))
		defer fake.Close()
		from, to := fake.Period()
		fmt.Fprintf(stderr, "bulkexport: %s is not set: using the embedded fake organisation (seed %d, %d conversations, %s to %s)\n",
			genesys.EnvClientID, opts.fakeSeed, opts.fakeSize, from.Format(time.RFC3339), to.Format(time.RFC3339))
		clientOpts = fake.ClientOptions()
		// The fake finishes jobs after a few polls: poll it quickly.
		searchOpts = append(searchOpts, search.WithPollInterval(20*time.Millisecond, 200*time.Millisecond))
	}
	client, err := genesys.New(ctx, clientOpts...)
	if err != nil {
		notify.finish(ctx, search.Summary{}, err, nil) // no export to report: only stops the sender
		fmt.Fprintln(stderr, "bulkexport:", oneLine(err))
		return 2
	}

	q := search.Query{Start: opts.start, End: opts.end, Filter: opts.filter, Mode: opts.mode}
	sink := search.NewJSONLFileSink(opts.out)
	defer sink.Close()
	progress := func(p search.Progress) {
		fmt.Fprintf(stderr, "\r%d conversations, chunks %d/%d, %d requests, %d retries, %d 429s, %.0f/s   ",
			p.Conversations, p.ChunksDone, p.ChunksTotal, p.Requests, p.Retries, p.RateLimited, p.Rate)
	}
	store := search.NewFileCheckpointStore(opts.checkpoint)
	if opts.defaultIntv {
		if err := followCheckpoint(ctx, &q, store, stderr); err != nil {
			fmt.Fprintln(stderr, "bulkexport:", oneLine(err))
			return 1
		}
	}
	sum, err := search.New(client, searchOpts...).Export(ctx, q, sink,
		search.WithCheckpointStore(store),
		search.WithConcurrency(opts.concurrency),
		search.WithProgress(progress),
		search.WithBatchHook(notify.batch)) // runs once a batch is fsynced and checkpointed
	if sum.Requests > 0 {
		fmt.Fprintln(stderr) // end the progress line
	}
	notify.finish(ctx, sum, err, store) // export.completed or export.failed; waits for delivery
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "bulkexport: interrupted after %d conversations; run the same command again to resume\n", sum.Conversations)
		return 1
	case errors.Is(err, search.ErrCursorMismatch):
		fmt.Fprintf(stderr, "bulkexport: %s belongs to another export (interval, filter or mode); delete it or choose another -checkpoint\n", opts.checkpoint)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "bulkexport:", oneLine(err))
		return 1
	case sum.AlreadyComplete:
		fmt.Fprintf(stderr, "bulkexport: already complete: %d conversations in %s (delete %s to export again)\n",
			sum.Conversations, opts.out, opts.checkpoint)
		return 0
	}
	fmt.Fprintf(stderr, "bulkexport: done: %d conversations, %d chunks, %d requests, %d retries, %d 429s, elapsed %s -> %s\n",
		sum.Conversations, sum.ChunksTotal, sum.Requests, sum.Retries, sum.RateLimited,
		sum.Elapsed.Round(time.Millisecond), opts.out)
	return 0
}

// followCheckpoint adapts the default interval (the last 24 hours, which
// moves every minute) to an existing checkpoint: an interrupted export is
// resumed with the interval it started with, so rerunning the same command
// after a crash finishes that export; a finished one is replaced by a new
// export of the current last 24 hours. An explicit -interval is never
// changed: a checkpoint of another interval is refused by Export.
func followCheckpoint(ctx context.Context, q *search.Query, store *search.FileCheckpointStore, stderr io.Writer) error {
	cp, ok, err := store.Load(ctx)
	if err != nil || !ok || cp.Start.IsZero() {
		return nil // no checkpoint, or one Export will report on
	}
	if !cp.Completed {
		if !cp.Start.Equal(q.Start) || !cp.End.Equal(q.End) {
			fmt.Fprintf(stderr, "bulkexport: resuming the interrupted export of %s/%s\n",
				cp.Start.Format(time.RFC3339), cp.End.Format(time.RFC3339))
			q.Start, q.End = cp.Start, cp.End
		}
		return nil
	}
	if cp.Start.Equal(q.Start) && cp.End.Equal(q.End) {
		return nil // the same minute: Export says it is complete
	}
	fmt.Fprintf(stderr, "bulkexport: the export of %s/%s is complete; starting a new one for %s/%s\n",
		cp.Start.Format(time.RFC3339), cp.End.Format(time.RFC3339), q.Start.Format(time.RFC3339), q.End.Format(time.RFC3339))
	if err := os.Remove(store.Path()); err != nil {
		return fmt.Errorf("remove the finished checkpoint: %w", err)
	}
	return nil
}

// parseFlags parses and checks every flag before any request.
func parseFlags(args []string, stderr io.Writer, now time.Time) (options, error) {
	fs := flag.NewFlagSet("bulkexport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	interval := fs.String("interval", "", "RFC 3339 `START/END` (default: the last 24 hours, whole minutes)")
	expr := fs.String("filter", "", "filter `EXPR`ession, e.g. 'mediaType == \"voice\" and tHandle > 3m' (default: none)")
	out := fs.String("out", "export.jsonl", "output `FILE`, JSON Lines")
	cp := fs.String("checkpoint", "", "checkpoint `FILE` (default <out>.checkpoint)")
	mode := fs.String("mode", "auto", "`MODE`: auto, jobs or query")
	conc := fs.Int("concurrency", search.DefaultConcurrency, "`N` chunks fetched at once (1..64)")
	seed := fs.Int64("fake-seed", 1, "seed of the embedded fake organisation (without GENESYS_CLIENT_ID)")
	size := fs.Int("fake-conversations", genesystest.DefaultConversations, "conversations of the embedded fake organisation (14 days)")
	hook := fs.String("webhook", "", "`URL` to send signed export notifications to; secret(s) in "+webhookSecretEnv+" (default: none)")
	hookWait := fs.Duration("webhook-timeout", 30*time.Second, "how long to wait at the end for webhook deliveries")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected argument %q (all inputs are flags)", fs.Arg(0))
	}
	o := options{out: *out, checkpoint: *cp, mode: search.Mode(*mode), concurrency: *conc, fakeSeed: *seed, fakeSize: *size,
		webhook: *hook, webhookWait: *hookWait}
	var err error
	if *interval == "" {
		o.defaultIntv = true
		o.end = now.UTC().Truncate(time.Minute)
		o.start = o.end.Add(-24 * time.Hour)
	} else if o.start, o.end, err = parseInterval(*interval); err != nil {
		return options{}, fmt.Errorf("-interval: %w", err)
	}
	if *expr != "" {
		if o.filter, err = filter.Parse(*expr); err != nil {
			first, _, _ := strings.Cut(err.Error(), "\n") // drop the excerpt lines
			return options{}, fmt.Errorf("-filter: %s", first)
		}
		if err := filter.Validate(o.filter); err != nil {
			return options{}, fmt.Errorf("-filter: %s", oneLine(err))
		}
	}
	if o.out == "" {
		return options{}, errors.New("-out: empty file name")
	}
	if o.checkpoint == "" {
		o.checkpoint = o.out + ".checkpoint"
	}
	if o.mode == "" || !o.mode.Valid() {
		return options{}, fmt.Errorf("-mode: %q is not auto, jobs or query", *mode)
	}
	if o.concurrency < 1 || o.concurrency > 64 {
		return options{}, fmt.Errorf("-concurrency: %d is not in 1..64", o.concurrency)
	}
	if o.webhookWait <= 0 {
		return options{}, fmt.Errorf("-webhook-timeout: %s is not positive", o.webhookWait)
	}
	if o.fakeSize < 0 {
		return options{}, fmt.Errorf("-fake-conversations: %d is negative", o.fakeSize)
	}
	return o, nil
}

// parseInterval reads "START/END" with RFC 3339 instants.
func parseInterval(s string) (start, end time.Time, err error) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return start, end, fmt.Errorf("%q is not START/END", s)
	}
	if start, err = time.Parse(time.RFC3339Nano, a); err != nil {
		return start, end, fmt.Errorf("start %q is not an RFC 3339 time, e.g. 2026-05-01T00:00:00Z", a)
	}
	if end, err = time.Parse(time.RFC3339Nano, b); err != nil {
		return start, end, fmt.Errorf("end %q is not an RFC 3339 time, e.g. 2026-05-02T00:00:00Z", b)
	}
	start, end = start.UTC(), end.UTC()
	if !start.Before(end) {
		return start, end, fmt.Errorf("start %s is not before end %s", a, b)
	}
	return start, end, nil
}

// oneLine joins a multi-line error (errors.Join) into one line.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}
