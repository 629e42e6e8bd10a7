package genesystest

import (
	"testing"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLiveData(t *testing.T) {
	t.Parallel()
	clk := newFakeClock(testNow) // 10:30; the period runs to 12:00 today
	dayStart := time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)
	s := newTest(t, WithClock(clk.Now), WithLiveData(), WithConversations(2000),
		WithPeriod(dayStart.Add(-6*24*time.Hour), dayStart.Add(12*time.Hour)))
	tok := getToken(t, s)
	body := `{"interval":"2026-05-15T00:00:00Z/2026-05-16T00:00:00Z","paging":{"pageSize":100,"pageNumber":%d}}`
	readDay := func() page {
		var all page
		for n := 1; ; n++ {
			p := decodePage(t, call(t, s, tok, "POST", queryPath, sprintf(body, n)))
			if len(p.Conversations) == 0 {
				return all
			}
			all.TotalHits = p.TotalHits
			all.Conversations = append(all.Conversations, p.Conversations...)
		}
	}
	before := readDay()
	require.NotEmpty(t, before.Conversations)
	ongoing := 0
	for _, c := range before.Conversations {
		st := mustTime(t, c.ConversationStart)
		assert.False(t, st.After(clk.Now()), "a conversation that has not started is invisible")
		if c.ConversationEnd == "" {
			ongoing++
			id := c.ConversationID
			js, ok := s.ConversationJSON(id)
			require.True(t, ok)
			assert.NotContains(t, string(js), `"conversationEnd"`)
			assert.NotContains(t, string(js), `"evaluations"`)
		}
	}
	assert.Positive(t, ongoing)
	ended, err := s.ConversationIDs(dayStart, dayStart.Add(24*time.Hour),
		wireOf(t, `{"conversationFilters":[{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]}]}`))
	require.NoError(t, err)
	assert.Equal(t, len(before.Conversations)-ongoing, len(ended))
	all, err := s.ConversationIDs(dayStart, dayStart.Add(24*time.Hour), filter.Wire{})
	require.NoError(t, err)
	assert.Equal(t, before.ids(), all)

	// A conversation that starts later is unknown until then.
	var future string
	for i := s.Len() - 1; i >= 0; i-- {
		id, st, _ := s.ConversationAt(i)
		if st.After(clk.Now()) {
			future = id
		} else {
			break
		}
	}
	require.NotEmpty(t, future)
	assert.Equal(t, 404, call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+future+"/details", "").status)

	clk.Advance(4 * time.Hour) // 14:30: the period is over and everything has ended
	tok = getToken(t, s)
	after := readDay()
	assert.Greater(t, after.TotalHits, before.TotalHits)
	for _, c := range after.Conversations {
		assert.NotEmpty(t, c.ConversationEnd)
	}
	assert.Equal(t, 200, call(t, s, tok, "GET", "/api/v2/analytics/conversations/"+future+"/details", "").status)
}

func TestCutAtKeepsOnlyThePast(t *testing.T) {
	t.Parallel()
	s := newTest(t)
	r := newRNG(8, 8, 8)
	for k := s.grid.first; k < s.grid.first+500; k++ {
		full := s.gen.conversation(k, true, 0)
		at := r.between(full.start, full.end-1)
		c := s.gen.conversation(k, true, at)
		require.Zero(t, c.end)
		require.NotEmpty(t, c.participants)
		open := 0
		for _, p := range c.participants {
			require.NotEmpty(t, p.sessions)
			for _, ss := range p.sessions {
				require.NotEmpty(t, ss.segments)
				for _, g := range ss.segments {
					require.LessOrEqual(t, g.start, at)
					require.LessOrEqual(t, g.end, at)
					if g.end == 0 {
						open++
					}
				}
				for _, m := range ss.metrics {
					require.LessOrEqual(t, m.emit, at)
				}
			}
		}
		require.Positive(t, open, "some segment is in progress")
		assert.Equal(t, full.id, c.id)
	}
}
