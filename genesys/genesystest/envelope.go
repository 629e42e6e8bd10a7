package genesystest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/schema"
)

// maxBodyBytes is the platform's request body limit (512000 bytes); larger
// bodies get 413.
const maxBodyBytes = 512000

// endpoint names the request body being decoded.
type endpoint int

const (
	epQuery endpoint = iota
	epJob
)

func (e endpoint) String() string {
	if e == epJob {
		return "the conversation details job request"
	}
	return "the conversation details query"
}

// request is a decoded ConversationQuery or AsyncConversationQuery.
type request struct {
	start, end time.Time
	filtered   bool // at least one filter element
	wire       filter.Wire
	order      string // asc, desc, unordered
	orderBy    string
	// query only
	pageSize, pageNumber int
	aggs                 []aggregation
	// job only
	limit      int // 0: none
	startOfDay bool
	// key identifies the request apart from paging, for caching.
	key string
}

type aggregation struct {
	typ, dimension, metric string
	size                   int
	ranges                 []aggRange
}

type aggRange struct{ gte, lt *float64 }

// readBody reads a JSON request body within the size limit.
func readBody(r *http.Request) ([]byte, *apiError) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return nil, &apiError{status: http.StatusUnsupportedMediaType,
			message: "Content-Type " + strconv.Quote(ct) + " is not supported; send application/json"}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return nil, badRequest("could not read the request body")
	}
	if len(body) > maxBodyBytes {
		return nil, &apiError{status: http.StatusRequestEntityTooLarge,
			message: "The request body exceeds the maximum of 512000 bytes."}
	}
	return body, nil
}

// member is one key/value of a JSON object, in document order.
type member struct {
	key string
	raw json.RawMessage
}

// objectMembers splits a JSON object into its members, rejecting anything
// that is not exactly one object, and duplicate keys.
func objectMembers(data []byte, what string) ([]member, *apiError) {
	d := json.NewDecoder(bytes.NewReader(data))
	t, err := d.Token()
	if err != nil {
		return nil, badRequest(what + " is not valid JSON")
	}
	if t != json.Delim('{') {
		return nil, badRequest(what + " must be a JSON object")
	}
	var out []member
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return nil, badRequest(what + " is not valid JSON")
		}
		k, _ := t.(string)
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return nil, badRequest(what + " is not valid JSON (at " + strconv.Quote(k) + ")")
		}
		for _, m := range out {
			if m.key == k {
				return nil, badRequest(what + ": duplicate key " + strconv.Quote(k))
			}
		}
		out = append(out, member{k, raw})
	}
	if _, err := d.Token(); err != nil {
		return nil, badRequest(what + " is not valid JSON")
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, badRequest(what + ": unexpected data after the JSON object")
	}
	return out, nil
}

func isNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// jsonString decodes raw, which must be a JSON string.
func jsonString(raw []byte, field string) (string, *apiError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", badRequest(field + " must be a string")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", badRequest(field + " must be a string")
	}
	return s, nil
}

// jsonInt decodes raw, which must be a JSON integer.
func jsonInt(raw []byte, field string) (int, *apiError) {
	raw = bytes.TrimSpace(raw)
	n, err := strconv.Atoi(string(raw))
	if err != nil {
		return 0, badRequest(field + " must be an integer, got " + abbreviate(raw))
	}
	return n, nil
}

func jsonNumber(raw []byte, field string) (float64, *apiError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || !(raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return 0, badRequest(field + " must be a number, got " + abbreviate(raw))
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return 0, badRequest(field + " must be a number, got " + abbreviate(raw))
	}
	return v, nil
}

func abbreviate(raw []byte) string {
	s := string(raw)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}

// parseInterval parses "start/end" (ISO-8601 date-times).
func parseInterval(v string) (time.Time, time.Time, *apiError) {
	a, b, ok := strings.Cut(v, "/")
	if !ok {
		return time.Time{}, time.Time{}, badRequest("Invalid value for interval: " + strconv.Quote(v) + " (want start/end, e.g. 2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z)")
	}
	ta, err1 := time.Parse(time.RFC3339Nano, a)
	tb, err2 := time.Parse(time.RFC3339Nano, b)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Time{}, badRequest("Invalid value for interval: " + strconv.Quote(v) + " is not two ISO-8601 date-times")
	}
	if !tb.After(ta) {
		return time.Time{}, time.Time{}, badRequest("Invalid value for interval: the end is not after the start")
	}
	return ta.UTC(), tb.UTC(), nil
}

var (
	queryOnlyKeys = []string{"paging", "aggregations"}
	jobOnlyKeys   = []string{"limit", "startOfDayIntervalMatching"}
)

// decodeRequest decodes and validates a query or job body strictly.
func (s *Server) decodeRequest(body []byte, ep endpoint) (*request, *apiError) {
	members, e := objectMembers(body, "the request body")
	if e != nil {
		return nil, e
	}
	q := &request{order: "asc", orderBy: "conversationStart", pageSize: s.limits.DefaultPageSize, pageNumber: 1}
	var haveInterval bool
	for _, m := range members {
		handled, err := q.wire.DecodeField(m.key, m.raw)
		if handled {
			if err != nil {
				return nil, badRequest("Invalid filter: " + joinLines(strings.ReplaceAll(err.Error(), "filter: ", "")))
			}
			continue
		}
		if isNull(m.raw) && m.key != "interval" {
			continue // null means absent
		}
		switch {
		case m.key == "interval":
			v, e := jsonString(m.raw, "interval")
			if e != nil {
				return nil, e
			}
			if q.start, q.end, e = parseInterval(v); e != nil {
				return nil, e
			}
			haveInterval = true
		case m.key == "order":
			v, e := jsonString(m.raw, "order")
			if e != nil {
				return nil, e
			}
			if v != "asc" && v != "desc" && v != "unordered" {
				return nil, badRequest("Invalid value for order: " + strconv.Quote(v) + " (want asc, desc or unordered)")
			}
			q.order = v
		case m.key == "orderBy":
			v, e := jsonString(m.raw, "orderBy")
			if e != nil {
				return nil, e
			}
			switch v {
			case "conversationStart", "conversationEnd", "segmentStart", "segmentEnd":
			default:
				return nil, badRequest("Invalid value for orderBy: " + strconv.Quote(v) + " (want conversationStart, conversationEnd, segmentStart or segmentEnd)")
			}
			q.orderBy = v
		case ep == epQuery && m.key == "paging":
			if e := s.decodePaging(m.raw, q); e != nil {
				return nil, e
			}
		case ep == epQuery && m.key == "aggregations":
			aggs, e := decodeAggregations(m.raw)
			if e != nil {
				return nil, e
			}
			q.aggs = aggs
		case ep == epJob && m.key == "limit":
			n, e := jsonInt(m.raw, "limit")
			if e != nil {
				return nil, e
			}
			if n < 1 {
				return nil, badRequest("Invalid value for limit: must be at least 1")
			}
			q.limit = n
		case ep == epJob && m.key == "startOfDayIntervalMatching":
			raw := string(bytes.TrimSpace(m.raw))
			if raw != "true" && raw != "false" {
				return nil, badRequest("startOfDayIntervalMatching must be a boolean")
			}
			q.startOfDay = raw == "true"
		case ep == epQuery && contains(jobOnlyKeys, m.key), ep == epJob && contains(queryOnlyKeys, m.key):
			return nil, badRequest("Unrecognized field " + strconv.Quote(m.key) + ": it is not accepted by " + ep.String())
		default:
			return nil, badRequest("Unrecognized field " + strconv.Quote(m.key) + " in " + ep.String())
		}
	}
	if !haveInterval {
		return nil, badRequest("interval is required")
	}
	if err := validateWire(q.wire); err != nil {
		return nil, badRequest("Invalid filter: " + joinLines(strings.ReplaceAll(err.Error(), "filter: ", "")))
	}
	for _, fam := range []schema.Family{schema.Conversation, schema.Segment, schema.Evaluation, schema.Survey, schema.Resolution} {
		if len(q.wire.Filters(fam)) > 0 {
			q.filtered = true
		}
	}
	if ep == epQuery {
		max := s.limits.MaxInterval
		if q.filtered {
			max = s.limits.MaxFilteredInterval
		}
		if q.end.Sub(q.start) > max {
			what := "without filters"
			if q.filtered {
				what = "with filters"
			}
			return nil, badRequest("Invalid value for interval: the interval may span at most " +
				strconv.Itoa(int(max/(24*time.Hour))) + " days " + what)
		}
	}
	wireJSON, _ := q.wire.MarshalJSON()
	var k strings.Builder
	k.WriteString(strconv.Itoa(int(ep)))
	k.WriteString("|" + q.start.Format(time.RFC3339Nano) + "|" + q.end.Format(time.RFC3339Nano))
	k.WriteString("|" + q.order + "|" + q.orderBy + "|")
	k.Write(wireJSON)
	q.key = k.String()
	return q, nil
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func (s *Server) decodePaging(raw []byte, q *request) *apiError {
	members, e := objectMembers(raw, "paging")
	if e != nil {
		return e
	}
	var haveSize, haveNumber bool
	for _, m := range members {
		switch m.key {
		case "pageSize":
			n, e := jsonInt(m.raw, "paging.pageSize")
			if e != nil {
				return e
			}
			if n < 1 || n > s.limits.MaxPageSize {
				return badRequest("Invalid value for paging.pageSize: " + strconv.Itoa(n) +
					" (must be between 1 and " + strconv.Itoa(s.limits.MaxPageSize) + ")")
			}
			q.pageSize, haveSize = n, true
		case "pageNumber":
			n, e := jsonInt(m.raw, "paging.pageNumber")
			if e != nil {
				return e
			}
			if n < 1 {
				return badRequest("Invalid value for paging.pageNumber: " + strconv.Itoa(n) + " (must be at least 1)")
			}
			q.pageNumber, haveNumber = n, true
		default:
			return badRequest("Unrecognized field " + strconv.Quote("paging."+m.key) + " (want pageSize and pageNumber)")
		}
	}
	if !haveSize || !haveNumber {
		return badRequest("paging requires both pageSize and pageNumber")
	}
	if int64(q.pageSize)*int64(q.pageNumber) > int64(s.limits.MaxResultWindow) {
		return badRequest("Pagination may not exceed " + strconv.Itoa(s.limits.MaxResultWindow) + " results.")
	}
	return nil
}

func decodeAggregations(raw []byte) ([]aggregation, *apiError) {
	var items []json.RawMessage
	if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '[' || json.Unmarshal(b, &items) != nil {
		return nil, badRequest("aggregations must be an array")
	}
	out := make([]aggregation, 0, len(items))
	for i, it := range items {
		path := "aggregations[" + strconv.Itoa(i) + "]"
		members, e := objectMembers(it, path)
		if e != nil {
			return nil, e
		}
		a := aggregation{size: 10}
		for _, m := range members {
			f := path + "." + m.key
			switch m.key {
			case "type":
				v, e := jsonString(m.raw, f)
				if e != nil {
					return nil, e
				}
				if v != "termFrequency" && v != "numericRange" {
					return nil, badRequest("Invalid value for " + f + ": " + strconv.Quote(v) + " (want termFrequency or numericRange)")
				}
				a.typ = v
			case "dimension":
				v, e := jsonString(m.raw, f)
				if e != nil {
					return nil, e
				}
				a.dimension = v
			case "metric":
				v, e := jsonString(m.raw, f)
				if e != nil {
					return nil, e
				}
				a.metric = v
			case "size":
				n, e := jsonInt(m.raw, f)
				if e != nil {
					return nil, e
				}
				if n < 1 {
					return nil, badRequest("Invalid value for " + f + ": must be at least 1")
				}
				a.size = n
			case "ranges":
				var rs []json.RawMessage
				if b := bytes.TrimSpace(m.raw); len(b) == 0 || b[0] != '[' || json.Unmarshal(b, &rs) != nil {
					return nil, badRequest(f + " must be an array")
				}
				for j, rr := range rs {
					rp := f + "[" + strconv.Itoa(j) + "]"
					rm, e := objectMembers(rr, rp)
					if e != nil {
						return nil, e
					}
					var ar aggRange
					for _, x := range rm {
						v, e := jsonNumber(x.raw, rp+"."+x.key)
						if e != nil {
							return nil, e
						}
						switch x.key {
						case "gte":
							ar.gte = &v
						case "lt":
							ar.lt = &v
						default:
							return nil, badRequest("Unrecognized field " + strconv.Quote(rp+"."+x.key) + " (want gte and lt)")
						}
					}
					a.ranges = append(a.ranges, ar)
				}
			default:
				return nil, badRequest("Unrecognized field " + strconv.Quote(f))
			}
		}
		if a.typ == "" {
			if a.metric != "" {
				a.typ = "numericRange"
			} else {
				a.typ = "termFrequency"
			}
		}
		switch a.typ {
		case "termFrequency":
			if a.dimension == "" || a.metric != "" {
				return nil, badRequest(path + ": termFrequency needs a dimension and no metric")
			}
			if !aggDimensionKnown(a.dimension) {
				return nil, badRequest(path + ": unknown dimension " + strconv.Quote(a.dimension))
			}
		case "numericRange":
			if a.metric == "" || a.dimension != "" || len(a.ranges) == 0 {
				return nil, badRequest(path + ": numericRange needs a metric, ranges and no dimension")
			}
			if _, ok := schema.LookupIn(schema.Conversation, schema.MetricKind, a.metric); !ok && a.metric != "tSegmentDuration" {
				return nil, badRequest(path + ": unknown metric " + strconv.Quote(a.metric))
			}
		}
		out = append(out, a)
	}
	return out, nil
}

func aggDimensionKnown(name string) bool {
	_, ok1 := schema.LookupIn(schema.Conversation, schema.DimensionKind, name)
	_, ok2 := schema.LookupIn(schema.Segment, schema.DimensionKind, name)
	return ok1 || ok2
}

// toWireSet converts a filter.Wire to the evaluator's view.
func toWireSet(w filter.Wire) wireSet {
	conv := func(fs []filter.WireFilter) []wFilter {
		out := make([]wFilter, 0, len(fs))
		for _, f := range fs {
			wf := wFilter{typ: f.Type, preds: convPreds(f.Predicates)}
			for _, c := range f.Clauses {
				wf.clauses = append(wf.clauses, wClause{typ: c.Type, preds: convPreds(c.Predicates)})
			}
			out = append(out, wf)
		}
		return out
	}
	return wireSet{conv: conv(w.ConversationFilters), seg: conv(w.SegmentFilters),
		eval: conv(w.EvaluationFilters), surv: conv(w.SurveyFilters), res: conv(w.ResolutionFilters)}
}

func convPreds(ps []filter.WirePredicate) []wPred {
	out := make([]wPred, 0, len(ps))
	for _, p := range ps {
		wp := wPred{typ: p.Type, dim: p.Dimension, propType: p.PropertyType, prop: p.Property,
			metric: p.Metric, op: p.Operator, value: p.Value}
		if p.Range != nil {
			wp.gt, wp.gte, wp.lt, wp.lte = p.Range.Gt, p.Range.Gte, p.Range.Lt, p.Range.Lte
		}
		out = append(out, wp)
	}
	return out
}
