package genesystest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStrictBadRequests(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithLimits(Limits{MaxConcurrentJobs: 100}))
	tok := getToken(t, s)
	const day = `"interval":"2026-05-10T00:00:00.000Z/2026-05-11T00:00:00.000Z"`
	const voice = `"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"}]}]`
	tests := []struct {
		name, path, body string
		want             string // substring of the message; "" means the request must succeed
	}{
		{"ok query", queryPath, `{` + day + `}`, ""},
		{"ok job", jobsPath, `{` + day + `,"limit":5,"startOfDayIntervalMatching":true}`, ""},
		{"not json", queryPath, `{"interval":`, "not valid JSON"},
		{"array body", queryPath, `[]`, "must be a JSON object"},
		{"trailing data", queryPath, `{` + day + `} {}`, "unexpected data"},
		{"unknown field", queryPath, `{` + day + `,"intervall":"x"}`, `Unrecognized field "intervall"`},
		{"case matters", queryPath, `{"Interval":"2026-05-10T00:00:00Z/2026-05-11T00:00:00Z"}`, `Unrecognized field "Interval"`},
		{"duplicate key", queryPath, `{` + day + `,` + day + `}`, "duplicate key"},
		{"missing interval", queryPath, `{"order":"asc"}`, "interval is required"},
		{"interval not a string", queryPath, `{"interval":7}`, "interval must be a string"},
		{"interval null", queryPath, `{"interval":null}`, "interval must be a string"},
		{"interval garbage", queryPath, `{"interval":"yesterday"}`, "Invalid value for interval"},
		{"interval reversed", queryPath, `{"interval":"2026-05-11T00:00:00Z/2026-05-10T00:00:00Z"}`, "end is not after the start"},
		{"interval 8 days unfiltered", queryPath, `{"interval":"2026-05-01T00:00:00Z/2026-05-09T00:00:00Z"}`, "at most 7 days without filters"},
		{"interval 7 days unfiltered", queryPath, `{"interval":"2026-05-01T00:00:00Z/2026-05-08T00:00:00Z"}`, ""},
		{"interval 20 days filtered", queryPath, `{"interval":"2026-04-20T00:00:00Z/2026-05-10T00:00:00Z",` + voice + `}`, ""},
		{"interval 32 days filtered", queryPath, `{"interval":"2026-04-01T00:00:00Z/2026-05-03T00:00:00Z",` + voice + `}`, "at most 31 days with filters"},
		{"job interval 60 days", jobsPath, `{"interval":"2026-03-01T00:00:00Z/2026-04-30T00:00:00Z"}`, ""},
		{"unknown dimension", queryPath, `{` + day + `,"segmentFilters":[{"type":"and","predicates":[{"dimension":"wrapupcode","value":"Sale"}]}]}`, "did you mean wrapUpCode"},
		{"dimension of other family", queryPath, `{` + day + `,"conversationFilters":[{"type":"and","predicates":[{"dimension":"queueId","value":"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"}]}]}`, "segmentFilters"},
		{"bad operator", queryPath, `{` + day + `,"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","operator":"equals","value":"voice"}]}]}`, "operator"},
		{"bad enum value", queryPath, `{` + day + `,"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"pigeon"}]}]}`, "pigeon"},
		{"bad uuid value", queryPath, `{` + day + `,"segmentFilters":[{"type":"and","predicates":[{"dimension":"queueId","value":"support"}]}]}`, "queueId"},
		{"metric with matches value", queryPath, `{` + day + `,"conversationFilters":[{"type":"and","predicates":[{"metric":"tHandle","value":"5"}]}]}`, "tHandle"},
		{"bad filter type", queryPath, `{` + day + `,"segmentFilters":[{"type":"xor","predicates":[{"dimension":"mediaType","value":"voice"}]}]}`, "segmentFilters[0].type"},
		{"unknown predicate key", queryPath, `{` + day + `,"segmentFilters":[{"type":"and","predicates":[{"dim":"mediaType"}]}]}`, "segmentFilters[0].predicates[0].dim"},
		{"filters not an array", queryPath, `{` + day + `,"segmentFilters":{}}`, "segmentFilters"},
		{"paging missing pageNumber", queryPath, `{` + day + `,"paging":{"pageSize":10}}`, "both pageSize and pageNumber"},
		{"paging unknown key", queryPath, `{` + day + `,"paging":{"pageSize":10,"pageNumber":1,"page":2}}`, `"paging.page"`},
		{"page size over max", queryPath, `{` + day + `,"paging":{"pageSize":101,"pageNumber":1}}`, "between 1 and 100"},
		{"page size zero", queryPath, `{` + day + `,"paging":{"pageSize":0,"pageNumber":1}}`, "between 1 and 100"},
		{"page size not integer", queryPath, `{` + day + `,"paging":{"pageSize":1.5,"pageNumber":1}}`, "must be an integer"},
		{"page size string", queryPath, `{` + day + `,"paging":{"pageSize":"10","pageNumber":1}}`, "must be an integer"},
		{"page number zero", queryPath, `{` + day + `,"paging":{"pageSize":10,"pageNumber":0}}`, "at least 1"},
		{"deep paging", queryPath, `{` + day + `,"paging":{"pageSize":100,"pageNumber":1001}}`, "Pagination may not exceed 100000 results."},
		{"deep paging at the cap", queryPath, `{` + day + `,"paging":{"pageSize":100,"pageNumber":1000}}`, ""},
		{"bad order", queryPath, `{` + day + `,"order":"up"}`, "Invalid value for order"},
		{"bad orderBy", queryPath, `{` + day + `,"orderBy":"queueId"}`, "Invalid value for orderBy"},
		{"limit on query", queryPath, `{` + day + `,"limit":10}`, `"limit": it is not accepted by the conversation details query`},
		{"startOfDay on query", queryPath, `{` + day + `,"startOfDayIntervalMatching":true}`, "not accepted by the conversation details query"},
		{"filters key on query", queryPath, `{` + day + `,"filters":[]}`, `Unrecognized field "filters"`},
		{"paging on job", jobsPath, `{` + day + `,"paging":{"pageSize":10,"pageNumber":1}}`, `"paging": it is not accepted by the conversation details job request`},
		{"aggregations on job", jobsPath, `{` + day + `,"aggregations":[]}`, "not accepted by the conversation details job request"},
		{"job limit not integer", jobsPath, `{` + day + `,"limit":"5"}`, "limit must be an integer"},
		{"job startOfDay not bool", jobsPath, `{` + day + `,"startOfDayIntervalMatching":"yes"}`, "must be a boolean"},
		{"aggregation unknown dimension", queryPath, `{` + day + `,"aggregations":[{"type":"termFrequency","dimension":"colour"}]}`, "unknown dimension"},
		{"aggregation unknown key", queryPath, `{` + day + `,"aggregations":[{"type":"termFrequency","dimension":"mediaType","top":3}]}`, "aggregations[0].top"},
		{"aggregation bad type", queryPath, `{` + day + `,"aggregations":[{"type":"histogram","dimension":"mediaType"}]}`, "termFrequency or numericRange"},
		{"numericRange without ranges", queryPath, `{` + day + `,"aggregations":[{"type":"numericRange","metric":"tHandle"}]}`, "needs a metric, ranges"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, s, tok, "POST", tt.path, tt.body)
			if tt.want == "" {
				assert.Less(t, r.status, 300, string(r.body))
				return
			}
			assert.Equal(t, http.StatusBadRequest, r.status, string(r.body))
			m := r.json(t)
			assert.Equal(t, "bad.request", m["code"])
			assert.EqualValues(t, 400, m["status"])
			assert.Contains(t, m["message"], tt.want)
			assert.Equal(t, r.header.Get("ININ-Correlation-Id"), m["contextId"])
			assert.Equal(t, map[string]any{}, m["messageParams"])
			assert.Equal(t, []any{}, m["details"])
			assert.Equal(t, []any{}, m["errors"])
		})
	}
}

func TestRequestBodyLimits(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	tok := getToken(t, s)
	big := `{"interval":"` + strings.Repeat("x", maxBodyBytes) + `"}`
	assert.Equal(t, http.StatusRequestEntityTooLarge, call(t, s, tok, "POST", queryPath, big).status)

	req, _ := http.NewRequestWithContext(t.Context(), "POST", s.URL()+queryPath, strings.NewReader("interval=x"))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusUnsupportedMediaType, send(t, req).status)
}
