package genesystest

import (
	"net/http"
	"strconv"
	"strings"
)

// visible decodes a conversation id and reports whether the conversation
// exists (and, with live data, has started by asOf).
func (s *Server) visible(id string, asOf int64) (int64, bool) {
	k, ok := s.grid.index(id)
	if !ok || (asOf > 0 && s.grid.start(k) > asOf) {
		return 0, false
	}
	return k, true
}

// handleLookup serves GET /api/v2/analytics/conversations/{id}/details.
func (s *Server) handleLookup(rc *reqCtx, params []string, resp *response) {
	asOf := s.asOf(rc.now)
	k, ok := s.visible(params[0], asOf)
	if !ok {
		resp.fail(apiError{status: http.StatusNotFound,
			message: "No conversation found with id " + strconv.Quote(params[0])}, rc.cid)
		return
	}
	c := s.gen.conversation(k, false, asOf)
	var w jw
	w.writeConversation(&c, false)
	resp.json(http.StatusOK, w.b)
}

// handleMultiGet serves GET /api/v2/analytics/conversations/details?id=a,b.
// Ids may be comma-joined, repeated, or both. Unknown ids are left out;
// results follow the order asked, without repeats.
func (s *Server) handleMultiGet(rc *reqCtx, _ []string, resp *response) {
	q := rc.r.URL.Query()
	for k := range q {
		if k != "id" {
			resp.fail(*badRequest("Unrecognized query parameter " + strconv.Quote(k) + " (want id)"), rc.cid)
			return
		}
	}
	var ids []string
	seen := map[string]bool{}
	for _, v := range q["id"] {
		for _, id := range strings.Split(v, ",") {
			id = strings.TrimSpace(id)
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		resp.fail(*badRequest("id is required: give one or more conversation ids"), rc.cid)
		return
	}
	if len(ids) > s.limits.MaxLookupIDs {
		resp.fail(*badRequest("Too many ids: at most " + strconv.Itoa(s.limits.MaxLookupIDs) + " per request"), rc.cid)
		return
	}
	asOf := s.asOf(rc.now)
	var w jw
	w.open('{')
	w.key("conversations")
	w.open('[')
	for _, id := range ids {
		if k, ok := s.visible(id, asOf); ok {
			c := s.gen.conversation(k, false, asOf)
			w.writeConversation(&c, false)
		}
	}
	w.close(']')
	w.close('}')
	resp.json(http.StatusOK, w.b)
}
