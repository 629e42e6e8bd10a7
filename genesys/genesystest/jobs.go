package genesystest

import (
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Job states.
const (
	stateQueued    = "QUEUED"
	statePending   = "PENDING"
	stateFulfilled = "FULFILLED"
	stateFailed    = "FAILED"
	stateCancelled = "CANCELLED"
	stateExpired   = "EXPIRED"
)

// job is one async details job. Its fields are guarded by Server.mu, except
// the match list, which is built once under its own lock.
type job struct {
	id        string
	nonce     uint64
	q         *request
	dad       time.Time // data availability date at submission
	asOf      int64     // rows are rendered as of this instant (0: complete)
	submitted time.Time
	expires   time.Time
	completed time.Time
	polls     int
	fail      bool // FAILED instead of FULFILLED
	cancelled bool
	expired   bool // expired by fault
	terminal  string
	pages     int  // result pages served
	repeated  bool // RepeatCursorAtPage done
	overlap   bool // RepeatRowsAtPage done

	listOnce sync.Once
	list     atomic.Pointer[matchList] // nil before the first results request and after DELETE
}

// stateLocked returns the job's state at now, with s.mu held; terminal
// states stick.
func (s *Server) stateLocked(j *job, now time.Time) string {
	switch {
	case j.cancelled:
		return stateCancelled
	case j.expired || !now.Before(j.expires):
		return stateExpired
	case j.terminal != "":
		return j.terminal
	}
	polls := max(s.limits.JobPolls, 0)
	if j.polls > polls && !now.Before(j.submitted.Add(s.limits.JobProcessing)) {
		j.terminal = stateFulfilled
		if j.fail {
			j.terminal = stateFailed
		}
		j.completed = now
		return j.terminal
	}
	if j.polls <= 1 {
		return stateQueued
	}
	return statePending
}

// running reports whether a job counts against the concurrent-job cap.
func (s *Server) runningLocked(now time.Time) int {
	n := 0
	for _, j := range s.jobs {
		if j.cancelled || j.expired || j.terminal != "" || !now.Before(j.expires) {
			continue
		}
		n++
	}
	return n
}

// handleJobCreate serves POST .../details/jobs.
func (s *Server) handleJobCreate(rc *reqCtx, _ []string, resp *response) {
	body, e := readBody(rc.r)
	var q *request
	if e == nil {
		q, e = s.decodeRequest(body, epJob)
	}
	if e != nil {
		resp.fail(*e, rc.cid)
		return
	}
	seq := s.jobSeq.Add(1)
	r := newRNG(s.salt, seq, tagJob)
	j := &job{
		id:        r.uuid(),
		nonce:     r.next(),
		q:         q,
		dad:       s.dataAvailability(rc.now),
		submitted: rc.now,
		asOf:      s.asOf(rc.now),
		expires:   rc.now.Add(s.limits.JobRetention),
	}
	fr := newRNG(s.grid.seed, seq, tagJob) // job faults follow the seed
	failDraw := fr.float()
	s.mu.Lock()
	if s.runningLocked(rc.now) >= s.limits.MaxConcurrentJobs {
		s.stats.JobsRejected++
		s.mu.Unlock()
		rc.fault = "job-cap"
		resp.header.Set("Retry-After", "1")
		resp.fail(apiError{status: http.StatusTooManyRequests, code: "analytics.jobs.concurrency.exceeded",
			message: "Too many concurrent conversation detail jobs: at most " + strconv.Itoa(s.limits.MaxConcurrentJobs) +
				" may be QUEUED or PENDING; wait for one to finish or delete one",
			limit: &errorLimit{key: "analytics.conversation.details.jobs.concurrent.max", namespace: "analytics",
				value: int64(s.limits.MaxConcurrentJobs)}}, rc.cid)
		return
	}
	j.fail = failDraw < s.faults.JobFailRate
	// Forget jobs long past their expiry.
	for id, old := range s.jobs {
		if rc.now.After(old.expires.Add(s.limits.JobRetention)) {
			delete(s.jobs, id)
		}
	}
	s.jobs[j.id] = j
	s.stats.JobsCreated++
	s.mu.Unlock()
	var w jw
	w.open('{')
	w.fStr("jobId", j.id)
	w.close('}')
	resp.json(http.StatusAccepted, w.b)
}

func (s *Server) dataAvailability(now time.Time) time.Time {
	return now.Add(-s.cfg.lag).UTC().Truncate(time.Millisecond)
}

func (s *Server) findJob(id string) (*job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	return j, ok
}

func jobNotFound(id string) apiError {
	return apiError{status: http.StatusNotFound, message: "No conversation details job found with id " + strconv.Quote(id)}
}

// handleJobStatus serves GET .../details/jobs/{id}. Each poll advances the
// job (see Limits.JobPolls).
func (s *Server) handleJobStatus(rc *reqCtx, params []string, resp *response) {
	s.mu.Lock()
	j, ok := s.jobs[params[0]]
	if !ok {
		s.mu.Unlock()
		resp.fail(jobNotFound(params[0]), rc.cid)
		return
	}
	j.polls++
	state := s.stateLocked(j, rc.now)
	completed := j.completed
	if state == stateExpired || state == stateCancelled {
		if completed.IsZero() {
			completed = rc.now
		}
	}
	s.mu.Unlock()
	var w jw
	w.open('{')
	w.fStr("state", state)
	if state == stateFailed {
		w.fStr("errorMessage", "Query could not be completed")
	}
	w.fStr("submissionDate", formatTime(j.submitted))
	if state != stateQueued && state != statePending && !completed.IsZero() {
		w.fStr("completionDate", formatTime(completed))
	}
	w.fStr("expirationDate", formatTime(j.expires))
	w.close('}')
	resp.json(http.StatusOK, w.b)
}

// handleJobDelete serves DELETE .../details/jobs/{id}: the job becomes
// CANCELLED (its status stays readable, its results are gone) and stops
// counting against the concurrent-job cap. Deleting again is a 204 too.
func (s *Server) handleJobDelete(rc *reqCtx, params []string, resp *response) {
	s.mu.Lock()
	j, ok := s.jobs[params[0]]
	if ok {
		if !j.cancelled {
			s.stats.JobsDeleted++
		}
		j.cancelled = true
		if j.completed.IsZero() {
			j.completed = rc.now
		}
		// Its results are gone: free the match list, so a long export that
		// deletes each job when done holds no per-conversation state here.
		j.list.Store(nil)
	}
	s.mu.Unlock()
	if !ok {
		resp.fail(jobNotFound(params[0]), rc.cid)
		return
	}
	resp.status = http.StatusNoContent
}

// handleAvailability serves GET .../details/jobs/availability.
func (s *Server) handleAvailability(rc *reqCtx, _ []string, resp *response) {
	var w jw
	w.open('{')
	w.fStr("dataAvailabilityDate", formatTime(s.dataAvailability(rc.now)))
	w.close('}')
	resp.json(http.StatusOK, w.b)
}

// jobMatches builds (once) the job's match list: by default conversations
// whose lifetime [start, end] overlaps the interval (start < interval end
// and end > interval start); with startOfDayIntervalMatching, those that
// started in [UTC start of day of the interval start, interval end). Either
// way only conversations that started before the job's data availability
// date, cut to the job's limit.
func (s *Server) jobMatches(j *job) *matchList {
	j.listOnce.Do(func() {
		q := j.q
		a, b, dad := q.start.UnixMilli(), q.end.UnixMilli(), j.dad.UnixMilli()
		var lo, hi int64
		var keep func(h *header) bool
		if q.startOfDay {
			lo, hi = s.grid.startRange(floorDay(q.start).UnixMilli(), min(b, dad))
		} else {
			lo, hi = s.grid.startRange(a-maxConversationMS, min(b, dad))
			keep = func(h *header) bool { return h.end > a }
		}
		ml := s.scan(lo, hi, compileWire(toWireSet(q.wire)), keep, q.orderBy, q.order, j.asOf)
		if q.limit > 0 && ml.len() > q.limit {
			if ml.list {
				if ml.desc {
					ml.offs = ml.offs[len(ml.offs)-q.limit:]
				} else {
					ml.offs = ml.offs[:q.limit]
				}
			} else if ml.desc {
				ml.lo = ml.hi - int64(q.limit)
			} else {
				ml.hi = ml.lo + int64(q.limit)
			}
		}
		j.list.Store(ml)
	})
	return j.list.Load()
}

// Cursors are base64url of 16 bytes: the job's nonce and the row offset.
func encodeCursor(nonce uint64, off int) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], nonce)
	binary.BigEndian.PutUint64(b[8:], uint64(off))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func decodeCursor(c string, nonce uint64) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) != 16 || binary.BigEndian.Uint64(b[:8]) != nonce {
		return 0, false
	}
	off := binary.BigEndian.Uint64(b[8:])
	if off > 1<<40 {
		return 0, false
	}
	return int(off), true
}

// handleJobResults serves GET .../details/jobs/{id}/results.
func (s *Server) handleJobResults(rc *reqCtx, params []string, resp *response) {
	id := params[0]
	query := rc.r.URL.Query()
	for k := range query {
		if k != "cursor" && k != "pageSize" {
			resp.fail(*badRequest("Unrecognized query parameter " + strconv.Quote(k) + " (want cursor and pageSize)"), rc.cid)
			return
		}
	}
	size := s.limits.DefaultJobPageSize
	if vs, ok := query["pageSize"]; ok {
		n, err := strconv.Atoi(vs[0])
		if len(vs) > 1 || err != nil || n < 1 || n > s.limits.MaxJobPageSize {
			resp.fail(*badRequest("Invalid value for pageSize: " + strconv.Quote(vs[0]) +
				" (want an integer between 1 and " + strconv.Itoa(s.limits.MaxJobPageSize) + ")"), rc.cid)
			return
		}
		size = n
	}
	s.mu.Lock()
	j, ok := s.jobs[id]
	if !ok {
		s.mu.Unlock()
		resp.fail(jobNotFound(id), rc.cid)
		return
	}
	state := s.stateLocked(j, rc.now)
	s.mu.Unlock()
	switch state {
	case stateFulfilled:
	case stateExpired, stateCancelled:
		resp.fail(apiError{status: http.StatusNotFound,
			message: "The results of conversation details job " + strconv.Quote(id) + " are gone: the job is " + state}, rc.cid)
		return
	default:
		resp.fail(*badRequest("Conversation details job " + strconv.Quote(id) + " is " + state +
			"; results can be read only when it is FULFILLED"), rc.cid)
		return
	}
	off := 0
	cursor, haveCursor := "", false
	if vs, ok := query["cursor"]; ok && (len(vs) > 1 || vs[0] != "") { // an empty cursor means the first page
		cursor, haveCursor = vs[0], true
		if off, ok = decodeCursor(cursor, j.nonce); !ok || len(vs) > 1 {
			resp.fail(*badRequest("Invalid value for cursor: it does not belong to job " + strconv.Quote(id)), rc.cid)
			return
		}
	}
	ml := s.jobMatches(j)
	if ml == nil { // deleted while this request was on its way
		resp.fail(apiError{status: http.StatusNotFound,
			message: "The results of conversation details job " + strconv.Quote(id) + " are gone: the job is " + stateCancelled}, rc.cid)
		return
	}
	total := ml.len()
	if off > total {
		resp.fail(*badRequest("Invalid value for cursor: it does not belong to job " + strconv.Quote(id)), rc.cid)
		return
	}

	s.mu.Lock()
	f := s.faults
	j.pages++
	page := j.pages
	start := off
	if f.RepeatRowsAtPage > 1 && page == f.RepeatRowsAtPage && !j.overlap && off > 0 {
		j.overlap = true
		// At most size-1 rows back, so that a page with rows left still
		// ends past off: its cursor must never be the one it was asked
		// with (that is RepeatCursorAtPage's fault, not this one).
		start = max(0, off-min(max(f.RepeatRows, 1), size-1))
	}
	end := min(start+size, total)
	next := ""
	if end < total {
		next = encodeCursor(j.nonce, end)
	} else if f.EmptyLastPage && end > off {
		// Only a page that served new rows leads to the empty last page:
		// the empty page itself (off == total) may be the overlapping one,
		// and its rows were all served before.
		next = encodeCursor(j.nonce, end)
	}
	if f.RepeatCursorAtPage > 0 && page == f.RepeatCursorAtPage && !j.repeated {
		j.repeated = true
		if haveCursor {
			next = cursor
		} else {
			next = encodeCursor(j.nonce, off)
		}
	}
	if f.JobExpireAfterPages > 0 && page >= f.JobExpireAfterPages {
		j.expired = true
	}
	s.stats.ResultPages++
	s.mu.Unlock()

	w := jw{b: make([]byte, 0, 256+(end-start)*rowBytes)}
	w.open('{')
	w.fStr("dataAvailabilityDate", formatTime(j.dad))
	w.fStr("cursor", next)
	w.key("conversations")
	w.open('[')
	for i := start; i < end; i++ {
		c := s.gen.conversation(ml.at(i), true, j.asOf)
		w.writeConversation(&c, true)
	}
	w.close(']')
	w.close('}')
	resp.json(http.StatusOK, w.b)
}
