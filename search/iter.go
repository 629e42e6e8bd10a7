package search

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

// Page is one page of results of [Searcher.Pages]: the rows of one API
// response that belong to the query (rows outside [Start, End) and rows
// delivered already are dropped, so a page may be shorter than the page
// size; pages left empty that way are not yielded).
type Page struct {
	// Conversations are the page's conversations, in query order.
	Conversations []genesys.Conversation
	// Cursor resumes the iteration after this page: pass it as
	// [Query.Cursor] of the same query, also in another process. It is
	// empty on the last page. It is opaque (base64 of a versioned JSON
	// document carrying the query's hash and the position).
	Cursor string
	// Start and End delimit the chunk of the query the page belongs to.
	Start, End time.Time
	// Mode is how the chunk is fetched: [ModeJobs] or [ModeQuery].
	Mode Mode
	// JobID is the async job serving the chunk ([ModeJobs]).
	JobID string
}

// run is the resolved state of one iteration: plan and starting position.
type run struct {
	p      *prepared
	spec   planSpec
	chunks []chunk
	chunk  int
	pos    chunkPos
}

// start validates q and resolves the plan: from q.Cursor when given, else
// from the options (and, for ModeAuto, the availability watermark, one
// request).
func (s *Searcher) start(ctx context.Context, st stats, q Query) (*run, error) {
	if err := s.cfg.err; err != nil {
		return nil, err
	}
	p, err := prepare(q)
	if err != nil {
		return nil, err
	}
	r := &run{p: p}
	if q.Cursor != "" {
		t, err := decodeToken(q.Cursor, p.hash)
		if err != nil {
			return nil, err
		}
		r.spec, r.chunk, r.pos = t.Plan, t.Chunk, t.Pos
	} else {
		r.spec, err = s.planSpec(ctx, st, p)
		if err != nil {
			return nil, err
		}
	}
	r.chunks = plan(p, r.spec)
	if r.chunk > len(r.chunks) {
		return nil, fmt.Errorf("%w: chunk %d of %d", ErrBadCursor, r.chunk, len(r.chunks))
	}
	return r, nil
}

// planSpec fixes the plan parameters of a new run.
func (s *Searcher) planSpec(ctx context.Context, st stats, p *prepared) (planSpec, error) {
	spec := planSpec{Chunk: int64(s.cfg.chunk / time.Minute)}
	if p.q.Mode == ModeAuto {
		w, err := s.availability(ctx, st)
		if err != nil {
			return planSpec{}, err
		}
		spec.Split = w.UnixMilli()
	}
	return spec, nil
}

// cursorAfter is the resume token for the position after the current page.
func (r *run) cursorAfter(chunk int, pos chunkPos, done bool) string {
	if done {
		chunk, pos = chunk+1, chunkPos{}
	}
	if chunk >= len(r.chunks) {
		return ""
	}
	return encodeToken(token{Query: r.p.hash, Plan: r.spec, Chunk: chunk, Pos: pos})
}

// Pages streams the results of q page by page; see [Query] for what is
// returned and [Page.Cursor] for resuming. It is lazy: no request is made
// until the loop starts. Breaking out of the loop stops further requests and
// deletes the async job in progress. It can be ranged again, starting from
// q again each time. An error is yielded once (with a nil page), then the
// iteration stops. A loop runs on one goroutine; several loops may run at
// once. Errors: validation errors naming the Query field, [ErrBadCursor],
// [ErrCursorMismatch], [*JobError], [ErrRepeatedCursor], [ErrResultWindow],
// and [genesys.APIError] or [genesys.RequestError] from requests.
func (s *Searcher) Pages(ctx context.Context, q Query) iter.Seq2[*Page, error] {
	return func(yield func(*Page, error) bool) {
		r, err := s.start(ctx, nil, q)
		if err != nil {
			yield(nil, err)
			return
		}
		for i := r.chunk; i < len(r.chunks); i++ {
			pos := chunkPos{}
			if i == r.chunk {
				pos = r.pos
			}
			ch := r.chunks[i]
			rd := s.newReader(r.p, ch, pos, nil)
			for !rd.done {
				rows, err := rd.next(ctx)
				if err != nil {
					rd.close(ctx)
					yield(nil, err)
					return
				}
				if len(rows) == 0 {
					continue
				}
				pg := &Page{
					Conversations: rows,
					Cursor:        r.cursorAfter(i, rd.pos, rd.done),
					Start:         ch.start, End: ch.end, Mode: ch.mode, JobID: rd.jobID,
				}
				if !yield(pg, nil) {
					rd.close(ctx)
					return
				}
			}
			rd.close(ctx)
		}
	}
}

// All streams every conversation of q; see [Query] for what is returned. It
// is lazy: no request is made until the loop starts. Breaking out of the
// loop stops further requests and deletes the async job in progress. It can
// be ranged again, starting from q each time (q.Cursor resumes after a page
// of [Searcher.Pages]). An error is yielded once, then the iteration stops.
// A loop runs on one goroutine. Errors: as for [Searcher.Pages].
func (s *Searcher) All(ctx context.Context, q Query) iter.Seq2[genesys.Conversation, error] {
	return func(yield func(genesys.Conversation, error) bool) {
		for pg, err := range s.Pages(ctx, q) {
			if err != nil {
				yield(genesys.Conversation{}, err)
				return
			}
			for i := range pg.Conversations {
				if !yield(pg.Conversations[i], nil) {
					return
				}
			}
		}
	}
}
