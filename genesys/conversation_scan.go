package genesys

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The decoder works in two steps. jsontext reads (and fully validates: syntax,
// UTF-8, duplicate names) one conversation value; the scanner below then walks
// a string copy of those bytes. String fields without escapes are substrings
// of that copy, so they cost no allocation, and the same copy is what
// Conversation.Raw returns. Known enum values and metric names are interned
// (they are constants and do not keep the copy alive). Each array costs one
// allocation: elements are decoded into a reusable scratch buffer and copied
// out at their exact length.

// scanner decodes model types from an already validated JSON text.
type scanner struct {
	s     string // the text being decoded
	i     int    // read position in s
	name  string // quoted name of the member being decoded, as in s
	extra []byte // stack of unknown members of the objects being decoded
	pairs []string
	scratch
}

func (d *scanner) reset(s string) {
	d.s = s
	d.i = 0
}

// errorf returns a decode error at the read position, naming the member
// being decoded by its path in d.s (e.g. participants[1].sessions[0].
// segmentStart). The path is worked out here, on the error path only, by
// walking d.s again: the decoders keep no path while they run.
func (d *scanner) errorf(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if p := jsonPathAt(d.s, d.i); p != "" {
		return fmt.Errorf("genesys: decode: %s: offset %d: %s", p, d.i, msg)
	}
	return fmt.Errorf("genesys: decode: offset %d: %s", d.i, msg)
}

// jsonPathAt returns the path, in Go-like notation (a.b[2].c), of the
// innermost value of the JSON text s whose extent includes offset off (from
// its first byte up to just after its last byte, so both an error at the
// start of a value and one after reading it name that value). It returns ""
// for the top-level value. s is expected to be valid JSON; on anything else
// it returns the path found so far and never panics.
func jsonPathAt(s string, off int) string {
	var b strings.Builder
	i := jsonSkipWS(s, 0)
	for i < len(s) && (s[i] == '{' || s[i] == '[') {
		obj := s[i] == '{'
		i++
		found := false
		for n := 0; ; n++ {
			i = jsonSkipWS(s, i)
			if i < len(s) && s[i] == ',' {
				i = jsonSkipWS(s, i+1)
			}
			if i >= len(s) || s[i] == '}' || s[i] == ']' {
				return b.String()
			}
			name := ""
			if obj {
				end := jsonSkipString(s, i)
				if end < 0 {
					return b.String()
				}
				name = s[i+1 : end-1]
				i = jsonSkipWS(s, end)
				if i >= len(s) || s[i] != ':' {
					return b.String()
				}
				i = jsonSkipWS(s, i+1)
			}
			if off < i { // between members: the enclosing value
				return b.String()
			}
			end := jsonSkipValue(s, i)
			if end < 0 {
				return b.String()
			}
			if off <= end {
				if obj {
					if b.Len() > 0 {
						b.WriteByte('.')
					}
					b.WriteString(name)
				} else {
					b.WriteByte('[')
					b.WriteString(strconv.Itoa(n))
					b.WriteByte(']')
				}
				found = true
				break
			}
			i = end
		}
		if !found {
			break
		}
	}
	return b.String()
}

func jsonSkipWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonSkipString returns the offset just after the string starting at s[i],
// or -1.
func jsonSkipString(s string, i int) int {
	if i >= len(s) || s[i] != '"' {
		return -1
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// jsonSkipValue returns the offset just after the value starting at s[i],
// or -1.
func jsonSkipValue(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	switch s[i] {
	case '"':
		return jsonSkipString(s, i)
	case '{', '[':
		depth := 0
		for i < len(s) {
			switch s[i] {
			case '"':
				if i = jsonSkipString(s, i); i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	for i < len(s) && !strings.ContainsRune(" \t\n\r,]}", rune(s[i])) {
		i++
	}
	return i
}

func (d *scanner) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// begin consumes the opening delimiter c of an object or array.
func (d *scanner) begin(c byte) error {
	d.ws()
	if d.i >= len(d.s) || d.s[d.i] != c {
		if c == '{' {
			return d.errorf("expected a JSON object")
		}
		return d.errorf("expected a JSON array")
	}
	d.i++
	return nil
}

// nextName reads the next member name of an object and the colon after it;
// ok is false at the end of the object.
func (d *scanner) nextName() (name string, ok bool, err error) {
	d.ws()
	if d.i < len(d.s) {
		switch d.s[d.i] {
		case '}':
			d.i++
			return "", false, nil
		case ',':
			d.i++
			d.ws()
		}
	}
	start := d.i
	if name, err = d.str(); err != nil {
		return "", false, err
	}
	d.name = d.s[start:d.i]
	d.ws()
	if d.i >= len(d.s) || d.s[d.i] != ':' {
		return "", false, d.errorf("expected ':' after object name")
	}
	d.i++
	d.ws()
	return name, true, nil
}

// nextElem prepares the next array element; ok is false at the end.
func (d *scanner) nextElem() (ok bool, err error) {
	d.ws()
	if d.i >= len(d.s) {
		return false, d.errorf("unexpected end of array")
	}
	switch d.s[d.i] {
	case ']':
		d.i++
		return false, nil
	case ',':
		d.i++
		d.ws()
	}
	return true, nil
}

// skipNull consumes a null literal if one is next.
func (d *scanner) skipNull() bool {
	d.ws()
	if strings.HasPrefix(d.s[d.i:], "null") {
		d.i += len("null")
		return true
	}
	return false
}

// str reads a JSON string. Without escapes the result is a substring of d.s.
func (d *scanner) str() (string, error) {
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", d.errorf("expected a JSON string")
	}
	rest := d.s[d.i+1:]
	n := strings.IndexByte(rest, '"')
	if n < 0 {
		return "", d.errorf("unterminated string")
	}
	if strings.IndexByte(rest[:n], '\\') < 0 {
		d.i += n + 2
		return rest[:n], nil
	}
	start := d.i
	if err := d.skipString(); err != nil {
		return "", err
	}
	b, err := jsontext.AppendUnquote(nil, d.s[start:d.i])
	if err != nil {
		return "", d.errorf("%v", err)
	}
	return string(b), nil
}

// skipString moves past a JSON string that may contain escapes.
func (d *scanner) skipString() error {
	for j := d.i + 1; j < len(d.s); j++ {
		switch d.s[j] {
		case '\\':
			j++
		case '"':
			d.i = j + 1
			return nil
		}
	}
	return d.errorf("unterminated string")
}

// skipValue moves past one JSON value and returns its text.
func (d *scanner) skipValue() (string, error) {
	d.ws()
	start := d.i
	if d.i >= len(d.s) {
		return "", d.errorf("unexpected end of input")
	}
	switch d.s[d.i] {
	case '"':
		if err := d.skipString(); err != nil {
			return "", err
		}
	case '{', '[':
		depth := 0
	loop:
		for d.i < len(d.s) {
			switch d.s[d.i] {
			case '"':
				if err := d.skipString(); err != nil {
					return "", err
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					d.i++
					break loop
				}
			}
			d.i++
		}
		if depth != 0 {
			return "", d.errorf("unterminated value")
		}
	default:
		for d.i < len(d.s) {
			switch d.s[d.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return d.s[start:d.i], nil
			}
			d.i++
		}
	}
	return d.s[start:d.i], nil
}

// unknown keeps the current member (name and value) for the object whose
// unknown members start at mark in d.extra.
func (d *scanner) unknown(mark int) error {
	name := d.name
	v, err := d.skipValue()
	if err != nil {
		return err
	}
	if len(d.extra) == mark {
		d.extra = append(d.extra, '{')
	} else {
		d.extra = append(d.extra, ',')
	}
	d.extra = append(d.extra, name...)
	d.extra = append(d.extra, ':')
	d.extra = append(d.extra, v...)
	return nil
}

// takeExtra returns the unknown members collected since mark as one object.
func (d *scanner) takeExtra(mark int) jsontext.Value {
	if len(d.extra) == mark {
		return nil
	}
	d.extra = append(d.extra, '}')
	v := jsontext.Value(bytes.Clone(d.extra[mark:]))
	d.extra = d.extra[:mark]
	return v
}

func (d *scanner) bool() (bool, error) {
	switch {
	case strings.HasPrefix(d.s[d.i:], "true"):
		d.i += len("true")
		return true, nil
	case strings.HasPrefix(d.s[d.i:], "false"):
		d.i += len("false")
		return false, nil
	}
	return false, d.errorf("expected a JSON boolean")
}

func (d *scanner) number() (string, error) {
	start := d.i
	for d.i < len(d.s) {
		c := d.s[d.i]
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		d.i++
	}
	if d.i == start {
		return "", d.errorf("expected a JSON number")
	}
	return d.s[start:d.i], nil
}

func (d *scanner) int64() (int64, error) {
	s, err := d.number()
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err == nil {
		return n, nil
	}
	// Accept integral numbers written in other forms (1.0, 1e3).
	f, ferr := strconv.ParseFloat(s, 64)
	if ferr == nil && f == math.Trunc(f) && f >= math.MinInt64 && f < math.MaxInt64 {
		return int64(f), nil
	}
	return 0, d.errorf("number %s is not a 64-bit integer", s)
}

func (d *scanner) int() (int, error) {
	n, err := d.int64()
	if err != nil {
		return 0, err
	}
	if int64(int(n)) != n {
		return 0, d.errorf("number %d overflows int", n)
	}
	return int(n), nil
}

func (d *scanner) float64() (float64, error) {
	s, err := d.number()
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, d.errorf("invalid number %s", s)
	}
	return f, nil
}

func (d *scanner) float64Ptr() (*float64, error) {
	f, err := d.float64()
	if err != nil {
		return nil, err
	}
	return &f, nil
}

func (d *scanner) time() (time.Time, error) {
	s, err := d.str()
	if err != nil {
		return time.Time{}, err
	}
	t, err := parseTime(s)
	if err != nil {
		return time.Time{}, d.errorf("%v", err)
	}
	return t, nil
}

func (d *scanner) metricName() (string, error) {
	s, err := d.str()
	if err != nil {
		return "", err
	}
	if k, ok := internMetricName(s); ok {
		return k, nil
	}
	return s, nil
}

// attributes decodes a {string: string} object; null values become "".
func (d *scanner) attributes() (map[string]string, error) {
	if err := d.begin('{'); err != nil {
		return nil, err
	}
	base := len(d.pairs)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		var v string
		if !d.skipNull() {
			if v, err = d.str(); err != nil {
				return nil, err
			}
		}
		d.pairs = append(d.pairs, name, v)
	}
	m := make(map[string]string, (len(d.pairs)-base)/2)
	for i := base; i < len(d.pairs); i += 2 {
		m[d.pairs[i]] = d.pairs[i+1]
	}
	d.pairs = d.pairs[:base]
	return m, nil
}

// scanEnum reads a string and interns it if it is a known value.
func scanEnum[T ~string](d *scanner, intern func(string) (T, bool)) (T, error) {
	s, err := d.str()
	if err != nil {
		return "", err
	}
	if k, ok := intern(s); ok {
		return k, nil
	}
	return T(s), nil
}

// scanArray decodes an array of scalars (null elements become zero values).
func scanArray[T any](d *scanner, sc *[]T, elem func(*scanner) (T, error)) ([]T, error) {
	if err := d.begin('['); err != nil {
		return nil, err
	}
	base := len(*sc)
	for {
		ok, err := d.nextElem()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		var v T
		if !d.skipNull() {
			if v, err = elem(d); err != nil {
				return nil, err
			}
		}
		*sc = append(*sc, v)
	}
	out := make([]T, len(*sc)-base)
	copy(out, (*sc)[base:])
	*sc = (*sc)[:base]
	return out, nil
}

// scanObjects decodes an array of objects (null elements become zero values).
func scanObjects[T any](d *scanner, sc *[]T, elem func(*scanner, *T) error) ([]T, error) {
	if err := d.begin('['); err != nil {
		return nil, err
	}
	base := len(*sc)
	var zero T
	for {
		ok, err := d.nextElem()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		*sc = append(*sc, zero)
		if !d.skipNull() {
			if err := elem(d, &(*sc)[len(*sc)-1]); err != nil {
				return nil, err
			}
		}
	}
	out := make([]T, len(*sc)-base)
	copy(out, (*sc)[base:])
	*sc = (*sc)[:base]
	return out, nil
}

// end checks that only whitespace follows the decoded value.
func (d *scanner) end() error {
	d.ws()
	if d.i != len(d.s) {
		return d.errorf("unexpected data after the value")
	}
	return nil
}

// decodeRaw decodes one conversation from v and keeps a copy of v as its raw
// bytes.
func (d *scanner) decodeRaw(c *Conversation, v jsontext.Value) error {
	raw := string(v)
	d.reset(raw)
	*c = Conversation{}
	if err := d.decodeConversation(c); err != nil {
		return err
	}
	if err := d.end(); err != nil {
		return err
	}
	c.raw = raw
	return nil
}

// unmarshalFrom reads one value from dec and decodes it with fn. A JSON null
// sets *x to its zero value.
func unmarshalFrom[T any](dec *jsontext.Decoder, x *T, fn func(*scanner, *T) error) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	var zero T
	*x = zero
	if v.Kind() == 'n' {
		return nil
	}
	var d scanner
	d.reset(string(v))
	if err := fn(&d, x); err != nil {
		return err
	}
	return d.end()
}

// parseTime parses the contract's yyyy-MM-ddTHH:mm:ss[.fff]Z quickly and any
// other RFC 3339 form with time.Parse.
func parseTime(s string) (time.Time, error) {
	if len(s) >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[len(s)-1] == 'Z' {
		y, ok1 := atoiN(s[0:4])
		mo, ok2 := atoiN(s[5:7])
		dd, ok3 := atoiN(s[8:10])
		h, ok4 := atoiN(s[11:13])
		mi, ok5 := atoiN(s[14:16])
		sec, ok6 := atoiN(s[17:19])
		ns, ok7 := 0, true
		if frac := s[19 : len(s)-1]; frac != "" {
			ok7 = len(frac) >= 2 && len(frac) <= 10 && frac[0] == '.'
			if ok7 {
				ns, ok7 = atoiN(frac[1:])
				for range 10 - len(frac) {
					ns *= 10
				}
			}
		}
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 &&
			mo >= 1 && mo <= 12 && dd >= 1 && dd <= daysIn(mo, y) && h < 24 && mi < 60 && sec < 60 {
			return time.Date(y, time.Month(mo), dd, h, mi, sec, ns, time.UTC), nil
		}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date-time %q", s)
	}
	return t, nil
}

// atoiN parses a non-empty run of decimal digits.
func atoiN(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// encoder appends JSON text; the first error sticks.
type encoder struct {
	b   []byte
	err error
}

// key writes an object member name (given quoted, with its colon), preceded
// by a comma unless it is the first member.
func (e *encoder) key(k string) {
	if n := len(e.b); n > 0 && e.b[n-1] != '{' {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, k...)
}

func (e *encoder) string(s string) {
	b, err := jsontext.AppendQuote(e.b, s)
	if err != nil && e.err == nil {
		e.err = fmt.Errorf("genesys: encode: %w", err)
	}
	e.b = b
}

func (e *encoder) bool(v bool) {
	e.b = strconv.AppendBool(e.b, v)
}

func (e *encoder) int(v int64) {
	e.b = strconv.AppendInt(e.b, v, 10)
}

func (e *encoder) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if e.err == nil {
			e.err = fmt.Errorf("genesys: encode: unsupported number %v", f)
		}
		e.b = append(e.b, '0')
		return
	}
	e.b = jsontext.AppendFloat(e.b, f, 64)
}

func (e *encoder) floatPtr(f *float64) {
	e.float(*f)
}

// time writes t in UTC as yyyy-MM-ddTHH:mm:ss.mmmZ, with more fraction digits
// only when t has sub-millisecond precision.
func (e *encoder) time(t time.Time) {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		if e.err == nil {
			e.err = fmt.Errorf("genesys: encode: year %d outside [0,9999]", y)
		}
	}
	e.b = append(e.b, '"')
	if t.Nanosecond()%int(time.Millisecond) == 0 {
		e.b = t.AppendFormat(e.b, "2006-01-02T15:04:05.000Z")
	} else {
		e.b = t.AppendFormat(e.b, time.RFC3339Nano)
	}
	e.b = append(e.b, '"')
}

func (e *encoder) attributes(m map[string]string) {
	e.b = append(e.b, '{')
	for _, k := range sortedKeys(m) {
		if e.b[len(e.b)-1] != '{' {
			e.b = append(e.b, ',')
		}
		e.string(k)
		e.b = append(e.b, ':')
		e.string(m[k])
	}
	e.b = append(e.b, '}')
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Insertion sort: attribute maps are small.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// extra writes the members of the object v (an Extra field).
func (e *encoder) extra(v jsontext.Value) {
	if len(v) == 0 {
		return
	}
	inner := bytes.TrimSpace(v)
	if len(inner) < 2 || inner[0] != '{' || inner[len(inner)-1] != '}' || !v.IsValid() {
		if e.err == nil {
			e.err = errors.New("genesys: encode: Extra is not a JSON object")
		}
		return
	}
	inner = bytes.TrimSpace(inner[1 : len(inner)-1])
	if len(inner) == 0 {
		return
	}
	if e.b[len(e.b)-1] != '{' {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, inner...)
}

func appendArray[T any](e *encoder, xs []T, elem func(*encoder, T)) {
	e.b = append(e.b, '[')
	for i, x := range xs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		elem(e, x)
	}
	e.b = append(e.b, ']')
}

func appendObjects[T any](e *encoder, xs []T, elem func(*encoder, *T)) {
	e.b = append(e.b, '[')
	for i := range xs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		elem(e, &xs[i])
	}
	e.b = append(e.b, ']')
}

// marshalTo encodes x with fn and writes the result to enc.
func marshalTo[T any](enc *jsontext.Encoder, x *T, fn func(*encoder, *T)) error {
	e := encoder{b: make([]byte, 0, 1024)}
	fn(&e, x)
	if e.err != nil {
		return e.err
	}
	return enc.WriteValue(e.b)
}

// marshal encodes x with fn.
func marshal[T any](x *T, fn func(*encoder, *T)) ([]byte, error) {
	e := encoder{b: make([]byte, 0, 1024)}
	fn(&e, x)
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// Raw returns a copy of the exact JSON bytes c was decoded from, or nil when c
// was built by hand. Exports write these bytes so that their output is exactly
// what the server sent. [Conversation.AppendRaw] avoids the copy. The bytes
// are the value as it appeared in the response: Genesys sends compact JSON,
// but a writer of JSON Lines that must not trust its source should compact
// them (jsontext.Value.Compact) when they contain a newline.
func (c Conversation) Raw() []byte {
	if c.raw == "" {
		return nil
	}
	return []byte(c.raw)
}

// AppendRaw appends the exact JSON bytes c was decoded from to dst (nothing
// when c was built by hand) and returns the extended slice.
func (c Conversation) AppendRaw(dst []byte) []byte {
	return append(dst, c.raw...)
}

// UnmarshalJSONFrom decodes one conversation and keeps a private copy of its
// exact bytes (see [Conversation.Raw]). It implements json.UnmarshalerFrom. A
// JSON null sets c to the zero value.
func (c *Conversation) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if v.Kind() == 'n' {
		*c = Conversation{}
		return nil
	}
	var d scanner
	return d.decodeRaw(c, v)
}

// UnmarshalJSON decodes one conversation, like [Conversation.UnmarshalJSONFrom].
func (c *Conversation) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, c)
}

// MarshalJSONTo writes the typed fields of c and its Extra members (never the
// raw bytes; see [Conversation]). It implements json.MarshalerTo.
func (c Conversation) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &c, (*encoder).appendConversation)
}

// MarshalJSON encodes c like [Conversation.MarshalJSONTo].
func (c Conversation) MarshalJSON() ([]byte, error) {
	return marshal(&c, (*encoder).appendConversation)
}
