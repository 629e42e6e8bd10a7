package filter

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/interactiondata/gcdata/schema"
)

// Wire is the exact wire form of the five filter arrays of a conversation
// detail query or job (conversationFilters, segmentFilters,
// evaluationFilters, surveyFilters, resolutionFilters). Array elements
// combine with AND. A nil slice is omitted from the JSON; an empty non-nil
// slice is written as []. Wire is a plain value: [Compile] builds one,
// [DecodeWire] reads one, [Wire.Validate] checks one against the catalog.
type Wire struct {
	ConversationFilters []WireFilter
	SegmentFilters      []WireFilter
	EvaluationFilters   []WireFilter
	SurveyFilters       []WireFilter
	ResolutionFilters   []WireFilter
}

// WireFilter is one element of a filter array:
// {"type": "and"|"or", "predicates": [...], "clauses": [...]}.
// Type "and" holds when every predicate and clause holds, "or" when one does.
type WireFilter struct {
	Type       string // "and" or "or"
	Predicates []WirePredicate
	Clauses    []WireClause
}

// WireClause is a clause of a filter: {"type": "and"|"or", "predicates": [...]}.
// Clauses do not nest.
type WireClause struct {
	Type       string // "and" or "or"
	Predicates []WirePredicate
}

// WirePredicate is one predicate as sent on the wire. Empty strings and a
// nil Range are omitted from the JSON, so an omitted "operator" or "type"
// stays omitted through a decode and encode.
type WirePredicate struct {
	Type         string // "dimension", "metric" or "property"; may be omitted (inferred)
	Dimension    string // dimension name (type dimension)
	PropertyType string // "bool", "integer", "real", "date", "string" or "uuid" (type property)
	Property     string // custom property name (type property)
	Metric       string // metric name (type metric)
	Operator     string // "matches" (the default when omitted), "exists" or "notExists"
	Value        string // the value of a dimension or property match
	Range        *WireRange
}

// WireRange is the numeric range of a metric predicate:
// {"gt": n, "gte": n, "lt": n, "lte": n}, each optional.
type WireRange struct {
	Gt, Gte, Lt, Lte *float64
}

// wireFamilies returns the five families in wire (and precedence) order.
func wireFamilies() [5]schema.Family {
	return [5]schema.Family{schema.Conversation, schema.Segment, schema.Evaluation, schema.Survey, schema.Resolution}
}

// Filters returns the array of family fam (the slice itself, not a copy), or
// nil for an invalid family.
func (w Wire) Filters(fam schema.Family) []WireFilter {
	if p := w.slot(fam); p != nil {
		return *p
	}
	return nil
}

func (w *Wire) slot(fam schema.Family) *[]WireFilter {
	switch fam {
	case schema.Conversation:
		return &w.ConversationFilters
	case schema.Segment:
		return &w.SegmentFilters
	case schema.Evaluation:
		return &w.EvaluationFilters
	case schema.Survey:
		return &w.SurveyFilters
	case schema.Resolution:
		return &w.ResolutionFilters
	}
	return nil
}

// IsZero reports whether w has no filter array at all (every slice nil).
func (w Wire) IsZero() bool {
	return w.ConversationFilters == nil && w.SegmentFilters == nil && w.EvaluationFilters == nil &&
		w.SurveyFilters == nil && w.ResolutionFilters == nil
}

// ---- encoding ----

// MarshalJSON writes an object with the non-nil arrays in the order
// conversationFilters, segmentFilters, evaluationFilters, surveyFilters,
// resolutionFilters. It fails only on a NaN or infinite range bound.
func (w Wire) MarshalJSON() ([]byte, error) {
	return w.appendJSON(make([]byte, 0, 1024))
}

func (w Wire) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	b, _, err := w.AppendFields(b, false)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// AppendFields appends the non-nil arrays of w as object members
// (`"segmentFilters":[...]`) to b, for a caller writing a larger request
// object by hand. comma says whether a member was already written before
// them; the result says whether one has been written after the call.
func (w Wire) AppendFields(b []byte, comma bool) ([]byte, bool, error) {
	for _, fam := range wireFamilies() {
		fs := w.Filters(fam)
		if fs == nil {
			continue
		}
		if comma {
			b = append(b, ',')
		}
		comma = true
		b = appendString(b, fam.FiltersKey())
		b = append(b, ':')
		var err error
		if b, err = appendFilters(b, fs); err != nil {
			return nil, false, err
		}
	}
	return b, comma, nil
}

func appendFilters(b []byte, fs []WireFilter) ([]byte, error) {
	b = append(b, '[')
	for i, f := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = f.appendJSON(b); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// MarshalJSON writes {"type", "predicates", "clauses"} in that order,
// omitting an empty type and nil slices.
func (f WireFilter) MarshalJSON() ([]byte, error) { return f.appendJSON(nil) }

func (f WireFilter) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	m := members{b: b}
	m.str("type", f.Type)
	if f.Predicates != nil {
		m.key("predicates")
		if err := m.predicates(f.Predicates); err != nil {
			return nil, err
		}
	}
	if f.Clauses != nil {
		m.key("clauses")
		m.b = append(m.b, '[')
		for i, c := range f.Clauses {
			if i > 0 {
				m.b = append(m.b, ',')
			}
			var err error
			if m.b, err = c.appendJSON(m.b); err != nil {
				return nil, err
			}
		}
		m.b = append(m.b, ']')
	}
	return append(m.b, '}'), nil
}

// MarshalJSON writes {"type", "predicates"} in that order, omitting an
// empty type and a nil slice.
func (c WireClause) MarshalJSON() ([]byte, error) { return c.appendJSON(nil) }

func (c WireClause) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	m := members{b: b}
	m.str("type", c.Type)
	if c.Predicates != nil {
		m.key("predicates")
		if err := m.predicates(c.Predicates); err != nil {
			return nil, err
		}
	}
	return append(m.b, '}'), nil
}

// MarshalJSON writes the keys type, dimension, propertyType, property,
// metric, operator, value, range in that order, omitting empty strings and a
// nil range. It fails on a NaN or infinite range bound.
func (p WirePredicate) MarshalJSON() ([]byte, error) { return p.appendJSON(nil) }

func (p WirePredicate) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	m := members{b: b}
	m.str("type", p.Type)
	m.str("dimension", p.Dimension)
	m.str("propertyType", p.PropertyType)
	m.str("property", p.Property)
	m.str("metric", p.Metric)
	m.str("operator", p.Operator)
	m.str("value", p.Value)
	if p.Range != nil {
		m.key("range")
		var err error
		if m.b, err = p.Range.appendJSON(m.b); err != nil {
			return nil, err
		}
	}
	return append(m.b, '}'), nil
}

// MarshalJSON writes the set bounds in the order gt, gte, lt, lte. It fails
// on a NaN or infinite bound.
func (r WireRange) MarshalJSON() ([]byte, error) { return r.appendJSON(nil) }

func (r WireRange) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	m := members{b: b}
	for _, bd := range []struct {
		k string
		v *float64
	}{{"gt", r.Gt}, {"gte", r.Gte}, {"lt", r.Lt}, {"lte", r.Lte}} {
		if bd.v == nil {
			continue
		}
		if math.IsNaN(*bd.v) || math.IsInf(*bd.v, 0) {
			return nil, &FieldError{Path: "range." + bd.k, Reason: "bound " + FormatNumber(*bd.v) + " is not a finite number"}
		}
		m.key(bd.k)
		m.b = appendFloat(m.b, *bd.v)
	}
	return append(m.b, '}'), nil
}

// members writes the members of a JSON object.
type members struct {
	b     []byte
	comma bool
}

func (m *members) key(k string) {
	if m.comma {
		m.b = append(m.b, ',')
	}
	m.comma = true
	m.b = appendString(m.b, k)
	m.b = append(m.b, ':')
}

func (m *members) str(k, v string) {
	if v == "" {
		return
	}
	m.key(k)
	m.b = appendString(m.b, v)
}

func (m *members) predicates(ps []WirePredicate) error {
	m.b = append(m.b, '[')
	for i, p := range ps {
		if i > 0 {
			m.b = append(m.b, ',')
		}
		var err error
		if m.b, err = p.appendJSON(m.b); err != nil {
			return err
		}
	}
	m.b = append(m.b, ']')
	return nil
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: quotes, backslashes and control
// characters are escaped, invalid UTF-8 becomes U+FFFD, everything else is
// written as is (no HTML escaping).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat appends a finite float as encoding/json writes float64:
// the shortest decimal, in exponent form only below 1e-6 or from 1e21.
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// ---- decoding ----

// DecodeWire decodes a JSON object holding (some of) the five filter arrays
// and nothing else. An array given as null counts as absent (nil). Anything
// else is decoded strictly: unknown keys, duplicate keys, null inside an
// array, wrong JSON types and bad values of type, operator and
// propertyType are errors. The error is a *[FieldError] whose Path names
// the offending JSON element, e.g.
// `segmentFilters[0].clauses[1].predicates[0].operator`. DecodeWire checks
// the structure only; [Wire.Validate] checks names and values against the
// catalog.
func DecodeWire(data []byte) (Wire, error) {
	var w Wire
	d := newDecoder(data)
	err := d.object(func(key string) error {
		p := w.slotForKey(key)
		if p == nil {
			return d.fail("unknown key (want conversationFilters, segmentFilters, evaluationFilters, surveyFilters or resolutionFilters)")
		}
		fs, err := d.filtersOrNull()
		*p = fs
		return err
	})
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return Wire{}, err
	}
	return w, nil
}

// UnmarshalJSON decodes like [DecodeWire], replacing *w.
func (w *Wire) UnmarshalJSON(data []byte) error {
	v, err := DecodeWire(data)
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// DecodeField lets a server that decodes a larger request object (such as a
// detail query) hand the filter arrays to this package: for each member of
// the request object it calls DecodeField with the member's key and raw JSON
// value. When key is one of the five filter array keys, DecodeField decodes
// raw strictly (as [DecodeWire] does; null leaves the array nil) into that
// array of w and reports handled true; a decode error's path starts with the
// key, e.g. `segmentFilters[0].type`. For any other key it does nothing and
// reports false, and the caller handles the member itself. Duplicate keys
// are the caller's to detect.
func (w *Wire) DecodeField(key string, raw []byte) (handled bool, err error) {
	p := w.slotForKey(key)
	if p == nil {
		return false, nil
	}
	d := newDecoder(raw)
	d.push(key)
	fs, err := d.filtersOrNull()
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return true, err
	}
	*p = fs
	return true, nil
}

// IsFiltersKey reports whether key is the JSON key of one of the five filter
// arrays.
func IsFiltersKey(key string) bool {
	var w Wire
	return w.slotForKey(key) != nil
}

func (w *Wire) slotForKey(key string) *[]WireFilter {
	for _, fam := range wireFamilies() {
		if fam.FiltersKey() == key {
			return w.slot(fam)
		}
	}
	return nil
}

// UnmarshalJSON decodes one filter strictly (see [DecodeWire]).
func (f *WireFilter) UnmarshalJSON(data []byte) error {
	d := newDecoder(data)
	v, err := d.filter()
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// UnmarshalJSON decodes one clause strictly (see [DecodeWire]).
func (c *WireClause) UnmarshalJSON(data []byte) error {
	d := newDecoder(data)
	v, err := d.clause()
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// UnmarshalJSON decodes one predicate strictly (see [DecodeWire]).
func (p *WirePredicate) UnmarshalJSON(data []byte) error {
	d := newDecoder(data)
	v, err := d.predicate()
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// UnmarshalJSON decodes one range strictly (see [DecodeWire]).
func (r *WireRange) UnmarshalJSON(data []byte) error {
	d := newDecoder(data)
	v, err := d.rng()
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return err
	}
	*r = *v
	return nil
}

// enum decodes a string that must be one of allowed.
func (d *decoder) enum(what string, allowed ...string) (string, error) {
	s, err := d.str()
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if s == a {
			return a, nil // the constant: no per-value allocation kept
		}
	}
	return "", d.fail("bad " + what + " " + strconv.Quote(s) + " (want " + orList(allowed) + ")")
}

func orList(xs []string) string {
	var b []byte
	for i, x := range xs {
		switch {
		case i == 0:
		case i == len(xs)-1:
			b = append(b, " or "...)
		default:
			b = append(b, ", "...)
		}
		b = append(b, x...)
	}
	return string(b)
}

// filtersOrNull decodes a filter array; null decodes as a nil slice.
func (d *decoder) filtersOrNull() ([]WireFilter, error) {
	if d.null() {
		return nil, nil
	}
	fs := []WireFilter{}
	err := d.array(func() error {
		f, err := d.filter()
		fs = append(fs, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	return fs, nil
}

func (d *decoder) filter() (WireFilter, error) {
	var f WireFilter
	err := d.object(func(key string) error {
		var err error
		switch key {
		case "type":
			f.Type, err = d.enum("type", "and", "or")
		case "predicates":
			f.Predicates, err = d.predicates()
		case "clauses":
			f.Clauses = []WireClause{}
			err = d.array(func() error {
				c, err := d.clause()
				f.Clauses = append(f.Clauses, c)
				return err
			})
		default:
			err = d.fail("unknown key (want type, predicates or clauses)")
		}
		return err
	})
	return f, err
}

func (d *decoder) clause() (WireClause, error) {
	var c WireClause
	err := d.object(func(key string) error {
		var err error
		switch key {
		case "type":
			c.Type, err = d.enum("type", "and", "or")
		case "predicates":
			c.Predicates, err = d.predicates()
		default:
			err = d.fail("unknown key (want type or predicates; clauses do not nest)")
		}
		return err
	})
	return c, err
}

func (d *decoder) predicates() ([]WirePredicate, error) {
	ps := []WirePredicate{}
	err := d.array(func() error {
		x, err := d.predicate()
		ps = append(ps, x)
		return err
	})
	return ps, err
}

func (d *decoder) predicate() (WirePredicate, error) {
	var x WirePredicate
	err := d.object(func(key string) error {
		var err error
		switch key {
		case "type":
			x.Type, err = d.enum("type", "dimension", "property", "metric")
		case "dimension":
			x.Dimension, err = d.str()
		case "propertyType":
			x.PropertyType, err = d.enum("propertyType", "bool", "integer", "real", "date", "string", "uuid")
		case "property":
			x.Property, err = d.str()
		case "metric":
			x.Metric, err = d.str()
		case "operator":
			x.Operator, err = d.enum("operator", "matches", "exists", "notExists")
		case "value":
			x.Value, err = d.str()
		case "range":
			x.Range, err = d.rng()
		default:
			err = d.fail("unknown key (want type, dimension, propertyType, property, metric, operator, value or range)")
		}
		return err
	})
	return x, err
}

func (d *decoder) rng() (*WireRange, error) {
	r := &WireRange{}
	err := d.object(func(key string) error {
		var dst **float64
		switch key {
		case "gt":
			dst = &r.Gt
		case "gte":
			dst = &r.Gte
		case "lt":
			dst = &r.Lt
		case "lte":
			dst = &r.Lte
		default:
			return d.fail("unknown key (want gt, gte, lt or lte)")
		}
		v, err := d.number()
		if err != nil {
			return err
		}
		*dst = &v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
