package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

const jobsPath = "/api/v2/analytics/conversations/details/jobs"

// JobState is the state of an async detail job (AsyncQueryStatus.state).
type JobState string

// The job states of the contract. Unknown states are treated like PENDING.
const (
	JobQueued    JobState = "QUEUED"
	JobPending   JobState = "PENDING"
	JobFulfilled JobState = "FULFILLED"
	JobFailed    JobState = "FAILED"
	JobCancelled JobState = "CANCELLED"
	JobExpired   JobState = "EXPIRED"
)

// Valid reports whether s is a state the contract lists.
func (s JobState) Valid() bool {
	switch s {
	case JobQueued, JobPending, JobFulfilled, JobFailed, JobCancelled, JobExpired:
		return true
	}
	return false
}

// Sentinels matched by [*JobError] (errors.Is).
var (
	// ErrJobFailed: the job ended FAILED.
	ErrJobFailed = errors.New("search: job failed")
	// ErrJobCancelled: the job was CANCELLED (by someone else).
	ErrJobCancelled = errors.New("search: job cancelled")
	// ErrJobExpired: the job EXPIRED, and recreating it did not help.
	ErrJobExpired = errors.New("search: job expired")
	// ErrJobTimeout: the job stayed QUEUED or PENDING longer than
	// [WithJobTimeout].
	ErrJobTimeout = errors.New("search: job timed out")
	// ErrRepeatedCursor: a job results page carried the cursor it was
	// requested with, which would loop forever.
	ErrRepeatedCursor = errors.New("search: job results repeated their cursor")
)

// JobError is a job that ended without results.
type JobError struct {
	JobID   string
	State   JobState
	Message string // errorMessage of a FAILED job, or what went wrong
}

func (e *JobError) Error() string {
	s := fmt.Sprintf("search: job %s: state %s", e.JobID, e.State)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Is matches the sentinel of the state.
func (e *JobError) Is(target error) bool {
	switch target {
	case ErrJobFailed:
		return e.State == JobFailed
	case ErrJobCancelled:
		return e.State == JobCancelled
	case ErrJobExpired:
		return e.State == JobExpired
	case ErrJobTimeout:
		return e.State == JobQueued || e.State == JobPending || !e.State.Valid()
	}
	return false
}

type jobCreated struct {
	JobID string `json:"jobId"`
}

type jobStatus struct {
	State        JobState `json:"state"`
	ErrorMessage string   `json:"errorMessage,omitzero"`
}

// createJob starts a job for [a, b). A create whose outcome is unknown (a
// timeout, a reset or a 5xx after sending; [genesys.ErrAmbiguous]) is
// repeated up to twice: a job orphaned that way expires on the server.
//
// The request runs on context.WithoutCancel(ctx) (bounded by
// createTimeout): cancelling ctx while the request is in flight would leave
// a job on the server that nobody knows the id of. A job created after ctx
// ended is deleted at once.
func (s *Searcher) createJob(ctx context.Context, st stats, p *prepared, interval string) (string, error) {
	body := requestBody(p, interval, nil)
	var lastErr error
	for attempt := range 3 {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("search: create details job: %w", err)
		}
		var out jobCreated
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), createTimeout)
		_, err := s.do(cctx, st, genesys.Request{
			Method: http.MethodPost, Path: jobsPath, Body: body,
			NoRetryAmbiguous: true, Operation: "create details job",
		}, &out)
		cancel()
		if err == nil {
			if out.JobID == "" {
				return "", errors.New("search: create details job: response has no jobId")
			}
			if cerr := ctx.Err(); cerr != nil {
				s.deleteJob(ctx, st, out.JobID)
				return "", fmt.Errorf("search: create details job: %w", cerr)
			}
			s.cfg.logger.DebugContext(ctx, "job created", slog.String("job_id", out.JobID),
				slog.String("interval", interval))
			return out.JobID, nil
		}
		lastErr = err
		if !errors.Is(err, genesys.ErrAmbiguous) || ctx.Err() != nil {
			break
		}
		s.cfg.logger.WarnContext(ctx, "job create outcome unknown; creating again",
			slog.Int("attempt", attempt+1), slog.String("error", err.Error()))
	}
	return "", fmt.Errorf("search: %w", lastErr)
}

// errJobGone marks a job that no longer exists or EXPIRED: recreate it.
type errJobGone struct{ id string }

func (e *errJobGone) Error() string { return "search: job " + e.id + " is gone" }

// waitJob polls the job until FULFILLED. A job that is gone (404 or
// EXPIRED) gives *errJobGone; FAILED and CANCELLED give *JobError.
func (s *Searcher) waitJob(ctx context.Context, st stats, id string) error {
	clk := s.cfg.clock
	deadline := clk.Now().Add(s.cfg.jobTimeout)
	wait := s.cfg.pollMin
	for {
		var js jobStatus
		resp, err := s.do(ctx, st, genesys.Request{
			Path: jobsPath + "/" + url.PathEscape(id), Operation: "details job status",
		}, &js)
		if err != nil {
			if errors.Is(err, genesys.ErrNotFound) {
				return &errJobGone{id}
			}
			return fmt.Errorf("search: job %s: %w", id, err)
		}
		switch js.State {
		case JobFulfilled:
			return nil
		case JobExpired:
			return &errJobGone{id}
		case JobFailed, JobCancelled:
			return &JobError{JobID: id, State: js.State, Message: js.ErrorMessage}
		}
		if !clk.Now().Before(deadline) {
			return &JobError{JobID: id, State: js.State, Message: "still " + string(js.State) + " after " + s.cfg.jobTimeout.String()}
		}
		d := wait
		if ra, ok := retryAfter(resp); ok {
			d = ra
		}
		if err := clk.Sleep(ctx, d); err != nil {
			return fmt.Errorf("search: waiting for job %s: %w", id, err)
		}
		wait = min(wait+wait/2, s.cfg.pollMax)
	}
}

// retryAfter reads a delay-seconds Retry-After of a status response.
func retryAfter(r *genesys.Response) (time.Duration, bool) {
	if r == nil || r.Header == nil {
		return 0, false
	}
	v := r.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 3600 {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// jobResults reads one page of job results.
func (s *Searcher) jobResults(ctx context.Context, st stats, id, cursor string, size int) (*genesys.JobResultsResponse, error) {
	q := url.Values{"pageSize": {strconv.Itoa(size)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	out := new(genesys.JobResultsResponse)
	_, err := s.do(ctx, st, genesys.Request{
		Path: jobsPath + "/" + url.PathEscape(id) + "/results", Query: q, Operation: "details job results",
	}, out)
	if err != nil {
		if errors.Is(err, genesys.ErrNotFound) {
			return nil, &errJobGone{id}
		}
		return nil, fmt.Errorf("search: job %s results: %w", id, err)
	}
	return out, nil
}

// deleteJob deletes a job, also when ctx is already done (the caller
// stopped): it runs on context.WithoutCancel(ctx) with a timeout. Failures
// are logged, not returned: the job expires on the server anyway.
func (s *Searcher) deleteJob(ctx context.Context, st stats, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	_, err := s.do(ctx, st, genesys.Request{
		Method: http.MethodDelete, Path: jobsPath + "/" + url.PathEscape(id), Operation: "delete details job",
	}, nil)
	if err != nil && !errors.Is(err, genesys.ErrNotFound) {
		s.cfg.logger.WarnContext(ctx, "job delete failed", slog.String("job_id", id), slog.String("error", err.Error()))
	}
}
