package genesystest

import (
	"strconv"
	"unicode/utf8"
)

// jw appends JSON by hand (the house style rules out reflection-based
// encoding). Callers pair open/close calls; commas are inserted as needed.
type jw struct {
	b     []byte
	comma bool
}

func (w *jw) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
}

func (w *jw) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = false
}

func (w *jw) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

// key writes an object key; keys are the fake's own ASCII names and need
// no escaping.
func (w *jw) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

func (w *jw) str(s string) {
	w.sep()
	w.b = appendJSONString(w.b, s)
	w.comma = true
}

func (w *jw) int(v int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, v, 10)
	w.comma = true
}

func (w *jw) float(v float64) {
	w.sep()
	w.b = strconv.AppendFloat(w.b, v, 'f', -1, 64)
	w.comma = true
}

func (w *jw) bool(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
	w.comma = true
}

func (w *jw) time(ms int64) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = appendTime(w.b, ms)
	w.b = append(w.b, '"')
	w.comma = true
}

// Field helpers that omit empty values.

func (w *jw) fStr(k, v string) {
	if v != "" {
		w.key(k)
		w.str(v)
	}
}

func (w *jw) fInt(k string, v int64) {
	w.key(k)
	w.int(v)
}

func (w *jw) fTime(k string, ms int64) {
	if ms != 0 {
		w.key(k)
		w.time(ms)
	}
}

func (w *jw) fBool(k string, v bool) {
	w.key(k)
	w.bool(v)
}

func (w *jw) fStrs(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	w.key(k)
	w.open('[')
	for _, v := range vs {
		w.str(v)
	}
	w.close(']')
}

// appendJSONString appends s as a JSON string literal; invalid UTF-8 becomes
// U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				switch c {
				case '\n':
					b = append(b, '\\', 'n')
				case '\r':
					b = append(b, '\\', 'r')
				case '\t':
					b = append(b, '\\', 't')
				default:
					b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
				}
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// writeConversation appends c as a Genesys conversation object.
// Participant attributes are written only when attrs is true.
func (w *jw) writeConversation(c *conversation, attrs bool) {
	w.open('{')
	w.fStr("conversationId", c.id)
	w.fTime("conversationStart", c.start)
	w.fTime("conversationEnd", c.end)
	w.fStr("originatingDirection", c.direction)
	w.fStr("conversationInitiator", c.initiator)
	w.fBool("customerParticipation", c.customerParticipation)
	if c.mos != 0 {
		w.key("mediaStatsMinConversationMos")
		w.float(c.mos)
		w.key("mediaStatsMinConversationRFactor")
		w.float(c.rFactor)
	}
	w.fStrs("divisionIds", c.divisionIDs)
	w.fStr("externalTag", c.externalTag)
	w.key("participants")
	w.open('[')
	for i := range c.participants {
		w.writeParticipant(&c.participants[i], attrs)
	}
	w.close(']')
	if len(c.evaluations) > 0 {
		w.key("evaluations")
		w.open('[')
		for _, e := range c.evaluations {
			w.open('{')
			w.fStr("evaluationId", e.id)
			w.fStr("evaluatorId", e.evaluatorID)
			w.fStr("userId", e.userID)
			w.fTime("eventTime", e.eventTime)
			w.fStr("queueId", e.queueID)
			w.fStr("formId", e.formID)
			w.fStr("contextId", e.contextID)
			w.fStr("formName", e.formName)
			w.fBool("rescored", false)
			w.fBool("deleted", false)
			w.key("oTotalScore")
			w.float(e.totalScore)
			w.key("oTotalCriticalScore")
			w.float(e.criticalScore)
			w.fStr("evaluationStatus", e.status)
			w.close('}')
		}
		w.close(']')
	}
	if len(c.surveys) > 0 {
		w.key("surveys")
		w.open('[')
		for _, s := range c.surveys {
			w.open('{')
			w.fStr("surveyId", s.id)
			w.fStr("surveyFormId", s.formID)
			w.fStr("surveyFormName", s.formName)
			w.fStr("surveyFormContextId", s.formContextID)
			w.fTime("eventTime", s.eventTime)
			w.fStr("userId", s.userID)
			w.fStr("queueId", s.queueID)
			w.fStr("surveyStatus", s.status)
			w.fInt("surveyPromoterScore", s.promoterScore)
			w.fTime("surveyCompletedDate", s.completed)
			w.fInt("oSurveyTotalScore", s.totalScore)
			w.fStr("surveyType", s.typ)
			w.close('}')
		}
		w.close(']')
	}
	if len(c.resolutions) > 0 {
		w.key("resolutions")
		w.open('[')
		for _, r := range c.resolutions {
			w.open('{')
			w.fStr("queueId", r.queueID)
			w.fStr("userId", r.userID)
			w.fInt("nNextContactAvoided", r.nextContact)
			w.fTime("eventTime", r.eventTime)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

func (w *jw) writeParticipant(p *participant, attrs bool) {
	w.open('{')
	w.fStr("participantId", p.id)
	w.fStr("participantName", p.name)
	w.fStr("purpose", p.purpose)
	w.fStr("userId", p.userID)
	w.fStr("teamId", p.teamID)
	w.fStr("externalContactId", p.externalContactID)
	if attrs && len(p.attributes) > 0 {
		w.key("attributes")
		w.open('{')
		for _, a := range p.attributes {
			w.key(a.k)
			w.str(a.v)
		}
		w.close('}')
	}
	w.key("sessions")
	w.open('[')
	for i := range p.sessions {
		w.writeSession(&p.sessions[i])
	}
	w.close(']')
	w.close('}')
}

func (w *jw) writeSession(s *session) {
	w.open('{')
	w.fStr("sessionId", s.id)
	w.fStr("mediaType", s.mediaType)
	w.fStr("direction", s.direction)
	w.fStr("messageType", s.messageType)
	w.fStr("ani", s.ani)
	w.fStr("dnis", s.dnis)
	w.fStr("sessionDnis", s.sessionDnis)
	w.fStr("addressFrom", s.addressFrom)
	w.fStr("addressTo", s.addressTo)
	w.fStrs("callbackNumbers", s.callbackNumbers)
	w.fStr("edgeId", s.edgeID)
	w.fStr("protocolCallId", s.protocolCallID)
	w.fStr("provider", s.provider)
	w.fStr("remote", s.remote)
	w.fStr("peerId", s.peerID)
	if s.recording {
		w.fBool("recording", true)
	}
	w.fStrs("requestedRoutings", s.requestedRoutings)
	w.fStr("usedRouting", s.usedRouting)
	if f := s.flow; f != nil {
		w.key("flow")
		w.open('{')
		w.fStr("flowId", f.id)
		w.fStr("flowName", f.name)
		w.fStr("flowType", f.typ)
		w.fStr("flowVersion", f.version)
		w.fStr("entryReason", f.entryReason)
		w.fStr("entryType", f.entryType)
		w.fStr("exitReason", f.exitReason)
		w.fStr("endingLanguage", f.endingLanguage)
		w.close('}')
	}
	if m := s.mediaEndpointStats; m != nil {
		w.key("mediaEndpointStats")
		w.open('[')
		w.open('{')
		w.fStrs("codecs", []string{m.codec})
		w.fTime("eventTime", m.eventTime)
		w.key("minMos")
		w.float(m.minMos)
		w.key("minRFactor")
		w.float(m.minRFactor)
		w.fInt("maxLatencyMs", m.maxLatencyMs)
		w.fInt("receivedPackets", m.received)
		w.fInt("discardedPackets", m.discarded)
		w.close('}')
		w.close(']')
	}
	if len(s.metrics) > 0 {
		w.key("metrics")
		w.open('[')
		for _, m := range s.metrics {
			w.open('{')
			w.fStr("name", m.name)
			w.fInt("value", m.value)
			w.fTime("emitDate", m.emit)
			w.close('}')
		}
		w.close(']')
	}
	w.key("segments")
	w.open('[')
	for _, g := range s.segments {
		w.open('{')
		w.fTime("segmentStart", g.start)
		w.fTime("segmentEnd", g.end)
		w.fStr("segmentType", g.typ)
		w.fStr("queueId", g.queueID)
		w.fStr("disconnectType", g.disconnectType)
		w.fStr("wrapUpCode", g.wrapUpCode)
		w.fStr("wrapUpNote", g.wrapUpNote)
		w.fBool("conference", g.conference)
		if len(g.properties) > 0 {
			w.key("properties")
			w.open('[')
			for _, p := range g.properties {
				w.open('{')
				w.fStr("property", p.name)
				w.fStr("propertyType", p.typ)
				w.fStr("value", p.value)
				w.close('}')
			}
			w.close(']')
		}
		w.close('}')
	}
	w.close(']')
	w.close('}')
}
