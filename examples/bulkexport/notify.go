package main

// The -webhook glue: signed notifications (package webhook) about the
// export, for a downstream loader.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/interactiondata/gcdata/search"
	"github.com/interactiondata/gcdata/webhook"
)

// webhookSecretEnv holds the signing secret(s) for -webhook: "whsec_..."
// values separated by commas or spaces (several while rotating).
const webhookSecretEnv = "GENESYS_WEBHOOK_SECRET"

// notifier sends one export.batch.completed per durable batch, then
// export.completed or export.failed. Accepted notifications are fsynced to
// an outbox directory next to -out first, so a crash does not lose them: the
// next run with -webhook delivers what is left. A nil *notifier does
// nothing.
type notifier struct {
	sender   *webhook.Sender
	outbox   string
	location string // absolute path of -out, sent as the batches' location
	timeout  time.Duration
	stderr   io.Writer
	sendErr  error        // first Send error; the export goes on without notifications
	gaveUp   atomic.Int64 // notifications given up after the last attempt
	disabled atomic.Bool  // the endpoint answered 410 Gone
}

// newNotifier checks -webhook and GENESYS_WEBHOOK_SECRET and starts the
// sender; it returns nil, nil without -webhook. Its errors are one line
// and name the flag or the variable; they never contain a secret.
func newNotifier(endpoint, out string, timeout time.Duration, env func(string) (string, bool), stderr io.Writer) (*notifier, error) {
	if endpoint == "" {
		return nil, nil
	}
	v, _ := env(webhookSecretEnv)
	secrets := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	if len(secrets) == 0 {
		return nil, fmt.Errorf("%s is not set: -webhook needs the receiver's signing secret (whsec_...)", webhookSecretEnv)
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return nil, errors.New("-webhook: not an absolute URL, e.g. https://loader.example.com/hooks/genesys")
	}
	loc, err := filepath.Abs(out)
	if err != nil {
		return nil, fmt.Errorf("-out: %w", err)
	}
	n := &notifier{outbox: out + ".webhook-outbox", location: loc, timeout: timeout, stderr: stderr}
	opts := []webhook.Option{
		webhook.WithOutbox(n.outbox),
		// Up to 100000 notifications wait in memory while the endpoint is
		// down, so a long export is not held up by its receiver.
		webhook.WithQueueSize(100_000),
		webhook.WithObserver(func(r webhook.Report) {
			switch r.Outcome {
			case webhook.OutcomeFailed:
				n.gaveUp.Add(1)
			case webhook.OutcomeDisabled:
				n.disabled.Store(true)
			}
		}),
	}
	if isLoopback(u.Hostname()) {
		opts = append(opts, webhook.WithAllowLoopback()) // a receiver on this machine, as in the offline demo
	}
	n.sender, err = webhook.NewSender(endpoint, secrets, opts...)
	switch {
	case errors.Is(err, webhook.ErrInvalidSecret):
		return nil, fmt.Errorf("%s: %s", webhookSecretEnv, oneLine(err))
	case err != nil:
		return nil, fmt.Errorf("-webhook: %s", oneLine(err))
	}
	return n, nil
}

// isLoopback reports whether host is localhost or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkpointText is the checkpoint as sent: its JSON form.
func checkpointText(cp search.Checkpoint) string {
	b, err := json.Marshal(cp)
	if err != nil {
		return ""
	}
	return string(b)
}

// batch is the export's batch hook: it runs after the batch is fsynced to
// -out and its checkpoint saved, and again for the checkpoint's last batch
// when a run resumes (a crash may have come before the notification was
// queued). The webhook id is derived from the export id (kept in the
// checkpoint) and the batch number, so a batch notified twice is
// deduplicated by the outbox and by receivers. A failure to queue the
// notification is reported at the end and does not stop the export.
func (n *notifier) batch(ctx context.Context, b search.BatchInfo) error {
	if n == nil || n.sendErr != nil {
		return nil
	}
	id := b.ExportID
	n.send(ctx, webhook.Event{
		ID:        webhook.IDFor(id, "batch", strconv.FormatInt(b.Seq, 10)),
		Timestamp: b.Checkpoint.Updated,
		Data: webhook.BatchCompleted{
			ExportID: id, Sequence: b.Seq,
			IntervalStart: b.Query.Start, IntervalEnd: b.Query.End, FilterHash: b.FilterHash,
			Conversations:       int64(b.Count),
			FirstConversationID: b.FirstID, FirstConversationStart: b.FirstStart,
			LastConversationID: b.LastID, LastConversationStart: b.LastStart,
			Checkpoint: checkpointText(b.Checkpoint),
			Location:   n.location,
		},
	})
	return nil
}

func (n *notifier) send(ctx context.Context, ev webhook.Event) {
	if err := n.sender.Send(ctx, ev); err != nil && n.sendErr == nil {
		n.sendErr = err
	}
}

// finish sends export.completed (also when the checkpoint says the export
// was complete already: the same id, so it is deduplicated) or
// export.failed with the last durable checkpoint, then waits up to the
// -webhook-timeout for delivery and reports on stderr what is left. It
// never changes the exit status.
func (n *notifier) finish(ctx context.Context, sum search.Summary, exportErr error, store search.CheckpointStore) {
	if n == nil {
		return
	}
	ctx = context.WithoutCancel(ctx) // an interrupted export is still notified

	// The last durable checkpoint of this export.
	var cp search.Checkpoint
	if store != nil {
		if c, ok, err := store.Load(ctx); err == nil && ok && c.QueryHash == sum.QueryHash {
			cp = c
		}
	}
	if sum.ExportID != "" && n.sendErr == nil { // "": the export did not start (bad checkpoint), there is nothing to name
		id := sum.ExportID
		if exportErr == nil {
			n.send(ctx, webhook.Event{
				ID:        webhook.IDFor(id, "completed"),
				Timestamp: cp.Updated,
				Data: webhook.ExportCompleted{ExportID: id, IntervalStart: cp.Start, IntervalEnd: cp.End,
					FilterHash: sum.FilterHash, Batches: cp.Batches, Conversations: cp.Conversations,
					Checkpoint: checkpointText(cp), Location: n.location},
			})
		} else {
			n.send(ctx, webhook.Event{ // a random id: every failed run is news
				Data: webhook.ExportFailed{ExportID: id, IntervalStart: cp.Start, IntervalEnd: cp.End,
					FilterHash: sum.FilterHash, Batches: cp.Batches, Conversations: cp.Conversations,
					Checkpoint: checkpointText(cp), Error: oneLine(exportErr)},
			})
		}
	}
	left, err := n.close(ctx)
	switch {
	case n.disabled.Load():
		fmt.Fprintf(n.stderr, "bulkexport: webhook: the endpoint answered 410 Gone: notifications are disabled; %d undelivered stay in %s\n",
			len(left), n.outbox)
	case len(left) > 0:
		why := oneLine(err)
		if errors.Is(err, context.DeadlineExceeded) {
			why = "not accepted within -webhook-timeout " + n.timeout.String()
		}
		fmt.Fprintf(n.stderr, "bulkexport: webhook: %d notifications not delivered yet (%s); they stay in %s and the next run with -webhook sends them\n",
			len(left), why, n.outbox)
	}
	if g := n.gaveUp.Load(); g > 0 {
		fmt.Fprintf(n.stderr, "bulkexport: webhook: %d notifications given up after the last retry\n", g)
	}
	if n.sendErr != nil {
		fmt.Fprintf(n.stderr, "bulkexport: webhook: notifications stopped: %s\n", oneLine(n.sendErr))
	}
}

// close waits up to the timeout for the pending notifications and returns
// those left; after a second without the end it says what it waits for.
func (n *notifier) close(ctx context.Context) ([]webhook.Event, error) {
	ctx, cancel := context.WithTimeout(ctx, n.timeout)
	defer cancel()
	type result struct {
		left []webhook.Event
		err  error
	}
	done := make(chan result, 1)
	go func() {
		left, err := n.sender.Close(ctx)
		done <- result{left, err}
	}()
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case r := <-done:
		return r.left, r.err
	case <-t.C:
		fmt.Fprintf(n.stderr, "bulkexport: webhook: waiting up to %s (-webhook-timeout) to deliver %d notifications\n",
			n.timeout, n.sender.Pending())
	}
	r := <-done
	return r.left, r.err
}
