package search

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/interactiondata/gcdata/filter"
)

// Mode says how a query is fetched.
type Mode string

// The modes.
const (
	// ModeAuto (the default, also for "") fetches the part of the interval
	// before the data availability watermark ([Searcher.Availability]) with
	// async jobs and the rest with the synchronous query, the way
	// replication connectors do. It costs one availability request per run.
	ModeAuto Mode = "auto"
	// ModeJobs fetches the whole interval with async jobs. Data after the
	// availability watermark may be incomplete.
	ModeJobs Mode = "jobs"
	// ModeQuery fetches the whole interval with the synchronous detail
	// query (participant attributes are absent from its results).
	ModeQuery Mode = "query"
)

// Valid reports whether m is a known mode ("" counts as [ModeAuto]).
func (m Mode) Valid() bool {
	switch m {
	case "", ModeAuto, ModeJobs, ModeQuery:
		return true
	}
	return false
}

func (m Mode) norm() Mode {
	if m == "" {
		return ModeAuto
	}
	return m
}

// Order is the order of the results by conversationStart.
type Order string

// The orders.
const (
	// OrderAsc returns the oldest conversation first (the default, also
	// for "").
	OrderAsc Order = "asc"
	// OrderDesc returns the newest conversation first.
	OrderDesc Order = "desc"
)

// Valid reports whether o is a known order ("" counts as [OrderAsc]).
func (o Order) Valid() bool {
	switch o {
	case "", OrderAsc, OrderDesc:
		return true
	}
	return false
}

func (o Order) norm() Order {
	if o == "" {
		return OrderAsc
	}
	return o
}

// Query selects conversations: each conversation whose conversationStart
// lies in [Start, End) and that matches Filter, exactly once, ordered by
// conversationStart (ties in server order).
//
// The API's own interval rules differ: the synchronous query returns every
// conversation that started on a UTC day the interval touches, and async
// jobs every conversation whose lifetime overlaps the interval. The
// Searcher picks the request intervals and drops the rows outside
// [Start, End) itself, so callers never see the difference.
//
// The zero Order and Mode are [OrderAsc] and [ModeAuto].
type Query struct {
	// Start is the inclusive lower bound of conversationStart (required).
	// Times are compared as instants; the time zone does not matter.
	Start time.Time
	// End is the exclusive upper bound of conversationStart (required,
	// after Start).
	End time.Time
	// Filter selects conversations; nil means every conversation.
	Filter filter.Node
	// Order is the result order by conversationStart (default asc).
	Order Order
	// Mode says how the results are fetched (default auto).
	Mode Mode
	// Cursor, when not empty, is a [Page.Cursor] from an earlier
	// [Searcher.Pages] or [Searcher.All] of the same query (the same Start,
	// End, Filter, Order and Mode): iteration continues after that page,
	// also in another process. A cursor of another query is refused with
	// [ErrCursorMismatch].
	Cursor string
}

// prepared is a validated query: its wire filter and identity.
type prepared struct {
	q     Query
	wire  filter.Wire
	body  []byte // the five filter arrays as JSON members (no braces), may be empty
	hash  string // identity of the query (without the cursor)
	fhash string // filter.Hash of the filter, "" without one
	dir   int    // +1 asc, -1 desc
}

// prepare validates q before any request. Errors name the field.
func prepare(q Query) (*prepared, error) {
	var errs []error
	switch {
	case q.Start.IsZero():
		errs = append(errs, errors.New("search: Query.Start is zero"))
	case q.End.IsZero():
		errs = append(errs, errors.New("search: Query.End is zero"))
	case !q.Start.Before(q.End):
		errs = append(errs, fmt.Errorf("search: Query.Start %s is not before Query.End %s",
			q.Start.UTC().Format(time.RFC3339Nano), q.End.UTC().Format(time.RFC3339Nano)))
	}
	for _, t := range []struct {
		name string
		v    time.Time
	}{{"Start", q.Start}, {"End", q.End}} {
		if !t.v.IsZero() && (t.v.Year() < 1971 || t.v.Year() > 2200) {
			errs = append(errs, fmt.Errorf("search: Query.%s %s is out of range", t.name, t.v.UTC().Format(time.RFC3339Nano)))
		}
	}
	if !q.Order.Valid() {
		errs = append(errs, fmt.Errorf("search: Query.Order %q is not asc or desc", string(q.Order)))
	}
	if !q.Mode.Valid() {
		errs = append(errs, fmt.Errorf("search: Query.Mode %q is not auto, jobs or query", string(q.Mode)))
	}
	p := &prepared{q: q}
	p.q.Start, p.q.End = q.Start.UTC(), q.End.UTC()
	p.q.Order, p.q.Mode = q.Order.norm(), q.Mode.norm()
	p.dir = 1
	if p.q.Order == OrderDesc {
		p.dir = -1
	}
	fhash := ""
	if q.Filter != nil {
		if err := filter.Validate(q.Filter); err != nil {
			errs = append(errs, fmt.Errorf("search: Query.Filter: %w", err))
		} else {
			w, err := filter.Compile(q.Filter)
			if err != nil {
				errs = append(errs, fmt.Errorf("search: Query.Filter: %w", err))
			} else if fhash, err = filter.Hash(q.Filter); err != nil {
				errs = append(errs, fmt.Errorf("search: Query.Filter: %w", err))
			} else {
				p.wire = w
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if !p.wire.IsZero() {
		b, err := p.wire.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("search: Query.Filter: encode: %w", err)
		}
		// Keep the members without the enclosing braces, to splice them
		// into request bodies.
		if len(b) > 2 {
			p.body = b[1 : len(b)-1]
		}
	}
	p.hash, p.fhash = queryHash(p.q, fhash), fhash
	return p, nil
}

// queryHash is the identity of a query for cursors and checkpoints: a hex
// SHA-256 over its interval (nanoseconds), order, mode and filter hash.
func queryHash(q Query, filterHash string) string {
	h := sha256.New()
	b := make([]byte, 0, 160)
	b = append(b, "gcdata-search-query/1\n"...)
	b = strconv.AppendInt(b, q.Start.UnixNano(), 10)
	b = append(b, '\n')
	b = strconv.AppendInt(b, q.End.UnixNano(), 10)
	b = append(b, '\n')
	b = append(b, q.Order...)
	b = append(b, '\n')
	b = append(b, q.Mode...)
	b = append(b, '\n')
	b = append(b, filterHash...)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// hasFilter reports whether the query sends any filter.
func (p *prepared) hasFilter() bool { return len(p.body) > 0 }

// formatTime writes an API date-time with millisecond precision.
func formatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// floorMS and ceilMS round an instant to whole milliseconds.
func floorMS(t time.Time) time.Time { return t.Truncate(time.Millisecond) }

func ceilMS(t time.Time) time.Time {
	f := t.Truncate(time.Millisecond)
	if f.Equal(t) {
		return f
	}
	return f.Add(time.Millisecond)
}

// timeMS is the UTC instant of unix milliseconds.
func timeMS(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// apiInterval is the request interval covering [a, b) at millisecond
// precision.
func apiInterval(a, b time.Time) string {
	return formatTime(floorMS(a)) + "/" + formatTime(ceilMS(b))
}
