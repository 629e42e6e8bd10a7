package genesys_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/interactiondata/gcdata/genesys"
)

// A tiny stand-in for the API (genesystest is the full fake): a token
// endpoint and one resource.
func exampleServer() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /oauth/token", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"access_token":"example-token","token_type":"bearer","expires_in":86400}`)
	})
	mux.HandleFunc("GET /api/v2/analytics/conversations/details/jobs/availability", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ININ-Correlation-Id", "corr-1")
		fmt.Fprint(w, `{"dataAvailabilityDate":"2026-11-02T09:00:00.000Z"}`)
	})
	mux.HandleFunc("GET /api/v2/analytics/conversations/{id}/details", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("ININ-Correlation-Id", "corr-2")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"The requested resource was not found.","code":"not.found","status":404}`)
	})
	return httptest.NewServer(mux)
}

func ExampleNew() {
	srv := exampleServer()
	defer srv.Close()

	ctx := context.Background()
	c, err := genesys.New(ctx,
		genesys.WithBaseURL(srv.URL), // or genesys.WithRegion("us_east_1")
		genesys.WithCredentials("my-client-id", "my-client-secret"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}

	var avail struct {
		DataAvailabilityDate string `json:"dataAvailabilityDate"`
	}
	resp, err := c.Do(ctx, genesys.Request{
		Path:      "/api/v2/analytics/conversations/details/jobs/availability",
		Operation: "jobs availability",
	}, &avail)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(avail.DataAvailabilityDate, resp.CorrelationID)

	_, err = c.Do(ctx, genesys.Request{
		Path:      "/api/v2/analytics/conversations/abc/details",
		Operation: "conversation lookup",
	}, nil)
	var apiErr *genesys.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.CorrelationID, errors.Is(err, genesys.ErrNotFound))
	}
	fmt.Println(err)
	// Output:
	// 2026-11-02T09:00:00.000Z corr-1
	// 404 corr-2 true
	// genesys: conversation lookup: 404 not.found: The requested resource was not found. (correlation id corr-2)
}

func ExampleEnvOptions() {
	// Programs pass os.LookupEnv; a map stands in for the environment here.
	env := map[string]string{
		"GENESYS_CLIENT_ID":     "my-client-id",
		"GENESYS_CLIENT_SECRET": "my-client-secret",
		"GENESYS_REGION":        "eu-west-1",
	}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	opts, err := genesys.EnvOptions(lookup)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := genesys.New(context.Background(), opts...)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.BaseURL(), c.TokenURL())

	// With nothing set, the error names every missing variable.
	_, err = genesys.EnvOptions(func(string) (string, bool) { return "", false })
	fmt.Println(err)
	// Output:
	// https://api.mypurecloud.ie https://login.mypurecloud.ie/oauth/token
	// genesys: GENESYS_CLIENT_ID is not set
	// genesys: GENESYS_CLIENT_SECRET is not set
	// genesys: neither GENESYS_REGION nor GENESYS_BASE_URL is set
}

func ExampleHasEnvCredentials() {
	if !genesys.HasEnvCredentials(os.LookupEnv) {
		fmt.Println("no GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET: using the fake (genesystest)")
		return
	}
	fmt.Println("using the real API")
}
