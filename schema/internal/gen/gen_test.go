package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedFileUpToDate fails when fields_gen.go and enums.json (or the
// generator) drift apart. Fix it with: go generate ./schema
func TestGeneratedFileUpToDate(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("enums.json")
	require.NoError(t, err)
	want, err := Generate(data)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join("..", "..", "fields_gen.go"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "fields_gen.go is stale: run go generate ./schema")
}

func TestGoName(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"queueId", "QueueID"},
		{"conversationId", "ConversationID"},
		{"tHandle", "THandle"},
		{"mediaStatsMinConversationMos", "MediaStatsMinConversationMos"},
		{"sipResponseCode", "SIPResponseCode"},
		{"journeyCustomerIdType", "JourneyCustomerIDType"},
		{"ani", "Ani"},
		{"nNextContactAvoided", "NNextContactAvoided"},
		{"wrapUpCode", "WrapUpCode"},
		{"x", "X"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, GoName(tt.in))
		})
	}
}

func TestGenerateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, wantErr string }{
		{"bad json", `{`, "decode enums"},
		{"empty", `{}`, "no fields"},
		{"dotted name", `{"conversationDimensions":["a.b"]}`, "not a plain name"},
		{"duplicate", `{"segmentDimensions":["a","a"]}`, "listed twice"},
		{"reserved", `{"segmentDimensions":["string"]}`, "collides with a hand-written name"},
		{"collision", `{"segmentDimensions":["queueId"],"surveyDimensions":["queueId","surveyQueueId"]}`, "collides"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Generate([]byte(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}
