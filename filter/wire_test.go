package filter

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

var exampleFiles = []string{"details-query-request.json", "job-create-request.json"}

// exampleFilters returns the compacted filter arrays of an example request,
// in the order of the wire families, as the members of a JSON object.
func exampleFilters(t *testing.T, file string) (keys []string, arrays [][]byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &m))
	for _, fam := range schema.Families() {
		raw, ok := m[fam.FiltersKey()]
		if !ok {
			continue
		}
		var c bytes.Buffer
		require.NoError(t, json.Compact(&c, raw))
		keys = append(keys, fam.FiltersKey())
		arrays = append(arrays, c.Bytes())
	}
	require.NotEmpty(t, keys)
	return keys, arrays
}

func TestExamplesRoundTripByteForByte(t *testing.T) {
	t.Parallel()
	for _, file := range exampleFiles {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			keys, arrays := exampleFilters(t, file)
			var w Wire
			var obj []byte
			for i, key := range keys {
				handled, err := w.DecodeField(key, arrays[i])
				require.True(t, handled)
				require.NoError(t, err)
				got, err := appendFilters(nil, w.Filters(schema.Family(strings.TrimSuffix(key, "Filters"))))
				require.NoError(t, err)
				assert.Equal(t, string(arrays[i]), string(got), key)
				if i > 0 {
					obj = append(obj, ',')
				}
				obj = append(obj, `"`+key+`":`...)
				obj = append(obj, arrays[i]...)
			}
			obj = append(append([]byte{'{'}, obj...), '}')
			dec, err := DecodeWire(obj)
			require.NoError(t, err)
			assert.Equal(t, w, dec)
			enc, err := dec.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(obj), string(enc))
			require.NoError(t, dec.Validate())

			// encoding/json drives the hand-written methods too.
			var viaStd Wire
			require.NoError(t, json.Unmarshal(obj, &viaStd))
			assert.Equal(t, w, viaStd)
			std, err := json.Marshal(viaStd)
			require.NoError(t, err)
			assert.Equal(t, string(obj), string(std))
		})
	}
}

func TestExamplesNode(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"details-query-request.json": `conversationEnd exists and (tConversationDuration >= 1000 and tConversationDuration < 3.6e+06) and ` +
			`mediaType == "voice" and queueId in ("` + q1 + `", "` + q2 + `") and prop.customerTier:string == "gold"`,
		"job-create-request.json": `originatingDirection == "inbound" and mediaType in ("voice", "message") and oSurveyTotalScore >= 0`,
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			keys, arrays := exampleFilters(t, file)
			var w Wire
			for i, key := range keys {
				_, err := w.DecodeField(key, arrays[i])
				require.NoError(t, err)
			}
			n, err := w.Node()
			require.NoError(t, err)
			assert.Equal(t, want, n.String())
			c, err := Compile(n)
			require.NoError(t, err)
			got, err := c.MarshalJSON()
			require.NoError(t, err)
			checkGolden(t, "node_"+strings.TrimSuffix(file, ".json"), got)
		})
	}
}

func TestDecodeWireErrors(t *testing.T) {
	t.Parallel()
	const pred = `{"type":"dimension","dimension":"mediaType","value":"voice"}`
	tests := []struct {
		name, in, path, reason string
	}{
		{"not an object", `[]`, "", "want object, got array"},
		{"null", `null`, "", "want object, got null"},
		{"empty input", ``, "", "unexpected end of JSON input"},
		{"syntax", `{"segmentFilters":[{"type":"and",}]}`, "segmentFilters[0]", "invalid JSON"},
		{"trailing data", `{} {}`, "", "unexpected data after the value"},
		{"unknown top key", `{"filters":[]}`, "filters", "unknown key (want conversationFilters"},
		{"duplicate key", `{"segmentFilters":[],"segmentFilters":[]}`, "segmentFilters", "duplicate key"},
		{"filter null", `{"segmentFilters":[null]}`, "segmentFilters[0]", "want object, got null"},
		{"predicates null", `{"segmentFilters":[{"type":"and","predicates":null}]}`, "segmentFilters[0].predicates", "want array, got null"},
		{"bad literal", `{"segmentFilters":nul}`, "segmentFilters", "invalid JSON"},
		{"array wrong type", `{"segmentFilters":{}}`, "segmentFilters", "want array, got object"},
		{"filter wrong type", `{"segmentFilters":[1]}`, "segmentFilters[0]", "want object, got number"},
		{"filter unknown key", `{"segmentFilters":[{"type":"and","limit":1}]}`, "segmentFilters[0].limit", "unknown key"},
		{"filter bad type", `{"segmentFilters":[{"type":"xor"}]}`, "segmentFilters[0].type", `bad type "xor" (want and or or)`},
		{"filter type number", `{"segmentFilters":[{"type":1}]}`, "segmentFilters[0].type", "want string, got number"},
		{"clause nested", `{"segmentFilters":[{"type":"and","clauses":[{"type":"or","clauses":[]}]}]}`,
			"segmentFilters[0].clauses[0].clauses", "clauses do not nest"},
		{"clause bad type", `{"segmentFilters":[{"type":"and","clauses":[{"type":"AND"}]}]}`, "segmentFilters[0].clauses[0].type", `bad type "AND"`},
		{"bad operator", `{"segmentFilters":[{"type":"and","clauses":[{"type":"or","predicates":[` + pred + `,` +
			`{"dimension":"queueId","operator":"contains","value":"x"}]}]}]}`,
			"segmentFilters[0].clauses[0].predicates[1].operator", `bad operator "contains" (want matches, exists or notExists)`},
		{"bad predicate type", `{"conversationFilters":[{"type":"and","predicates":[{"type":"dim"}]}]}`,
			"conversationFilters[0].predicates[0].type", `bad type "dim" (want dimension, property or metric)`},
		{"bad propertyType", `{"segmentFilters":[{"type":"and","predicates":[{"type":"property","propertyType":"text"}]}]}`,
			"segmentFilters[0].predicates[0].propertyType", `bad propertyType "text"`},
		{"predicate unknown key", `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","values":["voice"]}]}]}`,
			"segmentFilters[0].predicates[0].values", "unknown key"},
		{"value not string", `{"segmentFilters":[{"type":"and","predicates":[{"dimension":"sipResponseCode","value":200}]}]}`,
			"segmentFilters[0].predicates[0].value", "want string, got number"},
		{"range not object", `{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":5}]}]}`,
			"conversationFilters[0].predicates[0].range", "want object, got number"},
		{"range unknown key", `{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":{"eq":5}}]}]}`,
			"conversationFilters[0].predicates[0].range.eq", "unknown key (want gt, gte, lt or lte)"},
		{"range string bound", `{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":{"gt":"5"}}]}]}`,
			"conversationFilters[0].predicates[0].range.gt", "want number, got string"},
		{"range huge", `{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":{"gt":1e999}}]}]}`,
			"conversationFilters[0].predicates[0].range.gt", "out of range"},
		{"range duplicate", `{"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","range":{"gt":1,"gt":2}}]}]}`,
			"conversationFilters[0].predicates[0].range.gt", "duplicate key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := DecodeWire([]byte(tt.in))
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
			assert.Contains(t, fe.Reason, tt.reason)
		})
	}
}

func TestDecodeField(t *testing.T) {
	t.Parallel()
	var w Wire
	handled, err := w.DecodeField("interval", []byte(`"2026-05-01T00:00:00Z/2026-05-02T00:00:00Z"`))
	assert.False(t, handled)
	assert.NoError(t, err)
	assert.True(t, w.IsZero())

	handled, err = w.DecodeField("surveyFilters", []byte(`[{"type":"and","predicates":[{"metric":"oSurveyTotalScore","range":{"gte":0}}]}]`))
	assert.True(t, handled)
	require.NoError(t, err)
	require.Len(t, w.SurveyFilters, 1)
	assert.False(t, w.IsZero())

	handled, err = w.DecodeField("segmentFilters", []byte(`[{"type":"nand"}]`))
	assert.True(t, handled)
	assert.EqualError(t, err, `filter: segmentFilters[0].type: bad type "nand" (want and or or)`)
	assert.Nil(t, w.SegmentFilters, "a failed decode leaves the array alone")

	handled, err = w.DecodeField("segmentFilters", []byte(` null `))
	assert.True(t, handled)
	require.NoError(t, err)
	assert.Nil(t, w.SegmentFilters)
	nw, err := DecodeWire([]byte(`{"segmentFilters":null,"surveyFilters" : null}`))
	require.NoError(t, err)
	assert.True(t, nw.IsZero())

	_, err = w.DecodeField("segmentFilters", []byte(`[] []`))
	assert.ErrorContains(t, err, "unexpected data after the value")

	assert.True(t, IsFiltersKey("resolutionFilters"))
	assert.False(t, IsFiltersKey("filters"))
}

func TestWireEncodingDetails(t *testing.T) {
	t.Parallel()
	w := Wire{
		ConversationFilters: []WireFilter{},
		SegmentFilters: []WireFilter{{Type: "and", Predicates: []WirePredicate{
			{Dimension: "wrapUpCode", Value: "a\"b\\c\n\t\x01<&>\u2028é"},
			{Metric: "tHandle", Range: &WireRange{Gt: fp(0.0000001), Lt: fp(1e21)}},
		}, Clauses: []WireClause{}}},
	}
	b, err := w.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"conversationFilters":[],"segmentFilters":[{"type":"and","predicates":[`+
		`{"dimension":"wrapUpCode","value":"a\"b\\c\n\t\u0001<&>\u2028é"},`+
		`{"metric":"tHandle","range":{"gt":1e-7,"lt":1e+21}}],"clauses":[]}]}`, string(b))
	dec, err := DecodeWire(b)
	require.NoError(t, err)
	assert.Equal(t, w, dec)

	_, err = Wire{SegmentFilters: []WireFilter{{Predicates: []WirePredicate{{Range: &WireRange{Gt: fp(nan())}}}}}}.MarshalJSON()
	assert.ErrorContains(t, err, "not a finite number")

	var p WirePredicate
	require.NoError(t, json.Unmarshal([]byte(`{"dimension":"queueId","operator":"exists"}`), &p))
	assert.Equal(t, WirePredicate{Dimension: "queueId", Operator: "exists"}, p)
	var c WireClause
	assert.Error(t, json.Unmarshal([]byte(`{"type":"or","x":1}`), &c))
	var r WireRange
	require.NoError(t, json.Unmarshal([]byte(`{"lte":-2.5}`), &r))
	assert.Equal(t, -2.5, *r.Lte)
	var f WireFilter
	assert.Error(t, json.Unmarshal([]byte(`{"type":"or"} x`), &f))
}

func nan() float64 {
	var z float64
	return z / z
}

func TestWireValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		errors [][2]string // path, reason substring
	}{
		{"valid", `{"conversationFilters":[{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"},` +
			`{"type":"metric","metric":"tHandle","operator":"matches","range":{"gt":1}}]}],` +
			`"segmentFilters":[{"type":"or","predicates":[{"type":"property","propertyType":"integer","property":"n","value":"3"}],` +
			`"clauses":[{"type":"and","predicates":[{"dimension":"queueId","value":"` + q1 + `"}]}]}]}`, nil},
		{"missing types and empties", `{"segmentFilters":[{"clauses":[{"predicates":[]}]},{"type":"and"}]}`, [][2]string{
			{"segmentFilters[0]", "filter has no type"},
			{"segmentFilters[0].clauses[0]", "clause has no type"},
			{"segmentFilters[0].clauses[0]", "clause has no predicates"},
			{"segmentFilters[1]", "filter has no predicates or clauses"},
		}},
		{"names", `{"segmentFilters":[{"type":"and","predicates":[` +
			`{"dimension":"wrapupcode","value":"x"},` +
			`{"dimension":"tHandle"},` +
			`{"metric":"mediaType"},` +
			`{"dimension":"originatingDirection","value":"inbound"},` +
			`{"type":"metric","dimension":"queueId"},` +
			`{"dimension":"queueId","metric":"tSegmentDuration"},` +
			`{"value":"x"},` +
			`{"dimension":"queueId","propertyType":"string","value":"x"},` +
			`{"property":"tier","value":"gold"}` +
			`]}],"conversationFilters":[{"type":"and","predicates":[{"property":"tier","propertyType":"string","value":"x"}]}]}`, [][2]string{
			{"conversationFilters[0].predicates[0]", "custom properties exist on segments only"},
			{"segmentFilters[0].predicates[0]", "unknown segment dimension; did you mean wrapUpCode?"},
			{"segmentFilters[0].predicates[1]", "it belongs in conversationFilters (as a metric)"},
			{"segmentFilters[0].predicates[2]", "not a metric but a dimension of segment"},
			{"segmentFilters[0].predicates[3]", "it belongs in conversationFilters"},
			{"segmentFilters[0].predicates[4]", `type "metric" does not match the dimension key`},
			{"segmentFilters[0].predicates[5]", "names both dimension and metric"},
			{"segmentFilters[0].predicates[6]", "names no dimension, metric or property"},
			{"segmentFilters[0].predicates[7]", "propertyType applies to property predicates only"},
			{"segmentFilters[0].predicates[8]", "property needs a propertyType"},
		}},
		{"values and operators", `{"segmentFilters":[{"type":"and","predicates":[` +
			`{"dimension":"mediaType","value":"fax"},` +
			`{"dimension":"queueId","operator":"exists","value":"` + q1 + `"},` +
			`{"metric":"tSegmentDuration","value":"5"},` +
			`{"dimension":"mediaType","range":{"gt":1}},` +
			`{"metric":"tSegmentDuration","range":{}},` +
			`{"metric":"tSegmentDuration","range":{"gt":5,"lt":1}},` +
			`{"dimension":"queueId"}` +
			`]}]}`, [][2]string{
			{"segmentFilters[0].predicates[0]", `bad value "fax"`},
			{"segmentFilters[0].predicates[1]", `operator "exists" takes no value`},
			{"segmentFilters[0].predicates[2]", "a metric takes a range, not a value"},
			{"segmentFilters[0].predicates[3]", "takes a value, not a range"},
			{"segmentFilters[0].predicates[4]", "range has no bound"},
			{"segmentFilters[0].predicates[5]", "lower bound 5 is above upper bound 1"},
			{"segmentFilters[0].predicates[6]", "missing value"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w, err := DecodeWire([]byte(tt.in))
			require.NoError(t, err)
			got := fieldErrors(t, w.Validate())
			require.Len(t, got, len(tt.errors), "errors: %v", got)
			for i, e := range tt.errors {
				assert.Equal(t, e[0], got[i].Path, "error %d", i)
				assert.Contains(t, got[i].Reason, e[1], "error %d", i)
			}
			n, err := w.Node()
			if len(tt.errors) > 0 {
				assert.Error(t, err)
				assert.Nil(t, n)
			} else {
				require.NoError(t, err)
				_, err = Compile(n)
				assert.NoError(t, err)
			}
		})
	}
}

func TestWireNodeEmpty(t *testing.T) {
	t.Parallel()
	n, err := Wire{}.Node()
	assert.NoError(t, err)
	assert.Nil(t, n)
	assert.True(t, Wire{}.IsZero())
	assert.Nil(t, Wire{}.Filters("nope"))
}

func TestWireNodeSeveralSegmentElements(t *testing.T) {
	t.Parallel()
	w, err := DecodeWire([]byte(`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"}]},` +
		`{"type":"and","predicates":[{"dimension":"mediaType","value":"email"}]}],` +
		`"conversationFilters":[{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]},` +
		`{"type":"or","predicates":[{"metric":"tHandle","range":{"gt":1}},{"metric":"tTalk","range":{"gt":1}}]}]}`))
	require.NoError(t, err)
	require.NoError(t, w.Validate())
	_, err = w.Node()
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "segmentFilters[1]", fe.Path)

	// Several conversation elements are fine: they hold on the conversation.
	w.SegmentFilters = nil
	n, err := w.Node()
	require.NoError(t, err)
	assert.Equal(t, `conversationEnd exists and (tHandle > 1 or tTalk > 1)`, n.String())
}

func TestDecodeStringsLikeEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, lit := range []string{
		`"plain"`, `""`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u00E9é"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`,
		`"\ude00\ud83d"`, `"\ud83d\u0041"`, "\"\xff\xfe\"", "\"caf\xc3\"", `"\u0000"`, "\"\u2028\"",
	} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want), lit)
		d := newDecoder([]byte(lit))
		got, err := d.str()
		require.NoError(t, err, lit)
		assert.Equal(t, want, got, lit)
		require.NoError(t, d.end())
		// and it writes back to the same string
		var again string
		require.NoError(t, json.Unmarshal(appendString(nil, got), &again))
		assert.Equal(t, got, again)
	}
	for _, bad := range []string{`"abc`, `"a\x"`, `"\u12"`, "\"a\nb\"", `"\`, `"\u00zz"`} {
		_, err := newDecoder([]byte(bad)).str()
		assert.Error(t, err, bad)
	}
	for _, bad := range []string{`-`, `01`, `1.`, `1e`, `.5`, `-a`, `1e+`} {
		d := newDecoder([]byte(bad))
		_, err := d.number()
		if err == nil {
			err = d.end()
		}
		assert.Error(t, err, bad)
	}
	for lit, want := range map[string]float64{`0`: 0, `-0.5`: -0.5, `1E3`: 1000, `12.5e-1`: 1.25, `3600000`: 3600000} {
		v, err := newDecoder([]byte(lit)).number()
		require.NoError(t, err, lit)
		assert.Equal(t, want, v, lit)
	}
}

func TestWirePredicateResolve(t *testing.T) {
	t.Parallel()
	p, err := WirePredicate{Dimension: "queueId", Value: q1}.Resolve(schema.Evaluation)
	require.NoError(t, err)
	assert.Equal(t, schema.Ref(schema.EvaluationQueueID), p.Ref())
	assert.Equal(t, schema.Matches, p.Operator())
	v, ok := p.Value()
	assert.True(t, ok)
	assert.Equal(t, q1, v)

	p, err = WirePredicate{Type: "metric", Metric: "tHandle", Range: &WireRange{Gte: fp(5)}}.Resolve(schema.Conversation)
	require.NoError(t, err)
	r, ok := p.Range()
	require.True(t, ok)
	assert.Equal(t, 5.0, *r.Gte)

	_, err = WirePredicate{Dimension: "queueId", Value: "x"}.Resolve(schema.Segment)
	assert.ErrorContains(t, err, "not a uuid")
	_, err = WirePredicate{Dimension: "tHandle"}.Resolve(schema.Segment)
	assert.ErrorContains(t, err, "belongs in conversationFilters")
}
