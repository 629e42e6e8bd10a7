package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// This file holds the small hand-written JSON helpers the payload and the
// outbox records use: the wire format is written field by field, never by
// reflection, so its key order and spelling are fixed by code.

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD;
// <, > and & are escaped so payloads are safe to embed in HTML.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// appendTime appends t in UTC as an RFC 3339 JSON string.
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// object writes one JSON object key by key.
type object struct {
	b     []byte
	first bool
}

func newObject(b []byte) object { return object{b: append(b, '{'), first: true} }

func (o *object) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *object) str(k, v string) { o.key(k); o.b = appendString(o.b, v) }

// strOpt writes k only when v is not empty.
func (o *object) strOpt(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

func (o *object) int(k string, v int64) { o.key(k); o.b = strconv.AppendInt(o.b, v, 10) }

func (o *object) time(k string, t time.Time) { o.key(k); o.b = appendTime(o.b, t) }

// timeOpt writes k only when t is set.
func (o *object) timeOpt(k string, t time.Time) {
	if !t.IsZero() {
		o.time(k, t)
	}
}

func (o *object) raw(k string, v []byte) { o.key(k); o.b = append(o.b, v...) }

func (o *object) end() []byte { return append(o.b, '}') }

// fields is a decoded JSON object whose values are decoded on demand.
type fields map[string]json.RawMessage

func decodeObject(data []byte, what string) (fields, error) {
	var f fields
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", what, errSyntax(err))
	}
	if f == nil {
		return nil, fmt.Errorf("%s: not an object", what)
	}
	return f, nil
}

// errSyntax drops the decoder's wording that may quote input bytes.
func errSyntax(err error) error {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Errorf("invalid JSON at offset %d", se.Offset)
	}
	return errors.New("not a JSON object")
}

func (f fields) str(k string, required bool) (string, error) {
	v, ok := f[k]
	if !ok || string(v) == "null" {
		if required {
			return "", fmt.Errorf("%s: missing", k)
		}
		return "", nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", fmt.Errorf("%s: not a string", k)
	}
	if required && s == "" {
		return "", fmt.Errorf("%s: empty", k)
	}
	return s, nil
}

func (f fields) int(k string, required bool) (int64, error) {
	v, ok := f[k]
	if !ok || string(v) == "null" {
		if required {
			return 0, fmt.Errorf("%s: missing", k)
		}
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: not an integer", k)
	}
	return n, nil
}

func (f fields) time(k string, required bool) (time.Time, error) {
	s, err := f.str(k, required)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: not an RFC 3339 time", k)
	}
	return t, nil
}
