package genesys

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateConversation = flag.Bool("update-conversation", false, "rewrite the conversation fixtures in testdata/conversation")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "conversation", name))
	require.NoError(t, err)
	return b
}

func compact(t testing.TB, b []byte) string {
	t.Helper()
	v := jsontext.Value(bytes.Clone(b))
	require.NoError(t, v.Compact())
	return string(v)
}

func TestExamplesDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		out   func() any
		convs func(any) []Conversation
	}{
		{"details-query-response.json", func() any { return new(DetailsQueryResponse) }, func(v any) []Conversation { return v.(*DetailsQueryResponse).Conversations }},
		{"details-query-response-past-end.json", func() any { return new(DetailsQueryResponse) }, func(v any) []Conversation { return v.(*DetailsQueryResponse).Conversations }},
		{"job-results-page.json", func() any { return new(JobResultsResponse) }, func(v any) []Conversation { return v.(*JobResultsResponse).Conversations }},
		{"job-results-last-page.json", func() any { return new(JobResultsResponse) }, func(v any) []Conversation { return v.(*JobResultsResponse).Conversations }},
		{"conversations-multiget-response.json", func() any { return new(MultiGetResponse) }, func(v any) []Conversation { return v.(*MultiGetResponse).Conversations }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			in := readFixture(t, tt.file)
			out := tt.out()
			require.NoError(t, json.Unmarshal(in, out))

			// Raw keeps each conversation's exact bytes.
			var generic struct {
				Conversations []jsontext.Value `json:"conversations"`
			}
			require.NoError(t, json.Unmarshal(in, &generic))
			convs := tt.convs(out)
			require.Len(t, convs, len(generic.Conversations))
			for i := range convs {
				assert.Equal(t, compact(t, generic.Conversations[i]), compact(t, convs[i].Raw()))
				// Encoding the typed value loses nothing.
				enc, err := json.Marshal(&convs[i])
				require.NoError(t, err)
				assert.JSONEq(t, string(generic.Conversations[i]), string(enc))
			}

			// The whole page round-trips.
			enc, err := json.Marshal(out)
			require.NoError(t, err)
			assert.JSONEq(t, string(in), string(enc))
		})
	}
}
