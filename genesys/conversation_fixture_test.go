package genesys

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// page100 is the benchmark fixture: one page of 100 job-result conversations
// modelled on the contract's examples, written by genPage and checked in.
const page100 = "page100.json"

// TestPage100Fixture keeps testdata/conversation/page100.json equal to what
// genPage produces (rewrite it with -update-conversation).
func TestPage100Fixture(t *testing.T) {
	t.Parallel()
	want := genPage(1, 100)
	path := filepath.Join("testdata", "conversation", page100)
	if *updateConversation {
		require.NoError(t, os.WriteFile(path, want, 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(want, got), "%s is stale: run go test ./genesys -run TestPage100Fixture -update-conversation", path)
}

// fixtureGen builds realistic conversation JSON deterministically from a seed,
// independently of the model (plain maps, encoding/json), so that the
// benchmark does not decode only what our own encoder writes.
type fixtureGen struct {
	r *rand.Rand
}

type obj = map[string]any

func genPage(seed uint64, n int) []byte {
	g := &fixtureGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	start := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	convs := make([]any, n)
	for i := range convs {
		start = start.Add(time.Duration(g.r.IntN(90_000)) * time.Millisecond)
		convs[i] = g.conversation(start)
	}
	page := obj{
		"conversations":        convs,
		"cursor":               "Y29udmVyc2F0aW9uczpwYWdlOjI=",
		"dataAvailabilityDate": "2026-05-02T06:00:00.000Z",
	}
	b, err := stdjson.Marshal(page)
	if err != nil {
		panic(err) // test helper: maps of plain values always encode
	}
	return append(b, '\n')
}

func (g *fixtureGen) uuid() string {
	a, b := g.r.Uint64(), g.r.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, 0x8000|b>>48&0x3fff, b&0xffffffffffff)
}

func (g *fixtureGen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

var (
	fixQueues    = []string{"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2f3e4d5c6b", "7d6c3c77-4caf-4e8e-9f5a-2b3a4f5e6d7c"}
	fixWrapUps   = []string{"7fa1e2d3-c4b5-4a69-8788-99aabbccddee", "8ab2f3e4-d5c6-4b7a-9899-aabbccddeeff", "9bc3a4f5-e6d7-4c8b-8a9a-bbccddeeff00", "acd4b5a6-f7e8-4d9c-9bab-ccddeeff0011"}
	fixDivisions = []string{"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"}
	fixAgents    = []string{"Avery Agent", "Blake Booth", "Casey Cole", "Devon Diaz", "Emery Ellis"}
)

func (g *fixtureGen) conversation(start time.Time) obj {
	media := g.pick("voice", "voice", "voice", "message", "email", "chat", "callback")
	dir := g.pick("inbound", "inbound", "inbound", "outbound")
	queue := fixQueues[g.r.IntN(len(fixQueues))]
	t := start
	c := obj{
		"conversationId":        g.uuid(),
		"conversationStart":     ts(start),
		"originatingDirection":  dir,
		"divisionIds":           []any{fixDivisions[g.r.IntN(len(fixDivisions))]},
		"customerParticipation": true,
	}
	if g.r.IntN(3) == 0 {
		c["conversationInitiator"] = g.pick("customer", "agent", "outbound")
	}
	if g.r.IntN(5) == 0 {
		c["externalTag"] = fmt.Sprintf("crm-%06d", g.r.IntN(1_000_000))
	}
	if media == "voice" {
		c["mediaStatsMinConversationMos"] = 3.5 + float64(g.r.IntN(150))/100
		c["mediaStatsMinConversationRFactor"] = 70 + float64(g.r.IntN(250))/10
	}
	customerSession := g.uuid()
	parts := []any{g.customer(media, dir, customerSession, &t)}
	if media == "voice" || g.r.IntN(3) == 0 {
		parts = append(parts, g.ivr(media, dir, customerSession, &t))
	}
	parts = append(parts, g.acd(media, dir, customerSession, queue, &t))
	agents := 1 + g.r.IntN(2)
	for range agents {
		parts = append(parts, g.agent(media, dir, customerSession, queue, &t))
	}
	if g.r.IntN(4) == 0 {
		c["selfServed"] = false
	}
	c["participants"] = parts
	c["conversationEnd"] = ts(t)
	if g.r.IntN(6) == 0 {
		c["surveys"] = []any{obj{
			"surveyId": g.uuid(), "surveyFormId": g.uuid(), "surveyStatus": "Finished",
			"surveyType": "Web", "eventTime": ts(t.Add(time.Hour)), "oSurveyTotalScore": g.r.IntN(11),
		}}
	}
	if g.r.IntN(8) == 0 {
		c["evaluations"] = []any{obj{
			"evaluationId": g.uuid(), "formId": g.uuid(), "formName": "Call quality", "evaluatorId": g.uuid(),
			"eventTime": ts(t.Add(2 * time.Hour)), "evaluationStatus": "Finished", "oTotalScore": g.r.IntN(100),
			"oTotalCriticalScore": 100, "released": true, "queueId": queue,
		}}
	}
	if g.r.IntN(10) == 0 {
		c["resolutions"] = []any{obj{"queueId": queue, "userId": g.uuid(), "eventTime": ts(t), "nNextContactAvoided": 1}}
	}
	return c
}

func (g *fixtureGen) metrics(t time.Time, names ...string) []any {
	n := 5 + g.r.IntN(11)
	ms := make([]any, 0, n)
	for i := range n {
		name := names[i%len(names)]
		v := int64(1)
		if name[0] == 't' {
			v = int64(200 + g.r.IntN(400_000))
		}
		ms = append(ms, obj{"name": name, "value": v, "emitDate": ts(t.Add(time.Duration(i*g.r.IntN(5000)) * time.Millisecond))})
	}
	return ms
}

func (g *fixtureGen) segments(t *time.Time, types []string, extra func(i int, s obj)) []any {
	segs := make([]any, 0, len(types))
	for i, typ := range types {
		d := time.Duration(500+g.r.IntN(120_000)) * time.Millisecond
		s := obj{"segmentStart": ts(*t), "segmentEnd": ts(t.Add(d)), "segmentType": typ, "conference": false}
		*t = t.Add(d)
		if extra != nil {
			extra(i, s)
		}
		segs = append(segs, s)
	}
	return segs
}

func (g *fixtureGen) session(media, dir string) obj {
	s := obj{"sessionId": g.uuid(), "mediaType": media, "direction": dir}
	switch media {
	case "voice", "callback":
		s["ani"] = fmt.Sprintf("tel:+1317555%04d", g.r.IntN(10000))
		s["dnis"] = "tel:+13175550199"
	case "message":
		s["messageType"] = g.pick("webmessaging", "sms", "whatsapp")
		s["addressFrom"] = g.uuid()
	case "email":
		s["addressFrom"] = "customer@example.invalid"
		s["addressTo"] = "support@example.invalid"
	}
	return s
}

func (g *fixtureGen) customer(media, dir, id string, t *time.Time) obj {
	s := g.session(media, dir)
	s["sessionId"] = id
	s["provider"] = "Edge"
	s["remote"] = g.pick("Mobile Number, Indiana", "Jordan Customer", "Unknown")
	if media == "voice" {
		s["edgeId"] = g.uuid()
		s["sessionDnis"] = "tel:+13175550199"
		s["protocolCallId"] = fmt.Sprintf("%x@sip.example.invalid", g.r.Uint64())
		s["mediaEndpointStats"] = []any{obj{
			"codecs": []any{g.pick("audio/opus", "audio/PCMU")}, "eventTime": ts(*t), "minMos": 3.5 + float64(g.r.IntN(150))/100,
			"minRFactor": 70 + float64(g.r.IntN(250))/10, "maxLatencyMs": g.r.IntN(200), "receivedPackets": g.r.IntN(40000), "discardedPackets": g.r.IntN(5),
		}}
	}
	if g.r.IntN(4) == 0 {
		s["journeyCustomerId"] = g.uuid() // not typed in the model: kept in Extra
		s["journeyCustomerIdType"] = "cookie"
	}
	s["metrics"] = g.metrics(*t, "nConnected", "tConnected", "nOffered", "tAbandon", "tTalk", "oMessageCount")
	tc := *t
	s["segments"] = g.segments(&tc, []string{"system", "interact", "interact"}, func(i int, seg obj) {
		if i > 0 {
			seg["queueId"] = fixQueues[0]
		}
		if i == 2 {
			seg["disconnectType"] = g.pick("client", "peer", "endpoint")
		}
	})
	attrs := obj{}
	for i := range 3 + g.r.IntN(6) {
		attrs[fmt.Sprintf("attr%d", i)] = fmt.Sprintf("value-%d", g.r.IntN(1000))
	}
	attrs["language"] = g.pick("en-us", "fr-ca", "es-mx")
	return obj{
		"participantId": g.uuid(), "participantName": s["remote"], "purpose": "customer",
		"attributes": attrs, "sessions": []any{s},
	}
}

func (g *fixtureGen) ivr(media, dir, peer string, t *time.Time) obj {
	s := g.session(media, dir)
	s["peerId"] = peer
	s["flow"] = obj{
		"flowId": g.uuid(), "flowName": "Main IVR", "flowType": "INBOUNDCALL", "flowVersion": "12.0",
		"entryType": "dnis", "entryReason": "tel:+13175550199", "exitReason": "TRANSFER", "transferType": "ACD",
		"transferTargetName": "Support Queue", "transferTargetAddress": fixQueues[0], "startingLanguage": "en-us", "endingLanguage": "en-us",
		"outcomes": []any{obj{"flowOutcomeId": g.uuid(), "flowOutcomeValue": "SUCCESS", "flowOutcomeStartTimestamp": ts(*t), "flowOutcomeEndTimestamp": ts(t.Add(3 * time.Second))}},
	}
	s["metrics"] = g.metrics(*t, "nFlow", "tFlow", "tIvr", "nFlowOutcome", "tFlowOutcome", "tFlowExit", "tFlowOut")
	s["segments"] = g.segments(t, []string{"ivr", "ivr"}, nil)
	return obj{"participantId": g.uuid(), "participantName": "Main IVR", "purpose": "ivr", "sessions": []any{s}}
}

func (g *fixtureGen) acd(media, dir, peer, queue string, t *time.Time) obj {
	s := g.session(media, dir)
	s["peerId"] = peer
	s["requestedRoutings"] = []any{"Standard"}
	s["usedRouting"] = g.pick("Standard", "Bullseye", "Predictive")
	s["metrics"] = g.metrics(*t, "nOffered", "tAcd", "tWait", "nOverSla", "tShortAbandon")
	s["segments"] = g.segments(t, []string{"interact"}, func(_ int, seg obj) {
		seg["queueId"] = queue
		seg["disconnectType"] = "transfer"
		if g.r.IntN(3) == 0 {
			seg["requestedRoutingSkillIds"] = []any{g.uuid()}
		}
	})
	return obj{"participantId": g.uuid(), "participantName": "Support Queue", "purpose": "acd", "sessions": []any{s}}
}

func (g *fixtureGen) agent(media, dir, peer, queue string, t *time.Time) obj {
	s := g.session(media, dir)
	s["peerId"] = peer
	s["recording"] = media == "voice"
	if g.r.IntN(3) == 0 {
		s["selectedAgentId"] = g.uuid()
		s["agentGroups"] = []any{obj{"agentGroupId": g.uuid(), "agentGroupType": "SkillGroup"}} // kept in Extra
	}
	s["metrics"] = g.metrics(*t, "tAlert", "tAnswered", "tTalk", "tTalkComplete", "tHeld", "tHeldComplete", "tAcw", "tHandle", "nConnected", "nTransferred")
	types := []string{"alert", "interact"}
	if g.r.IntN(2) == 0 {
		types = append(types, "hold", "interact")
	}
	types = append(types, "wrapup")
	s["segments"] = g.segments(t, types, func(i int, seg obj) {
		seg["queueId"] = queue
		switch types[i] {
		case "interact":
			if i == len(types)-2 {
				seg["disconnectType"] = g.pick("peer", "client", "transfer")
			}
		case "wrapup":
			seg["wrapUpCode"] = fixWrapUps[g.r.IntN(len(fixWrapUps))]
			if g.r.IntN(2) == 0 {
				seg["wrapUpNote"] = g.pick("Billing question resolved", "Callback promised", "Escalated to \"tier 2\"")
			}
			if g.r.IntN(4) == 0 {
				seg["properties"] = []any{obj{"property": "customerTier", "propertyType": "string", "value": g.pick("gold", "silver")}}
			}
		}
	})
	return obj{
		"participantId": g.uuid(), "participantName": fixAgents[g.r.IntN(len(fixAgents))], "purpose": "agent",
		"userId": g.uuid(), "teamId": g.uuid(), "sessions": []any{s},
	}
}
