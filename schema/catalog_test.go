package schema

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumsFile is the part of internal/gen/enums.json the tests compare with.
type enumsFile struct {
	ConversationDimensions []string            `json:"conversationDimensions"`
	ConversationMetrics    []string            `json:"conversationMetrics"`
	SegmentDimensions      []string            `json:"segmentDimensions"`
	SegmentMetrics         []string            `json:"segmentMetrics"`
	SegmentPropertyTypes   []string            `json:"segmentPropertyTypes"`
	EvaluationDimensions   []string            `json:"evaluationDimensions"`
	EvaluationMetrics      []string            `json:"evaluationMetrics"`
	SurveyDimensions       []string            `json:"surveyDimensions"`
	SurveyMetrics          []string            `json:"surveyMetrics"`
	ResolutionMetrics      []string            `json:"resolutionMetrics"`
	Operators              []string            `json:"operators"`
	PredicateTypes         []string            `json:"predicateTypes"`
	ResponseEnums          map[string][]string `json:"responseEnums"`
}

func readEnums(t *testing.T) enumsFile {
	t.Helper()
	data, err := os.ReadFile("internal/gen/enums.json")
	require.NoError(t, err)
	var e enumsFile
	require.NoError(t, json.Unmarshal(data, &e))
	return e
}

func names(fs []Field) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Name())
	}
	return out
}

func ofKind(fs []Field, k Kind) []Field {
	var out []Field
	for _, f := range fs {
		if f.Kind() == k {
			out = append(out, f)
		}
	}
	return out
}

func TestCatalogMatchesEnums(t *testing.T) {
	t.Parallel()
	e := readEnums(t)
	tests := []struct {
		fam        Family
		dims, mets []string
		nDim, nMet int
	}{
		{Conversation, e.ConversationDimensions, e.ConversationMetrics, 11, 77},
		{Segment, e.SegmentDimensions, e.SegmentMetrics, 80, 1},
		{Evaluation, e.EvaluationDimensions, e.EvaluationMetrics, 16, 2},
		{Survey, e.SurveyDimensions, e.SurveyMetrics, 11, 1},
		{Resolution, nil, e.ResolutionMetrics, 0, 1},
	}
	total := 0
	for _, tt := range tests {
		t.Run(string(tt.fam), func(t *testing.T) {
			t.Parallel()
			fs := FieldsOf(tt.fam)
			dims, mets := ofKind(fs, DimensionKind), ofKind(fs, MetricKind)
			assert.Len(t, dims, tt.nDim)
			assert.Len(t, mets, tt.nMet)
			assert.Equal(t, len(tt.dims), len(dims))
			if len(tt.dims) > 0 {
				assert.Equal(t, tt.dims, names(dims))
			}
			assert.Equal(t, tt.mets, names(mets))
			for _, f := range fs {
				assert.Equal(t, tt.fam, f.Family(), f.GoName())
				got, ok := LookupIn(tt.fam, f.Kind(), f.Name())
				assert.True(t, ok, f.Name())
				assert.Equal(t, f, got)
			}
		})
		total += tt.nDim + tt.nMet
	}
	assert.Len(t, Fields(), total)
	assert.Equal(t, numFields, total)

	var pts []string
	for _, p := range []PropertyType{Bool, Integer, Real, Date, String, UUID} {
		pts = append(pts, string(p))
	}
	assert.Equal(t, e.SegmentPropertyTypes, pts, "PropertyType constants")
	assert.Equal(t, e.Operators, []string{string(Matches), string(Exists), string(NotExists)}, "Operator constants")
	assert.ElementsMatch(t, e.PredicateTypes, []string{string(DimensionKind), string(PropertyKind), string(MetricKind)}, "Kind constants")
}

func TestFieldsStableAndDistinct(t *testing.T) {
	t.Parallel()
	all := Fields()
	require.NotEmpty(t, all)
	seenGo := map[string]bool{}
	seenQualified := map[string]bool{}
	for i, f := range all {
		assert.Equal(t, Field(i+1), f)
		assert.True(t, f.Valid())
		assert.NotEmpty(t, f.Name())
		assert.True(t, f.Family().Valid(), f.GoName())
		assert.Contains(t, []Kind{DimensionKind, MetricKind}, f.Kind())
		assert.False(t, seenGo[f.GoName()], "duplicate Go name %s", f.GoName())
		assert.False(t, seenQualified[f.String()], "duplicate %s", f.String())
		seenGo[f.GoName()] = true
		seenQualified[f.String()] = true

		got, err := Lookup(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, got, "qualified lookup of %s", f)
	}
	// Callers get their own slices.
	all[0] = 0
	assert.Equal(t, Field(1), Fields()[0])
	assert.Nil(t, FieldsOf("nope"))
}

func TestDefaultFamilyPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		want   Field
		family Family
		goName string
	}{
		{"queueId", QueueID, Segment, "QueueID"},
		{"segment.queueId", QueueID, Segment, "QueueID"},
		{"evaluation.queueId", EvaluationQueueID, Evaluation, "EvaluationQueueID"},
		{"survey.queueId", SurveyQueueID, Survey, "SurveyQueueID"},
		{"userId", UserID, Segment, "UserID"},
		{"evaluation.userId", EvaluationUserID, Evaluation, "EvaluationUserID"},
		{"survey.userId", SurveyUserID, Survey, "SurveyUserID"},
		{"eventTime", EventTime, Evaluation, "EventTime"},
		{"survey.eventTime", SurveyEventTime, Survey, "SurveyEventTime"},
		{"conversationId", ConversationID, Conversation, "ConversationID"},
		{"conversation.conversationId", ConversationID, Conversation, "ConversationID"},
		{"mediaType", MediaType, Segment, "MediaType"},
		{"tHandle", THandle, Conversation, "THandle"},
		{"tSegmentDuration", TSegmentDuration, Segment, "TSegmentDuration"},
		{"nNextContactAvoided", NNextContactAvoided, Resolution, "NNextContactAvoided"},
		{"resolution.nNextContactAvoided", NNextContactAvoided, Resolution, "NNextContactAvoided"},
		{"mediaStatsMinConversationMos", MediaStatsMinConversationMos, Conversation, "MediaStatsMinConversationMos"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(tt.name)
			require.NoError(t, err)
			assert.Equal(t, tt.want, f)
			assert.Equal(t, tt.family, f.Family())
			assert.Equal(t, tt.goName, f.GoName())
		})
	}
}

func TestTypeTable(t *testing.T) {
	t.Parallel()
	for _, f := range Fields() {
		typ := f.Type()
		assert.True(t, typ.Valid(), "%s has no value type: add it to types.go", f)
		_, e := f.typeInfo()
		if typ == TypeEnum {
			assert.NotEmpty(t, f.Values(), "%s is an enum without values", f)
		} else {
			assert.Nil(t, f.Values(), "%s", f)
			assert.Equal(t, enumNone, e, "%s has an enum list but type %s", f, typ)
		}
		if f.Kind() == MetricKind {
			assert.Contains(t, []ValueType{TypeDuration, TypeCount, TypeNumber}, typ, "%s", f)
		}
	}
}

// TestTypeTableNamesExist parses types.go and checks that every name in the
// table is a catalog name, so a typo there cannot go unnoticed.
func TestTypeTableNamesExist(t *testing.T) {
	t.Parallel()
	file, err := parser.ParseFile(token.NewFileSet(), "types.go", nil, 0)
	require.NoError(t, err)
	seen := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		cc, ok := n.(*ast.CaseClause)
		if !ok {
			return true
		}
		for _, e := range cc.List {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			name, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			assert.False(t, seen[name], "%q listed twice in types.go", name)
			seen[name] = true
			_, err = Lookup(name)
			assert.NoError(t, err, "types.go names %q, which is not in the catalog", name)
		}
		return true
	})
	assert.Greater(t, len(seen), 100)
}

func TestTypeSpotChecks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f    Field
		want ValueType
	}{
		{QueueID, TypeUUID}, {UserID, TypeUUID}, {ConversationID, TypeUUID}, {DivisionID, TypeUUID},
		{EdgeID, TypeUUID}, {FlowID, TypeUUID}, {TeamID, TypeUUID}, {EvaluationQueueID, TypeUUID},
		{SurveyUserID, TypeUUID}, {FormID, TypeUUID},
		{WrapUpCode, TypeString}, {Ani, TypeString}, {ErrorCode, TypeString}, {FlowVersion, TypeString},
		{OutboundContactID, TypeString}, {SurveyStatus, TypeString}, {RemoteNameDisplayable, TypeString},
		{DetectedSpeechStart, TypeDateTime}, {FlowOutcomeValue, TypeString}, {ContextID, TypeUUID},
		{MediaType, TypeEnum}, {Direction, TypeEnum}, {Purpose, TypeEnum}, {SegmentType, TypeEnum},
		{DisconnectType, TypeEnum}, {OriginatingDirection, TypeEnum}, {ConversationInitiator, TypeEnum},
		{DeliveryStatus, TypeEnum}, {EngagementSource, TypeEnum}, {UsedRouting, TypeEnum},
		{RequestedRouting, TypeEnum}, {FlaggedReason, TypeEnum}, {EvaluationStatus, TypeEnum}, {SurveyType, TypeEnum},
		{ConversationStart, TypeDateTime}, {ConversationEnd, TypeDateTime}, {SegmentEnd, TypeDateTime},
		{EventTime, TypeDateTime}, {SurveyEventTime, TypeDateTime}, {CallbackScheduledTime, TypeDateTime},
		{SurveyCompletedDate, TypeDateTime},
		{Conference, TypeBool}, {Recording, TypeBool}, {AgentOwned, TypeBool}, {CustomerParticipation, TypeBool},
		{OriginatingSocialMediaPublic, TypeBool}, {SurveyPartialResponse, TypeBool}, {Deleted, TypeBool},
		{SIPResponseCode, TypeInteger}, {MediaCount, TypeInteger}, {SurveyPromoterScore, TypeInteger},
		{THandle, TypeDuration}, {TSegmentDuration, TypeDuration}, {TConversationDuration, TypeDuration},
		{NConnected, TypeCount}, {NNextContactAvoided, TypeCount},
		{OTotalScore, TypeNumber}, {OSurveyTotalScore, TypeNumber}, {OMediaCount, TypeNumber},
		{MediaStatsMinConversationMos, TypeNumber},
	}
	for _, tt := range tests {
		t.Run(tt.f.String(), func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, tt.f.Type())
		})
	}
}

func TestEnumValues(t *testing.T) {
	t.Parallel()
	e := readEnums(t)
	tests := []struct {
		f    Field
		path string
	}{
		{MediaType, "session.mediaType"},
		{Direction, "session.direction"},
		{Purpose, "participant.purpose"},
		{SegmentType, "segment.segmentType"},
		{DisconnectType, "segment.disconnectType"},
		{OriginatingDirection, "conversation.originatingDirection"},
		{ConversationInitiator, "conversation.conversationInitiator"},
		{DeliveryStatus, "session.deliveryStatus"},
		{EngagementSource, "session.engagementSource"},
		{UsedRouting, "session.usedRouting"},
		{RequestedRouting, "session.usedRouting"},
		{FlaggedReason, "participant.flaggedReason"},
		{EvaluationStatus, "evaluation.evaluationStatus"},
		{SurveyType, "survey.surveyType"},
	}
	for _, tt := range tests {
		t.Run(tt.f.Name(), func(t *testing.T) {
			t.Parallel()
			want := e.ResponseEnums[tt.path]
			require.NotEmpty(t, want)
			got := tt.f.Values()
			assert.Equal(t, want, got)
			for _, v := range want {
				assert.NoError(t, tt.f.CheckValue(v))
			}
			got[0] = "mutated"
			assert.Equal(t, want, tt.f.Values(), "Values returns a copy")
		})
	}
}

func TestInvalidField(t *testing.T) {
	t.Parallel()
	for _, f := range []Field{0, numFields + 1, 65535} {
		assert.False(t, f.Valid())
		assert.Empty(t, f.Name())
		assert.Empty(t, f.GoName())
		assert.Empty(t, f.Family())
		assert.Empty(t, f.Kind())
		assert.Empty(t, f.Type())
		assert.Nil(t, f.Values())
		assert.False(t, f.Allows(Matches))
		assert.False(t, f.AllowsRange())
		assert.False(t, f.AllowsValue())
		assert.Error(t, f.CheckValue("x"))
		assert.Error(t, f.CheckBound(1))
		assert.Equal(t, "schema.Field("+strconv.Itoa(int(f))+")", f.String())
	}
}
