package filter

import (
	"errors"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

// update rewrites the golden files of this package: go test ./filter -update.
var update = flag.Bool("update", false, "rewrite golden files")

const (
	q1 = "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"
	q2 = "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f"
)

var tier = schema.Property("customerTier", schema.String)

func fp(v float64) *float64 { return &v }

func TestString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		n    Node
		want string
	}{
		{"matches", Matches(schema.MediaType, "voice"), `mediaType == "voice"`},
		{"quoting", Matches(schema.WrapUpCode, "a \"b\"\n\\"), `wrapUpCode == "a \"b\"\n\\"`},
		{"exists", Exists(schema.ConversationEnd), `conversationEnd exists`},
		{"notExists", NotExists(schema.WrapUpCode), `wrapUpCode notExists`},
		{"gt", Gt(schema.THandle, 180000), `tHandle > 180000`},
		{"gte", Gte(schema.THandle, 0), `tHandle >= 0`},
		{"lt", Lt(schema.THandle, 1.5), `tHandle < 1.5`},
		{"lte", Lte(schema.THandle, 3600000), `tHandle <= 3.6e+06`},
		{"two bounds top", InRange(schema.THandle, Range{Gte: fp(1000), Lt: fp(2000)}), `tHandle >= 1000 and tHandle < 2000`},
		{"two bounds in and", And(Matches(schema.MediaType, "voice"), InRange(schema.THandle, Range{Gte: fp(1000), Lt: fp(2000)})),
			`mediaType == "voice" and (tHandle >= 1000 and tHandle < 2000)`},
		{"two bounds in or", Or(Matches(schema.MediaType, "voice"), InRange(schema.THandle, Range{Gt: fp(1), Lte: fp(2)})),
			`mediaType == "voice" or (tHandle > 1 and tHandle <= 2)`},
		{"bound chain", And(Gte(schema.THandle, 1), Lt(schema.THandle, 2)), `(tHandle >= 1) and (tHandle < 2)`},
		{"bounds of two metrics", And(Gte(schema.THandle, 1), Lt(schema.TTalk, 2)), `tHandle >= 1 and tTalk < 2`},
		{"in", In(schema.QueueID, q1, q2), `queueId in ("` + q1 + `", "` + q2 + `")`},
		{"in one", In(schema.QueueID, q1), `queueId == "` + q1 + `"`},
		{"in inside and", And(Matches(schema.MediaType, "voice"), In(schema.QueueID, "a", "b")), `mediaType == "voice" and queueId in ("a", "b")`},
		{"or not in", Or(Matches(schema.QueueID, "a"), Exists(schema.QueueID)), `queueId == "a" or queueId exists`},
		{"and in or", Or(And(Matches(schema.MediaType, "voice"), Exists(schema.QueueID)), Matches(schema.MediaType, "email")),
			`mediaType == "voice" and queueId exists or mediaType == "email"`},
		{"or in and", And(Or(Matches(schema.MediaType, "voice"), Exists(schema.QueueID)), Matches(schema.Direction, "inbound")),
			`(mediaType == "voice" or queueId exists) and direction == "inbound"`},
		{"and in and", And(Matches(schema.MediaType, "voice"), And(Exists(schema.QueueID), Exists(schema.WrapUpCode))),
			`mediaType == "voice" and (queueId exists and wrapUpCode exists)`},
		{"or in or", Or(Matches(schema.MediaType, "voice"), Or(Exists(schema.QueueID), Exists(schema.WrapUpCode))),
			`mediaType == "voice" or (queueId exists or wrapUpCode exists)`},
		{"qualified", Matches(schema.EvaluationQueueID, q1), `evaluation.queueId == "` + q1 + `"`},
		{"default family unqualified", Matches(schema.QueueID, q1), `queueId == "` + q1 + `"`},
		{"property", Matches(tier, "gold"), `prop.customerTier:string == "gold"`},
		{"property exists", Exists(schema.Property("x", schema.Bool)), `prop.x:bool exists`},
		{"single and", And(Exists(schema.QueueID)), `queueId exists`},
		{"empty and", And(), `()`},
		{"nil child", And(nil, Exists(schema.QueueID)), `<nil> and queueId exists`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, tt.n.String())
		})
	}
}

func TestConstructorsCopyInputs(t *testing.T) {
	t.Parallel()
	nodes := []Node{Exists(schema.QueueID), Exists(schema.WrapUpCode)}
	n := And(nodes...)
	nodes[0] = Exists(schema.MediaType)
	assert.Equal(t, "queueId exists and wrapUpCode exists", n.String())

	kids := n.(AndNode).Children()
	kids[0] = nil
	assert.Equal(t, "queueId exists and wrapUpCode exists", n.String())

	lo := 5.0
	r := Range{Gte: &lo}
	p := InRange(schema.THandle, r)
	lo = 99
	got, ok := p.(Predicate).Range()
	require.True(t, ok)
	assert.Equal(t, 5.0, *got.Gte)
	*got.Gte = 42
	assert.Equal(t, "tHandle >= 5", p.String())
}

func TestAccessors(t *testing.T) {
	t.Parallel()
	p := Matches(schema.MediaType, "voice").(Predicate)
	assert.Equal(t, schema.Ref(schema.MediaType), p.Ref())
	assert.Equal(t, schema.Matches, p.Operator())
	v, ok := p.Value()
	assert.True(t, ok)
	assert.Equal(t, "voice", v)
	_, ok = p.Range()
	assert.False(t, ok)

	e := Exists(schema.THandle).(Predicate)
	assert.Equal(t, schema.Exists, e.Operator())
	_, ok = e.Value()
	assert.False(t, ok)

	o := In(schema.QueueID, "a", "b").(OrNode)
	assert.Equal(t, 2, o.Len())
	assert.Equal(t, `queueId == "b"`, o.Child(1).String())
	assert.Nil(t, o.Child(2))
	a := And(e, p).(AndNode)
	assert.Equal(t, 2, a.Len())
	assert.Nil(t, a.Child(-1))
}

func TestEqual(t *testing.T) {
	t.Parallel()
	a := And(Matches(schema.MediaType, "voice"), InRange(schema.THandle, Range{Gt: fp(1)}))
	b := And(Matches(schema.MediaType, "voice"), Gt(schema.THandle, 1))
	assert.True(t, Equal(a, b))
	assert.False(t, Equal(a, Or(Matches(schema.MediaType, "voice"), Gt(schema.THandle, 1))))
	assert.False(t, Equal(Gt(schema.THandle, 1), Gte(schema.THandle, 1)))
	assert.False(t, Equal(Matches(schema.MediaType, "voice"), Matches(schema.MediaType, "email")))
	assert.True(t, Equal(nil, nil))
	assert.False(t, Equal(nil, a))
}

func TestMatrix(t *testing.T) {
	t.Parallel()
	n, err := Matrix(map[string]string{
		"wrapUpCode":               "Case-Closed",
		"mediaType":                "voice",
		"conversationEnd":          "exists",
		"prop.customerTier:string": "notExists",
		"evaluation.queueId":       q1,
	})
	require.NoError(t, err)
	assert.Equal(t, `conversationEnd exists and evaluation.queueId == "`+q1+`" and mediaType == "voice" and prop.customerTier:string notExists and wrapUpCode == "Case-Closed"`, n.String())
	require.NoError(t, Validate(n))

	one, err := Matrix(map[string]string{"mediaType": "voice"})
	require.NoError(t, err)
	assert.True(t, Equal(Matches(schema.MediaType, "voice"), one))

	_, err = Matrix(map[string]string{"wrapupcode": "x", "nope": "y", "mediaType": "voice"})
	require.Error(t, err)
	assert.ErrorContains(t, err, "did you mean wrapUpCode?")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "nope", fe.Field) // sorted order: nope first
	assert.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 2)

	_, err = Matrix(nil)
	assert.ErrorContains(t, err, "empty attribute matrix")
	assert.True(t, errors.As(err, &fe))
}

// TestStringParsesBack checks the printer against the parser on the shapes
// the printer has special rules for.
func TestStringParsesBack(t *testing.T) {
	t.Parallel()
	nodes := []Node{
		InRange(schema.THandle, Range{Gte: fp(1000), Lt: fp(3600000)}),
		And(Gte(schema.THandle, 1), Lt(schema.THandle, 2)),
		And(Gt(schema.THandle, 1), Lt(schema.THandle, 5), Exists(schema.QueueID)),
		And(Exists(schema.QueueID), InRange(schema.THandle, Range{Gt: fp(1), Lte: fp(2)})),
		Or(Exists(schema.QueueID), InRange(schema.THandle, Range{Gt: fp(1), Lte: fp(2)})),
		Or(Gte(schema.THandle, 1), Lt(schema.THandle, 2)),
		And(Exists(schema.QueueID), And(Exists(schema.WrapUpCode), Exists(schema.MediaType))),
		Or(Exists(schema.QueueID), Or(Exists(schema.WrapUpCode), Exists(schema.MediaType))),
		Or(And(Exists(schema.QueueID), Exists(schema.WrapUpCode)), Matches(schema.MediaType, "voice")),
		And(In(schema.QueueID, q1, q2), Or(Matches(schema.MediaType, "voice"), Exists(tier))),
		Matches(schema.EvaluationQueueID, q1),
		Matches(schema.WrapUpCode, "tab\there \"quoted\" ünïcode"),
		Gte(schema.OTotalScore, 0.125),
		Lt(schema.THandle, 3.6e9),
	}
	for _, c := range compileCases() {
		nodes = append(nodes, c.n)
	}
	for _, n := range nodes {
		require.NoError(t, Validate(n), n.String())
		got, err := Parse(n.String())
		if !assert.NoError(t, err, n.String()) {
			continue
		}
		assert.True(t, Equal(n, got), "%s\nparsed back as\n%s", n, got)
	}
}
