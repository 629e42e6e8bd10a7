package genesys

import (
	"bytes"
	stdjson "encoding/json"
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// decodeOptions are the options for decoding success bodies: unknown
// members are ignored (the API adds fields), names are case-sensitive.
func decodeOptions() json.Options {
	return json.RejectUnknownMembers(false)
}

// stdjsonEncoder returns an encoding/json encoder that does not escape HTML.
func stdjsonEncoder(w io.Writer) *stdjson.Encoder {
	enc := stdjson.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// decodeInto stores data in out: as is for raw byte targets, else decoded
// with go-json-experiment/json. Empty data leaves out untouched.
func decodeInto(data []byte, out any) error {
	switch o := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*o = data
		return nil
	case *stdjson.RawMessage:
		*o = data
		return nil
	case *jsontext.Value:
		*o = data
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	return json.Unmarshal(data, out, decodeOptions())
}

// validJSON reports whether data is one complete JSON value.
func validJSON(data []byte) bool {
	return jsontext.Value(data).IsValid()
}

// errorBody is the Genesys error body (CONTRACT.md §6), as far as APIError
// uses it.
type errorBody struct {
	Message   string        `json:"message"`
	Code      string        `json:"code"`
	ContextID string        `json:"contextId"`
	Details   []ErrorDetail `json:"details"`
	Limit     *ErrorLimit   `json:"limit"`
}

// parseErrorBody decodes an error body leniently: if the full shape does
// not decode, the message, code and contextId alone are tried.
func parseErrorBody(data []byte) (errorBody, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return errorBody{}, false
	}
	var b errorBody
	if json.Unmarshal(data, &b, decodeOptions()) == nil {
		if len(b.Details) == 0 {
			b.Details = nil
		}
		return b, true
	}
	var small struct {
		Message   string `json:"message"`
		Code      string `json:"code"`
		ContextID string `json:"contextId"`
	}
	// Decoding continues past a member of the wrong type, so what was
	// read is kept even on error.
	_ = json.Unmarshal(data, &small, decodeOptions())
	b = errorBody{Message: small.Message, Code: small.Code, ContextID: small.ContextID}
	return b, b.Message != "" || b.Code != "" || b.ContextID != ""
}
