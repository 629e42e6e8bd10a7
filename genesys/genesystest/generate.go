package genesystest

import "strconv"

// generator expands conversation headers into full conversations.
type generator struct {
	g   grid
	cat *Catalog
}

var (
	mediaMessageTypes = [...]string{"webmessaging", "sms", "whatsapp", "facebook"}
	disconnectsCust   = [...]string{"client", "client", "peer", "endpoint"}
	wrapUpNotes       = [...]string{"", "", "Billing question resolved", "Customer will call back",
		"Order placed", "Escalated to tier 2"}
	languages  = [...]string{"en-us", "en-us", "es-us", "fr-ca", "de-de"}
	mediaFlows = [...]string{"INBOUNDCALL", "INBOUNDSHORTMESSAGE"}
)

// conversation builds the full conversation k. attrs controls whether
// participant attributes are generated (job results only). A positive asOf
// (unix ms) renders the conversation as it stood then (see cutAt).
func (gn generator) conversation(k int64, attrs bool, asOf int64) conversation {
	c := gn.build(k, attrs)
	if asOf > 0 && c.end > asOf {
		c.cutAt(asOf)
	}
	return c
}

// cutAt turns c into the ongoing conversation it was at instant t (unix ms,
// after its start and before its end): no conversationEnd; segments that
// had not started are dropped and the one in progress has no segmentEnd;
// metrics, evaluations, surveys and resolutions dated after t are dropped;
// sessions and participants left without segments are dropped.
func (c *conversation) cutAt(t int64) {
	c.end = 0
	parts := c.participants[:0]
	for _, p := range c.participants {
		sessions := p.sessions[:0]
		for _, s := range p.sessions {
			segs := s.segments[:0]
			for _, g := range s.segments {
				if g.start > t {
					continue
				}
				if g.end > t {
					g.end = 0
				}
				segs = append(segs, g)
			}
			if len(segs) == 0 {
				continue
			}
			s.segments = segs
			metrics := s.metrics[:0]
			for _, m := range s.metrics {
				if m.emit <= t {
					metrics = append(metrics, m)
				}
			}
			s.metrics = metrics
			if s.mediaEndpointStats != nil && s.mediaEndpointStats.eventTime > t {
				s.mediaEndpointStats = nil
			}
			sessions = append(sessions, s)
		}
		if len(sessions) == 0 {
			continue
		}
		p.sessions = sessions
		parts = append(parts, p)
	}
	c.participants = parts
	c.evaluations = nil // all are dated after the end
	c.surveys = nil
	c.resolutions = nil
}

// build generates the complete conversation k.
func (gn generator) build(k int64, attrs bool) conversation {
	h := gn.g.header(k)
	r := newRNG(gn.g.seed, uint64(k), tagDetail)
	cat := gn.cat
	media := cat.MediaTypes[h.media]
	queue := cat.Queues[r.intn(len(cat.Queues))]
	agentIdx := r.intn(len(cat.Users))
	agent := cat.Users[agentIdx]
	team := cat.Teams[agentIdx%len(cat.Teams)]
	tier := cat.CustomerTiers[r.weighted([]int{40, 30, 20, 10})]
	wrap := cat.WrapUpCodes[r.weighted([]int{30, 15, 15, 12, 8, 8, 2})]
	division := cat.Divisions[0].ID
	if r.chance(0.1) {
		division = cat.Divisions[1].ID
	}
	c := conversation{
		id:                    gn.g.id(k),
		start:                 h.start,
		end:                   h.end,
		direction:             "inbound",
		initiator:             "customer",
		customerParticipation: true,
		divisionIDs:           []string{division},
	}
	if h.outbound {
		c.direction, c.initiator = "outbound", "agent"
	}
	if r.chance(0.05) {
		c.externalTag = "crm-" + strconv.FormatUint(r.next()%1000000, 10)
	}
	phone := "tel:+1317555" + pad4(r.intn(10000))
	dnis := "tel:+13175550199"
	voiceLike := h.media == mVoice || h.media == mCallback
	if h.media == mVoice {
		c.mos = float64(350+r.intn(100)) / 100
		c.rFactor = float64(700+r.intn(230)) / 10
	}
	edge := ""
	if voiceLike {
		edge = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f"
	}

	t := h.start
	ivrEnd := t + h.ivr
	queueEnd := ivrEnd + h.queue
	alertEnd := queueEnd + h.alert
	half := h.talk / 2
	holdStart := alertEnd + half
	holdEnd := holdStart + h.hold
	talkEnd := holdEnd + h.talk - half
	acwEnd := talkEnd + h.acw
	custEnd := talkEnd
	if h.abandoned {
		custEnd = queueEnd
	}

	// Customer (or external party for outbound).
	cust := participant{id: r.uuid(), purpose: "customer"}
	if h.outbound {
		cust.purpose = "external"
	}
	cs := session{id: r.uuid(), mediaType: media, direction: c.direction, edgeID: edge}
	switch {
	case voiceLike:
		cs.ani, cs.dnis, cs.sessionDnis = phone, dnis, dnis
		if h.outbound {
			cs.ani, cs.dnis = dnis, phone
		}
		cs.provider = "Edge"
		cs.remote = "Mobile Number, Indiana"
		cust.name = cs.remote
		cs.protocolCallID = strconv.FormatUint(r.next(), 16) + "@sip.example.invalid"
	case h.media == mEmail:
		cs.addressFrom = "customer" + strconv.Itoa(r.intn(100000)) + "@example.com"
		cs.addressTo = "support@example.org"
		if h.outbound {
			cs.addressFrom, cs.addressTo = cs.addressTo, cs.addressFrom
		}
	case h.media == mMessage:
		cs.messageType = mediaMessageTypes[r.intn(len(mediaMessageTypes))]
		cs.addressFrom = r.uuid()
	default:
		cs.addressFrom = "visitor-" + strconv.Itoa(r.intn(100000))
	}
	if h.media == mCallback {
		cs.callbackNumbers = []string{phone}
	}
	custDisc := disconnectsCust[r.intn(len(disconnectsCust))]
	cs.segments = []segment{{start: t, end: custEnd, typ: "interact", queueID: queueIfAny(h, queue.ID), disconnectType: custDisc}}
	if h.media == mVoice {
		cs.mediaEndpointStats = &endpointStats{codec: "audio/opus", eventTime: custEnd,
			minMos: c.mos, minRFactor: c.rFactor, maxLatencyMs: r.between(10, 120),
			received: (custEnd - t) / 20, discarded: r.between(0, 20)}
	}
	cs.metrics = []metric{{"nConnected", 1, t}}
	cust.sessions = []session{cs}
	if attrs {
		cust.attributes = []kv{{"language", languages[r.intn(len(languages))]}, {"customerTier", tier}}
		if r.chance(0.4) {
			cust.attributes = append(cust.attributes, kv{"orderNumber", "A-" + strconv.Itoa(100000+r.intn(900000))})
		}
		if r.chance(0.3) {
			cust.attributes = append(cust.attributes, kv{"accountId", strconv.Itoa(r.intn(1000000))})
		}
	}
	c.participants = append(c.participants, cust)

	// IVR or bot flow.
	if h.ivr > 0 {
		fl := cat.Flows[0]
		p := participant{id: r.uuid(), name: fl.Name, purpose: "ivr"}
		s := session{id: r.uuid(), mediaType: media, direction: c.direction, ani: cs.ani, dnis: cs.dnis,
			edgeID: edge, peerID: cs.id, provider: cs.provider,
			flow: &flow{id: fl.ID, name: fl.Name, typ: mediaFlows[0], version: "3.0",
				entryReason: dnis, entryType: "dnis", exitReason: "TRANSFER", endingLanguage: "en-us"}}
		s.segments = []segment{{start: t, end: ivrEnd, typ: "ivr", disconnectType: "transfer"}}
		s.metrics = []metric{{"nFlow", 1, t}, {"tIvr", h.ivr, ivrEnd}, {"tFlow", h.ivr, ivrEnd}}
		p.sessions = []session{s}
		c.participants = append(c.participants, p)
	}

	// ACD.
	if h.queue > 0 {
		p := participant{id: r.uuid(), name: queue.Name, purpose: "acd"}
		s := session{id: r.uuid(), mediaType: media, direction: c.direction, ani: cs.ani, dnis: cs.dnis,
			addressFrom: cs.addressFrom, addressTo: cs.addressTo, edgeID: edge, peerID: cs.id,
			requestedRoutings: []string{"Standard"}, usedRouting: "Standard"}
		disc := "transfer"
		if h.abandoned {
			disc = "peer"
		}
		s.segments = []segment{{start: ivrEnd, end: queueEnd, typ: "interact", queueID: queue.ID, disconnectType: disc}}
		s.metrics = []metric{{"nOffered", 1, ivrEnd}}
		if h.abandoned {
			s.metrics = append(s.metrics, metric{"tAbandon", h.queue, queueEnd})
		} else {
			s.metrics = append(s.metrics, metric{"tAcd", h.queue, queueEnd})
		}
		p.sessions = []session{s}
		c.participants = append(c.participants, p)
	}

	// Agent.
	if !h.abandoned {
		p := participant{id: r.uuid(), name: agent.Name, purpose: "agent", userID: agent.ID, teamID: team.ID}
		s := session{id: r.uuid(), mediaType: media, direction: c.direction, ani: cs.ani, dnis: cs.dnis,
			addressFrom: cs.addressFrom, addressTo: cs.addressTo, edgeID: edge, peerID: cs.id,
			recording: voiceLike && r.chance(0.8), callbackNumbers: cs.callbackNumbers}
		qid := queueIfAny(h, queue.ID)
		props := []property{{"customerTier", "string", tier}}
		alertType := "alert"
		if h.outbound && voiceLike {
			alertType = "dialing"
		}
		s.segments = append(s.segments, segment{start: queueEnd, end: alertEnd, typ: alertType, queueID: qid})
		agentDisc := "peer"
		if custDisc == "peer" {
			agentDisc = "client"
		}
		if h.hold > 0 {
			s.segments = append(s.segments,
				segment{start: alertEnd, end: holdStart, typ: "interact", queueID: qid, properties: props},
				segment{start: holdStart, end: holdEnd, typ: "hold", queueID: qid},
				segment{start: holdEnd, end: talkEnd, typ: "interact", queueID: qid, disconnectType: agentDisc, properties: props})
		} else {
			s.segments = append(s.segments,
				segment{start: alertEnd, end: talkEnd, typ: "interact", queueID: qid, disconnectType: agentDisc, properties: props})
		}
		s.segments = append(s.segments, segment{start: talkEnd, end: acwEnd, typ: "wrapup", queueID: qid,
			wrapUpCode: wrap, wrapUpNote: wrapUpNotes[r.intn(len(wrapUpNotes))], properties: props})
		s.metrics = []metric{
			{"tAlert", h.alert, alertEnd},
			{"tAnswered", h.queue + h.alert, alertEnd},
			{"nConnected", 1, alertEnd},
			{"tTalk", h.talk, talkEnd},
			{"tTalkComplete", h.talk, talkEnd},
		}
		if h.hold > 0 {
			s.metrics = append(s.metrics, metric{"tHeld", h.hold, holdEnd}, metric{"tHeldComplete", h.hold, holdEnd})
		}
		s.metrics = append(s.metrics,
			metric{"tAcw", h.acw, acwEnd},
			metric{"tHandle", h.talk + h.hold + h.acw, acwEnd})
		if h.outbound {
			s.metrics = append(s.metrics, metric{"nOutbound", 1, queueEnd})
		}
		p.sessions = []session{s}
		c.participants = append(c.participants, p)

		if r.chance(0.1) {
			form := cat.EvaluationForms[0]
			if !voiceLike {
				form = cat.EvaluationForms[1]
			}
			evaluator := cat.Users[(agentIdx+7)%len(cat.Users)]
			c.evaluations = []evaluation{{id: r.uuid(), evaluatorID: evaluator.ID, userID: agent.ID,
				queueID: qid, formID: form.ID, formName: form.Name, contextID: r.uuid(),
				status: "Finished", eventTime: acwEnd + r.between(3600000, 3*86400000),
				totalScore: float64(50 + r.intn(51)), criticalScore: float64(60 + r.intn(41))}}
		}
		if r.chance(0.08) {
			form := cat.SurveyForms[0]
			score := r.between(0, 10)
			ev := acwEnd + r.between(60000, 86400000)
			typ := "Web"
			if voiceLike {
				typ = "Voice"
			}
			c.surveys = []survey{{id: r.uuid(), formID: form.ID, formName: form.Name, formContextID: form.ID,
				status: "Finished", typ: typ, userID: agent.ID, queueID: qid, eventTime: ev, completed: ev,
				totalScore: score, promoterScore: score}}
		}
		if r.chance(0.2) && qid != "" {
			c.resolutions = []resolution{{queueID: qid, userID: agent.ID,
				eventTime: acwEnd + 72*3600000, nextContact: r.between(0, 1)}}
		}
	}
	return c
}

// queueIfAny returns id when the conversation went through a queue.
func queueIfAny(h header, id string) string {
	if h.queue > 0 {
		return id
	}
	return ""
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}
