package main

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys/genesystest"
)

// envFor returns an environment that points the program at srv, as a user
// would with GENESYS_BASE_URL.
func envFor(srv *genesystest.Server) func(string) (string, bool) {
	id, secret := srv.Credentials()
	vars := map[string]string{
		"GENESYS_CLIENT_ID":     id,
		"GENESYS_CLIENT_SECRET": secret,
		"GENESYS_BASE_URL":      srv.URL(),
		"GENESYS_TOKEN_URL":     srv.URL() + "/oauth/token",
	}
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func noEnv(string) (string, bool) { return "", false }

// TestRunWithCredentials runs the program against a fake given through
// GENESYS_* and checks the summary against the fake's ground truth.
func TestRunWithCredentials(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	srv := genesystest.NewServer(
		genesystest.WithSeed(3),
		genesystest.WithConversations(2000),
		genesystest.WithPeriod(day, day.Add(7*24*time.Hour)),
		genesystest.WithClock(func() time.Time { return day.Add(7 * 24 * time.Hour) }),
		genesystest.WithLimits(genesystest.Limits{JobPolls: -1}), // jobs are done at the first poll
	)
	t.Cleanup(srv.Close)

	for _, tt := range []struct {
		name, expr string
	}{
		{"default filter", ""},
		{"wrap-up code", `wrapUpCode == "Case-Closed"`},
		{"matches nothing", `wrapUpCode == "no such code"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start, end := day.Add(24*time.Hour), day.Add(36*time.Hour)
			args := []string{"-interval", start.Format(time.RFC3339) + "/" + end.Format(time.RFC3339)}
			if tt.expr != "" {
				args = append(args, "-filter", tt.expr)
			}
			var stdout, stderr bytes.Buffer
			require.NoError(t, run(t.Context(), args, envFor(srv), &stdout, &stderr))
			assert.Empty(t, stderr.String(), "no fake notice with credentials")

			f, err := filter.Parse(cmp.Or(tt.expr, defaultFilter))
			require.NoError(t, err)
			w, err := filter.Compile(f)
			require.NoError(t, err)
			want, err := srv.ConversationIDs(start, end, w)
			require.NoError(t, err)

			out := stdout.String()
			assert.True(t, strings.HasPrefix(out, strconv.Itoa(len(want))+" conversations matching "+f.String()+"\n"), out)
			assert.Contains(t, out, "from 2026-05-02T00:00:00Z to 2026-05-02T12:00:00Z\n")
			if len(want) == 0 {
				assert.Contains(t, out, "(nothing: ")
				return
			}
			// Each section's counts add up to at least the total (every
			// conversation has one media type and one or more codes).
			assert.Equal(t, len(want), sectionSum(t, out, "by media type:"))
			assert.GreaterOrEqual(t, sectionSum(t, out, "by wrap-up code:"), len(want))
			// The first few are the earliest matches, in order.
			first := want[:min(firstFew, len(want))]
			_, list, ok := strings.Cut(out, "\nfirst "+strconv.Itoa(len(first))+":\n")
			require.True(t, ok, out)
			lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
			require.Len(t, lines, len(first))
			for i, id := range first {
				assert.True(t, strings.HasPrefix(lines[i], "  "+id+"  2026-05-02 "), lines[i])
				assert.Contains(t, lines[i], " handle ")
			}
		})
	}
}

// sectionSum adds up the counts listed under a section title.
func sectionSum(t *testing.T, out, title string) int {
	t.Helper()
	_, rest, ok := strings.Cut(out, "\n"+title+"\n")
	require.True(t, ok, "no section %q", title)
	sum := 0
	for line := range strings.Lines(rest) {
		fields := strings.Fields(line)
		if len(fields) < 2 || !strings.HasPrefix(line, "  ") {
			break
		}
		n, err := strconv.Atoi(fields[len(fields)-1])
		require.NoError(t, err, line)
		sum += n
	}
	return sum
}

// TestRunEmbeddedFake runs the program as a new user does: no credentials,
// no flags.
func TestRunEmbeddedFake(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(t.Context(), nil, noEnv, &stdout, &stderr))
	assert.Equal(t, "quickstart: GENESYS_CLIENT_ID is not set: using an embedded fake organisation (5000 simulated conversations)\n", stderr.String())
	assert.Contains(t, stdout.String(), ` conversations matching mediaType == "voice" and tHandle > 180000`+"\n")
	assert.Contains(t, stdout.String(), "\nby media type:\n  voice ")
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		args []string
		env  func(string) (string, bool)
		want string
	}{
		{"bad filter", []string{"-filter", `mediaType == "vioce"`}, noEnv, `-filter: column 14: bad value "vioce" for mediaType`},
		{"filter the API cannot express", []string{"-filter", `mediaType == "voice" or tHandle > 3m`}, noEnv, "an or mixes conversation and segment fields"},
		{"bad interval", []string{"-interval", "yesterday"}, noEnv, `-interval: "yesterday" is not START/END`},
		{"reversed interval", []string{"-interval", "2026-05-02T00:00:00Z/2026-05-01T00:00:00Z"}, noEnv, "is not before"},
		{"missing secret", nil, func(k string) (string, bool) {
			if k == "GENESYS_CLIENT_ID" {
				return "id", true
			}
			return "", false
		}, "GENESYS_CLIENT_SECRET"},
		{"bad flag", []string{"-bogus"}, noEnv, "-bogus"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			err := run(t.Context(), tt.args, tt.env, &stdout, &stderr)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Empty(t, stdout.String())
		})
	}
}

func TestParseInterval(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 2, 10, 30, 45, 0, time.UTC)
	start, end, err := parseInterval("", now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 5, 1, 10, 30, 0, 0, time.UTC), start)
	assert.Equal(t, time.Date(2026, 5, 2, 10, 30, 0, 0, time.UTC), end)

	start, end, err = parseInterval("2026-05-01T02:00:00+02:00/2026-05-01T12:00:00Z", now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), start)
	assert.Equal(t, time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC), end)

	for _, bad := range []string{"x", "a/b", "2026-05-01T00:00:00Z/b", "2026-05-01T00:00:00Z/2026-05-01T00:00:00Z"} {
		_, _, err := parseInterval(bad, now)
		assert.Error(t, err, bad)
	}
}
