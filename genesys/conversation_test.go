package genesys

import (
	"bytes"
	stdjson "encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateConversation = flag.Bool("update-conversation", false, "rewrite the conversation fixtures in testdata/conversation")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "conversation", name))
	require.NoError(t, err)
	return b
}

func compact(t testing.TB, b []byte) string {
	t.Helper()
	v := jsontext.Value(bytes.Clone(b))
	require.NoError(t, v.Compact())
	return string(v)
}

func TestExamplesDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		out   func() any
		convs func(any) []Conversation
	}{
		{"details-query-response.json", func() any { return new(DetailsQueryResponse) }, func(v any) []Conversation { return v.(*DetailsQueryResponse).Conversations }},
		{"details-query-response-past-end.json", func() any { return new(DetailsQueryResponse) }, func(v any) []Conversation { return v.(*DetailsQueryResponse).Conversations }},
		{"job-results-page.json", func() any { return new(JobResultsResponse) }, func(v any) []Conversation { return v.(*JobResultsResponse).Conversations }},
		{"job-results-last-page.json", func() any { return new(JobResultsResponse) }, func(v any) []Conversation { return v.(*JobResultsResponse).Conversations }},
		{"conversations-multiget-response.json", func() any { return new(MultiGetResponse) }, func(v any) []Conversation { return v.(*MultiGetResponse).Conversations }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			in := readFixture(t, tt.file)
			out := tt.out()
			require.NoError(t, json.Unmarshal(in, out))

			// Raw keeps each conversation's exact bytes.
			var generic struct {
				Conversations []jsontext.Value `json:"conversations"`
			}
			require.NoError(t, json.Unmarshal(in, &generic))
			convs := tt.convs(out)
			require.Len(t, convs, len(generic.Conversations))
			for i := range convs {
				assert.Equal(t, compact(t, generic.Conversations[i]), compact(t, convs[i].Raw()))
				// Encoding the typed value loses nothing.
				enc, err := json.Marshal(&convs[i])
				require.NoError(t, err)
				assert.JSONEq(t, string(generic.Conversations[i]), string(enc))
			}

			// The whole page round-trips.
			enc, err := json.Marshal(out)
			require.NoError(t, err)
			assert.JSONEq(t, string(in), string(enc))
		})
	}
}

func TestExampleValues(t *testing.T) {
	t.Parallel()
	var q DetailsQueryResponse
	require.NoError(t, json.Unmarshal(readFixture(t, "details-query-response.json"), &q))
	require.Len(t, q.Conversations, 1)
	c := q.Conversations[0]
	assert.Equal(t, 1, q.TotalHits)
	assert.Equal(t, "1f2e3d4c-5b6a-4789-8a7b-6c5d4e3f2a1b", c.ID)
	assert.Equal(t, time.Date(2026, 5, 1, 13, 5, 7, 123e6, time.UTC), c.Start)
	assert.Equal(t, DirectionInbound, c.OriginatingDirection)
	assert.InDelta(t, 4.38, c.MediaStatsMinConversationMOS, 1e-9)
	require.Len(t, c.Participants, 3)
	agent := c.Participants[2]
	assert.Equal(t, PurposeAgent, agent.Purpose)
	assert.Equal(t, "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a", agent.UserID)
	s := agent.Sessions[0]
	assert.Equal(t, MediaTypeVoice, s.MediaType)
	assert.True(t, s.Recording)
	assert.Equal(t, Metric{Name: "tHandle", Value: 377070, EmitDate: time.Date(2026, 5, 1, 13, 12, 6, 900e6, time.UTC)}, s.Metrics[4])
	wrap := s.Segments[2]
	assert.Equal(t, SegmentTypeWrapUp, wrap.Type)
	assert.Equal(t, "7fa1e2d3-c4b5-4a69-8788-99aabbccddee", wrap.WrapUpCode)
	assert.Equal(t, []SegmentProperty{{Property: "customerTier", PropertyType: PropertyTypeString, Value: "gold", has: 7}}, wrap.Properties)
	assert.Equal(t, DisconnectTypePeer, s.Segments[1].DisconnectType)
	assert.Equal(t, []Routing{RoutingStandard}, c.Participants[1].Sessions[0].RequestedRoutings)
	assert.InDelta(t, 4.38, c.Participants[0].Sessions[0].MediaEndpointStats[0].MinMOS, 1e-9)
	assert.Equal(t, []AggregationResult{{
		Type: AggregationTypeTermFrequency, Dimension: "wrapUpCode", Count: 1, has: 1<<0 | 1<<1 | 1<<3,
		Results: []AggregationBucket{{Value: "7fa1e2d3-c4b5-4a69-8788-99aabbccddee", Count: 1, has: 1<<0 | 1<<1}},
	}}, q.Aggregations)

	var j JobResultsResponse
	require.NoError(t, json.Unmarshal(readFixture(t, "job-results-page.json"), &j))
	assert.Equal(t, "Y29udmVyc2F0aW9uczpwYWdlOjI=", j.Cursor)
	assert.Equal(t, time.Date(2026, 5, 2, 6, 0, 0, 0, time.UTC), j.DataAvailabilityDate)
	require.Len(t, j.Conversations, 1)
	jc := j.Conversations[0]
	assert.Equal(t, map[string]string{"orderNumber": "A-100234", "language": "en-us"}, jc.Participants[0].Attributes)
	assert.Equal(t, "webmessaging", jc.Participants[0].Sessions[0].MessageType)
	require.Len(t, jc.Surveys, 1)
	assert.Equal(t, SurveyTypeWeb, jc.Surveys[0].Type)
	assert.Equal(t, int64(9), jc.Surveys[0].OSurveyTotalScore)

	var past DetailsQueryResponse
	require.NoError(t, json.Unmarshal(readFixture(t, "details-query-response-past-end.json"), &past))
	assert.Nil(t, past.Conversations)
	assert.Zero(t, past.TotalHits)
}

// unknownEverywhere has a member the model does not know at every level.
const unknownEverywhere = `{
  "conversationId": "c1", "futureTop": {"a": [1, 2, {"b": null}]},
  "evaluations": [{"evaluationId": "e1", "futureEval": 1}],
  "surveys": [{"surveyId": "s1", "futureSurvey": "x"}],
  "resolutions": [{"queueId": "q1", "futureResolution": true}],
  "participants": [{
    "participantId": "p1", "futurePart": "\u00e9\n", "attributes": {"k": "v", "empty": ""},
    "sessions": [{
      "sessionId": "s1", "futureSession": [], "journeyCustomerId": "j",
      "flow": {"flowId": "f1", "outcomes": [{"flowOutcomeId": "o"}]},
      "mediaEndpointStats": [{"codecs": ["audio/opus"], "discardedPackets": 0, "futureStat": 2.5}],
      "metrics": [{"name": "tFuture", "value": 0, "emitDate": "2026-05-01T13:05:07.123Z", "futureMetric": null}],
      "segments": [{
        "segmentType": "interact", "conference": false, "futureSegment": {"x": 1},
        "scoredAgents": [{"scoredAgentId": "a", "agentScore": 0, "futureScored": 1}],
        "properties": [{"property": "p", "propertyType": "string", "value": "", "futureProp": 0}]
      }]
    }]
  }]
}`

func TestUnknownMembersRoundTrip(t *testing.T) {
	t.Parallel()
	var c Conversation
	require.NoError(t, json.Unmarshal([]byte(unknownEverywhere), &c))

	assert.JSONEq(t, `{"futureTop": {"a": [1, 2, {"b": null}]}}`, string(c.Extra))
	p := c.Participants[0]
	assert.JSONEq(t, `{"futurePart": "\u00e9\n"}`, string(p.Extra))
	s := p.Sessions[0]
	assert.JSONEq(t, `{"futureSession": [], "journeyCustomerId": "j"}`, string(s.Extra))
	assert.JSONEq(t, `{"outcomes": [{"flowOutcomeId": "o"}]}`, string(s.Flow.Extra))
	assert.JSONEq(t, `{"futureStat": 2.5}`, string(s.MediaEndpointStats[0].Extra))
	assert.JSONEq(t, `{"futureMetric": null}`, string(s.Metrics[0].Extra))
	seg := s.Segments[0]
	assert.JSONEq(t, `{"futureSegment": {"x": 1}}`, string(seg.Extra))
	assert.JSONEq(t, `{"futureScored": 1}`, string(seg.ScoredAgents[0].Extra))
	assert.JSONEq(t, `{"futureProp": 0}`, string(seg.Properties[0].Extra))
	assert.JSONEq(t, `{"futureEval": 1}`, string(c.Evaluations[0].Extra))
	assert.JSONEq(t, `{"futureSurvey": "x"}`, string(c.Surveys[0].Extra))
	assert.JSONEq(t, `{"futureResolution": true}`, string(c.Resolutions[0].Extra))

	// Marshalling writes every member back, zero values that were present included.
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, unknownEverywhere, string(out))
	assert.Equal(t, compact(t, []byte(unknownEverywhere)), compact(t, c.Raw()))

	// So does encoding/json (MarshalJSON).
	out, err = stdjson.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, unknownEverywhere, string(out))

	// Page-level unknown members are kept too.
	var page JobResultsResponse
	require.NoError(t, json.Unmarshal([]byte(`{"conversations":[],"futurePage":{"n":1},"cursor":"c"}`), &page))
	assert.JSONEq(t, `{"futurePage":{"n":1}}`, string(page.Extra))
	out, err = json.Marshal(page)
	require.NoError(t, err)
	assert.JSONEq(t, `{"conversations":[],"futurePage":{"n":1},"cursor":"c"}`, string(out))
}

func TestUnknownEnumValues(t *testing.T) {
	t.Parallel()
	in := `{"originatingDirection":"sideways","conversationInitiator":"robot","participants":[{"purpose":"robot","flaggedReason":"odd",
		"sessions":[{"mediaType":"hologram","direction":"up","usedRouting":"Psychic","requestedRoutings":["Psychic","Standard"],
		"flow":{"flowType":"TELEPATHY","entryType":"dream"},
		"segments":[{"segmentType":"levitate","disconnectType":"vanished","properties":[{"propertyType":"complex"}]}]}]}],
		"evaluations":[{"evaluationStatus":"Lost"}],"surveys":[{"surveyType":"Carrier pigeon"}]}`
	var c Conversation
	require.NoError(t, json.Unmarshal([]byte(in), &c))
	p := c.Participants[0]
	s := p.Sessions[0]
	seg := s.Segments[0]
	tests := []struct {
		name  string
		got   string
		valid bool
	}{
		{"originatingDirection", string(c.OriginatingDirection), c.OriginatingDirection.Valid()},
		{"conversationInitiator", string(c.ConversationInitiator), c.ConversationInitiator.Valid()},
		{"purpose", string(p.Purpose), p.Purpose.Valid()},
		{"flaggedReason", string(p.FlaggedReason), p.FlaggedReason.Valid()},
		{"mediaType", string(s.MediaType), s.MediaType.Valid()},
		{"direction", string(s.Direction), s.Direction.Valid()},
		{"usedRouting", string(s.UsedRouting), s.UsedRouting.Valid()},
		{"requestedRoutings", string(s.RequestedRoutings[0]), s.RequestedRoutings[0].Valid()},
		{"flowType", string(s.Flow.Type), s.Flow.Type.Valid()},
		{"entryType", string(s.Flow.EntryType), s.Flow.EntryType.Valid()},
		{"segmentType", string(seg.Type), seg.Type.Valid()},
		{"disconnectType", string(seg.DisconnectType), seg.DisconnectType.Valid()},
		{"propertyType", string(seg.Properties[0].PropertyType), seg.Properties[0].PropertyType.Valid()},
		{"evaluationStatus", string(c.Evaluations[0].EvaluationStatus), c.Evaluations[0].EvaluationStatus.Valid()},
		{"surveyType", string(c.Surveys[0].Type), c.Surveys[0].Type.Valid()},
	}
	for _, tt := range tests {
		assert.NotEmpty(t, tt.got, tt.name)
		assert.False(t, tt.valid, tt.name)
	}
	assert.True(t, s.RequestedRoutings[1].Valid())
	assert.Equal(t, RoutingStandard, s.RequestedRoutings[1])

	// The enum types decode on their own too, known and unknown values alike.
	var mt []MediaType
	require.NoError(t, json.Unmarshal([]byte(`["voice","hologram",null,"\u0076oice"]`), &mt))
	assert.Equal(t, []MediaType{MediaTypeVoice, "hologram", "", MediaTypeVoice}, mt)
	assert.Error(t, json.Unmarshal([]byte(`[1]`), &mt))
}

func TestEnumsMatchContract(t *testing.T) {
	t.Parallel()
	var contract struct {
		ResponseEnums map[string][]string `json:"responseEnums"`
	}
	require.NoError(t, json.Unmarshal(readFixture(t, "enums.json"), &contract))
	valid := map[string]func(string) bool{
		"conversation.originatingDirection":    func(s string) bool { return Direction(s).Valid() },
		"conversation.conversationInitiator":   func(s string) bool { return Purpose(s).Valid() },
		"participant.purpose":                  func(s string) bool { return Purpose(s).Valid() },
		"participant.flaggedReason":            func(s string) bool { return FlaggedReason(s).Valid() },
		"session.mediaType":                    func(s string) bool { return MediaType(s).Valid() },
		"session.direction":                    func(s string) bool { return Direction(s).Valid() },
		"session.deliveryStatus":               func(s string) bool { return DeliveryStatus(s).Valid() },
		"session.engagementSource":             func(s string) bool { return EngagementSource(s).Valid() },
		"session.routingRuleType":              func(s string) bool { return RoutingRuleType(s).Valid() },
		"session.usedRouting":                  func(s string) bool { return Routing(s).Valid() },
		"session.agentGroups[].agentGroupType": func(s string) bool { return AgentGroupType(s).Valid() },
		"session.flow.entryType":               func(s string) bool { return FlowEntryType(s).Valid() },
		"session.flow.flowType":                func(s string) bool { return FlowType(s).Valid() },
		"segment.segmentType":                  func(s string) bool { return SegmentType(s).Valid() },
		"segment.disconnectType":               func(s string) bool { return DisconnectType(s).Valid() },
		"segment.properties[].propertyType":    func(s string) bool { return PropertyType(s).Valid() },
		"evaluation.evaluationStatus":          func(s string) bool { return EvaluationStatus(s).Valid() },
		"survey.surveyType":                    func(s string) bool { return SurveyType(s).Valid() },
		"aggregationResult.type":               func(s string) bool { return AggregationType(s).Valid() },
	}
	for key, values := range contract.ResponseEnums {
		check, ok := valid[key]
		if !assert.True(t, ok, "no enum type for %s", key) {
			continue
		}
		for _, v := range values {
			assert.True(t, check(v), "%s: %q", key, v)
		}
		assert.False(t, check(""), key)
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	utc := func(ns int) time.Time { return time.Date(2026, 5, 1, 13, 5, 7, ns, time.UTC) }
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{in: "2026-05-01T13:05:07.123Z", want: utc(123e6)},
		{in: "2026-05-01T13:05:07Z", want: utc(0)},
		{in: "2026-05-01T13:05:07.000Z", want: utc(0)},
		{in: "2026-05-01T13:05:07.1Z", want: utc(100e6)},
		{in: "2026-05-01T13:05:07.123456789Z", want: utc(123456789)},
		{in: "2026-05-01T15:05:07.123+02:00", want: utc(123e6)},
		{in: "2024-02-29T00:00:00Z", want: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{in: "2026-02-29T00:00:00Z", wantErr: true},
		{in: "2026-13-01T00:00:00Z", wantErr: true},
		{in: "2026-05-01T24:00:00Z", wantErr: true},
		{in: "2026-05-01T13:05:07.Z", wantErr: true},
		{in: "2026-05-01 13:05:07Z", wantErr: true},
		{in: "yesterday", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := parseTime(tt.in)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %v", got)
		})
	}
	// Through the decoder, a bad time is an error naming the value.
	var c Conversation
	err := json.Unmarshal([]byte(`{"conversationStart":"2026-02-30T00:00:00Z"}`), &c)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2026-02-30T00:00:00Z")
}

func TestMarshalHandBuilt(t *testing.T) {
	t.Parallel()
	c := Conversation{
		ID:                   "c1",
		Start:                time.Date(2026, 5, 1, 13, 5, 7, 0, time.UTC),
		OriginatingDirection: DirectionInbound,
		DivisionIDs:          []string{},
		Participants: []Participant{{
			ID: "p1", Purpose: PurposeAgent, Attributes: map[string]string{"b": "2", "a": "1"},
			Sessions: []Session{{
				ID: "s1", MediaType: MediaTypeVoice, Flow: &Flow{Type: FlowTypeInboundCall},
				Metrics:  []Metric{{Name: "nConnected", Value: 0}},
				Segments: []Segment{{Type: SegmentTypeInteract, End: time.Date(2026, 5, 1, 13, 5, 8, 1, time.FixedZone("x", 3600))}},
			}},
		}},
		Extra: jsontext.Value(`{"futureTop":1}`),
	}
	assert.Nil(t, c.Raw())
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, `{"conversationId":"c1","conversationStart":"2026-05-01T13:05:07.000Z","originatingDirection":"inbound",`+
		`"divisionIds":[],"participants":[{"participantId":"p1","purpose":"agent","attributes":{"a":"1","b":"2"},`+
		`"sessions":[{"sessionId":"s1","mediaType":"voice","flow":{"flowType":"INBOUNDCALL"},`+
		`"metrics":[{"name":"nConnected","value":0}],"segments":[{"segmentEnd":"2026-05-01T12:05:08.000000001Z","segmentType":"interact"}]}]}],`+
		`"futureTop":1}`, string(out))

	// Encoding errors are reported, never panics.
	bad := []Conversation{
		{Extra: jsontext.Value(`[1]`)},
		{MediaStatsMinConversationMOS: math.NaN()},
		{ID: "\xff"},
		{Start: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, b := range bad {
		_, err := json.Marshal(b)
		assert.Error(t, err)
	}
}

func TestModifiedConversation(t *testing.T) {
	t.Parallel()
	in := readFixture(t, "job-results-last-page.json")
	var p JobResultsResponse
	require.NoError(t, json.Unmarshal(in, &p))
	c := p.Conversations[0]
	raw := c.Raw()
	c.Participants[0].Sessions[0].ANI = "tel:+10000000000"
	c.ExternalTag = "tagged"
	out, err := json.Marshal(c)
	require.NoError(t, err)
	var back Conversation
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, "tel:+10000000000", back.Participants[0].Sessions[0].ANI)
	assert.Equal(t, "tagged", back.ExternalTag)
	assert.Equal(t, raw, c.Raw(), "Raw is what was received, whatever the changes")
	assert.Equal(t, string(raw), string(c.AppendRaw(nil)))
	// Raw returns a copy: changing it changes nothing.
	raw[0] = 'x'
	assert.Equal(t, byte('{'), c.Raw()[0])
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []string{
		`{"conversationId": 1}`,
		`{"participants": {}}`,
		`{"participants": [{"sessions": [{"metrics": [{"value": "1"}]}]}]}`,
		`{"participants": [{"sessions": [{"metrics": [{"value": 1.5}]}]}]}`,
		`{"customerParticipation": "yes"}`,
		`{"mediaStatsMinConversationMos": "4"}`,
		`{"participants": [{"attributes": {"k": 1}}]}`,
		`[]`,
		`{"conversationId": "a", "conversationId": "b"}`,
		`{"conversationId": "a"`,
	}
	for _, in := range tests {
		var c Conversation
		assert.Error(t, json.Unmarshal([]byte(in), &c), in)
	}
	var p JobResultsResponse
	assert.Error(t, json.Unmarshal([]byte(`{"conversations": [{"conversationId": 1}]}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"cursor": 5}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"conversations": {}}`), &p))
}

func TestDecodeAllocs(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation counts differ under the race detector")
	}
	data := readFixture(t, page100)
	allocs := testing.AllocsPerRun(5, func() {
		var p JobResultsResponse
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatal(err)
		}
	})
	perConv := allocs / 100
	t.Logf("%.1f allocations per conversation", perConv)
	assert.Less(t, perConv, 100.0)
}

func TestPage100RoundTrip(t *testing.T) {
	t.Parallel()
	data := readFixture(t, page100)
	var p JobResultsResponse
	require.NoError(t, json.Unmarshal(data, &p))
	require.Len(t, p.Conversations, 100)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))
	var exported []byte
	for _, c := range p.Conversations {
		exported = c.AppendRaw(exported)
		exported = append(exported, ',')
	}
	assert.Equal(t, len(exported)-100+len(`{"conversations":[],"cursor":"Y29udmVyc2F0aW9uczpwYWdlOjI=","dataAvailabilityDate":"2026-05-02T06:00:00.000Z"}`)+99+1, len(data))
}

func FuzzConversation(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte) {
		var c Conversation
		if err := json.Unmarshal(in, &c); err != nil {
			return
		}
		if c.raw != "" {
			require.Equal(t, string(bytes.TrimSpace(in)), string(c.Raw()))
		}
		out, err := json.Marshal(c)
		require.NoError(t, err)
		var back Conversation
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}

func TestEncodingJSONv1(t *testing.T) {
	t.Parallel()
	in := readFixture(t, "job-results-page.json")
	var p JobResultsResponse
	require.NoError(t, stdjson.Unmarshal(in, &p))
	require.Len(t, p.Conversations, 1)
	assert.Equal(t, compact(t, in), compact(t, []byte(`{"dataAvailabilityDate":"2026-05-02T06:00:00.000Z","cursor":"Y29udmVyc2F0aW9uczpwYWdlOjI=","conversations":[`+string(p.Conversations[0].Raw())+`]}`)))
	out, err := stdjson.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(in), string(out))
}

func TestDecodeFromReader(t *testing.T) {
	t.Parallel()
	data := readFixture(t, page100)
	var fromBytes, fromReader JobResultsResponse
	require.NoError(t, json.Unmarshal(data, &fromBytes))
	// A small-chunk reader makes the decoder refill its buffer mid-conversation.
	require.NoError(t, json.UnmarshalRead(iotest.HalfReader(bytes.NewReader(data)), &fromReader))
	require.Len(t, fromReader.Conversations, len(fromBytes.Conversations))
	for i := range fromBytes.Conversations {
		assert.Equal(t, fromBytes.Conversations[i].Raw(), fromReader.Conversations[i].Raw())
		assert.Equal(t, fromBytes.Conversations[i], fromReader.Conversations[i])
	}
}
