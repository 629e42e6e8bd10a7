package genesystest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
)

func ExampleNewServer() {
	now := time.Date(2026, 5, 15, 10, 30, 0, 0, time.UTC)
	s := genesystest.NewServer(
		genesystest.WithSeed(42),
		genesystest.WithConversations(1000),
		genesystest.WithClock(func() time.Time { return now }),
	)
	defer s.Close()

	ctx := context.Background()
	c, err := genesys.New(ctx, s.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	var page struct {
		TotalHits int `json:"totalHits"`
	}
	_, err = c.Do(ctx, genesys.Request{
		Method: "POST",
		Path:   "/api/v2/analytics/conversations/details/query",
		Body: map[string]any{
			"interval": "2026-05-10T00:00:00.000Z/2026-05-11T00:00:00.000Z",
			"paging":   map[string]int{"pageSize": 1, "pageNumber": 1},
		},
		Operation: "details query",
	}, &page)
	if err != nil {
		fmt.Println(err)
		return
	}
	ids, _ := s.ConversationIDs(
		time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC),
		filter.Wire{})
	fmt.Println(page.TotalHits == len(ids), len(ids) > 0)
	// Output: true true
}

// ExampleServer_AddRules scripts faults: the next two availability requests
// are rate limited, and the job results of every job are cut mid-body once.
func ExampleServer_AddRules() {
	s := genesystest.NewServer(genesystest.WithConversations(100))
	defer s.Close()
	err := s.AddRules(
		genesystest.Rule{
			Method: "GET", Path: "/api/v2/analytics/conversations/details/jobs/availability",
			Times: 2, Status: 429, Header: map[string][]string{"Retry-After": {"0"}},
		},
		genesystest.Rule{
			Path:   "/api/v2/analytics/conversations/details/jobs/*/results",
			Action: genesystest.ResetMidBody,
		},
	)
	fmt.Println(err)

	ctx := context.Background()
	c, _ := genesys.New(ctx, s.ClientOptions()...)
	resp, err := c.Do(ctx, genesys.Request{Method: "GET",
		Path: "/api/v2/analytics/conversations/details/jobs/availability", Operation: "availability"}, nil)
	fmt.Println(resp.Attempts, err, s.Stats().ByStatus[429])
	// Output:
	// <nil>
	// 3 <nil> 2
}
