package genesys

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestAPIErrorFromFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file     string
		status   int
		sentinel error
		code     string
	}{
		{"error-400.json", 400, ErrBadRequest, "bad.request"},
		{"error-401.json", 401, ErrUnauthorized, "authentication.required"},
		{"error-404.json", 404, ErrNotFound, "not.found"},
		{"error-429.json", 429, ErrRateLimited, "too.many.requests.retry.after"},
		{"error-503.json", 503, ErrServer, "service.unavailable"},
	}
	texts := map[string]string{}
	for _, tt := range tests {
		body := fixture(t, tt.file)
		s := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(tt.status)
			_, _ = w.Write(body)
		})
		c, _ := newTestClient(t, s, WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
		resp, err := c.Do(t.Context(), Request{Path: "/api/v2/x", Operation: "details query"}, nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr, tt.file)
		assert.ErrorIs(t, err, tt.sentinel)
		for _, other := range []error{ErrBadRequest, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrRateLimited, ErrServer, ErrAmbiguous} {
			if other != tt.sentinel {
				assert.NotErrorIs(t, err, other, tt.file)
			}
		}
		var raw struct {
			Message   string `json:"message"`
			ContextID string `json:"contextId"`
		}
		require.NoError(t, json.Unmarshal(body, &raw))
		assert.Equal(t, tt.status, apiErr.StatusCode)
		assert.Equal(t, tt.code, apiErr.Code)
		assert.Equal(t, raw.Message, apiErr.Message)
		assert.Equal(t, raw.ContextID, apiErr.CorrelationID, "contextId when the header is missing")
		assert.Equal(t, "details query", apiErr.Operation)
		assert.Nil(t, apiErr.Details)
		require.NotNil(t, resp)
		assert.Equal(t, tt.status, resp.StatusCode)
		texts[tt.file] = err.Error()
	}
	// Hand-built errors cover the remaining formatting branches.
	texts["no body"] = (&APIError{Operation: "lookup", StatusCode: 502}).Error()
	texts["unknown status"] = (&APIError{StatusCode: 599, Message: "odd"}).Error()
	texts["token"] = (&TokenError{StatusCode: 401, Code: "invalid_client", Description: "client not found"}).Error()
	texts["token transport"] = (&TokenError{Err: errors.New("dial tcp: refused")}).Error()
	texts["request"] = (&RequestError{Operation: "create job", Attempts: 1, Ambiguous: true, Err: errors.New("EOF")}).Error()
	texts["body limit"] = (&RequestError{Operation: "job results", Err: &BodyLimitError{Limit: 1024}}).Error()

	golden := filepath.Join("testdata", "errors.golden.json")
	got, err := json.MarshalIndent(texts, "", "  ")
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./genesys -run TestAPIErrorFromFixtures -update")
	assert.JSONEq(t, string(want), string(got))
}

func TestAPIErrorHeaderDetailsAndLimit(t *testing.T) {
	t.Parallel()
	s := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("ININ-Correlation-Id", "hdr-corr")
		w.WriteHeader(400)
		_, _ = w.Write([]byte(`{"message":"bad","code":"bad.request","contextId":"body-ctx",
			"details":[{"errorCode":"E1","fieldName":"interval","entityId":"e","entityName":"n"}],
			"limit":{"key":"request.bytes.max","namespace":"platform.api","value":512000},"extra":{"x":1}}`))
	})
	c, _ := newTestClient(t, s)
	_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "hdr-corr", apiErr.CorrelationID, "the header wins over contextId")
	assert.Equal(t, []ErrorDetail{{ErrorCode: "E1", FieldName: "interval", EntityID: "e", EntityName: "n"}}, apiErr.Details)
	assert.Equal(t, &ErrorLimit{Key: "request.bytes.max", Namespace: "platform.api", Value: 512000}, apiErr.Limit)
	assert.Equal(t, "genesys: GET /api/v2/x: 400 bad.request: bad (correlation id hdr-corr)", err.Error())
}

func TestAPIErrorOddBodies(t *testing.T) {
	t.Parallel()
	big := make([]byte, 200<<10)
	for i := range big {
		big[i] = 'x'
	}
	tests := []struct {
		name, body, code, msg string
	}{
		{"html", "<html>proxy error</html>", "", ""},
		{"wrong type", `{"message":"m","code":"c","details":"not an array","contextId":"ctx"}`, "c", "m"},
		{"huge", string(big), "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(403)
				_, _ = w.Write([]byte(tt.body))
			})
			c, _ := newTestClient(t, s)
			_, err := c.Do(t.Context(), Request{Path: "/api/v2/x"}, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.ErrorIs(t, err, ErrForbidden)
			assert.Equal(t, tt.code, apiErr.Code)
			assert.Equal(t, tt.msg, apiErr.Message)
			assert.NotContains(t, err.Error(), "proxy error")
			assert.Less(t, len(err.Error()), 1000)
		})
	}
}

func TestErrorTextTruncated(t *testing.T) {
	t.Parallel()
	long := fmt.Sprintf("%0600d", 7)
	e := &APIError{StatusCode: 400, Code: "c", Message: long + "é"}
	assert.Less(t, len(e.Error()), 600)
	assert.Contains(t, e.Error(), "…")
}
