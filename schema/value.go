package schema

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ValueError reports a value that a field or property does not accept.
type ValueError struct {
	Field  string // the field or property name
	Value  string // the rejected value (as given)
	Reason string // why, lower case, e.g. "not a uuid (want 8-4-4-4-12 hex digits)"
}

// Error returns "schema: FIELD: bad value "VALUE": REASON". Long values are
// shortened.
func (e *ValueError) Error() string {
	return "schema: " + e.Field + ": bad value " + quote(e.Value) + ": " + e.Reason
}

// maxQuoted is the longest value quoted in full in an error message.
const maxQuoted = 64

// quote quotes s for an error message, shortening long strings.
func quote(s string) string {
	if len(s) > maxQuoted {
		cut := maxQuoted
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}

func validUTF8(s string) bool { return utf8.ValidString(s) }

// checkValue returns "" if v is a valid value of type t (with enum list e for
// TypeEnum), or the reason it is not.
func checkValue(t ValueType, e enumList, v string) string {
	if v == "" {
		return "empty value"
	}
	if !utf8.ValidString(v) {
		return "not valid utf-8"
	}
	switch t {
	case TypeUUID:
		if !isUUID(v) {
			return "not a uuid (want 8-4-4-4-12 hex digits, e.g. 5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a)"
		}
	case TypeString:
	case TypeEnum:
		if !enumContains(e, v) {
			return enumReason(e, v)
		}
	case TypeDateTime:
		return checkDateTime(v)
	case TypeBool:
		if v != "true" && v != "false" {
			return "not a bool (want true or false)"
		}
	case TypeInteger:
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return "not an integer"
		}
	case TypeDuration, TypeCount, TypeNumber:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || strings.ContainsAny(v, "xXpP_") || isSpecialFloat(v) {
			return "not a number"
		}
		return checkBound(t, x)
	default:
		return "unknown value type " + quote(string(t))
	}
	return ""
}

// isSpecialFloat reports whether v spells an infinity or NaN, which
// strconv.ParseFloat accepts but JSON cannot carry.
func isSpecialFloat(v string) bool {
	s := strings.TrimLeft(strings.ToLower(v), "+-")
	return strings.HasPrefix(s, "inf") || s == "nan"
}

// checkBound returns "" if x is a valid number of type t, or the reason.
func checkBound(t ValueType, x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "not a finite number"
	}
	if x < 0 {
		switch t {
		case TypeDuration:
			return "negative duration"
		case TypeCount:
			return "negative count"
		}
	}
	return ""
}

// isUUID reports whether s is 8-4-4-4-12 hexadecimal digits.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := range len(s) {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// checkDateTime accepts an RFC 3339 instant or an interval "start/end".
func checkDateTime(v string) string {
	start, end, isInterval := strings.Cut(v, "/")
	if !isInterval {
		if _, err := time.Parse(time.RFC3339Nano, v); err != nil {
			return "not an rfc 3339 date-time (want e.g. 2026-05-01T00:00:00.000Z, or an interval start/end)"
		}
		return ""
	}
	a, err1 := time.Parse(time.RFC3339Nano, start)
	b, err2 := time.Parse(time.RFC3339Nano, end)
	switch {
	case err1 != nil:
		return "interval start is not an rfc 3339 date-time (want e.g. 2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z)"
	case err2 != nil:
		return "interval end is not an rfc 3339 date-time (want e.g. 2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z)"
	case b.Before(a):
		return "interval end is before its start"
	}
	return ""
}

// enumReason explains why v is not in list e: it suggests the closest value
// and lists the allowed ones.
func enumReason(e enumList, v string) string {
	values := enumValues(e)
	var b strings.Builder
	b.WriteString("not an allowed value")
	if s := closest(v, values, 1); len(s) > 0 {
		b.WriteString("; did you mean ")
		b.WriteString(strconv.Quote(s[0]))
		b.WriteString("?")
	}
	b.WriteString(" (allowed: ")
	b.WriteString(strings.Join(values, ", "))
	b.WriteString(")")
	return b.String()
}
