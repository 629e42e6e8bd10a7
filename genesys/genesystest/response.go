package genesystest

import (
	"net/http"
	"strconv"
)

// response is a buffered response: handlers fill it, the server writes it
// (possibly damaged by a fault).
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r *response) json(status int, body []byte) {
	r.status = status
	r.header.Set("Content-Type", "application/json")
	r.body = body
}

// apiError is an error body of the real shape.
type apiError struct {
	status  int
	code    string
	message string
	limit   *errorLimit
}

type errorLimit struct {
	key, namespace string
	value          int64
}

// errorCodes are the codes written for each status.
func errorCode(status int) string {
	switch status {
	case 400:
		return "bad.request"
	case 401:
		return "authentication.required"
	case 403:
		return "missing.permissions"
	case 404:
		return "not.found"
	case 405:
		return "method.not.allowed"
	case 408:
		return "request.timeout"
	case 409:
		return "conflict"
	case 413:
		return "request.entity.too.large"
	case 415:
		return "unsupported.media.type"
	case 429:
		return "too.many.requests.retry.after"
	case 500:
		return "internal.server.error"
	case 501:
		return "not.implemented"
	case 502:
		return "bad.gateway"
	case 503:
		return "service.unavailable"
	case 504:
		return "gateway.timeout"
	}
	return "error." + strconv.Itoa(status)
}

func errorMessage(status int) string {
	switch status {
	case 401:
		return "No authentication bearer token specified in authorization header."
	case 403:
		return "You are not authorized to perform the requested action."
	case 404:
		return "The requested resource was not found."
	case 429:
		return "Rate limit exceeded the maximum. Retry the request in [1] seconds"
	case 500:
		return "The server encountered an unexpected condition which prevented it from fulfilling the request."
	case 502:
		return "Bad Gateway - The server received an invalid response from the upstream server."
	case 503:
		return "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance)."
	case 504:
		return "Gateway Timeout - The server did not receive a timely response from the upstream server."
	}
	if t := http.StatusText(status); t != "" {
		return t
	}
	return "error"
}

// errorBody writes the Genesys error body for e.
func errorBody(e apiError, contextID string) []byte {
	if e.code == "" {
		e.code = errorCode(e.status)
	}
	if e.message == "" {
		e.message = errorMessage(e.status)
	}
	var w jw
	w.open('{')
	w.fStr("message", e.message)
	w.fStr("code", e.code)
	w.fInt("status", int64(e.status))
	w.key("messageParams")
	w.open('{')
	w.close('}')
	w.fStr("contextId", contextID)
	w.key("details")
	w.open('[')
	w.close(']')
	w.key("errors")
	w.open('[')
	w.close(']')
	if e.limit != nil {
		w.key("limit")
		w.open('{')
		w.fStr("key", e.limit.key)
		w.fStr("namespace", e.limit.namespace)
		w.fInt("value", e.limit.value)
		w.close('}')
	}
	w.close('}')
	return w.b
}

// fail fills r with the error body for e.
func (r *response) fail(e apiError, contextID string) {
	r.json(e.status, errorBody(e, contextID))
}

func badRequest(msg string) *apiError {
	return &apiError{status: http.StatusBadRequest, message: msg}
}

func notFound(msg string) *apiError {
	return &apiError{status: http.StatusNotFound, message: msg}
}
