package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
)

func TestRun(t *testing.T) {
	t.Parallel()
	const voiceWire = `{"segmentFilters":[{"type":"and","predicates":[
		{"type":"dimension","dimension":"mediaType","value":"voice"},
		{"type":"dimension","dimension":"wrapUpCode","value":"Case-Closed"}]}],
	  "conversationFilters":[{"type":"and","predicates":[{"type":"metric","metric":"tHandle","range":{"gt":180000}}]}]}`
	voice, err := filter.Parse(`mediaType == "voice" and wrapUpCode == "Case-Closed" and tHandle > 3m`)
	require.NoError(t, err)
	voiceHash, err := filter.Hash(voice)
	require.NoError(t, err)

	tests := []struct {
		name       string
		args       []string
		stdin      string
		status     int
		wantOut    []string // substrings of stdout
		wantJSON   string   // stdout is exactly this JSON (with -json)
		wantErr    string   // the error text main prints
		wantStderr string   // substring of what run wrote to stderr itself
	}{
		{
			name: "one argument",
			args: []string{`mediaType == "voice" and wrapUpCode == "Case-Closed" and tHandle > 3m`},
			wantOut: []string{
				"expression: mediaType == \"voice\" and wrapUpCode == \"Case-Closed\" and tHandle > 180000\n",
				"hash:       " + voiceHash + "\n",
				"wire JSON:\n{\n  \"conversationFilters\": [\n",
			},
		},
		{
			name:    "arguments joined",
			args:    []string{"mediaType", "==", `"voice"`, "and", "wrapUpCode", "==", `"Case-Closed"`, "and", "tHandle", ">", "3m"},
			wantOut: []string{"hash:       " + voiceHash + "\n"},
		},
		{
			name:     "json only",
			args:     []string{"-json", `mediaType == "voice" and wrapUpCode == "Case-Closed" and tHandle > 3m`},
			wantJSON: voiceWire,
		},
		{
			name:     "stdin",
			args:     []string{"-json", "-"},
			stdin:    "mediaType == \"voice\"\n  and wrapUpCode == \"Case-Closed\"\n  and tHandle > 3m\n",
			wantJSON: voiceWire,
		},
		{
			name:    "quoted property name",
			args:    []string{`prop."my tier":string == "gold"`},
			wantOut: []string{`expression: prop."my tier":string == "gold"`, `"property": "my tier"`},
		},
		{
			name:    "syntax error with caret",
			args:    []string{`mediaType == "vioce"`},
			status:  1,
			wantErr: "filter: 1:14: bad value \"vioce\" for mediaType: not an allowed value; did you mean \"voice\"?",
		},
		{
			name:    "caret line",
			args:    []string{`wrapupcode == "x"`},
			status:  1,
			wantErr: "filter: 1:1: unknown field wrapupcode; did you mean wrapUpCode?\nwrapupcode == \"x\"\n^",
		},
		{
			name:    "not expressible",
			args:    []string{`mediaType == "voice" or tHandle > 3m`},
			status:  1,
			wantErr: "filter: compile: an or mixes conversation and segment fields",
		},
		{name: "no expression", status: 2, wantErr: "filtercheck: no expression"},
		{name: "empty stdin", args: []string{"-"}, stdin: " \n", status: 2, wantErr: "filtercheck: no expression"},
		{name: "bad flag", args: []string{"-bogus", "x"}, status: 2, wantStderr: "flag provided but not defined: -bogus"},
		{name: "help", args: []string{"-h"}, wantStderr: "usage: filtercheck"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			err := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			assert.Equal(t, tt.status, exitStatus(err), "exit status (error %v)", err)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Empty(t, stdout.String())
			}
			if tt.wantStderr != "" {
				assert.Contains(t, stderr.String(), tt.wantStderr)
			}
			for _, w := range tt.wantOut {
				assert.Contains(t, stdout.String(), w)
			}
			if tt.wantJSON != "" {
				assert.JSONEq(t, tt.wantJSON, stdout.String())
				assert.True(t, strings.HasPrefix(stdout.String(), "{\n  \""), "indented: %q", stdout.String())
			}
		})
	}
}
