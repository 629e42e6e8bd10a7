package genesystest

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/schema"
)

// validateWire checks the filter arrays against the catalog, as the real
// API does, returning one message for all problems.
func validateWire(w filter.Wire) error { return w.Validate() }

// joinLines turns a multi-line error text into one line.
func joinLines(s string) string { return strings.ReplaceAll(s, "\n", "; ") }

const day = 24 * time.Hour

// rowBytes is the typical size of one conversation's JSON, for sizing
// response buffers.
const rowBytes = 6 << 10

func floorDay(t time.Time) time.Time { return t.UTC().Truncate(day) }

func ceilDay(t time.Time) time.Time {
	f := floorDay(t)
	if f.Equal(t) {
		return f
	}
	return f.Add(day)
}

// matchList is the ordered list of conversation indices a query or job
// matches. A contiguous, unfiltered list is stored as a range only.
type matchList struct {
	lo, hi int64    // contiguous case: indices [lo, hi)
	base   int64    // list case: index = base + offs[i]
	offs   []uint32 // nil in the contiguous case
	list   bool
	desc   bool
}

func (m *matchList) len() int {
	if m.list {
		return len(m.offs)
	}
	return int(m.hi - m.lo)
}

// at returns the i-th index in the requested order.
func (m *matchList) at(i int) int64 {
	if m.desc {
		i = m.len() - 1 - i
	}
	if m.list {
		return m.base + int64(m.offs[i])
	}
	return m.lo + int64(i)
}

// scan builds the match list of the indices [lo, hi) that keep (on the
// header) and mt (on the conversation) accept, ordered as asked.
func (s *Server) scan(lo, hi int64, mt *matcher, keep func(h *header) bool, orderBy, order string, asOf int64) *matchList {
	byEnd := orderBy == "conversationEnd" || orderBy == "segmentEnd"
	ml := &matchList{lo: lo, hi: hi, desc: order == "desc"}
	if mt.all && keep == nil && !byEnd {
		return ml
	}
	ml.list, ml.base = true, lo
	for k := lo; k < hi; k++ {
		if keep != nil {
			h := s.grid.header(k)
			if !keep(&h) {
				continue
			}
		}
		if !mt.all {
			c := s.gen.conversation(k, false, asOf)
			if !mt.match(&c) {
				continue
			}
		}
		ml.offs = append(ml.offs, uint32(k-lo))
	}
	if byEnd {
		ends := make(map[uint32]int64, len(ml.offs))
		for _, o := range ml.offs {
			end := s.grid.header(lo + int64(o)).end
			if asOf > 0 && end > asOf {
				end = math.MaxInt64 // ongoing: no end yet, sorts last
			}
			ends[o] = end
		}
		slices.SortStableFunc(ml.offs, func(a, b uint32) int {
			return cmp.Or(cmp.Compare(ends[a], ends[b]), cmp.Compare(a, b))
		})
	}
	return ml
}

// queryCache keeps the match lists and aggregation results of recent
// queries (at most cacheSize), so paging through a filtered query does not
// rescan the interval for every page.
type queryCache struct {
	mu      sync.Mutex
	entries []cacheEntry // most recent last
}

type cacheEntry struct {
	key  string
	list *matchList
	aggs []byte
}

const cacheSize = 16

func (c *queryCache) get(key string) (cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			return e, true
		}
	}
	return cacheEntry{}, false
}

func (c *queryCache) put(e cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, x := range c.entries {
		if x.key == e.key {
			c.entries = append(c.entries[:i], c.entries[i+1:]...)
			break
		}
	}
	if len(c.entries) >= cacheSize {
		c.entries = c.entries[1:]
	}
	c.entries = append(c.entries, e)
}

// queryMatches returns the match list of a detail query: conversations that
// started on a UTC day touched by the interval.
func (s *Server) queryMatches(q *request, asOf int64) *matchList {
	key := "L|" + itoa(asOf) + "|" + q.key
	if e, ok := s.cache.get(key); ok {
		return e.list
	}
	hiT := ceilDay(q.end).UnixMilli()
	if asOf > 0 {
		hiT = min(hiT, asOf+1) // only conversations that have started
	}
	lo, hi := s.grid.startRange(floorDay(q.start).UnixMilli(), hiT)
	ml := s.scan(lo, hi, compileWire(toWireSet(q.wire)), nil, q.orderBy, q.order, asOf)
	s.cache.put(cacheEntry{key: key, list: ml})
	return ml
}

// handleQuery serves POST .../details/query.
func (s *Server) handleQuery(rc *reqCtx, _ []string, resp *response) {
	body, e := readBody(rc.r)
	if e == nil {
		var q *request
		q, e = s.decodeRequest(body, epQuery)
		if e == nil {
			s.serveQuery(rc, q, resp)
			return
		}
	}
	resp.fail(*e, rc.cid)
}

func (s *Server) serveQuery(rc *reqCtx, q *request, resp *response) {
	asOf := s.asOf(rc.now)
	ml := s.queryMatches(q, asOf)
	total := ml.len()
	off := (q.pageNumber - 1) * q.pageSize
	s.mu.Lock()
	s.stats.QueryPages++
	s.mu.Unlock()
	if off >= total && total > 0 {
		resp.json(http.StatusOK, []byte("{}"))
		return
	}
	w := jw{b: make([]byte, 0, 256+min(q.pageSize, total-off)*rowBytes)}
	w.open('{')
	w.fInt("totalHits", int64(total))
	if end := min(off+q.pageSize, total); end > off {
		w.key("conversations")
		w.open('[')
		for i := off; i < end; i++ {
			c := s.gen.conversation(ml.at(i), false, asOf)
			w.writeConversation(&c, false)
		}
		w.close(']')
	}
	if len(q.aggs) > 0 {
		w.key("aggregations")
		w.sep()
		w.b = append(w.b, s.aggregations(q, ml, asOf)...)
		w.comma = true
	}
	w.close('}')
	resp.json(http.StatusOK, w.b)
}

// aggregations computes (or fetches from the cache) the aggregation results
// array of q over its matches.
func (s *Server) aggregations(q *request, ml *matchList, asOf int64) []byte {
	var spec strings.Builder
	for _, a := range q.aggs {
		spec.WriteString(a.typ + "," + a.dimension + "," + a.metric + "," + itoa(int64(a.size)) + ",")
		for _, r := range a.ranges {
			if r.gte != nil {
				spec.WriteString(filter.FormatNumber(*r.gte))
			}
			spec.WriteString(":")
			if r.lt != nil {
				spec.WriteString(filter.FormatNumber(*r.lt))
			}
			spec.WriteString(";")
		}
		spec.WriteString("|")
	}
	key := "A|" + itoa(asOf) + "|" + q.key + "|" + spec.String()
	if e, ok := s.cache.get(key); ok {
		return e.aggs
	}
	type state struct {
		counted int
		terms   map[string]int
		ranges  []int
	}
	st := make([]state, len(q.aggs))
	for i, a := range q.aggs {
		st[i].terms = map[string]int{}
		st[i].ranges = make([]int, len(a.ranges))
	}
	n := ml.len()
	for i := 0; i < n; i++ {
		c := s.gen.conversation(ml.at(i), false, asOf)
		for ai, a := range q.aggs {
			if a.typ == "termFrequency" {
				vals := termValues(&c, a.dimension)
				if len(vals) > 0 {
					st[ai].counted++
				}
				for v := range vals {
					st[ai].terms[v]++
				}
				continue
			}
			vals := metricValues(&c, a.metric)
			if len(vals) > 0 {
				st[ai].counted++
			}
			for ri, r := range a.ranges {
				for _, v := range vals {
					if (r.gte == nil || v >= *r.gte) && (r.lt == nil || v < *r.lt) {
						st[ai].ranges[ri]++
						break
					}
				}
			}
		}
	}
	var w jw
	w.open('[')
	for ai, a := range q.aggs {
		w.open('{')
		w.fStr("type", a.typ)
		w.fStr("dimension", a.dimension)
		w.fStr("metric", a.metric)
		w.fInt("count", int64(st[ai].counted))
		w.key("results")
		w.open('[')
		if a.typ == "termFrequency" {
			type tc struct {
				v string
				n int
			}
			var tcs []tc
			for v, n := range st[ai].terms {
				tcs = append(tcs, tc{v, n})
			}
			slices.SortFunc(tcs, func(x, y tc) int { return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.v, y.v)) })
			for _, t := range tcs[:min(len(tcs), a.size)] {
				w.open('{')
				w.fStr("value", t.v)
				w.fInt("count", int64(t.n))
				w.close('}')
			}
		} else {
			for ri, r := range a.ranges {
				w.open('{')
				if r.gte != nil {
					w.key("gte")
					w.float(*r.gte)
				}
				if r.lt != nil {
					w.key("lt")
					w.float(*r.lt)
				}
				w.fInt("count", int64(st[ai].ranges[ri]))
				w.close('}')
			}
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
	s.cache.put(cacheEntry{key: key, aggs: w.b})
	return w.b
}

// termValues returns the distinct values of a conversation or segment
// dimension in c.
func termValues(c *conversation, dim string) map[string]struct{} {
	out := map[string]struct{}{}
	if _, ok := schema.LookupIn(schema.Conversation, schema.DimensionKind, dim); ok {
		for _, v := range conversationDimension(dim)(&evalCtx{c: c}) {
			out[v] = struct{}{}
		}
		return out
	}
	ex := segmentDimension(dim)
	for pi := range c.participants {
		p := &c.participants[pi]
		for si := range p.sessions {
			sess := &p.sessions[si]
			for gi := range sess.segments {
				for _, v := range ex(&evalCtx{c: c, p: p, s: sess, g: &sess.segments[gi]}) {
					out[v] = struct{}{}
				}
			}
		}
	}
	return out
}

// metricValues returns the values of a conversation metric (session
// metrics) or of tSegmentDuration in c.
func metricValues(c *conversation, name string) []float64 {
	if name != "tSegmentDuration" {
		return metricExtractor(schema.Conversation, name)(&evalCtx{c: c})
	}
	var out []float64
	for pi := range c.participants {
		for si := range c.participants[pi].sessions {
			for _, g := range c.participants[pi].sessions[si].segments {
				out = append(out, float64(g.end-g.start))
			}
		}
	}
	return out
}
