package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
)

const queryPath = "/api/v2/analytics/conversations/details/query"

// ErrResultWindow is returned when a synchronous query chunk has more
// results than the deep-paging cap ([WithMaxResultWindow]) lets it page
// through; [ModeJobs] has no such cap.
var ErrResultWindow = errors.New("search: query results exceed the deep-paging window; use ModeJobs")

// maxRecreate is how many times in a row a job may be recreated without
// delivering anything new before the chunk fails with ErrJobExpired.
const maxRecreate = 3

// requestBody writes a query or job body: interval, order, orderBy, the
// filter arrays of p, then extra members (raw JSON, without braces).
func requestBody(p *prepared, interval string, extra []byte) json.RawMessage {
	b := make([]byte, 0, 128+len(p.body)+len(extra))
	b = append(b, `{"interval":`...)
	b = strconv.AppendQuote(b, interval)
	b = append(b, `,"order":"`...)
	b = append(b, p.q.Order...)
	b = append(b, `","orderBy":"conversationStart"`...)
	if len(p.body) > 0 {
		b = append(b, ',')
		b = append(b, p.body...)
	}
	if len(extra) > 0 {
		b = append(b, ',')
		b = append(b, extra...)
	}
	b = append(b, '}')
	return b
}

// reader fetches one chunk page by page. It runs on one goroutine.
type reader struct {
	s   *Searcher
	p   *prepared
	ch  chunk
	pos chunkPos
	st  stats

	done      bool
	inherited bool   // pos.Job came from a cursor or checkpoint: an earlier run may have deleted it
	jobID     string // the last job that served the chunk, for Page.JobID
	jobReady  bool   // pos.Job was seen FULFILLED by this reader
	recreated int    // recreations without progress
}

func (s *Searcher) newReader(p *prepared, ch chunk, pos chunkPos, st stats) *reader {
	return &reader{s: s, p: p, ch: ch, pos: pos.clone(), st: st, jobID: pos.Job, inherited: pos.Job != ""}
}

// next fetches the next API page of the chunk and returns the rows to
// deliver: inside the chunk, not delivered before. They may be none.
// After the last page r.done is true. On error the position is unchanged.
func (r *reader) next(ctx context.Context) ([]genesys.Conversation, error) {
	if r.done {
		return nil, nil
	}
	if r.ch.mode == ModeQuery {
		return r.nextQuery(ctx)
	}
	return r.nextJob(ctx)
}

// close deletes the chunk's job, if any. It is safe to call more than once.
func (r *reader) close(ctx context.Context) {
	if r.pos.Job != "" {
		r.s.deleteJob(ctx, r.st, r.pos.Job)
		r.pos.Job, r.pos.Cursor, r.jobReady = "", "", false
	}
}

// accept reports whether row c is delivered, and records it in the mark.
// Rows outside the chunk and rows at or behind the mark that were delivered
// already are dropped.
func (r *reader) accept(c *genesys.Conversation) bool {
	if c.Start.Before(r.ch.start) || !c.Start.Before(r.ch.end) || c.ID == "" {
		return false
	}
	ms := c.Start.UnixMilli()
	if len(r.pos.MarkIDs) > 0 {
		d := int64(r.p.dir) * (ms - r.pos.Mark)
		switch {
		case d < 0:
			return false
		case d == 0:
			if slices.Contains(r.pos.MarkIDs, c.ID) {
				return false
			}
			r.pos.MarkIDs = append(r.pos.MarkIDs, c.ID)
			r.pos.Delivered++
			return true
		}
	}
	r.pos.Mark = ms
	r.pos.MarkIDs = append(r.pos.MarkIDs[:0:0], c.ID)
	r.pos.Delivered++
	return true
}

// pastEnd reports whether a row lies beyond the chunk in the direction of
// reading, so (rows being ordered) no later row can be inside it.
func (r *reader) pastEnd(c *genesys.Conversation) bool {
	if r.p.dir > 0 {
		return !c.Start.Before(r.ch.end)
	}
	return c.Start.Before(r.ch.start)
}

// filterRows keeps the accepted rows, in place.
func (r *reader) filterRows(rows []genesys.Conversation) []genesys.Conversation {
	out := rows[:0]
	for i := range rows {
		if r.accept(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	clear(rows[len(out):]) // drop references to rejected rows
	return out
}

func (r *reader) nextQuery(ctx context.Context) ([]genesys.Conversation, error) {
	page, size := max(r.pos.Page, 1), r.pos.PageSize
	if size == 0 {
		size = r.s.cfg.queryPageSize
	}
	if page*size > r.s.cfg.maxWindow {
		// Past the deep-paging window: page again from 1 with the
		// interval narrowed, by a conversationStart filter, to what is
		// left after the mark (the request interval cannot do it: the API
		// widens it to whole days).
		if len(r.pos.MarkIDs) == 0 || r.pos.Narrow == r.pos.Mark+1 {
			return nil, fmt.Errorf("%w: chunk %s, page %d of %d", ErrResultWindow, r.ch, page, size)
		}
		r.pos.Narrow, r.pos.Page, page = r.pos.Mark+1, 1, 1 // +1: Narrow is never 0
		r.s.cfg.logger.DebugContext(ctx, "query window exhausted; narrowing", slog.String("chunk", r.ch.String()),
			slog.Time("mark", timeMS(r.pos.Mark)))
	}
	paging := make([]byte, 0, 48)
	paging = append(paging, `"paging":{"pageSize":`...)
	paging = strconv.AppendInt(paging, int64(size), 10)
	paging = append(paging, `,"pageNumber":`...)
	paging = strconv.AppendInt(paging, int64(page), 10)
	paging = append(paging, '}')
	p := r.p
	if r.pos.Narrow != 0 {
		var err error
		if p, err = r.narrowed(); err != nil {
			return nil, err
		}
	}
	body := requestBody(p, apiInterval(r.ch.start, r.ch.end), paging)
	var resp genesys.DetailsQueryResponse
	if _, err := r.s.do(ctx, r.st, genesys.Request{
		Method: http.MethodPost, Path: queryPath, Body: body, Operation: "details query",
	}, &resp); err != nil {
		return nil, fmt.Errorf("search: %s: page %d: %w", r.ch, page, err)
	}
	n := len(resp.Conversations)
	past := n > 0 && r.pastEnd(&resp.Conversations[n-1])
	rows := r.filterRows(resp.Conversations)
	r.pos.Page, r.pos.PageSize = page+1, size
	if n == 0 || n < size || past || (resp.TotalHits > 0 && page*size >= resp.TotalHits) {
		r.done = true
	}
	return rows, nil
}

// ready creates the chunk's job, if any, and waits until it is FULFILLED,
// without reading results; next does it too, so calling it is optional.
func (r *reader) ready(ctx context.Context) error {
	if r.done || r.ch.mode != ModeJobs {
		return nil
	}
	_, err := r.jobLoop(ctx, true)
	return err
}

// narrowed is the query with an extra conversation filter restricting
// conversationStart to the part of the chunk from the mark on (asc) or up
// to it (desc). The mark's own rows are delivered already or dropped by
// accept.
func (r *reader) narrowed() (*prepared, error) {
	m := timeMS(r.pos.Narrow - 1)
	a, b := m, ceilMS(r.ch.end)
	if r.p.dir < 0 {
		a, b = floorMS(r.ch.start), m.Add(time.Millisecond)
	}
	w := r.p.wire
	w.ConversationFilters = append(slices.Clone(w.ConversationFilters), filter.WireFilter{
		Type: "and",
		Predicates: []filter.WirePredicate{{Type: "dimension", Dimension: "conversationStart",
			Operator: "matches", Value: formatTime(a) + "/" + formatTime(b)}},
	})
	body, err := w.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("search: narrow query: %w", err)
	}
	np := *r.p
	np.wire, np.body = w, body[1:len(body)-1]
	return &np, nil
}

func (r *reader) nextJob(ctx context.Context) ([]genesys.Conversation, error) {
	return r.jobLoop(ctx, false)
}

// jobLoop reads the next results page (or only readies the job), creating
// the job again when it failed or vanished.
func (r *reader) jobLoop(ctx context.Context, readyOnly bool) ([]genesys.Conversation, error) {
	for {
		rows, err := r.tryJobPage(ctx, readyOnly)
		var gone *errJobGone
		var jerr *JobError
		switch {
		case errors.As(err, &gone):
			jerr = &JobError{JobID: gone.id, State: JobExpired, Message: "expired or deleted mid-cursor", Err: gone.err}
		case errors.As(err, &jerr) && jerr.State == JobFailed:
			// A failed job may succeed when asked again.
		case errors.As(err, &jerr) && jerr.State == JobCancelled && r.inherited:
			// The run that stopped at this position deleted its job.
		default:
			return rows, err
		}
		// Recreate the job for what is left of the chunk; the mark drops
		// rows delivered already.
		r.recreated++
		if r.recreated > maxRecreate {
			jerr.Message += fmt.Sprintf(" (%d jobs in a row for chunk %s ended so without progress)", r.recreated, r.ch)
			return nil, jerr
		}
		r.s.cfg.logger.WarnContext(ctx, "job ended without results; recreating", slog.String("job_id", jerr.JobID),
			slog.String("state", string(jerr.State)), slog.String("chunk", r.ch.String()))
		r.close(ctx) // a failed job still counts against the org until deleted
		r.inherited = false
	}
}

// jobInterval is what a (re)created job covers: the chunk, narrowed to the
// part not yet delivered. Jobs match conversations whose lifetime overlaps
// the interval, so the rows that started before it and the rows delivered
// already at the mark are dropped by accept.
func (r *reader) jobInterval() (a, b string) {
	start, end := r.ch.start, r.ch.end
	if len(r.pos.MarkIDs) > 0 {
		m := timeMS(r.pos.Mark)
		if r.p.dir > 0 && m.After(start) {
			start = m
		}
		if r.p.dir < 0 {
			if e := m.Add(1e6); e.Before(end) {
				end = e
			}
		}
	}
	return formatTime(floorMS(start)), formatTime(ceilMS(end))
}

func (r *reader) tryJobPage(ctx context.Context, readyOnly bool) ([]genesys.Conversation, error) {
	if r.pos.Job == "" {
		a, b := r.jobInterval()
		id, err := r.s.createJob(ctx, r.st, r.p, a+"/"+b)
		if err != nil {
			return nil, err
		}
		r.pos.Job, r.pos.Cursor, r.jobReady = id, "", false
		r.jobID = id
	}
	if !r.jobReady {
		if err := r.s.waitJob(ctx, r.st, r.pos.Job); err != nil {
			return nil, err
		}
		r.jobReady = true
	}
	if readyOnly {
		return nil, nil
	}
	sent := r.pos.Cursor
	resp, err := r.s.jobResults(ctx, r.st, r.pos.Job, sent, r.s.cfg.jobPageSize)
	if err != nil {
		return nil, err
	}
	if resp.Cursor != "" && resp.Cursor == sent {
		return nil, fmt.Errorf("%w: job %s", ErrRepeatedCursor, r.pos.Job)
	}
	before := r.pos.Delivered
	rows := r.filterRows(resp.Conversations)
	if r.pos.Delivered > before {
		r.recreated = 0
	}
	r.pos.Cursor = resp.Cursor
	if resp.Cursor == "" {
		r.done = true
		r.close(ctx)
	}
	return rows, nil
}
