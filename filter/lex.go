package filter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token of the expression language.
type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokIdent          // field name, qualified name or keyword: letters, digits, '_' and '.'
	tokProp           // custom property "prop.NAME:TYPE"; mid is the offset of the colon
	tokString         // a double-quoted Go string literal; mid is 1 when it has a backslash escape
	tokNumber         // a decimal number, optionally with a duration suffix; mid is where the suffix starts
	tokLParen         // (
	tokRParen         // )
	tokComma          // ,
	tokEq             // ==
	tokGt             // >
	tokGte            // >=
	tokLt             // <
	tokLte            // <=
	tokOp             // any other run of operator characters: = != ! =~ <> && || ~ ...
	tokError          // a lexical error; lexer.msg says what
)

// token is one token: its kind and its byte span in the source. Tokens
// refer to the source text and allocate nothing.
type token struct {
	kind       tokKind
	start, end int
	mid        int // tokProp: offset of the ':'; tokNumber: end of the numeric part
}

// lexer produces tokens on demand from src.
type lexer struct {
	src string
	pos int
	msg string // message of the last tokError
}

// propPrefix is how a custom property reference starts.
const propPrefix = "prop."

// identLo and identHi are bitmaps of the ASCII bytes that continue an
// identifier ('.', digits, letters, '_'): bit c of identLo for c < 64, bit
// c-64 of identHi for 64 <= c < 128.
const (
	identLo uint64 = 1<<'.' | (1<<10-1)<<'0'
	identHi uint64 = (1<<26-1)<<('A'-64) | (1<<26-1)<<('a'-64) | 1<<('_'-64)
)

// isIdentByte reports whether the ASCII byte c continues an identifier.
func isIdentByte(c byte) bool {
	m := identLo
	if c >= 64 {
		m = identHi
	}
	return c < 128 && m>>(c&63)&1 != 0
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// isOpChar reports whether c is one of the characters operators are made of.
func isOpChar(c byte) bool {
	switch c {
	case '=', '!', '<', '>', '~', '&', '|':
		return true
	}
	return false
}

// next returns the next token.
func (l *lexer) next() token {
	src := l.src
	pos := l.pos
	// Skip white space.
	for pos < len(src) {
		c := src[pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			pos++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(src[pos:])
			if unicode.IsSpace(r) {
				pos += n
				continue
			}
		}
		break
	}
	l.pos = pos
	start := pos
	if start >= len(src) {
		return token{kind: tokEOF, start: start, end: start}
	}
	c := src[start]
	if c < utf8.RuneSelf && isIdentByte(c) && !isDigit(c) && c != '.' {
		return l.lexIdent()
	}
	switch {
	case c == '(':
		l.pos++
		return token{kind: tokLParen, start: start, end: l.pos}
	case c == ')':
		l.pos++
		return token{kind: tokRParen, start: start, end: l.pos}
	case c == ',':
		l.pos++
		return token{kind: tokComma, start: start, end: l.pos}
	case c == '"':
		return l.lexString()
	case isDigit(c) || (c == '-' && start+1 < len(src) && isDigit(src[start+1])):
		return l.lexNumber()
	case isASCIILetter(c) || c == '_':
		return l.lexIdent()
	case isOpChar(c):
		end := start + 1
		for end < len(src) && isOpChar(src[end]) && end-start < 2 {
			end++
		}
		l.pos = end
		kind := tokOp
		switch src[start:end] {
		case "==":
			kind = tokEq
		case ">":
			kind = tokGt
		case ">=":
			kind = tokGte
		case "<":
			kind = tokLt
		case "<=":
			kind = tokLte
		}
		return token{kind: kind, start: start, end: end}
	case c >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(src[start:])
		if r == utf8.RuneError && n == 1 {
			return l.fail(start, start+1, "invalid UTF-8")
		}
		if unicode.IsLetter(r) {
			return l.lexIdent()
		}
		return l.fail(start, start+n, "unexpected character "+quoteRune(r))
	case c == '\'':
		return l.fail(start, start+1, `strings are written in double quotes: "text"`)
	}
	return l.fail(start, start+1, "unexpected character "+quoteRune(rune(c)))
}

func (l *lexer) fail(start, end int, msg string) token {
	l.pos = end
	l.msg = msg
	return token{kind: tokError, start: start, end: end}
}

// isIdentRune reports whether r may continue an identifier.
func isIdentRune(r rune) bool {
	return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lexIdent reads an identifier: a field name ("mediaType"), a qualified name
// ("evaluation.queueId"), a keyword, or a custom property "prop.NAME:TYPE".
func (l *lexer) lexIdent() token {
	src := l.src
	start := l.pos
	end := start
	for end < len(src) {
		c := src[end]
		if c < utf8.RuneSelf {
			if !isIdentByte(c) {
				break
			}
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[end:])
		if !isIdentRune(r) {
			break
		}
		end += n
	}
	if src[start] == 'p' && end-start >= len(propPrefix) && src[start:start+len(propPrefix)] == propPrefix {
		return l.lexProp(start)
	}
	l.pos = end
	return token{kind: tokIdent, start: start, end: end}
}

// isPropNameByte reports whether c may appear in a custom property name (ASCII part).
func isPropNameByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.'
}

// lexProp reads "prop.NAME:TYPE". NAME is letters, digits, '_', '-' and
// '.', or a double-quoted Go string literal for any other name
// (prop."my tier":string); TYPE is letters. The token ends after TYPE; the
// parser checks the parts and unquotes a quoted NAME.
func (l *lexer) lexProp(start int) token {
	src := l.src
	i := start + len(propPrefix)
	if i < len(src) && src[i] == '"' {
		l.pos = i
		if t := l.lexString(); t.kind == tokError {
			return t
		}
		i = l.pos
	} else {
		i = scanPropName(src, i)
	}
	if i >= len(src) || src[i] != ':' {
		return l.fail(start, i, "a custom property needs a type: prop.NAME:TYPE with TYPE one of bool, integer, real, date, string, uuid")
	}
	mid := i
	i++
	for i < len(src) && (isASCIILetter(src[i]) || isDigit(src[i]) || src[i] == '_') {
		i++
	}
	l.pos = i
	return token{kind: tokProp, start: start, end: i, mid: mid}
}

// scanPropName returns the end of the unquoted property name at src[i:]:
// ASCII letters, digits, '_', '-' and '.', and Unicode letters and digits.
func scanPropName(src string, i int) int {
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			if isPropNameByte(c) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return i
}

// lexString reads a double-quoted string with Go escapes; the parser
// unquotes it with strconv.Unquote.
func (l *lexer) lexString() token {
	src := l.src
	start := l.pos
	i := start + 1
	// Fast path: no backslash before the closing quote, no newline.
	if q := strings.IndexByte(src[i:], '"'); q >= 0 {
		body := src[i : i+q]
		if strings.IndexByte(body, '\\') < 0 && strings.IndexByte(body, '\n') < 0 {
			l.pos = i + q + 1
			return token{kind: tokString, start: start, end: l.pos}
		}
	}
	escaped := 0
	for i < len(src) {
		switch src[i] {
		case '"':
			l.pos = i + 1
			return token{kind: tokString, start: start, end: i + 1, mid: escaped}
		case '\\':
			escaped = 1
			i += 2
			continue
		case '\n':
			return l.fail(start, i, "unterminated string (strings end on the same line)")
		}
		i++
	}
	return l.fail(start, len(src), "unterminated string")
}

// lexNumber reads [-]digits[.digits][(e|E)[+|-]digits] followed by an
// optional duration suffix: a unit (letters) and possibly more
// number-unit pairs ("1h30m"). The parser checks units.
func (l *lexer) lexNumber() token {
	src := l.src
	start := l.pos
	i := start
	if src[i] == '-' {
		i++
	}
	i = scanDecimal(src, i)
	mid := i
	for i < len(src) && (isASCIILetter(src[i]) || isDigit(src[i]) || src[i] == '.') {
		i++
	}
	l.pos = i
	return token{kind: tokNumber, start: start, end: i, mid: mid}
}

// scanDecimal returns the end of the unsigned decimal number at src[i:]:
// digits[.digits][(e|E)[+|-]digits].
func scanDecimal(src string, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	if i+1 < len(src) && src[i] == '.' && isDigit(src[i+1]) {
		i += 2
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			for j < len(src) && isDigit(src[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

// quoteRune quotes r for an error message.
func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f || !unicode.IsPrint(r) {
		const hex = "0123456789abcdef"
		if r <= 0xffff {
			return "U+" + string([]byte{hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]})
		}
		return "U+" + string([]byte{hex[r>>20&0xf], hex[r>>16&0xf], hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]})
	}
	return "'" + string(r) + "'"
}
