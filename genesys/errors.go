package genesys

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors matched by [APIError.Is] (and, for ErrUnauthorized, by
// [TokenError.Is]). Test for them with errors.Is.
var (
	// ErrBadRequest matches a 400 response.
	ErrBadRequest = errors.New("genesys: bad request")
	// ErrUnauthorized matches a 401 response that persisted after one token
	// refresh, and a token request rejected with 400 or 401.
	ErrUnauthorized = errors.New("genesys: unauthorized")
	// ErrForbidden matches a 403 response (missing permission).
	ErrForbidden = errors.New("genesys: forbidden")
	// ErrNotFound matches a 404 response.
	ErrNotFound = errors.New("genesys: not found")
	// ErrRateLimited matches a 429 response (retries ran out, the budget was
	// spent, or Retry-After exceeded [RetryPolicy.MaxRetryAfter]).
	ErrRateLimited = errors.New("genesys: rate limited")
	// ErrServer matches any 5xx response.
	ErrServer = errors.New("genesys: server error")
	// ErrAmbiguous matches a failure of a request sent with
	// [Request.NoRetryAmbiguous] after which the server may or may not have
	// acted on it (connection reset, timeout, 5xx). Such requests are not
	// retried; see [Request.NoRetryAmbiguous] for how to recover.
	ErrAmbiguous = errors.New("genesys: outcome unknown, request not retried")
)

// maxMessageLen bounds the server message quoted in [APIError.Error].
const maxMessageLen = 512

// APIError is a non-2xx response from the API, returned (in the error chain)
// by [Client.Do] once retries are over. Its Error text never contains the
// response body, a token or a secret.
type APIError struct {
	// Operation names what was being done, from [Request.Operation].
	Operation string
	// StatusCode is the HTTP status of the final response.
	StatusCode int
	// Code is the Genesys error code, e.g. "bad.request" (may be empty).
	Code string
	// Message is the Genesys error message (may be empty).
	Message string
	// CorrelationID is the ININ-Correlation-Id header, or the body's
	// contextId when the header is missing. Quote it to Genesys support.
	CorrelationID string
	// RetryAfter is the parsed Retry-After header of the final response
	// (0 when absent or unparsable).
	RetryAfter time.Duration
	// Details lists the body's details entries.
	Details []ErrorDetail
	// Limit names the platform limit that was hit, when the body says so.
	Limit *ErrorLimit
	// Attempts is how many attempts were made, including the final one.
	Attempts int
	// Ambiguous is true when the request was sent with
	// [Request.NoRetryAmbiguous] and the server may have acted on it (5xx).
	Ambiguous bool
}

// ErrorDetail is one entry of an error body's details array.
type ErrorDetail struct {
	ErrorCode  string `json:"errorCode,omitzero"`
	FieldName  string `json:"fieldName,omitzero"`
	EntityID   string `json:"entityId,omitzero"`
	EntityName string `json:"entityName,omitzero"`
}

// ErrorLimit is an error body's limit object: which platform limit was hit.
type ErrorLimit struct {
	Key       string  `json:"key,omitzero"`
	Namespace string  `json:"namespace,omitzero"`
	Value     float64 `json:"value,omitzero"`
}

// Error returns "genesys: <operation>: <status> <code>: <message>
// (correlation id <id>; <n> attempts)"; empty parts are left out.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("genesys: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	b.WriteByte(' ')
	if e.Code != "" {
		b.WriteString(e.Code)
	} else if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(strings.ToLower(t))
	} else {
		b.WriteString("unknown status")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(truncate(e.Message, maxMessageLen))
	}
	switch {
	case e.CorrelationID != "" && e.Attempts > 1:
		fmt.Fprintf(&b, " (correlation id %s; %d attempts)", e.CorrelationID, e.Attempts)
	case e.CorrelationID != "":
		fmt.Fprintf(&b, " (correlation id %s)", e.CorrelationID)
	case e.Attempts > 1:
		fmt.Fprintf(&b, " (%d attempts)", e.Attempts)
	}
	return b.String()
}

// Is maps the status code to a sentinel: 400 [ErrBadRequest], 401
// [ErrUnauthorized], 403 [ErrForbidden], 404 [ErrNotFound], 429
// [ErrRateLimited], 5xx [ErrServer]; and [ErrAmbiguous] when Ambiguous.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	case ErrAmbiguous:
		return e.Ambiguous
	}
	return false
}

// TokenError is a failed request to the OAuth token endpoint. It carries the
// status and the OAuth error code, never the credentials or the body.
type TokenError struct {
	// StatusCode is the HTTP status of the token response, 0 when no
	// response arrived (see Err).
	StatusCode int
	// Code is the OAuth "error" value, e.g. "invalid_client".
	Code string
	// Description is the OAuth "error_description" (or "description").
	Description string
	// Err is the transport error when no response arrived.
	Err error
}

// Error describes the failure without secrets.
func (e *TokenError) Error() string {
	var b strings.Builder
	b.WriteString("genesys: token request failed")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d", e.StatusCode)
		if e.Code != "" {
			b.WriteString(" " + e.Code)
		}
		if e.Description != "" {
			b.WriteString(": " + truncate(e.Description, maxMessageLen))
		}
	} else if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the transport error, if any.
func (e *TokenError) Unwrap() error { return e.Err }

// Is reports [ErrUnauthorized] for a token request rejected with 400 or 401
// (wrong credentials), so callers can test one sentinel for "bad login".
func (e *TokenError) Is(target error) bool {
	return target == ErrUnauthorized &&
		(e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusBadRequest)
}

// retryable reports whether the token request may succeed if repeated.
func (e *TokenError) retryable() bool {
	return e.StatusCode == 0 || e.StatusCode == http.StatusTooManyRequests ||
		(e.StatusCode >= 500 && e.StatusCode != http.StatusNotImplemented)
}

// RequestError is a request that ended without an HTTP error response: a
// connection failure, a timeout, a cancelled context, a failed token request,
// an oversized or undecodable body. Unwrap gives the cause, so
// errors.Is(err, context.Canceled) and errors.As(err, &tokenErr) work.
type RequestError struct {
	// Operation names what was being done, from [Request.Operation].
	Operation string
	// Attempts is how many attempts were made.
	Attempts int
	// Ambiguous is true when the request was sent with
	// [Request.NoRetryAmbiguous] and may have reached the server.
	Ambiguous bool
	// Err is the cause.
	Err error
}

// Error returns "genesys: <operation>: <cause>".
func (e *RequestError) Error() string {
	var b strings.Builder
	b.WriteString("genesys: ")
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	if e.Ambiguous {
		b.WriteString("outcome unknown (not retried): ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// Is reports [ErrAmbiguous] when Ambiguous.
func (e *RequestError) Is(target error) bool { return target == ErrAmbiguous && e.Ambiguous }

// BodyLimitError reports a response body larger than the configured cap
// ([WithMaxResponseBytes]).
type BodyLimitError struct {
	// Limit is the cap in bytes.
	Limit int64
}

// Error names the limit.
func (e *BodyLimitError) Error() string {
	return fmt.Sprintf("response body exceeds the limit of %d bytes (WithMaxResponseBytes)", e.Limit)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a rune boundary.
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
