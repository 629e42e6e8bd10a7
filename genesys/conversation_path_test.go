package genesys

import (
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeErrorNamesMember checks that a decode error names the member
// being decoded by its JSON path, not only the offset.
func TestDecodeErrorNamesMember(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"conversation member", `{"conversations":[{"conversationId":"c1","conversationStart":12}],"totalHits":1}`,
			"[0]: genesys: decode: conversationStart: offset 43: expected a JSON string"},
		{"nested member", `{"conversations":[{"conversationId":"c1"},{"conversationId":"c2","participants":[{"purpose":"customer"},` +
			`{"purpose":"agent","sessions":[{"segments":[{"segmentStart":true}]}]}]}]}`,
			"[1]: genesys: decode: participants[1].sessions[0].segments[0].segmentStart: offset 122: expected a JSON string"},
		{"bad time after reading it", `{"conversations":[{"conversationId":"c1","conversationEnd":"yesterday"}]}`,
			"[0]: genesys: decode: conversationEnd: offset 52: "},
		{"array element of the wrong kind", `{"conversations":[{"participants":[{},7]}]}`,
			"[0]: genesys: decode: participants[1]: offset 20: expected a JSON object"},
		{"conversation of the wrong kind", `{"conversations":[{"conversationId":"c1"}, "c2"]}`,
			"[1]: genesys: decode: offset 0: expected a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var p DetailsQueryResponse
			err := json.Unmarshal([]byte(tt.body), &p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestJSONPathAt(t *testing.T) {
	t.Parallel()
	const s = ` {"a":1, "b" : [ {"c":"x\"]}"}, [2, {"d":null}] ], "e":{}}`
	at := func(sub string, plus int) int { return strings.Index(s, sub) + plus }
	tests := []struct {
		off  int
		want string
	}{
		{0, ""},
		{at("1", 0), "a"},
		{at("1", 1), "a"},    // just after the value
		{at(", \"b", 1), ""}, // between members
		{at("[ {", 0), "b"},
		{at("{\"c", 0), "b[0]"},
		{at(`"x`, 0), "b[0].c"},
		{at(`"}`, 1), "b[0].c"},
		{at(`"},`, 2), "b[0]"},
		{at("[2", 0), "b[1]"},
		{at("2,", 0), "b[1][0]"},
		{at(`{"d`, 0), "b[1][1]"},
		{at("null", 0), "b[1][1].d"},
		{at("{}", 0), "e"},
		{len(s), ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, jsonPathAt(s, tt.off), "offset %d (%q)", tt.off, s[min(tt.off, len(s)):])
	}
	// Not JSON: whatever was found so far, no panic.
	for _, bad := range []string{"", "{", `{"a`, `{"a":`, `{"a":[1,`, `[{"b":"`, `{"a"}`, `]]`} {
		for off := range len(bad) + 2 {
			assert.NotPanics(t, func() { jsonPathAt(bad, off) })
		}
	}
}
