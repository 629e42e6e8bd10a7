package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
)

type eventKey struct{}

// EventFromContext returns the verified event [Verifier.Middleware] put in
// the request's context; its ID is the webhook-id header.
func EventFromContext(ctx context.Context) (Event, bool) {
	e, ok := ctx.Value(eventKey{}).(Event)
	return e, ok
}

// DefaultErrorStatus maps a verification error to the middleware's answer:
// 413 for [ErrBodyTooLarge], 405 for a method other than POST, 400 for
// missing or malformed headers and payloads, 401 for a bad signature or a
// timestamp outside the tolerance. [ErrReplayed] gets 200: the message was
// already accepted, and a sender that lost the first answer should stop
// retrying.
func DefaultErrorStatus(err error) int {
	switch {
	case errors.Is(err, ErrReplayed):
		return http.StatusOK
	case errors.Is(err, ErrBodyTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed
	case errors.Is(err, ErrInvalidSignature), errors.Is(err, ErrTimestampTooOld), errors.Is(err, ErrTimestampTooNew):
		return http.StatusUnauthorized
	default:
		return http.StatusBadRequest
	}
}

var errMethod = errors.New("webhook: method not allowed")

// Middleware returns a handler that reads the request body once (through
// the body limit), verifies it like [Verifier.Verify], decodes the payload
// with [ParseEvent] and calls next with the event in the request context
// ([EventFromContext]) and the body readable again. Failures never reach
// next: they are answered with the status from [WithErrorStatus] and a
// short plain-text reason.
//
// With a replay cache the webhook-id is remembered only after next answers
// 2xx, so a delivery whose handler failed can be retried; a repeat of an
// accepted id is answered 200 without calling next.
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ev, m, err := v.verifyRequest(w, r)
		if err != nil {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.WriteHeader(v.cfg.errorStatus(err))
			_, _ = io.WriteString(w, err.Error()+"\n")
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), eventKey{}, ev))
		if v.replay == nil {
			next.ServeHTTP(w, r)
			return
		}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 || (sw.status >= 200 && sw.status < 300) {
			v.replay.add(m.ID, m.Timestamp.Add(v.cfg.tolerance), v.cfg.clock())
		}
	})
}

func (v *Verifier) verifyRequest(w http.ResponseWriter, r *http.Request) (Event, Verified, error) {
	if r.Method != http.MethodPost {
		return Event{}, Verified{}, errMethod
	}
	if r.Header.Get(HeaderID) == "" || r.Header.Get(HeaderTimestamp) == "" || r.Header.Get(HeaderSignature) == "" {
		return Event{}, Verified{}, ErrMissingHeaders // before reading any body
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, v.cfg.maxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return Event{}, Verified{}, ErrBodyTooLarge
		}
		return Event{}, Verified{}, errors.New("webhook: reading body failed")
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	m, err := v.check(r.Header, body)
	if err != nil {
		return Event{}, Verified{}, err
	}
	if v.replay != nil && v.replay.seen(m.ID, v.cfg.clock()) {
		return Event{}, Verified{}, ErrReplayed
	}
	ev, err := ParseEvent(body)
	if err != nil {
		return Event{}, Verified{}, err
	}
	ev.ID = m.ID
	return ev, m, nil
}

// statusWriter records the status next answers with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
