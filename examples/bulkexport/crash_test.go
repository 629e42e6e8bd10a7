package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/webhook"
)

// The crash test's organisation: a fixed period, so the fake program and
// the in-process ground truth serve the same conversations.
var (
	crashPeriodStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	crashPeriodEnd   = time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC)
	crashStart       = time.Date(2026, 1, 3, 5, 0, 0, 0, time.UTC)
	crashEnd         = time.Date(2026, 1, 5, 17, 0, 0, 0, time.UTC)
)

const (
	crashSeed          = 5
	crashConversations = 10000 // 1000 a day; the interval holds about 2500
)

// crashKills is how many times each scenario is killed with SIGKILL:
// GCDATA_CRASH_KILLS (default 20; each kill costs a process start and a
// fraction of the export, a few seconds in all).
func crashKills(t *testing.T) int {
	v, ok := os.LookupEnv("GCDATA_CRASH_KILLS")
	if !ok {
		return 20
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, "GCDATA_CRASH_KILLS")
	require.Positive(t, n, "GCDATA_CRASH_KILLS")
	return n
}

// TestCrashSafety is the end-to-end crash test of issue 6: the bulkexport
// program runs against the fakegenesys program (both built once) serving
// moderate faults (5xx, resets, a rate limit, failing jobs) through the
// GENESYS_* environment; it is killed with SIGKILL at GCDATA_CRASH_KILLS
// seeded random points and rerun each time, then run to completion, and its
// final file must be byte-identical to an uninterrupted run's. A faultless
// uninterrupted run must hold exactly the ground truth.
//
// The kill points are output sizes, drawn at random (seeded) below the
// size of the uninterrupted output: a run is killed as soon as its file
// reaches its point, which lands in the middle of writing a batch or
// between a batch and its checkpoint, the windows where a crash can
// duplicate or lose rows. (A point already behind the committed output
// kills the run while it starts up.) The file size is watched every
// millisecond. Set GCDATA_CRASH_SEED to draw other points (default 1).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two programs")
	}
	t.Parallel()
	dir := t.TempDir()
	exportBin := filepath.Join(dir, "bulkexport")
	fakeBin := filepath.Join(dir, "fakegenesys")
	for _, b := range []struct{ out, pkg string }{{exportBin, "."}, {fakeBin, "../fakegenesys"}} {
		out, err := exec.CommandContext(t.Context(), "go", "build", "-o", b.out, b.pkg).CombinedOutput()
		require.NoError(t, err, string(out))
	}
	seed := uint64(1)
	if v, ok := os.LookupEnv("GCDATA_CRASH_SEED"); ok {
		n, err := strconv.ParseUint(v, 10, 64)
		require.NoError(t, err, "GCDATA_CRASH_SEED")
		seed = n
	}
	kills := crashKills(t)
	interval := crashStart.Format(time.RFC3339) + "/" + crashEnd.Format(time.RFC3339)

	// The ground truth, from an in-process fake with the same seed, size
	// and period.
	truth := genesystest.NewServer(genesystest.WithSeed(crashSeed), genesystest.WithConversations(crashConversations),
		genesystest.WithPeriod(crashPeriodStart, crashPeriodEnd))
	defer truth.Close()
	wantIDs, err := truth.ConversationIDs(crashStart, crashEnd, filter.Wire{})
	require.NoError(t, err)
	require.Greater(t, len(wantIDs), 2000)

	fakeArgs := []string{"-seed", strconv.Itoa(crashSeed), "-conversations", strconv.Itoa(crashConversations),
		"-start", crashPeriodStart.Format(time.RFC3339), "-end", crashPeriodEnd.Format(time.RFC3339),
		// Jobs are FULFILLED at the first poll: the program polls at the
		// real API's pace (1s), which would make every run wait.
		"-job-polls", "-1",
		// A job created by a run killed before it checkpointed is never
		// polled again; the fake would count it QUEUED against the cap
		// until it expires (a real job finishes on its own).
		"-max-concurrent-jobs", "1000",
	}

	t.Run("faultless run is the ground truth", func(t *testing.T) {
		t.Parallel()
		url := startFake(t, fakeBin, fakeArgs...)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		code, log := runExport(t, exportBin, url, -1, "-interval", interval, "-mode", "query", "-out", out)
		require.Equal(t, 0, code, log)
		assert.Equal(t, wantIDs, fileIDs(t, out))
	})

	faults := []string{"-error-rate", "0.1", "-reset-rate", "0.03", "-rate-limit", "40", "-job-fail-rate", "0.1"}
	for i, sc := range []struct {
		name string
		args []string
	}{
		// The synchronous query: one batch per 100 conversations.
		{"query", []string{"-mode", "query", "-concurrency", "3"}},
		// Async jobs, one per day: one batch per result page (1000).
		{"jobs", []string{"-mode", "jobs", "-concurrency", "2"}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			url := startFake(t, fakeBin, append(fakeArgs, faults...)...)
			args := append([]string{"-interval", interval}, sc.args...)
			sub := t.TempDir()

			ref := filepath.Join(sub, "ref.jsonl")
			began := time.Now()
			code, log := runExport(t, exportBin, url, -1, append(args, "-out", ref)...)
			refTime := time.Since(began)
			require.Equal(t, 0, code, log)
			t.Logf("uninterrupted: %s", doneLine.FindString(log))
			want, err := os.ReadFile(ref)
			require.NoError(t, err)
			assert.Equal(t, wantIDs, fileIDs(t, ref), "the faulty uninterrupted run is the ground truth")

			rng := rand.New(rand.NewPCG(seed, uint64(i)))
			points := make([]int64, kills)
			for k := range points {
				points[k] = 1 + rng.Int64N(int64(len(want))-1)
			}
			slices.Sort(points)
			got := filepath.Join(sub, "got.jsonl")
			killed := 0
			var sizes []int64
			for _, at := range points {
				code, log := runExport(t, exportBin, url, at, append(args, "-out", got)...)
				switch code {
				case -1:
					killed++
					sizes = append(sizes, fileSize(got))
				case 0:
					t.Logf("a run completed before its kill point %d", at)
				default:
					require.Failf(t, "a run failed", "exit %d: %s", code, log)
				}
			}
			code, log = runExport(t, exportBin, url, -1, append(args, "-out", got)...)
			require.Equal(t, 0, code, log)
			have, err := os.ReadFile(got)
			require.NoError(t, err)
			t.Logf("%d kills (file sizes at the kills: %v); uninterrupted run %s, %d bytes; all runs %s",
				killed, sizes, refTime.Round(time.Millisecond), len(want), time.Since(began).Round(time.Millisecond))
			assert.Equal(t, kills, killed, "every run was killed before it completed")
			assert.True(t, bytes.Equal(want, have), "resumed output (%d bytes) equals the uninterrupted one (%d bytes)", len(have), len(want))
			var grew int
			for i := 1; i < len(sizes); i++ {
				if sizes[i] != sizes[i-1] {
					grew++
				}
			}
			assert.Positive(t, grew, "kills landed at different points of the output")
		})
	}
}

// TestCrashSafetyWithWebhook kills the export with -webhook at random
// points: after the last run, every durable batch has been announced
// (at least once, deduplicated by webhook id), with no gap in the
// sequence, the counts add up to the output, and export.completed came.
func TestCrashSafetyWithWebhook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two programs")
	}
	t.Parallel()
	dir := t.TempDir()
	exportBin := filepath.Join(dir, "bulkexport")
	fakeBin := filepath.Join(dir, "fakegenesys")
	for _, b := range []struct{ out, pkg string }{{exportBin, "."}, {fakeBin, "../fakegenesys"}} {
		out, err := exec.CommandContext(t.Context(), "go", "build", "-o", b.out, b.pkg).CombinedOutput()
		require.NoError(t, err, string(out))
	}
	url := startFake(t, fakeBin, "-seed", strconv.Itoa(crashSeed), "-conversations", strconv.Itoa(crashConversations),
		"-start", crashPeriodStart.Format(time.RFC3339), "-end", crashPeriodEnd.Format(time.RFC3339),
		"-job-polls", "-1", "-max-concurrent-jobs", "1000", "-error-rate", "0.05")
	secret, err := webhook.GenerateSecret()
	require.NoError(t, err)
	rcv := newReceiver(t, secret)
	env := []string{webhookSecretEnv + "=" + secret}
	out := filepath.Join(dir, "out.jsonl")
	args := []string{"-interval", crashStart.Format(time.RFC3339) + "/" + crashEnd.Format(time.RFC3339),
		"-mode", "query", "-concurrency", "2", "-webhook", rcv.url, "-webhook-timeout", "10s", "-out", out}

	rng := rand.New(rand.NewPCG(7, 7))
	killed := 0
	for range max(crashKills(t)/4, 3) {
		at := fileSize(out) + 1 + rng.Int64N(400_000) // somewhere in the next few batches
		code, log := runExportEnv(t, exportBin, url, env, at, args...)
		require.Contains(t, []int{-1, 0}, code, log)
		if code == -1 {
			killed++
		}
	}
	require.Positive(t, killed, "some runs were killed mid-export")
	code, log := runExportEnv(t, exportBin, url, env, -1, args...)
	require.Equal(t, 0, code, log)

	counts := map[int64]int64{} // batch sequence -> conversations
	completed := false
	for _, ev := range rcv.received() {
		switch d := ev.Data.(type) {
		case webhook.BatchCompleted:
			if c, dup := counts[d.Sequence]; dup {
				assert.Equal(t, c, d.Conversations, "batch %d announced twice with other counts", d.Sequence)
			}
			counts[d.Sequence] = d.Conversations
		case webhook.ExportCompleted:
			completed = true
			assert.Equal(t, int64(len(counts)), d.Batches, "every batch announced")
		}
	}
	require.True(t, completed, "export.completed arrived")
	var total int64
	for seq := int64(1); seq <= int64(len(counts)); seq++ {
		c, ok := counts[seq]
		require.True(t, ok, "batch %d was never announced", seq)
		total += c
	}
	assert.Equal(t, int64(len(fileIDs(t, out))), total, "the announced counts add up to the output")
}

var (
	urlLine  = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)
	doneLine = regexp.MustCompile(`done: .*`)
)

// startFake starts the fakegenesys program on a free loopback port and
// returns its base URL; it is stopped when the test ends.
func startFake(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "fakegenesys: %s", stderr.String())
	url := urlLine.FindString(line)
	require.NotEmpty(t, url, "fakegenesys printed %q", line)
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return url
}

// runExport runs the program against the fake at url and returns its exit
// status (-1 when it was killed) and its stderr. With killAt >= 0 it is
// killed with SIGKILL as soon as the -out file (the last argument) has
// killAt bytes or more, unless it ended first.
func runExport(t *testing.T, bin, url string, killAt int64, args ...string) (int, string) {
	t.Helper()
	return runExportEnv(t, bin, url, nil, killAt, args...)
}

// runExportEnv is runExport with extra environment variables.
func runExportEnv(t *testing.T, bin, url string, extra []string, killAt int64, args ...string) (int, string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), bin, args...)
	env := append([]string{"GENESYS_CLIENT_ID=crash-test", "GENESYS_CLIENT_SECRET=crash-secret", "GENESYS_BASE_URL=" + url}, extra...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GENESYS_") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var err error
	if killAt >= 0 {
		out := args[len(args)-1]
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
	watch:
		for {
			select {
			case err = <-exited:
				break watch
			case <-tick.C:
				if fileSize(out) >= killAt {
					_ = cmd.Process.Kill()
					err = <-exited
					break watch
				}
			}
		}
	} else {
		err = <-exited
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stderr.String() // -1 when killed by a signal
	}
	require.NoError(t, err)
	return 0, ""
}

// lockedBuffer is a bytes.Buffer safe for the writer goroutine of exec.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// fileIDs reads the conversationId of each line of a JSONL file.
func fileIDs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	ids := []string{}
	for line := range strings.Lines(string(b)) {
		_, rest, ok := strings.Cut(line, `"conversationId":"`)
		require.True(t, ok, "line without conversationId: %.80s", line)
		id, _, _ := strings.Cut(rest, `"`)
		ids = append(ids, id)
	}
	return ids
}
