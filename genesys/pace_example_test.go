package genesys_test

import (
	"context"
	"fmt"

	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
)

// One pacer per client, shared by every goroutine using the client. Here the
// fake allows 20 requests per second and says so in its inin-ratelimit-*
// headers (1200 per minute); the pacer starts at 5 per second and runs at
// the advertised limit from the first response on.
func ExampleNewAdaptivePacer() {
	srv := genesystest.NewServer(genesystest.WithFaults(genesystest.Faults{RateLimit: 20}))
	defer srv.Close()

	ctx := context.Background()
	pacer := genesys.NewAdaptivePacer() // or genesys.NewFixedPacer(20, 1) if you know the limit
	c, err := genesys.New(ctx, append(srv.ClientOptions(), genesys.WithPacer(pacer))...)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.CloseIdleConnections()
	fmt.Printf("before: %.0f requests/s\n", pacer.Rate())

	_, err = c.Do(ctx, genesys.Request{
		Path:      "/api/v2/analytics/conversations/details/jobs/availability",
		Operation: "jobs availability",
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := pacer.Stats()
	fmt.Printf("after: %.0f requests/s, %d throttled\n", st.Rate, st.Throttled)
	// Output:
	// before: 5 requests/s
	// after: 20 requests/s, 0 throttled
}
