package schema

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumTypesValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		valid bool
		got   bool
	}{
		{"family conversation", true, Conversation.Valid()},
		{"family resolution", true, Resolution.Valid()},
		{"family empty", false, Family("").Valid()},
		{"family case", false, Family("Segment").Valid()},
		{"kind dimension", true, DimensionKind.Valid()},
		{"kind property", true, PropertyKind.Valid()},
		{"kind bad", false, Kind("predicate").Valid()},
		{"value type uuid", true, TypeUUID.Valid()},
		{"value type number", true, TypeNumber.Valid()},
		{"value type bad", false, ValueType("float").Valid()},
		{"property type real", true, Real.Valid()},
		{"property type bad", false, PropertyType("number").Valid()},
		{"operator notExists", true, NotExists.Valid()},
		{"operator bad", false, Operator("contains").Valid()},
		{"operator case", false, Operator("notexists").Valid()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.valid, tt.got)
		})
	}
	assert.Equal(t, []Family{Conversation, Segment, Evaluation, Survey, Resolution}, Families())
	assert.Equal(t, "segmentFilters", Segment.FiltersKey())
	assert.Empty(t, Family("x").FiltersKey())
}

func TestOperators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ref                     interface{ Allows(Operator) bool }
		name                    string
		matches, exists, nexist bool
		bad                     bool
	}{
		{MediaType, "dimension", true, true, true, false},
		{THandle, "metric", true, true, true, false},
		{Property("customerTier", String), "property", true, true, true, false},
		{Property("", String), "invalid property", false, false, false, false},
		{Field(0), "invalid field", false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.matches, tt.ref.Allows(Matches))
			assert.Equal(t, tt.exists, tt.ref.Allows(Exists))
			assert.Equal(t, tt.nexist, tt.ref.Allows(NotExists))
			assert.Equal(t, tt.bad, tt.ref.Allows("gt"))
		})
	}
	assert.True(t, THandle.AllowsRange())
	assert.False(t, THandle.AllowsValue())
	assert.True(t, TSegmentDuration.AllowsRange())
	assert.False(t, MediaType.AllowsRange())
	assert.True(t, MediaType.AllowsValue())
	assert.True(t, MediaStatsMinConversationMos.AllowsValue(), "MOS is a dimension")
}

func TestCheckValue(t *testing.T) {
	t.Parallel()
	const id = "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"
	tests := []struct {
		name    string
		ref     Ref
		value   string
		wantErr string // "" for valid
	}{
		{"uuid", QueueID, id, ""},
		{"uuid upper", QueueID, strings.ToUpper(id), ""},
		{"uuid short", QueueID, id[:35], "not a uuid"},
		{"uuid no dashes", QueueID, strings.ReplaceAll(id, "-", "") + "abcd", "not a uuid"},
		{"uuid bad hex", UserID, "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5g", "not a uuid"},
		{"uuid dash moved", UserID, "5b4a1a552-a8d-4c6c-9d3e-0f1e2d3c4b5a", "not a uuid"},
		{"empty", QueueID, "", "empty value"},
		{"bad utf8", WrapUpCode, "\xff", "not valid utf-8"},
		{"string", WrapUpCode, "Case-Closed", ""},
		{"enum", MediaType, "voice", ""},
		{"enum case", MediaType, "Voice", `not an allowed value; did you mean "voice"? (allowed: callback, chat`},
		{"enum typo", MediaType, "emial", `did you mean "email"?`},
		{"enum far", Direction, "sideways", "not an allowed value (allowed: inbound, outbound)"},
		{"enum mixed case", DeliveryStatus, "DeliverySuccess", ""},
		{"datetime", ConversationStart, "2026-05-01T00:00:00.000Z", ""},
		{"datetime offset", ConversationEnd, "2026-05-01T02:00:00+02:00", ""},
		{"datetime interval", SegmentEnd, "2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z", ""},
		{"datetime empty interval", SegmentEnd, "2026-05-01T00:00:00Z/2026-05-01T00:00:00Z", ""},
		{"datetime date only", EventTime, "2026-05-01", "not an rfc 3339 date-time"},
		{"datetime reversed", EventTime, "2026-05-02T00:00:00Z/2026-05-01T00:00:00Z", "interval end is before its start"},
		{"datetime bad start", EventTime, "x/2026-05-01T00:00:00Z", "interval start is not"},
		{"datetime bad end", EventTime, "2026-05-01T00:00:00Z/", "interval end is not"},
		{"bool true", Conference, "true", ""},
		{"bool false", Recording, "false", ""},
		{"bool caps", Recording, "True", "not a bool (want true or false)"},
		{"bool one", Recording, "1", "not a bool"},
		{"integer", SIPResponseCode, "486", ""},
		{"integer negative", SurveyPromoterScore, "-1", ""},
		{"integer float", SIPResponseCode, "4.5", "not an integer"},
		{"number dimension", MediaStatsMinConversationMos, "4.32", ""},
		{"number word", MediaStatsMinConversationMos, "good", "not a number"},
		{"number nan", OTotalScore, "NaN", "not a number"},
		{"number inf", OTotalScore, "-Inf", "not a number"},
		{"number hex", OTotalScore, "0x10", "not a number"},
		{"number negative", OTotalScore, "-3.5", ""},
		{"duration", THandle, "180000", ""},
		{"duration negative", THandle, "-1", "negative duration"},
		{"count", NConnected, "2", ""},
		{"count negative", NNextContactAvoided, "-2", "negative count"},
		{"property string", Property("customerTier", String), "gold", ""},
		{"property uuid", Property("caseId", UUID), "nope", "not a uuid"},
		{"property real", Property("score", Real), "1e3", ""},
		{"property integer", Property("n", Integer), "1.5", "not an integer"},
		{"property date", Property("d", Date), "2026-05-01T00:00:00Z", ""},
		{"property bool", Property("b", Bool), "yes", "not a bool"},
		{"property bad type", Property("b", "boolean"), "true", `invalid property type "boolean"`},
		{"property bad name", Property("", String), "x", "invalid property name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.ref.CheckValue(tt.value)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.True(t, strings.HasPrefix(err.Error(), "schema: "), err.Error())
			var ve *ValueError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.value, ve.Value)
			assert.Contains(t, ve.Reason, tt.wantErr)
		})
	}
}

func TestValueErrorText(t *testing.T) {
	t.Parallel()
	err := QueueID.CheckValue("abc")
	assert.EqualError(t, err, `schema: queueId: bad value "abc": not a uuid (want 8-4-4-4-12 hex digits, e.g. 5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a)`)
	long := strings.Repeat("é", 100)
	err = QueueID.CheckValue(long)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `..."`[:3])
	assert.Less(t, len(err.Error()), 200)
}

func TestCheckBound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		f       Field
		x       float64
		wantErr string
	}{
		{"duration", THandle, 180000, ""},
		{"duration zero", THandle, 0, ""},
		{"duration negative", THandle, -1, "negative duration"},
		{"count negative", NConnected, -1, "negative count"},
		{"number negative", OTotalScore, -1, ""},
		{"dimension", MediaType, 1, "not a metric"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.f.CheckBound(tt.x)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		want    []string
		wantErr string
	}{
		{"wrapupcode", []string{"wrapUpCode"}, "schema: unknown field wrapupcode; did you mean wrapUpCode?"},
		{"MediaType", []string{"mediaType"}, "schema: unknown field MediaType; did you mean mediaType?"},
		{"tHandel", []string{"tHandle"}, "schema: unknown field tHandel; did you mean tHandle?"},
		{"xyzzy", nil, "schema: unknown field xyzzy"},
		{"", nil, `schema: unknown field ""`},
		{"conversation.queueId", []string{"segment.queueId", "evaluation.queueId", "survey.queueId"},
			"schema: unknown field conversation.queueId; did you mean segment.queueId, evaluation.queueId or survey.queueId?"},
		{"segment.queueid", []string{"segment.queueId"}, "schema: unknown field segment.queueid; did you mean segment.queueId?"},
		{"convo.conversationId", []string{"conversation.conversationId"}, ""},
		{"evaluation.tHandle", []string{"conversation.tHandle"}, ""},
		{"segment.", nil, ""},
		{".queueId", []string{"segment.queueId", "evaluation.queueId", "survey.queueId"}, ""},
		{"Segment.queueId", []string{"segment.queueId", "evaluation.queueId", "survey.queueId"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(tt.name)
			assert.Equal(t, Field(0), f)
			var ue *UnknownFieldError
			require.True(t, errors.As(err, &ue))
			assert.Equal(t, tt.name, ue.Name)
			assert.Equal(t, tt.want, ue.Suggestions)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
			}
		})
	}
}

func TestLookupIn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fam  Family
		kind Kind
		name string
		want Field
		ok   bool
	}{
		{Segment, DimensionKind, "queueId", QueueID, true},
		{Evaluation, DimensionKind, "queueId", EvaluationQueueID, true},
		{Survey, "", "queueId", SurveyQueueID, true},
		{Conversation, MetricKind, "tHandle", THandle, true},
		{Conversation, DimensionKind, "tHandle", 0, false},
		{Segment, MetricKind, "tHandle", 0, false},
		{Resolution, MetricKind, "nNextContactAvoided", NNextContactAvoided, true},
		{Resolution, DimensionKind, "nNextContactAvoided", 0, false},
		{Segment, DimensionKind, "segment.queueId", 0, false},
		{"bogus", DimensionKind, "queueId", 0, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.fam)+"."+tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := LookupIn(tt.fam, tt.kind, tt.name)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestProperty(t *testing.T) {
	t.Parallel()
	p := Property("customerTier", String)
	assert.Equal(t, "customerTier", p.Name())
	assert.Equal(t, String, p.Type())
	assert.Equal(t, TypeString, p.ValueType())
	assert.Equal(t, Segment, p.Family())
	assert.Equal(t, PropertyKind, p.Kind())
	assert.True(t, p.Valid())
	assert.Equal(t, "prop.customerTier:string", p.String())
	assert.Equal(t, p, Property("customerTier", String), "comparable")

	assert.False(t, Property("", String).Valid())
	assert.False(t, Property("x", "text").Valid())
	assert.False(t, Property("a\nb", String).Valid())
	assert.False(t, Property("\xff", String).Valid())
	assert.False(t, CustomProperty{}.Valid())

	for _, pt := range []PropertyType{Bool, Integer, Real, Date, String, UUID} {
		assert.True(t, pt.ValueType().Valid(), pt)
	}
	assert.Empty(t, PropertyType("x").ValueType())
}

func TestParseRef(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Ref
		wantErr string
	}{
		{"mediaType", MediaType, ""},
		{"evaluation.queueId", EvaluationQueueID, ""},
		{"prop.customerTier:string", Property("customerTier", String), ""},
		{"prop.a:b:uuid", Property("a:b", UUID), ""},
		{"prop.score:real", Property("score", Real), ""},
		{"prop.customerTier", nil, "property needs a type"},
		{"prop.customerTier:text", nil, `unknown property type "text"`},
		{"prop.:string", nil, "empty or invalid property name"},
		{"wrapupcode", nil, "did you mean wrapUpCode?"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseRef(tt.in)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.True(t, strings.HasPrefix(err.Error(), "schema: "))
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			back, err := ParseRef(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back, "String round-trips")
		})
	}
}

func FuzzLookupAndCheck(f *testing.F) {
	for _, s := range []string{"mediaType", "evaluation.queueId", "wrapupcode", "prop.x:string", "", ".", "prop.:", "a/b"} {
		f.Add(s, "voice")
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		r, err := ParseRef(name)
		if err != nil {
			assert.NotEmpty(t, err.Error())
			return
		}
		back, err := ParseRef(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, back)
		_ = r.CheckValue(value)
		for _, fl := range Fields() {
			_ = fl.CheckValue(value)
		}
	})
}

func TestFieldText(t *testing.T) {
	t.Parallel()
	b, err := EvaluationQueueID.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "evaluation.queueId", string(b))
	var f Field
	require.NoError(t, f.UnmarshalText(b))
	assert.Equal(t, EvaluationQueueID, f)
	require.NoError(t, f.UnmarshalText([]byte("mediaType")))
	assert.Equal(t, MediaType, f)
	err = f.UnmarshalText([]byte("mediatype"))
	assert.EqualError(t, err, "schema: unknown field mediatype; did you mean mediaType?")
	assert.Equal(t, MediaType, f, "unchanged on error")
	_, err = Field(0).MarshalText()
	assert.Error(t, err)
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		maxD int
		want int
	}{
		{"kitten", "sitting", 5, 3},
		{"", "abc", 5, 3},
		{"abc", "", 5, 3},
		{"wrapupcode", "wrapUpCode", 2, 0},
		{"tHandel", "tHandle", 2, 2},
		{"abcdef", "uvwxyz", 2, 3},
		{"a", "abcdefgh", 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			t.Parallel()
			n := len(tt.b) + 1
			assert.Equal(t, tt.want, editDistance(tt.a, tt.b, tt.maxD, make([]int, n), make([]int, n)))
		})
	}
	assert.Nil(t, closest("ab", []string{"a", "b", "AB"}, 0), "limit 0")
	assert.Equal(t, []string{"AB", "aB"}, closest("ab", []string{"a", "AB", "x", "aB"}, 3), "case-insensitive matches win")
}
