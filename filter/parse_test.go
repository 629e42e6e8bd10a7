package filter

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

const (
	parseQ1 = "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"
	parseQ2 = "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f"
)

func pf(v float64) *float64 { return &v }

func TestParse(t *testing.T) {
	t.Parallel()
	tier := schema.Property("customerTier", schema.String)
	tests := []struct {
		name string
		expr string
		want Node
	}{
		{"issue example",
			`mediaType == "voice" and queueId == "` + parseQ1 + `" and wrapUpCode == "Case-Closed" and tHandle > 3m`,
			And(Matches(schema.MediaType, "voice"), Matches(schema.QueueID, parseQ1), Matches(schema.WrapUpCode, "Case-Closed"), Gt(schema.THandle, 180000))},
		{"matches", `mediaType == "voice"`, Matches(schema.MediaType, "voice")},
		{"no spaces", `mediaType=="voice"`, Matches(schema.MediaType, "voice")},
		{"escapes", `wrapUpCode == "a \"b\"\n\\ \u00e9"`, Matches(schema.WrapUpCode, "a \"b\"\n\\ é")},
		{"number value", `mediaCount == 3`, Matches(parseField("mediaCount"), "3")},
		{"real value kept as written", `mediaStatsMinConversationMos == 4.50`, Matches(schema.MediaStatsMinConversationMos, "4.50")},
		{"bool value", `recording == true`, Matches(parseField("recording"), "true")},
		{"exists", `conversationEnd exists`, Exists(schema.ConversationEnd)},
		{"notExists", `wrapUpCode notExists`, NotExists(schema.WrapUpCode)},
		{"metric exists", `tHandle exists`, Exists(schema.THandle)},
		{"gt ms", `tHandle > 180000`, Gt(schema.THandle, 180000)},
		{"gte s", `tHandle >= 180s`, Gte(schema.THandle, 180000)},
		{"lt m", `tHandle < 3m`, Lt(schema.THandle, 180000)},
		{"lte h", `tHandle <= 1.5h`, Lte(schema.THandle, 5400000)},
		{"ms suffix", `tTalk > 250ms`, Gt(schema.TTalk, 250)},
		{"decimal seconds exact", `tTalk > 1.1s`, Gt(schema.TTalk, 1100)},
		{"compound duration", `tTalk > 1h30m15s`, Gt(schema.TTalk, 5415000)},
		{"exponent", `tHandle <= 3.6e+06`, Lte(schema.THandle, 3600000)},
		{"count", `nTransferred > 1`, Gt(schema.NTransferred, 1)},
		{"number metric negative", `oTotalScore > -5`, Gt(schema.OTotalScore, -5)},
		{"metric equals is closed range", `nTransferred == 2`, InRange(schema.NTransferred, Range{Gte: pf(2), Lte: pf(2)})},
		{"two bounds merge", `tHandle >= 1s and tHandle < 1m`, InRange(schema.THandle, Range{Gte: pf(1000), Lt: pf(60000)})},
		{"two bounds merge any order", `tHandle < 1m and tHandle > 1s`, InRange(schema.THandle, Range{Gt: pf(1000), Lt: pf(60000)})},
		{"parenthesized bounds stay apart", `(tHandle >= 1) and (tHandle < 2)`, And(Gte(schema.THandle, 1), Lt(schema.THandle, 2))},
		{"two lower bounds stay apart", `tHandle > 1 and tHandle >= 2`, And(Gt(schema.THandle, 1), Gte(schema.THandle, 2))},
		{"three bounds stay apart", `tHandle > 1 and tHandle < 9 and tHandle < 8`, And(Gt(schema.THandle, 1), Lt(schema.THandle, 9), Lt(schema.THandle, 8))},
		{"bounds of two metrics", `tHandle >= 1 and tTalk < 2`, And(Gte(schema.THandle, 1), Lt(schema.TTalk, 2))},
		{"range in and", `mediaType == "voice" and (tHandle > 1 and tHandle <= 2)`,
			And(Matches(schema.MediaType, "voice"), InRange(schema.THandle, Range{Gt: pf(1), Lte: pf(2)}))},
		{"in", `queueId in ("` + parseQ1 + `", "` + parseQ2 + `")`, In(schema.QueueID, parseQ1, parseQ2)},
		{"in one", `queueId in ("` + parseQ1 + `")`, Matches(schema.QueueID, parseQ1)},
		{"and binds tighter", `mediaType == "voice" and queueId exists or mediaType == "email"`,
			Or(And(Matches(schema.MediaType, "voice"), Exists(schema.QueueID)), Matches(schema.MediaType, "email"))},
		{"parens", `(mediaType == "voice" or queueId exists) and direction == "inbound"`,
			And(Or(Matches(schema.MediaType, "voice"), Exists(schema.QueueID)), Matches(schema.Direction, "inbound"))},
		{"redundant parens", `((mediaType == "voice"))`, Matches(schema.MediaType, "voice")},
		{"nested or kept", `mediaType == "voice" or (queueId exists or wrapUpCode exists)`,
			Or(Matches(schema.MediaType, "voice"), Or(Exists(schema.QueueID), Exists(schema.WrapUpCode)))},
		{"or chain flat", `queueId exists or wrapUpCode exists or mediaType == "chat"`,
			Or(Exists(schema.QueueID), Exists(schema.WrapUpCode), Matches(schema.MediaType, "chat"))},
		{"qualified", `evaluation.queueId == "` + parseQ1 + `"`, Matches(schema.EvaluationQueueID, parseQ1)},
		{"qualified default family", `segment.queueId exists`, Exists(schema.QueueID)},
		{"property", `prop.customerTier:string == "gold"`, Matches(tier, "gold")},
		{"property exists", `prop.x:bool exists`, Exists(schema.Property("x", schema.Bool))},
		{"property name chars", `prop.a-b.c_d:integer == 42`, Matches(schema.Property("a-b.c_d", schema.Integer), "42")},
		{"property in", `prop.customerTier:string in ("gold", "silver")`, In(tier, "gold", "silver")},
		{"multi-line", "mediaType == \"voice\"\n  and\ttHandle > 3m\r\n", And(Matches(schema.MediaType, "voice"), Gt(schema.THandle, 180000))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.expr)
			require.NoError(t, err)
			assert.Truef(t, Equal(tt.want, got), "got %s, want %s", got, tt.want)
			assert.NoError(t, Validate(got))
			again, err := Parse(got.String())
			require.NoError(t, err, "reparse %s", got)
			assert.Truef(t, Equal(got, again), "round trip: %s became %s", got, again)
		})
	}
}

// parseField returns the field named name (zero if unknown; the test then fails on Equal).
func parseField(name string) schema.Field {
	f, _ := schema.Lookup(name)
	return f
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		expr string
		want string // the full Error() text
	}{
		{"unknown field", `wrapupcode == "x"`,
			"filter: 1:1: unknown field wrapupcode; did you mean wrapUpCode?\nwrapupcode == \"x\"\n^"},
		{"unknown field later", `mediaType == "voice" and wrapupcode == "x"`,
			"filter: 1:26: unknown field wrapupcode; did you mean wrapUpCode?\nmediaType == \"voice\" and wrapupcode == \"x\"\n                         ^"},
		{"not equal", `mediaType != "voice"`,
			"filter: 1:11: the Genesys API has no not-equal; use in (...) with the values you want, or notExists\nmediaType != \"voice\"\n          ^"},
		{"single equals", `mediaType = "voice"`, "filter: 1:11: use == to compare\nmediaType = \"voice\"\n          ^"},
		{"contains", `wrapUpCode contains "Case"`,
			"filter: 1:12: the Genesys API has no contains; use == or in (...) with exact values\nwrapUpCode contains \"Case\"\n           ^"},
		{"like", `wrapUpCode like "Case%"`,
			"filter: 1:12: the Genesys API has no like; use == or in (...) with exact values\nwrapUpCode like \"Case%\"\n           ^"},
		{"pattern", `wrapUpCode =~ "Case.*"`,
			"filter: 1:12: the Genesys API has no pattern match; use == or in (...) with exact values\nwrapUpCode =~ \"Case.*\"\n           ^"},
		{"not prefix", `not mediaType == "voice"`,
			"filter: 1:1: the Genesys API has no negation; use notExists for a missing field, or in (...) with the values you want\nnot mediaType == \"voice\"\n^"},
		{"bang prefix", `!(mediaType == "voice")`,
			"filter: 1:1: the Genesys API has no negation; use notExists for a missing field, or in (...) with the values you want\n!(mediaType == \"voice\")\n^"},
		{"not in", `mediaType not in ("voice")`,
			"filter: 1:11: the Genesys API has no negation; use notExists for a missing field, or in (...) with the values you want\nmediaType not in (\"voice\")\n          ^"},
		{"double ampersand", `mediaType exists && queueId exists`,
			"filter: 1:18: use and to combine conditions\nmediaType exists && queueId exists\n                 ^"},
		{"upper case AND", `mediaType exists AND queueId exists`,
			"filter: 1:18: keywords are lower case: use and\nmediaType exists AND queueId exists\n                 ^"},
		{"suffix on count", `nTransferred > 3s`,
			"filter: 1:17: a duration suffix is only for duration metrics (t*); nTransferred is a count: write a plain number\nnTransferred > 3s\n                ^"},
		{"suffix on dimension", `wrapUpCode == 3m`,
			"filter: 1:16: a duration suffix is for duration metrics (t*); quote the value if you mean the text \"3m\"\nwrapUpCode == 3m\n               ^"},
		{"space before unit", `tHandle > 3 m`,
			"filter: 1:13: write the duration unit right after the number, without a space (e.g. 3m)\ntHandle > 3 m\n            ^"},
		{"upper case IN", `mediaType IN ("voice")`, "filter: 1:11: did you mean in?\nmediaType IN (\"voice\")\n          ^"},
		{"is null", `wrapUpCode is null`, "filter: 1:12: use wrapUpCode exists or wrapUpCode notExists\nwrapUpCode is null\n           ^"},
		{"between", `tHandle between 1 and 2`, "filter: 1:9: write tHandle >= A and tHandle <= B\ntHandle between 1 and 2\n        ^"},
		{"unknown qualified", `evaluation.queueid exists`,
			"filter: 1:1: unknown field evaluation.queueid; did you mean evaluation.queueId?\nevaluation.queueid exists\n^"},
		{"unknown unit", `tHandle > 3d`, "filter: 1:12: unknown duration unit \"d\" (want ms, s, m or h)\ntHandle > 3d\n           ^"},
		{"bad property type", `prop.tier:strng == "gold"`,
			"filter: 1:11: unknown property type \"strng\" (want bool, integer, real, date, string or uuid)\nprop.tier:strng == \"gold\"\n          ^"},
		{"property without type", `prop.tier == "gold"`,
			"filter: 1:1: a custom property needs a type: prop.NAME:TYPE with TYPE one of bool, integer, real, date, string, uuid\nprop.tier == \"gold\"\n^"},
		{"property without name", `prop.:string exists`, "filter: 1:6: a custom property needs a name: prop.NAME:TYPE\nprop.:string exists\n     ^"},
		{"range on dimension", `mediaType > 3`,
			"filter: 1:11: dimension mediaType takes a value, not a range (> is for metrics); use == or in (...)\nmediaType > 3\n          ^"},
		{"range on property", `prop.n:integer > 3`,
			"filter: 1:16: custom property prop.n:integer takes a value, not a range (> is for metrics); use == or in (...)\nprop.n:integer > 3\n               ^"},
		{"in on metric", `tHandle in (1, 2)`,
			"filter: 1:9: metric tHandle takes a range, not a list of values; write e.g. tHandle >= 1000 and tHandle <= 5000\ntHandle in (1, 2)\n        ^"},
		{"string on metric", `tHandle > "3m"`, "filter: 1:11: metric tHandle takes a number, not a string (e.g. tHandle > 180s)\ntHandle > \"3m\"\n          ^"},
		{"bad uuid", `queueId == "support"`,
			"filter: 1:12: bad value \"support\" for queueId: not a uuid (want 8-4-4-4-12 hex digits, e.g. 5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a)\nqueueId == \"support\"\n           ^"},
		{"bad enum in list", `mediaType in ("voice", "vioce")`,
			"filter: 1:24: bad value \"vioce\" for mediaType: not an allowed value; did you mean \"voice\"? (allowed: callback, chat, cobrowse, email, internalmessage, message, screenmonitoring, screenshare, unknown, video, voice)\nmediaType in (\"voice\", \"vioce\")\n                       ^"},
		{"negative duration", `tHandle > -5`, "filter: 1:11: bad value \"-5\" for tHandle: negative duration\ntHandle > -5\n          ^"},
		{"out of range", `tHandle > 1e400`, "filter: 1:11: number out of range\ntHandle > 1e400\n          ^"},
		{"empty range", `tHandle > 5s and tHandle < 1s`,
			"filter: 1:18: empty range: lower bound 5000 is above upper bound 1000\ntHandle > 5s and tHandle < 1s\n                 ^"},
		{"unquoted value", `mediaType == voice`, "filter: 1:14: expected a value; quote text: \"voice\"\nmediaType == voice\n             ^"},
		{"single quotes", `mediaType == 'voice'`, "filter: 1:14: strings are written in double quotes: \"text\"\nmediaType == 'voice'\n             ^"},
		{"unterminated string", `mediaType == "voice`, "filter: 1:14: unterminated string\nmediaType == \"voice\n             ^"},
		{"bad escape", `mediaType == "vo\qice"`,
			"filter: 1:14: bad string literal (strings use Go escapes: \\\", \\\\, \\n, \\t, \\u00e9)\nmediaType == \"vo\\qice\"\n             ^"},
		{"missing operator", `mediaType`, "filter: 1:10: expected an operator after mediaType (==, in, exists or notExists), found the end of the expression\nmediaType\n         ^"},
		{"missing value", `tHandle >`, "filter: 1:10: expected a number after >, found the end of the expression\ntHandle >\n         ^"},
		{"empty", ``, "filter: 1:1: empty expression: write a condition such as mediaType == \"voice\"\n\n^"},
		{"empty parens", `()`, "filter: 1:2: empty parentheses: write a condition inside\n()\n ^"},
		{"unclosed paren", `(mediaType exists`,
			"filter: 1:18: expected and, or or \")\" to close the \"(\" at column 1, found the end of the expression\n(mediaType exists\n                 ^"},
		{"unmatched paren", `mediaType exists)`, "filter: 1:17: unmatched \")\"\nmediaType exists)\n                ^"},
		{"trailing and", `mediaType exists and`,
			"filter: 1:21: expected a condition (a field name or \"(\"), found the end of the expression\nmediaType exists and\n                    ^"},
		{"keyword as field", `and exists`, "filter: 1:1: expected a field name, found the keyword and\nand exists\n^"},
		{"empty in", `queueId in ()`, "filter: 1:13: in needs at least one value\nqueueId in ()\n            ^"},
		{"in without parens", `queueId in "a"`, "filter: 1:12: expected \"(\" after in, e.g. in (\"a\", \"b\")\nqueueId in \"a\"\n           ^"},
		{"value after exists", `queueId exists "a"`,
			"filter: 1:16: expected and, or or end of the expression, found the string \"a\"\nqueueId exists \"a\"\n               ^"},
		{"second line", "mediaType == \"voice\"\nand wrapupcode exists",
			"filter: 2:5: unknown field wrapupcode; did you mean wrapUpCode?\nand wrapupcode exists\n    ^"},
		{"columns count runes", `wrapUpCode == "é" and x exists`,
			"filter: 1:23: unknown field x\nwrapUpCode == \"é\" and x exists\n                      ^"},
		{"tab in caret line", "\tx exists", "filter: 1:2: unknown field x\n\tx exists\n\t^"},
		{"control character", "mediaType exists \x01", "filter: 1:18: unexpected character U+0001\nmediaType exists ?\n                 ^"},
		{"invalid utf-8", "mediaType exists \xff", "filter: 1:18: invalid UTF-8\nmediaType exists ?\n                 ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := Parse(tt.expr)
			require.Error(t, err, "parsed as %v", n)
			assert.Nil(t, n)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestSyntaxErrorUnwrap(t *testing.T) {
	t.Parallel()
	_, err := Parse(`wrapupcode exists`)
	var ue *schema.UnknownFieldError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, []string{"wrapUpCode"}, ue.Suggestions)

	_, err = Parse(`queueId == "x"`)
	var ve *schema.ValueError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "x", ve.Value)

	_, err = Parse(`queueId ==`)
	assert.Nil(t, errors.Unwrap(err))
}

func TestParseLimits(t *testing.T) {
	t.Parallel()
	t.Run("paren depth", func(t *testing.T) {
		t.Parallel()
		expr := strings.Repeat("(", 101) + "mediaType exists" + strings.Repeat(")", 101)
		_, err := Parse(expr)
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, 101, se.Column)
		assert.Contains(t, se.Msg, "parentheses nest more than 100 deep")
		ok := strings.Repeat("(", 100) + "mediaType exists" + strings.Repeat(")", 100)
		n, err := Parse(ok)
		require.NoError(t, err)
		assert.True(t, Equal(Exists(schema.MediaType), n))
	})
	t.Run("deep unclosed parens do not overflow", func(t *testing.T) {
		t.Parallel()
		_, err := Parse(strings.Repeat("(", 50000))
		require.Error(t, err)
	})
	t.Run("node depth", func(t *testing.T) {
		t.Parallel()
		build := func(levels int) string {
			s := "queueId exists"
			for i := range levels {
				if i%2 == 0 {
					s = "mediaType exists and (" + s + ")"
				} else {
					s = "mediaType exists or (" + s + ")"
				}
			}
			return s
		}
		n, err := Parse(build(32))
		require.NoError(t, err)
		again, err := Parse(n.String())
		require.NoError(t, err)
		assert.True(t, Equal(n, again))
		_, err = Parse(build(33))
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		assert.Contains(t, se.Msg, "nest more than 32 deep")
	})
	t.Run("length", func(t *testing.T) {
		t.Parallel()
		long := "mediaType exists" + strings.Repeat(" ", maxExprLen)
		_, err := Parse(long)
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		assert.Contains(t, se.Msg, "longer than 65536 bytes")
		assert.Less(t, len(se.Excerpt), 400, "excerpt is shortened")
	})
	t.Run("long line excerpt", func(t *testing.T) {
		t.Parallel()
		expr := strings.Repeat("mediaType exists and ", 20) + "x exists and " + strings.Repeat("mediaType exists and ", 20) + "mediaType exists"
		_, err := Parse(expr)
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		lines := strings.Split(se.Excerpt, "\n")
		require.Len(t, lines, 2)
		assert.True(t, strings.HasPrefix(lines[0], "...") && strings.HasSuffix(lines[0], "..."), lines[0])
		caret := strings.Index(lines[1], "^")
		assert.Equal(t, "x exists", string([]rune(lines[0])[caret:caret+8]))
	})
}

// TestParseRoundTrip checks Parse(n.String()) == n for trees built with the
// constructors, including the shapes the printer parenthesizes.
func TestParseRoundTrip(t *testing.T) {
	t.Parallel()
	tier := schema.Property("customerTier", schema.String)
	voice := Matches(schema.MediaType, "voice")
	nodes := []Node{
		voice,
		Matches(schema.WrapUpCode, "quote \" backslash \\ newline \n tab \t nul \x00 é 日本"),
		Matches(schema.WrapUpCode, "-1e5"),
		Exists(schema.ConversationEnd),
		NotExists(schema.THandle),
		Gt(schema.THandle, 0.001),
		Gte(schema.THandle, 1e21),
		Lt(schema.OTotalScore, -1.5e-7),
		Lte(schema.THandle, 3600000),
		InRange(schema.THandle, Range{Gte: pf(1000), Lt: pf(2000)}),
		InRange(schema.THandle, Range{Gt: pf(1), Lte: pf(1.5)}),
		InRange(schema.NTransferred, Range{Gte: pf(2), Lte: pf(2)}),
		And(Gte(schema.THandle, 1), Lt(schema.THandle, 2)),
		And(Gt(schema.THandle, 1), Gt(schema.THandle, 2)),
		And(voice, Gt(schema.THandle, 1), Lt(schema.THandle, 2)),
		And(voice, InRange(schema.THandle, Range{Gte: pf(1000), Lt: pf(2000)})),
		Or(voice, InRange(schema.THandle, Range{Gt: pf(1), Lte: pf(2)})),
		Or(And(Gte(schema.THandle, 1), Lt(schema.THandle, 2)), voice),
		In(schema.QueueID, parseQ1, parseQ2),
		And(voice, In(schema.QueueID, parseQ1, parseQ2)),
		Or(voice, In(schema.QueueID, parseQ1, parseQ2)),
		Or(Matches(schema.QueueID, parseQ1), Or(Matches(schema.QueueID, parseQ2), Matches(schema.QueueID, parseQ1))),
		Or(And(voice, Exists(schema.QueueID)), Matches(schema.MediaType, "email")),
		And(Or(voice, Exists(schema.QueueID)), Matches(schema.Direction, "inbound")),
		And(voice, And(Exists(schema.QueueID), Exists(schema.WrapUpCode))),
		And(And(Gte(schema.THandle, 1), Lt(schema.THandle, 2)), voice),
		Matches(schema.EvaluationQueueID, parseQ1),
		Exists(schema.ConversationID),
		Matches(tier, "gold"),
		In(tier, "gold", "silver"),
		Exists(schema.Property("a-b.c_d", schema.Date)),
	}
	for _, f := range schema.Fields() {
		nodes = append(nodes, Exists(f))
	}
	for _, n := range nodes {
		t.Run(n.String(), func(t *testing.T) {
			t.Parallel()
			got, err := Parse(n.String())
			require.NoError(t, err)
			assert.Truef(t, Equal(n, got), "got %s", got)
		})
	}
}

func TestParseDurations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		ms   float64
	}{
		{"0ms", 0}, {"1ms", 1}, {"0.5ms", 0.5}, {"1s", 1000}, {"1.1s", 1100}, {"0.001s", 1},
		{"2.5m", 150000}, {"1h", 3600000}, {"0.1h", 360000}, {"1h30m", 5400000}, {"1m1s1ms", 61001},
		{"1e3ms", 1000}, {"1.5e-3s", 1.5}, {"99999999999999999999s", 99999999999999999999e3},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			n, err := Parse("tHandle >= " + tt.text)
			require.NoError(t, err)
			r, ok := n.(Predicate).Range()
			require.True(t, ok)
			require.NotNil(t, r.Gte)
			assert.Equal(t, tt.ms, *r.Gte)
		})
	}
}

// TestParseBench50 checks that the benchmark expression parses to 50
// predicates that compile.
func TestParseBench50(t *testing.T) {
	t.Parallel()
	n, err := Parse(parseBench50Expr)
	require.NoError(t, err)
	count := 0
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case AndNode:
			for _, c := range n.Children() {
				walk(c)
			}
		case OrNode:
			for _, c := range n.Children() {
				walk(c)
			}
		case Predicate:
			count++
		}
	}
	walk(n)
	assert.Equal(t, 50, count)
	_, err = Compile(n)
	require.NoError(t, err)
}
