package search_test

import (
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/search"
)

// The fault matrix: one row per fault, run against every operation it
// applies to (the synchronous query paged by All, job creation, job status
// polling, job results, and an Export end to end to a JSONL file). Each
// cell asserts the attempts (from the fake's request log), the waits (on a
// fake clock: no cell really sleeps for a Retry-After or a backoff), the
// typed result or error, and the exact output against the fake's ground
// truth: nothing lost, nothing twice. A cell that gives up must return a
// typed error naming the operation, the status and the correlation id;
// an Export that gave up is then resumed from its checkpoint and must end
// with exactly the ground truth.
//
// The organisation is small (150 conversations over two days) and the
// backoffs tiny, so the matrix runs in a few seconds with -race.
//
// Cells that fail because of a known bug are skipped with the reason;
// GCDATA_FAULTMATRIX_BUGS=1 runs them (to check a fix).

// The organisation of the matrix: its clock stands still at fmNow, so the
// availability watermark (2h lag) is day 2 12:00.
var (
	fmStart = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	fmEnd   = time.Date(2026, 4, 3, 0, 0, 0, 0, time.UTC)
	fmNow   = time.Date(2026, 4, 2, 14, 0, 0, 0, time.UTC)
	// fmMark is the availability watermark: jobs see nothing after it.
	fmMark = fmNow.Add(-2 * time.Hour)
)

// fmPolicy is the client's retry policy in the matrix: tiny backoffs (on
// the fake clock anyway) and four attempts.
var fmPolicy = genesys.RetryPolicy{
	MaxAttempts:   4,
	MinBackoff:    8 * time.Millisecond,
	MaxBackoff:    32 * time.Millisecond,
	MaxRetryAfter: time.Minute,
}

// API paths of the rules (path.Match patterns).
const (
	fmQueryPath   = "/api/v2/analytics/conversations/details/query"
	fmJobsPath    = "/api/v2/analytics/conversations/details/jobs"
	fmStatusPath  = "/api/v2/analytics/conversations/details/jobs/*"
	fmResultsPath = "/api/v2/analytics/conversations/details/jobs/*/results"
	fmTokenPath   = "/oauth/token"
)

// fmTarget is where a row's rule fires.
type fmTarget struct {
	method, path string
	skip         int
	operation    string // genesys.Request.Operation of requests to it
}

func (t fmTarget) match(r genesystest.RequestRecord) bool {
	ok, _ := path.Match(t.path, r.Path)
	return ok && r.Method == t.method
}

var (
	fmQueryTarget   = fmTarget{http.MethodPost, fmQueryPath, 1, "details query"}
	fmCreateTarget  = fmTarget{http.MethodPost, fmJobsPath, 0, "create details job"}
	fmStatusTarget  = fmTarget{http.MethodGet, fmStatusPath, 0, "details job status"}
	fmResultsTarget = fmTarget{http.MethodGet, fmResultsPath, 1, "details job results"}
)

// fmOp is one operation of the matrix.
type fmOp struct {
	name    string
	targets []fmTarget // where rule rows fire
	export  bool
	create  bool // the target is the (non-idempotent) job create
	query   search.Query
}

var fmOps = []fmOp{
	{name: "query", targets: []fmTarget{fmQueryTarget},
		query: search.Query{Start: fmStart, End: fmEnd, Mode: search.ModeQuery}},
	{name: "job create", targets: []fmTarget{fmCreateTarget}, create: true,
		query: search.Query{Start: fmStart, End: fmMark, Mode: search.ModeJobs}},
	{name: "job status", targets: []fmTarget{fmStatusTarget},
		query: search.Query{Start: fmStart, End: fmMark, Mode: search.ModeJobs}},
	{name: "job results", targets: []fmTarget{fmResultsTarget},
		query: search.Query{Start: fmStart, End: fmMark, Mode: search.ModeJobs}},
	{name: "export", targets: []fmTarget{fmQueryTarget, fmResultsTarget}, export: true,
		query: search.Query{Start: fmStart, End: fmEnd, Mode: search.ModeAuto}},
}

// fmOutcome is what a cell must end with.
type fmOutcome int

const (
	// fmRecover: the exact ground truth, the rule fired `times` times on
	// each target and each firing cost exactly one more request.
	fmRecover fmOutcome = iota
	// fmRecoverAny: the exact ground truth; attempts are not predictable
	// (jobs recreated, cursors repeated).
	fmRecoverAny
	// fmGiveUp: a typed error (see fmRow.check), what was delivered before
	// it is a duplicate-free prefix of the truth, and an Export resumed
	// without the fault ends exact.
	fmGiveUp
	// fmRecoverOrGiveUp: either fmRecoverAny or fmGiveUp (a fault the
	// search may handle either way).
	fmRecoverOrGiveUp
)

// fmRow is one fault.
type fmRow struct {
	name string
	// rule, if Status or Action is set, fires on each target of the op
	// (Method, Path and Skip come from the target).
	rule genesystest.Rule
	// targets, when set, replaces the op's targets for the rule.
	targets func(op fmOp) []fmTarget
	// extra rules are added as they are (e.g. on the token endpoint).
	extra  []genesystest.Rule
	faults genesystest.Faults
	limits genesystest.Limits
	// ops lists the operations the row applies to (nil: all).
	ops []string
	// ambiguous marks faults after which a job create is not retried by
	// the client (5xx, reset, timeout): createJob creates again instead.
	ambiguous bool
	// attemptTimeout overrides the client's attempt timeout.
	attemptTimeout time.Duration
	// paced keeps the client's default pacer (the matrix turns pacing
	// off elsewhere, so that the waits are the retries' only).
	paced bool
	// midRun runs once, after the first conversation (All) or batch
	// (Export) was delivered.
	midRun func(t *testing.T, srv *genesystest.Server)
	// cancelOnTarget cancels the run's context 20ms after a request to a
	// target was sent (the rule should hang it).
	cancelOnTarget bool

	outcome fmOutcome
	// waits are the client's waits between attempts, in order, for the
	// single-target ops (nil: not checked); backoffs, when positive, is
	// the number of waits that must be exponential backoffs instead.
	waits      []time.Duration
	backoffs   int
	waitsCheck func(t *testing.T, waits []time.Duration)
	// Give-up expectations.
	// searchErr: the give-up is the search's own typed error (a
	// *search.JobError, ErrRepeatedCursor), not a request's.
	searchErr  bool
	is         error // errors.Is target
	status     int   // the APIError status; 0: a RequestError (no response)
	attempts   int   // attempts of the failing call (0: not checked)
	retryAfter time.Duration
	check      func(t *testing.T, err error) // more checks
	// stats checks the server's counters after the run.
	stats func(t *testing.T, st genesystest.Stats)
	// skip maps an op to the reason the cell is left out (a known bug).
	skip map[string]string
}

func (r fmRow) appliesTo(op fmOp) bool {
	return r.ops == nil || slices.Contains(r.ops, op.name)
}

func (r fmRow) hasRule() bool { return r.rule.Status != 0 || r.rule.Action != "" }

// targetsFor returns where the row's rule fires for op.
func (r fmRow) targetsFor(op fmOp) []fmTarget {
	if r.targets != nil {
		return r.targets(op)
	}
	return op.targets
}

// served reports whether the rule's action lets the server act on the
// request before the client sees a failure (a job poll advanced, a job
// created).
func (r fmRow) served() bool {
	return r.rule.Action == genesystest.ResetMidBody || r.rule.Action == genesystest.TruncateBody
}

// fmRetryAfterDate is an HTTP-date Retry-After 2s after the client's
// fake clock starts.
var fmRetryAfterDate = fmNow.Add(2 * time.Second).Format(http.TimeFormat)

func fmRows() []fmRow {
	ra := func(v string) http.Header { return http.Header{"Retry-After": {v}} }
	jobOps := []string{"job status", "job results", "export"}
	return []fmRow{
		// 429s.
		{name: "429 Retry-After 0", rule: genesystest.Rule{Status: 429, Header: ra("0"), Times: 2},
			waits: []time.Duration{}},
		{name: "429 Retry-After 1", rule: genesystest.Rule{Status: 429, Header: ra("1"), Times: 2},
			waits: []time.Duration{time.Second, time.Second}},
		{name: "429 Retry-After over the cap", rule: genesystest.Rule{Status: 429, Header: ra("3600"), Times: -1},
			outcome: fmGiveUp, is: genesys.ErrRateLimited, status: 429, attempts: 1, retryAfter: time.Hour,
			waits: []time.Duration{}},
		{name: "429 Retry-After 1, paced", rule: genesystest.Rule{Status: 429, Header: ra("1"), Times: 2}, paced: true,
			waitsCheck: func(t *testing.T, waits []time.Duration) {
				// The retries wait the Retry-After, and the pacer (on the
				// same clock) adds no pause of its own before them; after
				// them it paces the next requests at a reduced rate.
				t.Logf("paced waits: %v", waits)
				require.GreaterOrEqual(t, len(waits), 2)
				i := slices.Index(waits, time.Second)
				require.GreaterOrEqual(t, i, 0, "the Retry-After is waited")
				require.Less(t, i+1, len(waits))
				assert.Equal(t, time.Second, waits[i+1], "each Retry-After is waited once")
			}},
		{name: "429 Retry-After HTTP-date", rule: genesystest.Rule{Status: 429, Header: ra(fmRetryAfterDate), Times: 1},
			waits: []time.Duration{2 * time.Second}},
		{name: "429 Retry-After garbage", rule: genesystest.Rule{Status: 429, Header: ra("soon"), Times: 2},
			backoffs: 2},
		{name: "429 without Retry-After", rule: genesystest.Rule{Status: 429, Times: 2}, backoffs: 2},
		{name: "429 persistent", rule: genesystest.Rule{Status: 429, Header: ra("1"), Times: -1},
			outcome: fmGiveUp, is: genesys.ErrRateLimited, status: 429, attempts: 4,
			waits: []time.Duration{time.Second, time.Second, time.Second}},
		// 5xx.
		{name: "500", rule: genesystest.Rule{Status: 500, Times: 2}, ambiguous: true, backoffs: 2},
		{name: "502", rule: genesystest.Rule{Status: 502, Times: 2}, ambiguous: true, backoffs: 2},
		{name: "503 Retry-After 1", rule: genesystest.Rule{Status: 503, Header: ra("1"), Times: 2}, ambiguous: true,
			waits: []time.Duration{time.Second, time.Second}},
		{name: "503 without Retry-After", rule: genesystest.Rule{Status: 503, Times: 2}, ambiguous: true, backoffs: 2},
		{name: "504", rule: genesystest.Rule{Status: 504, Times: 2}, ambiguous: true, backoffs: 2},
		{name: "503 persistent", rule: genesystest.Rule{Status: 503, Times: -1}, ambiguous: true,
			outcome: fmGiveUp, is: genesys.ErrServer, status: 503, attempts: 4},
		// Not retried.
		{name: "501 not retried", rule: genesystest.Rule{Status: 501, Times: -1},
			outcome: fmGiveUp, is: genesys.ErrServer, status: 501, attempts: 1, waits: []time.Duration{}},
		{name: "400 not retried", rule: genesystest.Rule{Status: 400, Times: -1},
			outcome: fmGiveUp, is: genesys.ErrBadRequest, status: 400, attempts: 1, waits: []time.Duration{}},
		{name: "403 not retried", rule: genesystest.Rule{Status: 403, Times: -1},
			outcome: fmGiveUp, is: genesys.ErrForbidden, status: 403, attempts: 1, waits: []time.Duration{}},
		{name: "404 not retried", rule: genesystest.Rule{Status: 404, Times: -1}, ops: []string{"query", "job create"},
			outcome: fmGiveUp, is: genesys.ErrNotFound, status: 404, attempts: 1, waits: []time.Duration{}},
		// A 404 on a job's status or results means the job is gone: the
		// search recreates it (from the mark) a few times, then gives up.
		{name: "404 on a job: recreated", rule: genesystest.Rule{Status: 404, Times: 1}, ops: jobOps,
			targets: fmJobTargets, outcome: fmRecoverAny},
		{name: "404 on a job: persistent", rule: genesystest.Rule{Status: 404, Times: -1}, ops: []string{"job status", "job results"},
			// Each job's 404 is one attempt; the jobs are recreated a few
			// times, so the log holds several.
			outcome: fmGiveUp, is: search.ErrJobExpired, status: 404, check: func(t *testing.T, err error) {
				var je *search.JobError
				require.ErrorAs(t, err, &je)
				assert.Equal(t, search.JobExpired, je.State)
				var ae *genesys.APIError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, 1, ae.Attempts)
			}},
		// Connections.
		{name: "reset before headers", rule: genesystest.Rule{Action: genesystest.ResetBeforeHeaders, Times: 2},
			ambiguous: true, outcome: fmRecover},
		{name: "reset mid-body", rule: genesystest.Rule{Action: genesystest.ResetMidBody, Times: 2},
			ambiguous: true, backoffs: 2},
		{name: "reset persistent", rule: genesystest.Rule{Action: genesystest.ResetMidBody, Times: -1},
			ambiguous: true, outcome: fmGiveUp, attempts: 4},
		{name: "truncated JSON body", rule: genesystest.Rule{Action: genesystest.TruncateBody, Times: 2},
			ambiguous: true, backoffs: 2},
		{name: "slow headers past the attempt timeout", rule: genesystest.Rule{Action: genesystest.DelayHeaders,
			Delay: time.Minute, Times: 1}, attemptTimeout: 300 * time.Millisecond, ambiguous: true, backoffs: 1,
			// The fake may not log a request it aborts: the one backoff proves the one retry.
			outcome: fmRecoverAny},
		{name: "hung connection, context cancelled", rule: genesystest.Rule{Action: genesystest.DelayHeaders,
			Delay: time.Minute, Times: -1}, cancelOnTarget: true,
			outcome: fmGiveUp, is: context.Canceled, waits: []time.Duration{}},
		// Tokens.
		{name: "token expiry mid-run", midRun: func(_ *testing.T, srv *genesystest.Server) { srv.ExpireTokens() },
			ops: []string{"query", "job results", "export"}, outcome: fmRecoverAny,
			stats: func(t *testing.T, st genesystest.Stats) {
				assert.Positive(t, st.Unauthorized, "the expired token was refused")
				assert.GreaterOrEqual(t, st.TokensIssued, 2, "and replaced")
			}},
		{name: "token endpoint fails a few times mid-run", midRun: func(t *testing.T, srv *genesystest.Server) {
			srv.ExpireTokens()
			require.NoError(t, srv.AddRules(genesystest.Rule{Method: http.MethodPost, Path: fmTokenPath, Status: 503, Times: 2}))
		}, ops: []string{"query", "job results", "export"}, outcome: fmRecoverAny,
			stats: func(t *testing.T, st genesystest.Stats) {
				assert.Positive(t, st.Unauthorized, "the expired token was refused")
				assert.Equal(t, 2, st.ByStatus[503], "the token endpoint failed twice")
				assert.GreaterOrEqual(t, st.TokensIssued, 2, "then issued a token")
			}},
		{name: "token refused", extra: []genesystest.Rule{{Method: http.MethodPost, Path: fmTokenPath, Status: 401, Times: -1,
			Body: `{"error":"invalid_client","error_description":"client not found"}`}},
			ops: []string{"query", "export"}, outcome: fmGiveUp, is: genesys.ErrUnauthorized, attempts: 1,
			check: func(t *testing.T, err error) {
				var te *genesys.TokenError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, 401, te.StatusCode)
				assert.Equal(t, "invalid_client", te.Code)
			}},
		// Jobs.
		{name: "job FAILED once", rule: genesystest.Rule{Status: 200,
			Body: `{"state":"FAILED","errorMessage":"Query could not be completed"}`, Times: 1},
			targets: func(op fmOp) []fmTarget {
				tg := fmStatusTarget
				if op.export {
					tg.skip = 1 // the availability request matches jobs/* too
				}
				return []fmTarget{tg}
			},
			ops: []string{"job status", "export"}, outcome: fmRecoverAny,
			stats: func(t *testing.T, st genesystest.Stats) {
				assert.Equal(t, 4, st.JobsCreated, "the failed job was created again (3 chunks)")
			}},
		{name: "job always FAILED", faults: genesystest.Faults{JobFailRate: 1}, ops: []string{"job status", "export"},
			outcome: fmGiveUp, is: search.ErrJobFailed, searchErr: true, check: func(t *testing.T, err error) {
				var je *search.JobError
				require.ErrorAs(t, err, &je)
				assert.Equal(t, search.JobFailed, je.State)
				assert.NotEmpty(t, je.JobID)
				assert.Contains(t, je.Message, "Query could not be completed")
			}},
		{name: "job EXPIRED mid-cursor", faults: genesystest.Faults{JobExpireAfterPages: 1},
			ops: []string{"job results", "export"}, outcome: fmRecoverAny,
			stats: func(t *testing.T, st genesystest.Stats) {
				assert.Greater(t, st.JobsCreated, 3, "jobs were recreated after expiring (3 chunks)")
			}},
		{name: "repeated cursor on the first page", faults: genesystest.Faults{RepeatCursorAtPage: 1},
			ops: []string{"job results", "export"}, outcome: fmRecoverAny},
		{name: "repeated cursor mid-results", faults: genesystest.Faults{RepeatCursorAtPage: 2},
			ops: []string{"job results", "export"}, outcome: fmRecoverOrGiveUp, is: search.ErrRepeatedCursor, searchErr: true},
		{name: "empty last page", faults: genesystest.Faults{EmptyLastPage: true},
			ops: []string{"job results", "export"}, outcome: fmRecoverAny},
		{name: "page repeats rows of the previous page", faults: genesystest.Faults{RepeatRowsAtPage: 2, RepeatRows: 7},
			ops: []string{"job results", "export"}, outcome: fmRecoverAny},
		{name: "concurrent-job cap", limits: genesystest.Limits{MaxConcurrentJobs: 1, JobPolls: 3},
			ops: []string{"export"}, outcome: fmRecoverAny,
			stats: func(t *testing.T, st genesystest.Stats) {
				assert.Positive(t, st.JobsRejected, "the cap refused creates")
			}},
	}
}

// fmJobTargets are the targets of a fault on a job: for an export, its
// results only (a 404 on the query is not a job's).
func fmJobTargets(op fmOp) []fmTarget {
	if op.export {
		return []fmTarget{fmResultsTarget}
	}
	return op.targets
}

// fmInstant is the searcher's clock: its waits end at once.
type fmInstant struct{ skew atomic.Int64 }

func (c *fmInstant) Now() time.Time { return fmNow.Add(time.Duration(c.skew.Load())) }

func (c *fmInstant) Sleep(ctx context.Context, d time.Duration) error {
	c.skew.Add(int64(max(d, 0)))
	return ctx.Err()
}

// fmHookTransport calls onRequest before each request it sends.
type fmHookTransport struct {
	base      http.RoundTripper
	onRequest func(*http.Request)
}

func (h fmHookTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h.onRequest(r)
	return h.base.RoundTrip(r)
}

func fmServer(t *testing.T, row fmRow) *genesystest.Server {
	t.Helper()
	srv := genesystest.NewServer(
		genesystest.WithSeed(11),
		genesystest.WithConversations(150),
		genesystest.WithPeriod(fmStart, fmEnd),
		genesystest.WithClock(func() time.Time { return fmNow }),
		genesystest.WithFaults(row.faults),
		genesystest.WithLimits(row.limits),
	)
	t.Cleanup(srv.Close)
	return srv
}

// fmResult is what one run of an operation gave.
type fmResult struct {
	ids   []string
	err   error
	waits []time.Duration
}

// fmRun runs op once against srv. onTarget (may be nil) is called when a
// request to one of op's targets is sent; midRun (may be nil) once after
// the first delivery.
func fmRun(t *testing.T, ctx context.Context, srv *genesystest.Server, op fmOp, row fmRow, dir string,
	onTarget func(), midRun func()) fmResult {
	targets := row.targetsFor(op)
	t.Helper()
	clk := &recordingClock{now: fmNow}
	base := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(base.CloseIdleConnections)
	var rt http.RoundTripper = base
	if onTarget != nil {
		rt = fmHookTransport{base: base, onRequest: func(r *http.Request) {
			for _, tg := range targets {
				if ok, _ := path.Match(tg.path, r.URL.Path); ok && r.Method == tg.method {
					onTarget()
				}
			}
		}}
	}
	opts := append(srv.ClientOptions(), genesys.WithClock(clk),
		genesys.WithRetryPolicy(fmPolicy), genesys.WithHTTPClient(&http.Client{Transport: rt}))
	if !row.paced {
		opts = append(opts, genesys.WithPacer(nil))
	}
	if row.attemptTimeout > 0 {
		opts = append(opts, genesys.WithAttemptTimeout(row.attemptTimeout))
	}
	c, err := genesys.New(context.Background(), opts...)
	require.NoError(t, err)
	s := search.New(c, search.WithClock(&fmInstant{}), search.WithPollInterval(time.Millisecond, time.Millisecond),
		search.WithJobPageSize(20), search.WithQueryPageSize(25), search.WithChunk(12*time.Hour))
	require.NoError(t, s.Err())

	var once sync.Once
	mid := func() {
		if midRun != nil {
			once.Do(midRun)
		}
	}
	res := fmResult{ids: []string{}}
	if !op.export {
		for conv, err := range s.All(ctx, op.query) {
			if err != nil {
				res.err = err
				break
			}
			res.ids = append(res.ids, conv.ID)
			mid()
		}
		res.waits = clk.waits()
		return res
	}
	out := filepath.Join(dir, "out.jsonl")
	sink := search.NewJSONLFileSink(out)
	_, res.err = s.Export(ctx, op.query, sink,
		search.WithCheckpointStore(search.NewFileCheckpointStore(out+".checkpoint")),
		search.WithConcurrency(3),
		search.WithBatchHook(func(context.Context, search.BatchInfo) error { mid(); return nil }))
	require.NoError(t, sink.Close())
	if _, err := os.Stat(out); err == nil {
		res.ids = fmLineIDs(t, out)
	}
	res.waits = clk.waits()
	return res
}

// fmLineIDs reads the conversationId of each line of a JSONL file.
func fmLineIDs(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
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

// fmCounts counts the requests to each target, and those a rule fired on.
func fmCounts(srv *genesystest.Server, targets []fmTarget) (all, fired []int) {
	all, fired = make([]int, len(targets)), make([]int, len(targets))
	for _, r := range srv.Requests() {
		for i, tg := range targets {
			if tg.match(r) {
				all[i]++
				if strings.HasPrefix(r.Fault, "rule:") {
					fired[i]++
				}
			}
		}
	}
	return all, fired
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	// Baselines: the requests each operation makes without faults, and
	// the ground truth.
	clean := fmServer(t, fmRow{})
	baseline := map[string][]int{}
	want := map[string][]string{}
	for _, op := range fmOps {
		ids, err := clean.ConversationIDs(op.query.Start, op.query.End, filter.Wire{})
		require.NoError(t, err)
		require.Greater(t, len(ids), 80, op.name)
		want[op.name] = ids
		before, _ := fmCounts(clean, op.targets)
		res := fmRun(t, t.Context(), clean, op, fmRow{}, t.TempDir(), nil, nil)
		require.NoError(t, res.err, op.name)
		fmAssertIDs(t, ids, res.ids, op.name)
		after, _ := fmCounts(clean, op.targets)
		for i := range after {
			after[i] -= before[i]
			require.Greater(t, after[i], op.targets[i].skip, "%s: the rule's Skip leaves requests to fault", op.name)
		}
		baseline[op.name] = after
	}

	for _, row := range fmRows() {
		t.Run(row.name, func(t *testing.T) {
			t.Parallel()
			for _, op := range fmOps {
				if !row.appliesTo(op) {
					continue
				}
				t.Run(op.name, func(t *testing.T) {
					t.Parallel()
					if why := row.skip[op.name]; why != "" && os.Getenv("GCDATA_FAULTMATRIX_BUGS") == "" {
						t.Skip(why + " (GCDATA_FAULTMATRIX_BUGS=1 runs it)")
					}
					fmCell(t, row, op, want[op.name], baseline[op.name])
				})
			}
		})
	}
}

// fmCell runs one row against one operation and checks the outcome.
func fmCell(t *testing.T, row fmRow, op fmOp, want []string, baseline []int) {
	srv := fmServer(t, row)
	targets := row.targetsFor(op)
	if row.hasRule() {
		for _, tg := range targets {
			r := row.rule
			r.Method, r.Path, r.Skip = tg.method, tg.path, tg.skip
			require.NoError(t, srv.AddRules(r))
		}
	}
	require.NoError(t, srv.AddRules(row.extra...))

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var onTarget func()
	if row.cancelOnTarget {
		var once sync.Once
		onTarget = func() {
			once.Do(func() { time.AfterFunc(20*time.Millisecond, cancel) })
		}
	}
	var midRun func()
	if row.midRun != nil {
		midRun = func() { row.midRun(t, srv) }
	}
	dir := t.TempDir()
	began := time.Now()
	res := fmRun(t, ctx, srv, op, row, dir, onTarget, midRun)
	elapsed := time.Since(began)
	// Close waits for the handlers still running (a request the client
	// gave up on is logged when its handler ends), so the log is complete.
	srv.Close()
	all, fired := fmCounts(srv, targets)
	singleTarget := !op.export

	// Nothing twice, ever; and what was delivered is a prefix of the
	// truth (an export writes its chunks in order).
	assertNoDuplicates(t, res.ids)
	require.LessOrEqual(t, len(res.ids), len(want))
	fmAssertIDs(t, want[:len(res.ids)], res.ids, "what was delivered is a prefix of the truth")

	outcome := row.outcome
	if outcome == fmRecoverOrGiveUp {
		outcome = fmRecoverAny
		if res.err != nil {
			outcome = fmGiveUp
		}
	}
	switch outcome {
	case fmRecover, fmRecoverAny:
		require.NoError(t, res.err)
		fmAssertIDs(t, want, res.ids, "exact output")
		if outcome == fmRecover && row.hasRule() {
			for i, tg := range targets {
				times := row.rule.Times
				assert.Equal(t, times, fired[i], "the rule fired on %s", tg.path)
				if tg == fmStatusTarget && row.served() {
					continue // the damaged polls advanced the job: fewer polls follow
				}
				assert.Equal(t, baseline[i]+times, all[i], "each fault cost one more request to %s", tg.path)
			}
		}
	case fmGiveUp:
		require.Error(t, res.err)
		t.Logf("gave up: %v", res.err)
		if row.is != nil {
			assert.ErrorIs(t, res.err, row.is)
		}
		if row.cancelOnTarget {
			assert.Less(t, elapsed, 10*time.Second, "cancellation ends a hung request at once")
		}
		fmCheckGiveUp(t, srv, row, op, targets, res.err, all)
		if row.check != nil {
			row.check(t, res.err)
		}
	}

	// Waits on the fake clock (the single-target operations; a job
	// create after an ambiguous failure is created again at once).
	if singleTarget && !(op.create && row.ambiguous) {
		if row.waits != nil {
			assert.Equal(t, row.waits, res.waits, "waits between attempts")
		}
		if row.waitsCheck != nil {
			row.waitsCheck(t, res.waits)
		}
		if row.backoffs > 0 {
			require.Len(t, res.waits, row.backoffs, "waits between attempts")
			d := fmPolicy.MinBackoff
			for _, w := range res.waits {
				assert.GreaterOrEqual(t, w, d/2, "backoff %s", w)
				assert.LessOrEqual(t, w, d, "backoff %s", w)
				d = min(2*d, fmPolicy.MaxBackoff)
			}
		}
	}

	// Every job created is deleted, on every way out; except the jobs a
	// create made before its response was lost (the client never learnt
	// their ids: they expire on the server).
	st := srv.Stats()
	if row.stats != nil {
		row.stats(t, st)
	}
	orphans := 0
	if op.create && row.served() {
		orphans = fired[0]
	}
	assert.Equal(t, st.JobsCreated-orphans, st.JobsDeleted, "every job deleted")

	// An export that gave up resumes from its checkpoint, on a restarted
	// server without the fault, to exactly the truth.
	if op.export && outcome == fmGiveUp {
		again := fmRun(t, t.Context(), fmServer(t, fmRow{}), op, fmRow{}, dir, nil, nil)
		require.NoError(t, again.err)
		fmAssertIDs(t, want, again.ids, "the resumed export is exact")
	}
}

// fmCheckGiveUp checks that a give-up is typed and names the operation, the
// status and the correlation id.
func fmCheckGiveUp(t *testing.T, srv *genesystest.Server, row fmRow, op fmOp, targets []fmTarget, err error, all []int) {
	t.Helper()
	ops := make([]string, 0, len(targets))
	for _, tg := range targets {
		ops = append(ops, tg.operation)
	}
	var ae *genesys.APIError
	var re *genesys.RequestError
	ambiguousCreate := op.create && row.ambiguous
	switch {
	case row.searchErr:
		// Checked by row.is and row.check.
	case row.status != 0:
		require.ErrorAs(t, err, &ae, "a typed API error")
		assert.Equal(t, row.status, ae.StatusCode)
		assert.Contains(t, ops, ae.Operation)
		assert.Contains(t, err.Error(), ae.Operation, "the error names the operation")
		assert.Contains(t, err.Error(), strconv.Itoa(row.status), "the error names the status")
		require.NotEmpty(t, ae.CorrelationID)
		assert.Contains(t, err.Error(), ae.CorrelationID, "the error names the correlation id")
		var seen bool
		for _, r := range srv.Requests() {
			if r.CorrelationID == ae.CorrelationID {
				seen = true
				assert.Equal(t, row.status, r.Status, "the correlation id is the failed request's")
			}
		}
		assert.True(t, seen, "the correlation id is one the server sent")
		if row.retryAfter > 0 {
			assert.Equal(t, row.retryAfter, ae.RetryAfter)
		}
		attempts := row.attempts
		if ambiguousCreate {
			attempts = 1 // not retried by the client; the search creates again
			assert.ErrorIs(t, err, genesys.ErrAmbiguous)
			if !op.export {
				assert.Equal(t, 3, all[0], "three creates, none retried")
			}
		}
		if attempts > 0 {
			assert.Equal(t, attempts, ae.Attempts, "attempts")
			if !op.export && !ambiguousCreate {
				assert.Equal(t, attempts, fmFailedRun(srv, targets[0]), "attempts in the server's log")
			}
		}
	case row.cancelOnTarget && op.export:
		// The export reports its caller's cancellation, checked by row.is.
		assert.Contains(t, err.Error(), "Export")
	default:
		// Without a response there is no status: a RequestError naming the
		// operation (a refused token request counts here too).
		require.ErrorAs(t, err, &re, "a typed request error")
		if row.hasRule() {
			assert.Contains(t, ops, re.Operation)
		}
		assert.Contains(t, err.Error(), re.Operation, "the error names the operation")
		if row.attempts > 0 {
			want := row.attempts
			if ambiguousCreate {
				want = 1
				assert.ErrorIs(t, err, genesys.ErrAmbiguous)
			}
			assert.Equal(t, want, re.Attempts, "attempts")
		}
	}
}

// fmFailedRun counts the requests to tg at the end of the log that a rule
// fired on: the attempts of the call that gave up.
func fmFailedRun(srv *genesystest.Server, tg fmTarget) int {
	reqs := srv.Requests()
	n := 0
	for i := len(reqs) - 1; i >= 0; i-- {
		r := reqs[i]
		if !tg.match(r) {
			continue
		}
		if !strings.HasPrefix(r.Fault, "rule:") {
			break
		}
		n++
	}
	return n
}

func assertNoDuplicates(t *testing.T, ids []string) {
	t.Helper()
	seen := make(map[string]bool, len(ids))
	var dups []string
	for _, id := range ids {
		if seen[id] {
			dups = append(dups, id)
		}
		seen[id] = true
	}
	assert.Empty(t, dups, "duplicated conversations")
}

// fmAssertIDs compares id lists, reporting the lengths and the first
// difference rather than both lists.
func fmAssertIDs(t *testing.T, want, got []string, msg string) bool {
	t.Helper()
	if slices.Equal(want, got) {
		return true
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	at := func(s []string) string {
		if i < len(s) {
			return s[i]
		}
		return "(end)"
	}
	return assert.Fail(t, msg, "want %d ids, got %d; first difference at %d: want %s, got %s",
		len(want), len(got), i, at(want), at(got))
}

// TestServerLimits checks the limits on what the server sends, through the
// search: a success body over the client's cap (genesys.WithMaxResponseBytes)
// fails at once with a *genesys.BodyLimitError, a body that does not decode
// fails with an error naming the operation and the decoding problem, and an
// oversized or garbled error body still gives a typed APIError whose text
// stays short. None of them is retried.
func TestServerLimits(t *testing.T) {
	t.Parallel()
	ops := []fmOp{fmOps[0], fmOps[3]} // query, job results
	huge := `{"message":"` + strings.Repeat("x", 1<<20) + `","code":"too.big"}`
	for _, tt := range []struct {
		name     string
		maxBody  int64
		rule     genesystest.Rule
		checkErr func(t *testing.T, op fmOp, err error)
	}{
		{name: "success body over the cap", maxBody: 16 << 10,
			checkErr: func(t *testing.T, op fmOp, err error) {
				var be *genesys.BodyLimitError
				require.ErrorAs(t, err, &be)
				assert.Equal(t, int64(16<<10), be.Limit)
				var re *genesys.RequestError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, op.targets[0].operation, re.Operation)
				assert.Equal(t, 1, re.Attempts, "not retried")
				assert.Contains(t, err.Error(), "WithMaxResponseBytes")
			}},
		{name: "body of the wrong shape", rule: genesystest.Rule{Status: 200, Body: `{"conversations":"none","cursor":7}`},
			checkErr: func(t *testing.T, op fmOp, err error) {
				var re *genesys.RequestError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, op.targets[0].operation, re.Operation)
				assert.Equal(t, 1, re.Attempts, "not retried")
				assert.Contains(t, err.Error(), "decode response")
				assert.Contains(t, err.Error(), op.targets[0].operation)
			}},
		{name: "conversation of the wrong shape", rule: genesystest.Rule{Status: 200,
			Body: `{"conversations":[{"conversationId":"c1","conversationStart":12}],"totalHits":1}`},
			checkErr: func(t *testing.T, op fmOp, err error) {
				var re *genesys.RequestError
				require.ErrorAs(t, err, &re)
				assert.Contains(t, err.Error(), "decode response")
				assert.Contains(t, err.Error(), "[0]", "the error names the conversation")
				assert.Contains(t, err.Error(), "conversationStart", "the error names the member")
				assert.Contains(t, err.Error(), "offset", "the error names the position")
			}},
		{name: "oversized error body", rule: genesystest.Rule{Status: 400, Body: huge},
			checkErr: func(t *testing.T, op fmOp, err error) {
				var ae *genesys.APIError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, 400, ae.StatusCode)
				assert.Less(t, len(err.Error()), 1200, "the error text stays short")
				assert.LessOrEqual(t, len(ae.Message), 64<<10, "the error body is read through a limit")
			}},
		{name: "error body that is not JSON", rule: genesystest.Rule{Status: 403, Body: "<html>denied</html>",
			Header: http.Header{"Content-Type": {"text/html"}}},
			checkErr: func(t *testing.T, op fmOp, err error) {
				var ae *genesys.APIError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, 403, ae.StatusCode)
				assert.NotEmpty(t, ae.CorrelationID)
				assert.Contains(t, err.Error(), ae.CorrelationID)
				assert.NotContains(t, err.Error(), "<html>", "no body in the error text")
			}},
	} {
		for _, op := range ops {
			t.Run(tt.name+"/"+op.name, func(t *testing.T) {
				t.Parallel()
				srv := fmServer(t, fmRow{})
				tg := op.targets[0]
				if tt.rule.Status != 0 {
					r := tt.rule
					r.Method, r.Path, r.Times = tg.method, tg.path, -1
					require.NoError(t, srv.AddRules(r))
				}
				clk := &recordingClock{now: fmNow}
				opts := append(srv.ClientOptions(), genesys.WithClock(clk), genesys.WithPacer(nil), genesys.WithRetryPolicy(fmPolicy))
				if tt.maxBody > 0 {
					opts = append(opts, genesys.WithMaxResponseBytes(tt.maxBody))
				}
				c, err := genesys.New(context.Background(), opts...)
				require.NoError(t, err)
				t.Cleanup(c.CloseIdleConnections)
				s := search.New(c, search.WithClock(&fmInstant{}), search.WithPollInterval(time.Millisecond, time.Millisecond),
					search.WithJobPageSize(20), search.WithQueryPageSize(25))
				var got error
				n := 0
				for _, err := range s.All(t.Context(), op.query) {
					if err != nil {
						got = err
						break
					}
					n++
				}
				require.Error(t, got)
				t.Logf("%v", truncateForLog(got.Error()))
				assert.Zero(t, n, "nothing delivered")
				tt.checkErr(t, op, got)
				assert.Empty(t, clk.waits(), "not retried")
				srv.Close()
				all, _ := fmCounts(srv, op.targets)
				assert.Equal(t, 1, all[0], "one request")
				st := srv.Stats()
				assert.Equal(t, st.JobsCreated, st.JobsDeleted, "every job deleted")
			})
		}
	}
}

func truncateForLog(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
