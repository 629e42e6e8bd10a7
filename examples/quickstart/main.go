// Command quickstart is the smallest complete use of gcdata: it
// authenticates, runs one filtered conversation detail query and prints a
// summary: how many conversations matched, per media type and per wrap-up
// code, and the first few with their handle time.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -filter 'wrapUpCode == "Case-Closed"' \
//	    -interval 2026-05-01T00:00:00Z/2026-05-02T00:00:00Z
//
// Flags:
//
//	-filter EXPR          filter expression (package filter); default: mediaType == "voice" and tHandle > 3m
//	-interval START/END   RFC 3339 instants; default: the last 24 hours
//
// Credentials come from GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and
// GENESYS_REGION (or GENESYS_BASE_URL). Without GENESYS_CLIENT_ID it starts
// an embedded fake organisation (package genesystest) and says so on
// stderr, so it runs anywhere. An error prints one line on stderr and
// exits with status 1.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

const (
	defaultFilter = `mediaType == "voice" and tHandle > 3m`
	firstFew      = 5 // conversations listed one by one
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		// One line: joined errors and parse excerpts span several.
		fmt.Fprintln(os.Stderr, "quickstart:", strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}

// run is the program. env looks up environment variables (os.LookupEnv in
// main); the summary goes to stdout, notes to stderr.
func run(ctx context.Context, args []string, env func(string) (string, bool), stdout, stderr io.Writer) error {
	// 1. Flags: the filter is parsed and validated before any request.
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	expr := fs.String("filter", defaultFilter, "filter `EXPR`ession")
	interval := fs.String("interval", "", "RFC 3339 `START/END` (default: the last 24 hours)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := filter.Parse(*expr)
	if err != nil {
		var se *filter.SyntaxError
		if errors.As(err, &se) {
			// The position without the excerpt lines: errors are one line here.
			return fmt.Errorf("-filter: column %d: %s", se.Column, se.Msg)
		}
		return fmt.Errorf("-filter: %w", err)
	}
	start, end, err := parseInterval(*interval, time.Now())
	if err != nil {
		return fmt.Errorf("-interval: %w", err)
	}

	// 2. A client: the real API from GENESYS_*, or the embedded fake.
	var opts []genesys.Option
	var searchOpts []search.Option
	if _, ok := env(genesys.EnvClientID); ok {
		if opts, err = genesys.EnvOptions(env); err != nil {
			return err
		}
	} else {
		fake := genesystest.NewServer(genesystest.WithSeed(1))
		defer fake.Close()
		fmt.Fprintf(stderr, "quickstart: %s is not set: using an embedded fake organisation (%d simulated conversations)\n",
			genesys.EnvClientID, fake.Len())
		opts = fake.ClientOptions()
		// Fake jobs finish after a few polls: poll quickly.
		searchOpts = append(searchOpts, search.WithPollInterval(20*time.Millisecond, 200*time.Millisecond))
	}
	client, err := genesys.New(ctx, opts...)
	if err != nil {
		return err
	}

	// 3. The query: every conversation that started in [start, end) and
	// matches the filter, oldest first, fetched page by page as we loop.
	q := search.Query{Start: start, End: end, Filter: f}
	var sum summary
	for c, err := range search.New(client, searchOpts...).All(ctx, q) {
		if err != nil {
			return err
		}
		sum.add(c)
	}

	// 4. The summary.
	sum.print(stdout, f, start, end)
	return nil
}

// summary counts the conversations seen.
type summary struct {
	total       int
	byMedia     map[string]int // first session's media type
	byWrapUp    map[string]int // each wrap-up code a conversation has, once
	first       []genesys.Conversation
	handleTotal time.Duration
}

func (s *summary) add(c genesys.Conversation) {
	if s.total == 0 {
		s.byMedia, s.byWrapUp = map[string]int{}, map[string]int{}
	}
	s.total++
	s.byMedia[cmp.Or(mediaType(c), "(none)")]++
	codes := wrapUpCodes(c)
	if len(codes) == 0 {
		codes = []string{"(none)"}
	}
	for _, code := range codes {
		s.byWrapUp[code]++
	}
	s.handleTotal += handleTime(c)
	if len(s.first) < firstFew {
		s.first = append(s.first, c)
	}
}

func (s *summary) print(w io.Writer, f filter.Node, start, end time.Time) {
	fmt.Fprintf(w, "%d conversations matching %s\nfrom %s to %s\n",
		s.total, f, start.Format(time.RFC3339), end.Format(time.RFC3339))
	if s.total == 0 {
		fmt.Fprintln(w, "(nothing: try a longer -interval or another -filter)")
		return
	}
	fmt.Fprintf(w, "average handle time %s\n", (s.handleTotal / time.Duration(s.total)).Round(time.Second))
	printCounts(w, "media type", s.byMedia)
	printCounts(w, "wrap-up code", s.byWrapUp)
	fmt.Fprintf(w, "\nfirst %d:\n", len(s.first))
	for _, c := range s.first {
		fmt.Fprintf(w, "  %s  %s  %-8s handle %s\n", c.ID, c.Start.UTC().Format(time.DateTime),
			mediaType(c), handleTime(c).Round(time.Second))
	}
}

// printCounts prints a table of counts, largest first.
func printCounts(w io.Writer, title string, counts map[string]int) {
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(counts[b]-counts[a], strings.Compare(a, b))
	})
	fmt.Fprintf(w, "\nby %s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-22s %6d\n", k, counts[k])
	}
}

// mediaType is the media type of the conversation's first session.
func mediaType(c genesys.Conversation) string {
	for _, p := range c.Participants {
		for _, s := range p.Sessions {
			if s.MediaType != "" {
				return string(s.MediaType)
			}
		}
	}
	return ""
}

// wrapUpCodes lists the distinct wrap-up codes of the conversation's
// segments, in order of appearance.
func wrapUpCodes(c genesys.Conversation) []string {
	var codes []string
	for _, p := range c.Participants {
		for _, s := range p.Sessions {
			for _, seg := range s.Segments {
				if seg.WrapUpCode != "" && !slices.Contains(codes, seg.WrapUpCode) {
					codes = append(codes, seg.WrapUpCode)
				}
			}
		}
	}
	return codes
}

// handleTime adds up the tHandle metrics (milliseconds) of every session.
func handleTime(c genesys.Conversation) time.Duration {
	var ms int64
	for _, p := range c.Participants {
		for _, s := range p.Sessions {
			for _, m := range s.Metrics {
				if m.Name == "tHandle" {
					ms += m.Value
				}
			}
		}
	}
	return time.Duration(ms) * time.Millisecond
}

// parseInterval reads "START/END" (RFC 3339); "" means the 24 hours up to
// now, in whole minutes.
func parseInterval(s string, now time.Time) (start, end time.Time, err error) {
	if s == "" {
		end = now.UTC().Truncate(time.Minute)
		return end.Add(-24 * time.Hour), end, nil
	}
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return start, end, fmt.Errorf("%q is not START/END", s)
	}
	if start, err = time.Parse(time.RFC3339, a); err != nil {
		return start, end, fmt.Errorf("start %q is not an RFC 3339 time such as 2026-05-01T00:00:00Z", a)
	}
	if end, err = time.Parse(time.RFC3339, b); err != nil {
		return start, end, fmt.Errorf("end %q is not an RFC 3339 time such as 2026-05-02T00:00:00Z", b)
	}
	if !start.Before(end) {
		return start, end, fmt.Errorf("start %s is not before end %s", a, b)
	}
	return start.UTC(), end.UTC(), nil
}
