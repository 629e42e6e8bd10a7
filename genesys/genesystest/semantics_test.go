package genesystest

import (
	"runtime"
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFilterSemanticsAgainstBruteForce checks the evaluator against
// straightforward checks written over the genesys model, for the rules
// package filter documents.
func TestFilterSemanticsAgainstBruteForce(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithSeed(3))
	cat := s.Catalog()
	q0 := cat.Queues[0].ID
	a := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)
	b := a.Add(24 * time.Hour)
	all, err := s.ConversationIDs(a, b, filter.Wire{})
	require.NoError(t, err)
	convs := make([]genesys.Conversation, 0, len(all))
	for _, id := range all {
		c, ok := s.Conversation(id)
		require.True(t, ok)
		convs = append(convs, c)
	}
	anySegment := func(c genesys.Conversation, f func(p genesys.Participant, s genesys.Session, g genesys.Segment) bool) bool {
		for _, p := range c.Participants {
			for _, ss := range p.Sessions {
				for _, g := range ss.Segments {
					if f(p, ss, g) {
						return true
					}
				}
			}
		}
		return false
	}
	anyMetric := func(c genesys.Conversation, name string, f func(v int64) bool) bool {
		for _, p := range c.Participants {
			for _, ss := range p.Sessions {
				for _, m := range ss.Metrics {
					if m.Name == name && f(m.Value) {
						return true
					}
				}
			}
		}
		return false
	}
	tests := []struct {
		name  string
		wire  string
		brute func(c genesys.Conversation) bool
	}{
		{"one element: same segment (queue and hold)",
			`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"queueId","value":"` + q0 + `"},{"dimension":"segmentType","value":"hold"}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(_ genesys.Participant, _ genesys.Session, g genesys.Segment) bool {
					return g.QueueID == q0 && g.Type == "hold"
				})
			}},
		{"two elements: any segments (queue, hold)",
			`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"queueId","value":"` + q0 + `"}]},{"type":"and","predicates":[{"dimension":"segmentType","value":"hold"}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(_ genesys.Participant, _ genesys.Session, g genesys.Segment) bool { return g.QueueID == q0 }) &&
					anySegment(c, func(_ genesys.Participant, _ genesys.Session, g genesys.Segment) bool { return g.Type == "hold" })
			}},
		{"participant and session fields come from the segment's own",
			`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"purpose","value":"acd"},{"dimension":"mediaType","value":"email"},{"metric":"tSegmentDuration","range":{"gte":60000}}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(p genesys.Participant, ss genesys.Session, g genesys.Segment) bool {
					return p.Purpose == "acd" && ss.MediaType == "email" && g.End.Sub(g.Start) >= time.Minute
				})
			}},
		{"or with a clause",
			`{"segmentFilters":[{"type":"or","predicates":[{"dimension":"wrapUpCode","value":"Sale"}],"clauses":[{"type":"and","predicates":[{"dimension":"disconnectType","value":"client"},{"dimension":"purpose","value":"agent"}]}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(p genesys.Participant, _ genesys.Session, g genesys.Segment) bool {
					return g.WrapUpCode == "Sale" || (g.DisconnectType == "client" && p.Purpose == "agent")
				})
			}},
		{"notExists on a segment: some segment lacks it",
			`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"purpose","value":"agent"},{"dimension":"wrapUpCode","operator":"notExists"}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(p genesys.Participant, _ genesys.Session, g genesys.Segment) bool {
					return p.Purpose == "agent" && g.WrapUpCode == ""
				})
			}},
		{"property",
			`{"segmentFilters":[{"type":"and","predicates":[{"type":"property","propertyType":"string","property":"customerTier","value":"platinum"},{"dimension":"segmentType","value":"wrapup"}]}]}`,
			func(c genesys.Conversation) bool {
				return anySegment(c, func(_ genesys.Participant, _ genesys.Session, g genesys.Segment) bool {
					for _, pr := range g.Properties {
						if pr.Property == "customerTier" && pr.Value == "platinum" && g.Type == "wrapup" {
							return true
						}
					}
					return false
				})
			}},
		{"conversation metric: any session metric",
			`{"conversationFilters":[{"type":"and","predicates":[{"metric":"tAcw","range":{"gte":60000,"lt":120000}}]}]}`,
			func(c genesys.Conversation) bool {
				return anyMetric(c, "tAcw", func(v int64) bool { return v >= 60000 && v < 120000 })
			}},
		{"conversation metric exists and dimension",
			`{"conversationFilters":[{"type":"or","predicates":[{"metric":"tAbandon","operator":"exists"},{"dimension":"originatingDirection","value":"outbound"}]}]}`,
			func(c genesys.Conversation) bool {
				return anyMetric(c, "tAbandon", func(int64) bool { return true }) || c.OriginatingDirection == "outbound"
			}},
		{"conversation time interval",
			`{"conversationFilters":[{"type":"and","predicates":[{"dimension":"conversationEnd","value":"2026-05-10T06:00:00Z/2026-05-10T07:00:00Z"}]}]}`,
			func(c genesys.Conversation) bool {
				return !c.End.Before(a.Add(6*time.Hour)) && c.End.Before(a.Add(7*time.Hour))
			}},
		{"evaluation on one evaluation",
			`{"evaluationFilters":[{"type":"and","predicates":[{"dimension":"queueId","value":"` + q0 + `"},{"metric":"oTotalScore","range":{"gte":75}}]}]}`,
			func(c genesys.Conversation) bool {
				for _, e := range c.Evaluations {
					if e.QueueID == q0 && e.OTotalScore >= 75 {
						return true
					}
				}
				return false
			}},
		{"resolution metric",
			`{"resolutionFilters":[{"type":"and","predicates":[{"metric":"nNextContactAvoided","range":{"gte":1}}]}]}`,
			func(c genesys.Conversation) bool {
				for _, r := range c.Resolutions {
					if r.NNextContactAvoided >= 1 {
						return true
					}
				}
				return false
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := s.ConversationIDs(a, b, wireOf(t, tt.wire))
			require.NoError(t, err)
			var want []string
			for _, c := range convs {
				if tt.brute(c) {
					want = append(want, c.ID)
				}
			}
			assert.Equal(t, want, got)
			assert.NotEmpty(t, want, "the filter should match something")
			assert.Less(t, len(want), len(all), "the filter should not match everything")
		})
	}
}

// TestMillionConversationsCostLittleMemory is not parallel: it measures the
// heap.
func TestMillionConversationsCostLittleMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := NewServer(WithConversations(1_000_000), WithClock(func() time.Time { return testNow }))
	defer s.Close()
	tok := getToken(t, s)
	p := decodePage(t, call(t, s, tok, "POST", queryPath,
		`{"interval":"2026-05-08T00:00:00Z/2026-05-11T00:00:00Z","paging":{"pageSize":100,"pageNumber":900}}`))
	assert.Len(t, p.Conversations, 100)
	assert.Greater(t, p.TotalHits, 200000)
	last, _, ok := s.ConversationAt(999_999)
	require.True(t, ok)
	assert.Equal(t, 200, call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+last+"/details", "").status)
	id := createJob(t, s, tok, `{"interval":"2026-05-10T00:00:00Z/2026-05-10T00:10:00Z"}`)
	waitFulfilled(t, s, tok, id)
	assert.NotEmpty(t, readAll(t, s, tok, id, 1000))
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap grew by %d bytes", grew)
	assert.Less(t, grew, int64(2<<20), "the server must not hold per-conversation state")
	runtime.KeepAlive(s)
}

// TestCatalogMatchesTheData checks that every catalog value the tests and
// examples may filter on occurs in the data (one pass over the generator).
func TestCatalogMatchesTheData(t *testing.T) {
	t.Parallel()
	s := newTest(t, WithConversations(20000))
	cat := s.Catalog()
	seen := map[string]bool{}
	for k := s.grid.first; k < s.grid.last; k++ {
		c := s.gen.conversation(k, true, 0)
		for _, d := range c.divisionIDs {
			seen["division:"+d] = true
		}
		for _, p := range c.participants {
			seen["user:"+p.userID] = true
			for _, a := range p.attributes {
				seen["attr:"+a.k] = true
			}
			for _, ss := range p.sessions {
				seen["media:"+ss.mediaType] = true
				for _, m := range ss.metrics {
					seen["metric:"+m.name] = true
				}
				for _, g := range ss.segments {
					seen["queue:"+g.queueID] = true
					seen["wrap:"+g.wrapUpCode] = true
					for _, pr := range g.properties {
						seen["tier:"+pr.value] = true
					}
				}
			}
		}
	}
	var want []string
	for _, q := range cat.Queues {
		want = append(want, "queue:"+q.ID)
	}
	for _, w := range cat.WrapUpCodes {
		want = append(want, "wrap:"+w)
	}
	for _, m := range cat.MediaTypes {
		want = append(want, "media:"+m)
	}
	for _, u := range cat.Users {
		want = append(want, "user:"+u.ID)
	}
	for _, d := range cat.Divisions {
		want = append(want, "division:"+d.ID)
	}
	for _, m := range cat.SessionMetrics {
		want = append(want, "metric:"+m)
	}
	for _, tier := range cat.CustomerTiers {
		want = append(want, "tier:"+tier)
	}
	for _, a := range cat.AttributeKeys {
		want = append(want, "attr:"+a)
	}
	for _, w := range want {
		assert.True(t, seen[w], w)
	}
}
