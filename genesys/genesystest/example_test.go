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
