package genesystest

import (
	"strconv"
	"strings"
	"time"

	"github.com/interactiondata/gcdata/schema"
)

// This file evaluates the five filter arrays of a request against generated
// conversations, with exactly the semantics documented by package filter:
//
//   - Elements of one array combine with AND.
//   - A filter element holds when its predicates and clauses, combined with
//     the element's type ("and"/"or"), hold; a clause combines its
//     predicates with its own type.
//   - conversationFilters hold on the conversation. A conversation dimension
//     is a conversation-level field; a conversation metric predicate holds
//     if ANY session metric of that name (any participant, any session)
//     satisfies it.
//   - segmentFilters: all predicates and clauses of ONE element must hold on
//     the SAME segment. Segment-level fields (queueId, wrapUpCode,
//     segmentType, ...) come from the segment; session-level fields
//     (mediaType, direction, ani, ...) from its session; participant-level
//     fields (purpose, userId, ...) from its participant. tSegmentDuration is
//     segmentEnd - segmentStart. Properties are the segment's properties.
//   - evaluationFilters, surveyFilters, resolutionFilters: some evaluation
//     (survey, resolution) must satisfy the whole element.
//   - A field the simulated data never sets has no value: exists is false,
//     notExists true, matches false.
//   - matches compares by the field's schema type: text exactly; bool,
//     integer and number by value; date-times as an instant (equal to the
//     millisecond) or an interval "start/end" (start <= t < end).
//     A metric range holds when every bound given holds.

// wireSet is the evaluator's view of the five filter arrays.
type wireSet struct {
	conv, seg, eval, surv, res []wFilter
}

type wFilter struct {
	typ     string
	preds   []wPred
	clauses []wClause
}

type wClause struct {
	typ   string
	preds []wPred
}

type wPred struct {
	typ, dim, propType, prop, metric, op, value string
	gt, gte, lt, lte                            *float64
}

func (w wireSet) empty() bool {
	return len(w.conv)+len(w.seg)+len(w.eval)+len(w.surv)+len(w.res) == 0
}

// evalCtx is what one predicate looks at.
type evalCtx struct {
	c  *conversation
	p  *participant
	s  *session
	g  *segment
	e  *evaluation
	sv *survey
	rs *resolution
}

type predFn func(x *evalCtx) bool

type compiledFilter struct {
	and   bool
	items []predFn
}

func (f compiledFilter) eval(x *evalCtx) bool {
	for _, it := range f.items {
		if it(x) != f.and {
			return !f.and
		}
	}
	return f.and
}

// matcher is a compiled wireSet; it is immutable and safe for concurrent use.
type matcher struct {
	all                        bool
	conv, seg, eval, surv, res []compiledFilter
}

func compileWire(w wireSet) *matcher {
	m := &matcher{all: w.empty()}
	m.conv = compileFilters(schema.Conversation, w.conv)
	m.seg = compileFilters(schema.Segment, w.seg)
	m.eval = compileFilters(schema.Evaluation, w.eval)
	m.surv = compileFilters(schema.Survey, w.surv)
	m.res = compileFilters(schema.Resolution, w.res)
	return m
}

func compileFilters(fam schema.Family, fs []wFilter) []compiledFilter {
	out := make([]compiledFilter, 0, len(fs))
	for _, f := range fs {
		cf := compiledFilter{and: f.typ != "or"}
		for _, p := range f.preds {
			cf.items = append(cf.items, compilePred(fam, p))
		}
		for _, cl := range f.clauses {
			sub := compiledFilter{and: cl.typ != "or"}
			for _, p := range cl.preds {
				sub.items = append(sub.items, compilePred(fam, p))
			}
			cf.items = append(cf.items, sub.eval)
		}
		out = append(out, cf)
	}
	return out
}

// match reports whether c satisfies every filter.
func (m *matcher) match(c *conversation) bool {
	if m.all {
		return true
	}
	x := evalCtx{c: c}
	for _, f := range m.conv {
		if !f.eval(&x) {
			return false
		}
	}
	for _, f := range m.seg {
		if !anySegment(c, f) {
			return false
		}
	}
	for _, f := range m.eval {
		if !anyOf(len(c.evaluations), func(i int) bool { return f.eval(&evalCtx{c: c, e: &c.evaluations[i]}) }) {
			return false
		}
	}
	for _, f := range m.surv {
		if !anyOf(len(c.surveys), func(i int) bool { return f.eval(&evalCtx{c: c, sv: &c.surveys[i]}) }) {
			return false
		}
	}
	for _, f := range m.res {
		if !anyOf(len(c.resolutions), func(i int) bool { return f.eval(&evalCtx{c: c, rs: &c.resolutions[i]}) }) {
			return false
		}
	}
	return true
}

// anyOf reports whether ok holds for some index in [0, n): an evaluation,
// survey or resolution element holds when one of them satisfies it whole.
func anyOf(n int, ok func(i int) bool) bool {
	for i := range n {
		if ok(i) {
			return true
		}
	}
	return false
}

func anySegment(c *conversation, f compiledFilter) bool {
	for pi := range c.participants {
		p := &c.participants[pi]
		for si := range p.sessions {
			s := &p.sessions[si]
			for gi := range s.segments {
				if f.eval(&evalCtx{c: c, p: p, s: s, g: &s.segments[gi]}) {
					return true
				}
			}
		}
	}
	return false
}

// extractor returns the values of a field in a context (nil: no value).
type extractor func(x *evalCtx) []string

func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func msValue(ms int64) []string {
	if ms == 0 {
		return nil
	}
	return []string{formatMS(ms)}
}

func boolValue(b bool) []string { return []string{strconv.FormatBool(b)} }

func compilePred(fam schema.Family, p wPred) predFn {
	kind := p.typ
	if kind == "" {
		switch {
		case p.metric != "":
			kind = "metric"
		case p.prop != "":
			kind = "property"
		default:
			kind = "dimension"
		}
	}
	op := p.op
	if op == "" {
		op = "matches"
	}
	switch kind {
	case "metric":
		metrics := metricExtractor(fam, p.metric)
		return func(x *evalCtx) bool {
			vs := metrics(x)
			switch op {
			case "exists":
				return len(vs) > 0
			case "notExists":
				return len(vs) == 0
			}
			for _, v := range vs {
				if inRange(v, p) {
					return true
				}
			}
			return false
		}
	case "property":
		vt := schema.PropertyType(p.propType).ValueType()
		want := p.value
		return func(x *evalCtx) bool {
			if x.g == nil {
				return false
			}
			found := false
			for _, pr := range x.g.properties {
				if pr.name != p.prop || pr.typ != p.propType {
					continue
				}
				found = true
				if op == "matches" && valueMatches(vt, pr.value, want) {
					return true
				}
			}
			switch op {
			case "exists":
				return found
			case "notExists":
				return !found
			}
			return false
		}
	}
	f, _ := schema.LookupIn(fam, schema.DimensionKind, p.dim)
	vt := f.Type()
	ex := dimensionExtractor(fam, p.dim)
	want := p.value
	return func(x *evalCtx) bool {
		vs := ex(x)
		switch op {
		case "exists":
			return len(vs) > 0
		case "notExists":
			return len(vs) == 0
		}
		for _, v := range vs {
			if valueMatches(vt, v, want) {
				return true
			}
		}
		return false
	}
}

func inRange(v float64, p wPred) bool {
	return (p.gt == nil || v > *p.gt) && (p.gte == nil || v >= *p.gte) &&
		(p.lt == nil || v < *p.lt) && (p.lte == nil || v <= *p.lte)
}

// valueMatches compares a data value with a predicate value by type.
func valueMatches(t schema.ValueType, have, want string) bool {
	switch t {
	case schema.TypeBool:
		a, err1 := strconv.ParseBool(have)
		b, err2 := strconv.ParseBool(want)
		return err1 == nil && err2 == nil && a == b
	case schema.TypeInteger, schema.TypeNumber, schema.TypeCount, schema.TypeDuration:
		a, err1 := strconv.ParseFloat(have, 64)
		b, err2 := strconv.ParseFloat(want, 64)
		return err1 == nil && err2 == nil && a == b
	case schema.TypeDateTime:
		h, err := time.Parse(time.RFC3339Nano, have)
		if err != nil {
			return false
		}
		if a, b, ok := strings.Cut(want, "/"); ok {
			ta, err1 := time.Parse(time.RFC3339Nano, a)
			tb, err2 := time.Parse(time.RFC3339Nano, b)
			return err1 == nil && err2 == nil && !h.Before(ta) && h.Before(tb)
		}
		w, err := time.Parse(time.RFC3339Nano, want)
		return err == nil && h.UnixMilli() == w.UnixMilli()
	}
	return have == want
}

// metricExtractor returns the values of a metric in a context.
func metricExtractor(fam schema.Family, name string) func(x *evalCtx) []float64 {
	switch fam {
	case schema.Conversation:
		return func(x *evalCtx) []float64 {
			var out []float64
			for pi := range x.c.participants {
				for si := range x.c.participants[pi].sessions {
					for _, m := range x.c.participants[pi].sessions[si].metrics {
						if m.name == name {
							out = append(out, float64(m.value))
						}
					}
				}
			}
			return out
		}
	case schema.Segment:
		return func(x *evalCtx) []float64 {
			if name != "tSegmentDuration" || x.g == nil || x.g.end == 0 {
				return nil
			}
			return []float64{float64(x.g.end - x.g.start)}
		}
	case schema.Evaluation:
		return func(x *evalCtx) []float64 {
			if x.e == nil {
				return nil
			}
			switch name {
			case "oTotalScore":
				return []float64{x.e.totalScore}
			case "oTotalCriticalScore":
				return []float64{x.e.criticalScore}
			}
			return nil
		}
	case schema.Survey:
		return func(x *evalCtx) []float64 {
			if x.sv == nil || name != "oSurveyTotalScore" {
				return nil
			}
			return []float64{float64(x.sv.totalScore)}
		}
	case schema.Resolution:
		return func(x *evalCtx) []float64 {
			if x.rs == nil || name != "nNextContactAvoided" {
				return nil
			}
			return []float64{float64(x.rs.nextContact)}
		}
	}
	return func(*evalCtx) []float64 { return nil }
}

func none(*evalCtx) []string { return nil }

// dimensionExtractor returns the values of a dimension in a context. Fields
// the simulated data never sets have no values.
func dimensionExtractor(fam schema.Family, name string) extractor {
	switch fam {
	case schema.Conversation:
		return conversationDimension(name)
	case schema.Segment:
		return segmentDimension(name)
	case schema.Evaluation:
		return evaluationDimension(name)
	case schema.Survey:
		return surveyDimension(name)
	}
	return none
}

func conversationDimension(name string) extractor {
	switch name {
	case "conversationId":
		return func(x *evalCtx) []string { return one(x.c.id) }
	case "conversationStart":
		return func(x *evalCtx) []string { return msValue(x.c.start) }
	case "conversationEnd":
		return func(x *evalCtx) []string { return msValue(x.c.end) }
	case "conversationInitiator":
		return func(x *evalCtx) []string { return one(x.c.initiator) }
	case "customerParticipation":
		return func(x *evalCtx) []string { return boolValue(x.c.customerParticipation) }
	case "divisionId":
		return func(x *evalCtx) []string { return x.c.divisionIDs }
	case "externalTag":
		return func(x *evalCtx) []string { return one(x.c.externalTag) }
	case "mediaStatsMinConversationMos":
		return func(x *evalCtx) []string {
			if x.c.mos == 0 {
				return nil
			}
			return []string{strconv.FormatFloat(x.c.mos, 'f', -1, 64)}
		}
	case "originatingDirection":
		return func(x *evalCtx) []string { return one(x.c.direction) }
	}
	return none
}

func segmentDimension(name string) extractor {
	switch name {
	// segment level
	case "segmentType":
		return func(x *evalCtx) []string { return one(x.g.typ) }
	case "queueId":
		return func(x *evalCtx) []string { return one(x.g.queueID) }
	case "disconnectType":
		return func(x *evalCtx) []string { return one(x.g.disconnectType) }
	case "wrapUpCode":
		return func(x *evalCtx) []string { return one(x.g.wrapUpCode) }
	case "wrapUpNote":
		return func(x *evalCtx) []string { return one(x.g.wrapUpNote) }
	case "conference":
		return func(x *evalCtx) []string { return boolValue(x.g.conference) }
	case "segmentEnd":
		return func(x *evalCtx) []string { return msValue(x.g.end) }
	// session level
	case "mediaType":
		return func(x *evalCtx) []string { return one(x.s.mediaType) }
	case "direction":
		return func(x *evalCtx) []string { return one(x.s.direction) }
	case "ani":
		return func(x *evalCtx) []string { return one(x.s.ani) }
	case "dnis":
		return func(x *evalCtx) []string { return one(x.s.dnis) }
	case "sessionDnis":
		return func(x *evalCtx) []string { return one(x.s.sessionDnis) }
	case "addressFrom":
		return func(x *evalCtx) []string { return one(x.s.addressFrom) }
	case "addressTo":
		return func(x *evalCtx) []string { return one(x.s.addressTo) }
	case "messageType":
		return func(x *evalCtx) []string { return one(x.s.messageType) }
	case "edgeId":
		return func(x *evalCtx) []string { return one(x.s.edgeID) }
	case "protocolCallId":
		return func(x *evalCtx) []string { return one(x.s.protocolCallID) }
	case "provider":
		return func(x *evalCtx) []string { return one(x.s.provider) }
	case "remote":
		return func(x *evalCtx) []string { return one(x.s.remote) }
	case "usedRouting":
		return func(x *evalCtx) []string { return one(x.s.usedRouting) }
	case "requestedRouting":
		return func(x *evalCtx) []string { return x.s.requestedRoutings }
	case "callbackNumber":
		return func(x *evalCtx) []string { return x.s.callbackNumbers }
	case "recording":
		return func(x *evalCtx) []string {
			if !x.s.recording {
				return nil
			}
			return boolValue(true)
		}
	case "flowId", "flowName", "flowVersion", "exitReason":
		return func(x *evalCtx) []string {
			f := x.s.flow
			if f == nil {
				return nil
			}
			switch name {
			case "flowId":
				return one(f.id)
			case "flowName":
				return one(f.name)
			case "flowVersion":
				return one(f.version)
			}
			return one(f.exitReason)
		}
	// participant level
	case "purpose":
		return func(x *evalCtx) []string { return one(x.p.purpose) }
	case "userId":
		return func(x *evalCtx) []string { return one(x.p.userID) }
	case "teamId":
		return func(x *evalCtx) []string { return one(x.p.teamID) }
	case "participantName":
		return func(x *evalCtx) []string { return one(x.p.name) }
	case "externalContactId":
		return func(x *evalCtx) []string { return one(x.p.externalContactID) }
	}
	return none
}

func evaluationDimension(name string) extractor {
	return func(x *evalCtx) []string {
		e := x.e
		if e == nil {
			return nil
		}
		switch name {
		case "evaluationId":
			return one(e.id)
		case "evaluatorId":
			return one(e.evaluatorID)
		case "userId":
			return one(e.userID)
		case "queueId":
			return one(e.queueID)
		case "formId":
			return one(e.formID)
		case "formName":
			return one(e.formName)
		case "contextId":
			return one(e.contextID)
		case "evaluationStatus":
			return one(e.status)
		case "eventTime":
			return msValue(e.eventTime)
		case "rescored", "deleted":
			return boolValue(false)
		}
		return nil
	}
}

func surveyDimension(name string) extractor {
	return func(x *evalCtx) []string {
		s := x.sv
		if s == nil {
			return nil
		}
		switch name {
		case "surveyId":
			return one(s.id)
		case "surveyFormId":
			return one(s.formID)
		case "surveyFormContextId":
			return one(s.formContextID)
		case "surveyStatus":
			return one(s.status)
		case "surveyType":
			return one(s.typ)
		case "userId":
			return one(s.userID)
		case "queueId":
			return one(s.queueID)
		case "eventTime":
			return msValue(s.eventTime)
		case "surveyCompletedDate":
			return msValue(s.completed)
		case "surveyPromoterScore":
			return []string{strconv.FormatInt(s.promoterScore, 10)}
		}
		return nil
	}
}
