package search

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

// DefaultConcurrency is the number of chunks an export fetches at once.
const DefaultConcurrency = 4

// Batch is one unit handed to a [Sink]: the rows of one API page of one
// chunk, after dropping rows outside the query and rows delivered already.
type Batch struct {
	// Seq numbers the batches of an export from 1; it continues across
	// resumed runs.
	Seq int64
	// Chunk is the index of the chunk in the plan; Start and End delimit
	// it.
	Chunk      int
	Start, End time.Time
	// Conversations are the rows, in query order. The sink must not keep
	// the slice after WriteBatch returns.
	Conversations []genesys.Conversation
}

// Sink receives the batches of an export in a deterministic order (chunk
// order, then result order), from one goroutine at a time.
type Sink interface {
	// Open is called once before the first batch. committed is the
	// position the sink returned for the last batch recorded in the
	// checkpoint, or "" for a new export: the sink must discard anything
	// it wrote after that position (a crash can leave a batch the
	// checkpoint does not know about).
	Open(ctx context.Context, committed string) error
	// WriteBatch makes b durable and returns its position: an opaque
	// string the sink understands in Open (for a file, the byte offset
	// after the batch). The checkpoint is saved only after it returns.
	WriteBatch(ctx context.Context, b Batch) (position string, err error)
}

// Progress is a snapshot of an export, passed to [WithProgress].
type Progress struct {
	// Conversations and Batches are what the sink has committed, earlier
	// runs of a resumed export included.
	Conversations, Batches int64
	// ChunksDone and ChunksTotal count the chunks of the plan.
	ChunksDone, ChunksTotal int
	// Requests, Retries and RateLimited count HTTP attempts of this run:
	// all of them, those that repeated an earlier attempt, and those
	// answered 429.
	Requests, Retries, RateLimited int64
	// Elapsed is the time since this run started.
	Elapsed time.Duration
	// Rate is the conversations committed per second in this run.
	Rate float64
}

// Summary describes a finished (or failed) export run.
type Summary struct {
	Progress
	// Resumed is true when the run continued from a checkpoint.
	Resumed bool
	// AlreadyComplete is true when the checkpoint said the export was
	// complete: nothing was fetched and the sink was not opened.
	AlreadyComplete bool
	// QueryHash identifies the export's query (see [Checkpoint]);
	// FilterHash is filter.Hash of its filter ("" without one).
	QueryHash, FilterHash string
	// ExportID names this export: made when its checkpoint is created and
	// kept across resumed runs ([Checkpoint].ExportID).
	ExportID string
}

// BatchInfo describes a batch that became durable, for [WithBatchHook]
// (e.g. to notify a downstream system).
type BatchInfo struct {
	// Query is the export's query (times in UTC, order and mode filled
	// in); QueryHash identifies it, FilterHash is filter.Hash of its
	// filter ("" without one).
	Query                 Query
	QueryHash, FilterHash string
	// ExportID names the export ([Summary].ExportID).
	ExportID string
	// Seq numbers the batches from 1, across resumed runs.
	Seq        int64
	Chunk      int
	Start, End time.Time // the chunk
	Count      int
	// FirstID, LastID, FirstStart and LastStart describe the first and
	// last conversation of the batch.
	FirstID, LastID       string
	FirstStart, LastStart time.Time
	// Position is what the sink returned.
	Position string
	// Checkpoint is the checkpoint saved for the batch.
	Checkpoint Checkpoint
}

// ExportOption configures one [Searcher.Export] call.
type ExportOption func(*exportConfig) error

type exportConfig struct {
	concurrency int
	prefetch    int
	store       CheckpointStore
	progress    func(Progress)
	hook        func(context.Context, BatchInfo) error
}

// WithConcurrency sets how many chunks are fetched at once (default 4,
// 1..64). All of them share the Searcher's client (and its pacing).
// Delivery order does not depend on it.
func WithConcurrency(n int) ExportOption {
	return func(c *exportConfig) error {
		if n < 1 || n > 64 {
			return fmt.Errorf("search: WithConcurrency: %d not in 1..64", n)
		}
		c.concurrency = n
		return nil
	}
}

// WithPrefetch sets how many pages, over all workers, may be fetched ahead
// of the chunk being delivered (default 0). Workers create and wait for
// their chunks' jobs regardless, so jobs run in parallel on the server,
// and the chunk being delivered always fetches its next page while the
// current one is written. Prefetching more overlaps more round trips on
// slow links, at the cost of memory: about (prefetch + 2) pages are held
// at once, whatever the concurrency (a 1000-row job page decodes to about
// 8 MiB).
func WithPrefetch(n int) ExportOption {
	return func(c *exportConfig) error {
		if n < 0 || n > 64 {
			return fmt.Errorf("search: WithPrefetch: %d not in 0..64", n)
		}
		c.prefetch = n
		return nil
	}
}

// WithCheckpointStore sets where the checkpoint is kept (default: in memory
// only, so a crashed export starts over). See [NewFileCheckpointStore].
func WithCheckpointStore(s CheckpointStore) ExportOption {
	return func(c *exportConfig) error {
		if s == nil {
			return errors.New("search: WithCheckpointStore: nil store")
		}
		c.store = s
		return nil
	}
}

// WithProgress sets a function called after every durable batch and every
// completed chunk, from the goroutine delivering batches (keep it fast).
func WithProgress(f func(Progress)) ExportOption {
	return func(c *exportConfig) error {
		c.progress = f
		return nil
	}
}

// WithBatchHook sets a function called after each batch is durable and its
// checkpoint saved, from the goroutine delivering batches. Delivery to the
// hook is at least once: a crash can come between the checkpoint and the
// hook, so a resumed run calls the hook again for the last batch of its
// checkpoint before it fetches anything (deduplicate by ExportID and Seq).
// An error stops the export; the batch stays committed.
func WithBatchHook(f func(context.Context, BatchInfo) error) ExportOption {
	return func(c *exportConfig) error {
		c.hook = f
		return nil
	}
}

// counters counts HTTP attempts; safe for concurrent use.
type counters struct {
	requests, retries, rateLimited atomic.Int64
}

func (c *counters) addResponse(r *genesys.Response, err error) {
	attempts, limited := 0, 0
	if r != nil {
		attempts, limited = r.Attempts, r.RateLimited
	} else {
		var re *genesys.RequestError
		var ae *genesys.APIError
		switch {
		case errors.As(err, &ae):
			attempts = ae.Attempts
		case errors.As(err, &re):
			attempts = re.Attempts
		}
	}
	if attempts < 1 {
		attempts = 1
	}
	c.requests.Add(int64(attempts))
	c.retries.Add(int64(attempts - 1))
	c.rateLimited.Add(int64(limited))
}

// exportMsg is one page of a chunk, from a worker to the deliverer.
type exportMsg struct {
	rows  []genesys.Conversation
	pos   chunkPos
	done  bool
	token bool // the page holds a prefetch token, released after delivery
}

// pipeline connects the workers and the deliverer of one run.
type pipeline struct {
	out  []chan exportMsg // per chunk: its pages, closed after the last
	head []chan struct{}  // per chunk: closed when its pages are being delivered
	sem  chan struct{}    // prefetch tokens: pages fetched ahead of delivery
}

// Export fetches every conversation of q and hands them to sink in batches,
// in a deterministic order (chunk order, then result order), exactly once
// across crashes and restarts when a [CheckpointStore] is given.
//
// The plan: [ModeAuto] fetches the part of the interval before the data
// availability watermark with async jobs (one per chunk, [WithChunk]) and
// the rest with the synchronous query (one chunk per UTC day); [ModeJobs]
// and [ModeQuery] use one method throughout. Chunks are fetched by
// [WithConcurrency] workers (default 4); a worker never runs more than one
// page ahead of delivery, so memory does not grow with the export.
//
// After the sink confirms a batch, the checkpoint is saved, then the batch
// hook and the progress function run. On start, a saved checkpoint of the
// same query is resumed: the sink is opened with the committed position and
// fetching continues after it; a checkpoint of another query fails with
// [ErrCursorMismatch]; a completed one returns at once with
// Summary.AlreadyComplete. Jobs are deleted when their chunk is done and
// when Export returns early. q.Cursor must be empty.
func (s *Searcher) Export(ctx context.Context, q Query, sink Sink, opts ...ExportOption) (Summary, error) {
	started := s.cfg.clock.Now()
	cfg := exportConfig{concurrency: DefaultConcurrency}
	var errs []error
	if err := s.cfg.err; err != nil {
		errs = append(errs, err)
	}
	for i, o := range opts {
		if o == nil {
			errs = append(errs, fmt.Errorf("search: Export: option %d is nil", i))
		} else if err := o(&cfg); err != nil {
			errs = append(errs, err)
		}
	}
	if sink == nil {
		errs = append(errs, errors.New("search: Export: nil sink"))
	}
	if q.Cursor != "" {
		errs = append(errs, errors.New("search: Export: Query.Cursor must be empty (the checkpoint resumes)"))
	}
	p, err := prepare(q)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Summary{}, errors.Join(errs...)
	}
	if cfg.store == nil {
		cfg.store = &MemoryCheckpointStore{}
	}
	e := &exporter{s: s, p: p, cfg: cfg, sink: sink, started: started}
	e.sum.QueryHash, e.sum.FilterHash = p.hash, p.fhash

	cp, found, err := cfg.store.Load(ctx)
	if err != nil {
		return Summary{}, err
	}
	if found {
		if cp.QueryHash != p.hash {
			return Summary{}, fmt.Errorf("%w: the checkpoint is for query %.12s, this is %.12s (other interval, filter, order or mode)",
				ErrCursorMismatch, cp.QueryHash, p.hash)
		}
		e.sum.Resumed = true
		if cp.Completed {
			e.cp = cp
			e.sum.ExportID = cp.ExportID
			e.sum.AlreadyComplete = true
			return e.summary(), nil
		}
	} else {
		spec, err := s.planSpec(ctx, &e.st, p)
		if err != nil {
			return e.summary(), err
		}
		cp = Checkpoint{QueryHash: p.hash, ExportID: newExportID(), Start: p.q.Start.UTC(), End: p.q.End.UTC(),
			Order: p.q.Order, Mode: p.q.Mode, spec: spec}
		if p.q.Filter != nil {
			cp.Filter = p.q.Filter.String()
		}
	}
	e.chunks = plan(p, cp.spec)
	if found && cp.ChunksTotal != len(e.chunks) {
		return Summary{}, fmt.Errorf("%w: the checkpoint plans %d chunks, this query %d", ErrCursorMismatch, cp.ChunksTotal, len(e.chunks))
	}
	cp.ChunksTotal = len(e.chunks)
	e.cp = cp
	e.sum.ExportID = cp.ExportID
	if err := sink.Open(ctx, cp.SinkPosition); err != nil {
		return e.summary(), fmt.Errorf("search: Export: open sink: %w", err)
	}
	if found && cp.last != nil && cfg.hook != nil {
		// The previous run may have stopped between saving this checkpoint
		// and calling the hook for its last batch: call it again.
		info := cp.last.info(e)
		info.Checkpoint = cp
		if err := cfg.hook(ctx, info); err != nil {
			return e.summary(), fmt.Errorf("search: Export: batch hook: batch %d: %w", info.Seq, err)
		}
	}
	err = e.run(ctx)
	return e.summary(), err
}

// exporter is the state of one Export call.
type exporter struct {
	s       *Searcher
	p       *prepared
	cfg     exportConfig
	sink    Sink
	chunks  []chunk
	cp      Checkpoint // last saved
	st      counters
	sum     Summary
	started time.Time
	newRows int64 // committed in this run
}

func (e *exporter) summary() Summary {
	s := e.sum
	s.Progress = e.progress()
	return s
}

func (e *exporter) progress() Progress {
	el := e.s.cfg.clock.Now().Sub(e.started)
	pr := Progress{
		Conversations: e.cp.Conversations, Batches: e.cp.Batches,
		ChunksDone: e.cp.ChunksDone, ChunksTotal: e.cp.ChunksTotal,
		Requests: e.st.requests.Load(), Retries: e.st.retries.Load(), RateLimited: e.st.rateLimited.Load(),
		Elapsed: el,
	}
	if el > 0 {
		pr.Rate = float64(e.newRows) / el.Seconds()
	}
	return pr
}

// run fetches chunks with workers and delivers their pages in order.
func (e *exporter) run(parent context.Context) error {
	n := len(e.chunks)
	head := e.cp.ChunksDone
	if head >= n {
		return e.finish(parent)
	}
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	pl := &pipeline{out: make([]chan exportMsg, n), head: make([]chan struct{}, n), sem: make(chan struct{}, e.cfg.prefetch)}
	for i := head; i < n; i++ {
		pl.out[i] = make(chan exportMsg)
		pl.head[i] = make(chan struct{})
	}
	var next atomic.Int64
	next.Store(int64(head))
	var wg sync.WaitGroup
	defer wg.Wait()
	for range min(e.cfg.concurrency, n-head) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				pos := chunkPos{}
				if i == head {
					pos = e.cp.pos
				}
				if err := e.fetch(ctx, pl, i, pos); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	for i := head; i < n; i++ {
		close(pl.head[i])
		for {
			var m exportMsg
			var ok bool
			select {
			case m, ok = <-pl.out[i]:
			case <-ctx.Done():
				return exportCause(ctx, parent)
			}
			if !ok {
				break
			}
			err := e.deliver(ctx, i, m)
			if m.token {
				<-pl.sem
			}
			if err != nil {
				cancel(err)
				return err
			}
		}
	}
	return e.finish(parent)
}

// exportCause is the error that stopped the pipeline: a worker's error,
// or the parent's.
func exportCause(ctx, parent context.Context) error {
	if err := parent.Err(); err != nil {
		return fmt.Errorf("search: Export: %w", context.Cause(parent))
	}
	return context.Cause(ctx)
}

// fetch reads chunk i page by page and sends the pages to the deliverer,
// then closes its channel. Before each page it takes a prefetch token,
// unless the chunk is being delivered. The job is deleted on every way out.
func (e *exporter) fetch(ctx context.Context, pl *pipeline, i int, pos chunkPos) error {
	fail := func(err error) error {
		return fmt.Errorf("search: Export: chunk %d (%s): %w", i, e.chunks[i], err)
	}
	rd := e.s.newReader(e.p, e.chunks[i], pos, &e.st)
	defer rd.close(ctx)
	if err := rd.ready(ctx); err != nil {
		return fail(err)
	}
	for !rd.done {
		token := false
		select {
		case <-pl.head[i]:
		default:
			select {
			case pl.sem <- struct{}{}:
				token = true
			case <-pl.head[i]:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
		rows, err := rd.next(ctx)
		if err == nil && len(rows) == 0 && !rd.done {
			err = errSkip
		}
		if err != nil {
			if token {
				<-pl.sem
			}
			if err == errSkip {
				continue
			}
			return fail(err)
		}
		select {
		case pl.out[i] <- exportMsg{rows: rows, pos: rd.pos.clone(), done: rd.done, token: token}:
		case <-ctx.Done():
			if token {
				<-pl.sem
			}
			return context.Cause(ctx)
		}
	}
	close(pl.out[i])
	return nil
}

// errSkip marks a page with nothing to deliver.
var errSkip = errors.New("skip")

// deliver writes one page to the sink, then saves the checkpoint and runs
// the hook and the progress function.
func (e *exporter) deliver(ctx context.Context, i int, m exportMsg) error {
	cp := e.cp
	var info *BatchInfo
	if len(m.rows) > 0 {
		b := Batch{Seq: cp.Batches + 1, Chunk: i, Start: e.chunks[i].start, End: e.chunks[i].end, Conversations: m.rows}
		pos, err := e.sink.WriteBatch(ctx, b)
		if err != nil {
			return fmt.Errorf("search: Export: sink: batch %d: %w", b.Seq, err)
		}
		cp.SinkPosition = pos
		cp.Batches++
		cp.Conversations += int64(len(m.rows))
		first, last := &m.rows[0], &m.rows[len(m.rows)-1]
		cp.last = &batchRecord{Seq: b.Seq, Chunk: i, Count: len(m.rows),
			FirstID: strings.Clone(first.ID), LastID: strings.Clone(last.ID), FirstStart: first.Start, LastStart: last.Start}
		v := cp.last.info(e)
		v.Position = pos // e.cp is the previous checkpoint until this one is saved
		info = &v
	}
	if m.done {
		cp.ChunksDone, cp.pos = i+1, chunkPos{}
	} else {
		cp.ChunksDone, cp.pos = i, m.pos
	}
	cp.Updated = e.s.cfg.clock.Now().UTC()
	if err := e.cfg.store.Save(ctx, cp); err != nil {
		return fmt.Errorf("search: Export: %w", err)
	}
	e.cp = cp
	if info != nil {
		e.newRows += int64(info.Count)
		info.Checkpoint = cp
		if e.cfg.hook != nil {
			if err := e.cfg.hook(ctx, *info); err != nil {
				return fmt.Errorf("search: Export: batch hook: batch %d: %w", info.Seq, err)
			}
		}
	}
	if e.cfg.progress != nil {
		e.cfg.progress(e.progress())
	}
	return nil
}

// finish marks the checkpoint complete.
func (e *exporter) finish(ctx context.Context) error {
	cp := e.cp
	cp.Completed, cp.ChunksDone, cp.pos = true, len(e.chunks), chunkPos{}
	cp.Updated = e.s.cfg.clock.Now().UTC()
	if err := e.cfg.store.Save(ctx, cp); err != nil {
		return fmt.Errorf("search: Export: %w", err)
	}
	e.cp = cp
	e.s.cfg.logger.InfoContext(ctx, "export complete", slog.Int64("conversations", cp.Conversations),
		slog.Int("chunks", cp.ChunksTotal))
	return nil
}

// batchRecord is what a checkpoint keeps of its last batch, so a resumed
// run can call the batch hook for it again.
type batchRecord struct {
	Seq        int64     `json:"seq"`
	Chunk      int       `json:"chunk"`
	Count      int       `json:"count"`
	FirstID    string    `json:"firstId,omitzero"`
	LastID     string    `json:"lastId,omitzero"`
	FirstStart time.Time `json:"firstStart,omitzero"`
	LastStart  time.Time `json:"lastStart,omitzero"`
}

// info is the BatchInfo of the recorded batch (without its Checkpoint).
func (r *batchRecord) info(e *exporter) BatchInfo {
	var start, end time.Time
	if r.Chunk >= 0 && r.Chunk < len(e.chunks) {
		start, end = e.chunks[r.Chunk].start, e.chunks[r.Chunk].end
	}
	return BatchInfo{Query: e.p.q, QueryHash: e.p.hash, FilterHash: e.p.fhash, ExportID: e.cp.ExportID,
		Seq: r.Seq, Chunk: r.Chunk, Start: start, End: end, Count: r.Count,
		FirstID: r.FirstID, LastID: r.LastID, FirstStart: r.FirstStart, LastStart: r.LastStart,
		Position: e.cp.SinkPosition}
}

// newExportID returns a random export id, "exp_" and 32 hex digits.
func newExportID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "exp_" + hex.EncodeToString(b[:])
}
