package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlags(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 2, 10, 30, 45, 0, time.UTC)
	o, err := parseFlags(nil, &bytes.Buffer{}, now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 5, 1, 10, 30, 0, 0, time.UTC), o.start)
	assert.Equal(t, time.Date(2026, 5, 2, 10, 30, 0, 0, time.UTC), o.end)
	assert.Equal(t, "export.jsonl", o.out)
	assert.Equal(t, "export.jsonl.checkpoint", o.checkpoint)
	assert.EqualValues(t, "auto", o.mode)
	assert.Equal(t, 4, o.concurrency)
	assert.Nil(t, o.filter)

	o, err = parseFlags([]string{"-interval", "2026-05-01T02:00:00+02:00/2026-05-01T12:00:00Z", "-out", "x.jsonl",
		"-filter", `mediaType == "voice" and tHandle > 3m`, "-mode", "jobs", "-concurrency", "8"}, &bytes.Buffer{}, now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), o.start)
	assert.Equal(t, "x.jsonl.checkpoint", o.checkpoint)
	assert.NotNil(t, o.filter)

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-interval", "2026-05-01T00:00:00Z"}, "-interval: "},
		{[]string{"-interval", "2026-05-02T00:00:00Z/2026-05-01T00:00:00Z"}, "is not before"},
		{[]string{"-interval", "yesterday/today"}, "start \"yesterday\""},
		{[]string{"-filter", `mediaType == "vioce"`}, "-filter: "},
		{[]string{"-filter", `tHandle == `}, "-filter: "},
		{[]string{"-mode", "fast"}, "-mode: "},
		{[]string{"-concurrency", "0"}, "-concurrency: "},
		{[]string{"-out", ""}, "-out: "},
		{[]string{"-bogus"}, "bogus"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		_, err := parseFlags(tt.args, &bytes.Buffer{}, now)
		require.Error(t, err, tt.args)
		assert.Contains(t, err.Error(), tt.want)
		assert.NotContains(t, err.Error(), "\n", "one line")
	}
}

func TestRunFailsBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	env := func(k string) (string, bool) {
		// Credentials that point nowhere: a request would fail differently.
		return map[string]string{"GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "s",
			"GENESYS_BASE_URL": "http://127.0.0.1:1"}[k], k != "GENESYS_REGION" && k != "GENESYS_TOKEN_URL"
	}
	code := run(t.Context(), []string{"-filter", "nosuchfield == 1"}, &stderr, env)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "-filter")
	assert.Equal(t, 1, strings.Count(stderr.String(), "\n"))
}

// TestKillAndResume builds the program, kills it with SIGKILL at several
// points of an export on the embedded fake (restarted by every run), reruns
// it each time, and compares the final file with an uninterrupted run.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "bulkexport")
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))

	// Three days ending half an hour before the fake's period ends (the
	// current hour): in auto mode, jobs before the watermark and the query
	// after it.
	end := time.Now().UTC().Truncate(time.Hour).Add(-30 * time.Minute)
	start := end.Add(-3*24*time.Hour - 7*time.Hour)
	interval := start.Format(time.RFC3339) + "/" + end.Format(time.RFC3339)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GENESYS_") {
			env = append(env, kv)
		}
	}
	for _, tt := range []struct {
		name  string
		args  []string
		kills []int // kill after this many progress lines
		min   int   // lines in the output at least
	}{
		{"auto", []string{"-fake-conversations", "20000", "-concurrency", "3"}, []int{1, 3, 6}, 1000},
		{"query with filter", []string{"-fake-conversations", "20000", "-mode", "query", "-filter", `mediaType == "voice"`}, []int{2, 9, 17}, 1000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"-interval", interval}, tt.args...)
			sub := t.TempDir()
			runTo := func(file string, killAfter int) (killed bool) {
				cmd := exec.CommandContext(t.Context(), bin, append(args, "-out", file)...)
				cmd.Env = env
				stderr, err := cmd.StderrPipe()
				require.NoError(t, err)
				require.NoError(t, cmd.Start())
				r := bufio.NewReader(stderr)
				var log strings.Builder
				lines := 0
				for {
					b, err := r.ReadByte()
					if err != nil {
						break
					}
					log.WriteByte(b)
					if b == '\r' {
						lines++
						if killAfter > 0 && lines == killAfter+1 { // the k-th progress line is complete
							require.NoError(t, cmd.Process.Kill())
							killed = true
							break
						}
					}
				}
				err = cmd.Wait()
				if !killed {
					require.NoError(t, err, log.String())
				}
				return killed
			}

			ref := filepath.Join(sub, "ref.jsonl")
			runTo(ref, 0)
			want, err := os.ReadFile(ref)
			require.NoError(t, err)
			require.Greater(t, bytes.Count(want, []byte("\n")), tt.min)

			got := filepath.Join(sub, "got.jsonl")
			kills := 0
			for _, k := range tt.kills {
				if runTo(got, k) {
					kills++
				}
			}
			assert.GreaterOrEqual(t, kills, 2, "the export was killed mid-way")
			runTo(got, 0)
			have, err := os.ReadFile(got)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, have), "resumed output (%d bytes) equals the uninterrupted one (%d bytes)", len(have), len(want))

			// A rerun of the finished export changes nothing.
			runTo(got, 0)
			again, err := os.ReadFile(got)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, again))
		})
	}
}
