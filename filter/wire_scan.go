package filter

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// decoder is a small strict JSON reader for the wire format: it reads the
// fixed shape of filter arrays directly from the bytes, with a path for
// every error. Nesting is bounded by the shape, so no input can make it
// recurse deeply.
type decoder struct {
	data  []byte
	pos   int
	stack []jsonStep // the path of the value being decoded
}

// jsonStep is one step of a JSON path: an object key, or an array index
// when key is "".
type jsonStep struct {
	key string
	i   int
}

func newDecoder(data []byte) *decoder { return &decoder{data: data, stack: make([]jsonStep, 0, 8)} }

func (d *decoder) push(key string) { d.stack = append(d.stack, jsonStep{key: key}) }
func (d *decoder) pop()            { d.stack = d.stack[:len(d.stack)-1] }

// path formats the current JSON path, e.g. "segmentFilters[0].type".
func (d *decoder) path() string {
	var b []byte
	for _, s := range d.stack {
		if s.key == "" {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.i), 10)
			b = append(b, ']')
			continue
		}
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, s.key...)
	}
	return string(b)
}

// fail returns a *FieldError at the current path.
func (d *decoder) fail(reason string) error {
	return &FieldError{Path: d.path(), Reason: reason}
}

// syntax reports malformed JSON at the current position.
func (d *decoder) syntax(what string) error {
	return d.fail("invalid JSON at offset " + strconv.Itoa(d.pos) + ": " + what)
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\r', '\n':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *decoder) peek() byte {
	d.ws()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// end checks that nothing but white space follows the decoded value.
func (d *decoder) end() error {
	if d.peek() != 0 || d.pos < len(d.data) {
		return d.fail("unexpected data after the value at offset " + strconv.Itoa(d.pos))
	}
	return nil
}

// kind names the JSON value starting at the current position, for a
// "want X, got Y" error; malformed input is a syntax error instead.
func (d *decoder) want(what string) error {
	var got string
	switch c := d.peek(); {
	case c == 0:
		return d.fail("unexpected end of JSON input")
	case c == '{':
		got = "object"
	case c == '[':
		got = "array"
	case c == '"':
		got = "string"
	case c == '-' || (c >= '0' && c <= '9'):
		got = "number"
	case d.literal("true") || d.literal("false"):
		got = "boolean"
	case d.literal("null"):
		got = "null"
	default:
		return d.syntax("unexpected character " + strconv.QuoteRune(rune(c)))
	}
	return d.fail("want " + what + ", got " + got)
}

func (d *decoder) literal(lit string) bool {
	rest := d.data[d.pos:]
	if len(rest) < len(lit) || string(rest[:len(lit)]) != lit {
		return false
	}
	if len(rest) > len(lit) {
		c := rest[len(lit)]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return false
		}
	}
	return true
}

// null consumes a null literal if one comes next.
func (d *decoder) null() bool {
	if d.peek() == 'n' && d.literal("null") {
		d.pos += 4
		return true
	}
	return false
}

// object decodes an object, calling member for each key with the key
// pushed on the path; member must consume the value. Duplicate keys are
// errors.
func (d *decoder) object(member func(key string) error) error {
	if d.peek() != '{' {
		return d.want("object")
	}
	d.pos++
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	var seenBuf [8]string
	seen := seenBuf[:0]
	for {
		if d.peek() != '"' {
			if d.pos >= len(d.data) {
				return d.fail("unexpected end of JSON input")
			}
			return d.syntax("want an object key")
		}
		key, err := d.readString()
		if err != nil {
			return err
		}
		d.push(key)
		for _, s := range seen {
			if s == key {
				return d.fail("duplicate key")
			}
		}
		seen = append(seen, key)
		if d.peek() != ':' {
			return d.syntax("want ':' after the key")
		}
		d.pos++
		if err := member(key); err != nil {
			return err
		}
		d.pop()
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		case 0:
			return d.fail("unexpected end of JSON input")
		default:
			return d.syntax("want ',' or '}'")
		}
	}
}

// array decodes an array, calling elem for each element with its index
// pushed on the path.
func (d *decoder) array(elem func() error) error {
	if d.peek() != '[' {
		return d.want("array")
	}
	d.pos++
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for i := 0; ; i++ {
		d.stack = append(d.stack, jsonStep{i: i})
		if err := elem(); err != nil {
			return err
		}
		d.pop()
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		case 0:
			return d.fail("unexpected end of JSON input")
		default:
			return d.syntax("want ',' or ']'")
		}
	}
}

func (d *decoder) str() (string, error) {
	if d.peek() != '"' {
		return "", d.want("string")
	}
	return d.readString()
}

// readString reads the string at d.pos (an opening quote). Escapes are
// decoded; invalid UTF-8 and unpaired surrogates become U+FFFD, as
// encoding/json does.
func (d *decoder) readString() (string, error) {
	start := d.pos + 1
	i := start
	for i < len(d.data) {
		c := d.data[i]
		if c == '"' {
			d.pos = i + 1
			return string(d.data[start:i]), nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	b := make([]byte, 0, i-start+16)
	b = append(b, d.data[start:i]...)
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return string(b), nil
		case c < 0x20:
			d.pos = i
			return "", d.syntax("control character in string")
		case c == '\\':
			if i+1 >= len(d.data) {
				i++
				continue
			}
			e := d.data[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(d.data, i)
				if !ok {
					d.pos = i
					return "", d.syntax("bad \\u escape in string")
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, ok := rune(-1), false
					if i+6 <= len(d.data) && d.data[i] == '\\' && d.data[i+1] == 'u' {
						r2, ok = hex4(d.data, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				d.pos = i - 1
				return "", d.syntax("bad escape in string")
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(d.data[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, d.data[i:i+size]...)
			}
			i += size
		}
	}
	d.pos = len(d.data)
	return "", d.fail("unexpected end of JSON input")
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number reads a JSON number as a finite float64.
func (d *decoder) number() (float64, error) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		return 0, d.want("number")
	}
	start := d.pos
	i := d.pos
	digits := func() bool {
		j := i
		for i < len(d.data) && d.data[i] >= '0' && d.data[i] <= '9' {
			i++
		}
		return i > j
	}
	if d.data[i] == '-' {
		i++
	}
	switch {
	case i < len(d.data) && d.data[i] == '0':
		i++
	case !digits():
		d.pos = i
		return 0, d.syntax("malformed number")
	}
	if i < len(d.data) && d.data[i] == '.' {
		i++
		if !digits() {
			d.pos = i
			return 0, d.syntax("malformed number")
		}
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if !digits() {
			d.pos = i
			return 0, d.syntax("malformed number")
		}
	}
	d.pos = i
	text := string(d.data[start:i])
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, d.fail("number " + text + " out of range")
	}
	return v, nil
}
