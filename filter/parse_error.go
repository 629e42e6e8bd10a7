package filter

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// SyntaxError is the error [Parse] returns: a problem in an expression, at
// a position. Line and Column are 1-based; Column counts runes (a tab is one
// column). Excerpt is the offending line (shortened around the column when
// long, with control characters shown as '?') followed by a newline and a
// caret line pointing at the column.
//
// When the problem comes from the schema (an unknown field, a bad value),
// the *[schema.UnknownFieldError] or *[schema.ValueError] is in the chain:
// errors.As finds it.
type SyntaxError struct {
	Line, Column int
	Msg          string // what is wrong and what to write instead, e.g. "unknown field wrapupcode; did you mean wrapUpCode?"
	Excerpt      string // "LINE\n    ^"
	err          error
}

// Error returns "filter: LINE:COLUMN: MSG", then a newline and the excerpt,
// e.g.
//
//	filter: 1:1: unknown field wrapupcode; did you mean wrapUpCode?
//	wrapupcode == "x"
//	^
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.Grow(len(e.Msg) + len(e.Excerpt) + 24)
	b.WriteString("filter: ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(e.Column))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Excerpt != "" {
		b.WriteByte('\n')
		b.WriteString(e.Excerpt)
	}
	return b.String()
}

// Unwrap returns the schema error behind the problem, if any.
func (e *SyntaxError) Unwrap() error { return e.err }

// excerptWidth is the most runes of a line shown in an excerpt.
const excerptWidth = 100

// newSyntaxError returns the error for msg at byte offset off of src.
func newSyntaxError(src string, off int, msg string, cause error) *SyntaxError {
	off = min(max(off, 0), len(src))
	lineStart := strings.LastIndexByte(src[:off], '\n') + 1
	line := 1 + strings.Count(src[:lineStart], "\n")
	lineEnd := len(src)
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		lineEnd = off + i
	}
	text := strings.TrimSuffix(src[lineStart:lineEnd], "\r")
	col := 1 + utf8.RuneCountInString(src[lineStart:min(off, lineStart+len(text))])
	if off > lineStart+len(text) { // pointing at a trailing '\r'
		col = 1 + utf8.RuneCountInString(text)
	}
	return &SyntaxError{Line: line, Column: col, Msg: msg, Excerpt: excerpt(text, col), err: cause}
}

// excerpt returns the line text (shortened around col when long, control
// characters as '?') and a caret line under column col.
func excerpt(text string, col int) string {
	runes := make([]rune, 0, min(len(text), 4*excerptWidth))
	for _, r := range text {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f || (0x80 <= r && r < 0xa0) || r == 0x2028 || r == 0x2029 {
			r = '?'
		}
		runes = append(runes, r)
	}
	from, to := 0, len(runes)
	prefix, suffix := "", ""
	if len(runes) > excerptWidth {
		from = max(0, col-1-excerptWidth/2)
		to = min(len(runes), from+excerptWidth)
		from = max(0, to-excerptWidth)
		if from > 0 {
			prefix = "..."
		}
		if to < len(runes) {
			suffix = "..."
		}
	}
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString(string(runes[from:to]))
	b.WriteString(suffix)
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(" ", len(prefix)))
	for i := from; i < col-1 && i < len(runes); i++ {
		if runes[i] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	if col-1 > len(runes) {
		b.WriteString(strings.Repeat(" ", col-1-len(runes)))
	}
	b.WriteByte('^')
	return b.String()
}
