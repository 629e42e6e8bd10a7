package search

import (
	"context"
	"encoding/json"
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
	// Err is the response that showed the job gone (a 404
	// *genesys.APIError with its status and correlation id), if any.
	Err error
}

// Unwrap returns Err.
func (e *JobError) Unwrap() error { return e.Err }

func (e *JobError) Error() string {
	s := fmt.Sprintf("search: job %s: state %s", e.JobID, e.State)
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
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

// createJob starts a job for the interval.
//
// A create whose outcome is unknown (a timeout, a reset or a 5xx after
// sending; [genesys.ErrAmbiguous]) is repeated up to twice: a job orphaned
// that way expires on the server. A create still refused by the org's
// concurrent-job cap (429 analytics.jobs.concurrency.exceeded) after the
// client's own retries waits for a slot (Retry-After, or the poll
// interval), up to [WithJobTimeout]; other 429s are returned.
//
// The request runs on context.WithoutCancel(ctx) (bounded by
// createTimeout), so that cancelling ctx does not leave a job on the server
// whose id nobody learns: when ctx ends first, the create gets createGrace
// to finish (and the job is deleted at once), then it is abandoned and the
// context's error returned.
func (s *Searcher) createJob(ctx context.Context, st stats, p *prepared, interval string) (string, error) {
	body := requestBody(p, interval, nil)
	clk := s.cfg.clock
	deadline := clk.Now().Add(s.cfg.jobTimeout)
	wait := s.cfg.pollMin
	var lastErr error
	for ambiguous := 0; ambiguous < 3; {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("search: create details job: %w", err)
		}
		id, err := s.createOnce(ctx, st, body)
		if err == nil {
			s.cfg.logger.DebugContext(ctx, "job created", slog.String("job_id", id), slog.String("interval", interval))
			return id, nil
		}
		lastErr = err
		switch {
		case ctx.Err() != nil:
			if errors.Is(err, ctx.Err()) {
				return "", fmt.Errorf("search: %w", err)
			}
			return "", fmt.Errorf("search: create details job: %w (%w)", context.Cause(ctx), err)
		case errors.Is(err, genesys.ErrAmbiguous):
			ambiguous++
			s.cfg.logger.WarnContext(ctx, "job create outcome unknown; creating again",
				slog.Int("attempt", ambiguous), slog.String("error", err.Error()))
		case jobCapReached(err) && clk.Now().Before(deadline):
			d := wait
			var ae *genesys.APIError
			if errors.As(err, &ae) && ae.RetryAfter > 0 && ae.RetryAfter <= s.cfg.pollMax {
				d = ae.RetryAfter
			}
			wait = min(wait+wait/2, s.cfg.pollMax)
			s.cfg.logger.InfoContext(ctx, "job create refused (429); waiting for a slot", slog.Duration("wait", d))
			if err := clk.Sleep(ctx, d); err != nil {
				return "", fmt.Errorf("search: create details job: waiting for a slot: %w", err)
			}
		default:
			return "", fmt.Errorf("search: %w", err)
		}
	}
	return "", fmt.Errorf("search: %w", lastErr)
}

// jobCapCode is the error code of a job create refused by the org's
// concurrent-job cap.
const jobCapCode = "analytics.jobs.concurrency.exceeded"

// jobCapReached reports whether err is a 429 refusing a job create for the
// concurrent-job cap (other 429s are the client's to retry).
func jobCapReached(err error) bool {
	var ae *genesys.APIError
	return errors.As(err, &ae) && ae.StatusCode == http.StatusTooManyRequests && ae.Code == jobCapCode
}

// createOnce sends one job create (with the client's retries) on a
// detached context; see createJob.
func (s *Searcher) createOnce(ctx context.Context, st stats, body []byte) (string, error) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), createTimeout)
	defer cancel()
	type result struct {
		id  string
		err error
	}
	done := make(chan result, 1)
	go func() {
		var out jobCreated
		_, err := s.do(cctx, st, genesys.Request{
			Method: http.MethodPost, Path: jobsPath, Body: json.RawMessage(body),
			NoRetryAmbiguous: true, Operation: "create details job",
		}, &out)
		if err == nil && out.JobID == "" {
			err = errors.New("search: create details job: response has no jobId")
		}
		done <- result{out.JobID, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		grace := time.NewTimer(createGrace)
		select {
		case r = <-done:
		case <-grace.C:
			cancel()
			r = <-done
		}
		grace.Stop()
	}
	if r.err == nil && ctx.Err() != nil {
		s.deleteJob(ctx, st, r.id)
		return "", context.Cause(ctx)
	}
	return r.id, r.err
}

// errJobGone marks a job that no longer exists or EXPIRED: recreate it.
type errJobGone struct {
	id  string
	err error // the 404, or nil for a status EXPIRED
}

func (e *errJobGone) Error() string { return "search: job " + e.id + " is gone" }

func (e *errJobGone) Unwrap() error { return e.err }

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
				return &errJobGone{id: id, err: err}
			}
			return fmt.Errorf("search: job %s: %w", id, err)
		}
		switch js.State {
		case JobFulfilled:
			return nil
		case JobExpired:
			return &errJobGone{id: id}
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
			return nil, &errJobGone{id: id, err: err}
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
