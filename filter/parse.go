package filter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/interactiondata/gcdata/schema"
)

// Limits of [Parse].
const (
	// maxExprLen is the longest expression Parse accepts, in bytes.
	maxExprLen = 64 << 10
	// maxParenDepth is the deepest nesting of parentheses Parse accepts.
	maxParenDepth = 100
	// maxNodeDepth is the deepest nesting of And/Or nodes Parse builds.
	maxNodeDepth = 32
)

// Parse reads a filter written in the one-line expression language and
// returns its AST, for example
//
//	mediaType == "voice" and queueId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" and wrapUpCode == "Case-Closed" and tHandle > 3m
//
// Grammar (EBNF; white space, including newlines, separates tokens):
//
//	expr      = and { "or" and } .
//	and       = operand { "and" operand } .              (and binds tighter than or)
//	operand   = "(" expr ")" | predicate .
//	predicate = ref ( "exists" | "notExists"
//	                | "==" value                           (dimension, property)
//	                | "in" "(" value { "," value } ")"     (dimension, property)
//	                | ( ">" | ">=" | "<" | "<=" | "==" ) bound ) .  (metric)
//	ref       = name | family "." name | "prop." ( pname | string ) ":" ptype .
//	value     = string | number | "true" | "false" .
//	bound     = number | duration .
//	string    = a double-quoted Go string literal, e.g. "Case-Closed", "a\"b" .
//	number    = [ "-" ] digits [ "." digits ] [ ( "e" | "E" ) [ "+" | "-" ] digits ] .
//	duration  = [ "-" ] unsigned unit { unsigned unit } .  unit = "ms" | "s" | "m" | "h" .
//	pname     = { letter | digit | "_" | "-" | "." } .   ptype = "bool" | "integer" | "real" | "date" | "string" | "uuid" .
//
// Keywords (and, or, in, exists, notExists, true, false) are lower case.
//
// Names are the API names, case-sensitive, resolved by [schema.Lookup]: a
// bare name resolves to its default family (conversation > segment >
// evaluation > survey > resolution) and a qualifier picks another one
// ("evaluation.queueId"). A custom segment property is written
// prop.NAME:TYPE ("prop.customerTier:string == \"gold\""); a name with
// other characters than letters, digits, '_', '-' and '.' is quoted:
// prop."my tier":string.
//
// Values: a dimension or property value is a string, a number (kept as
// written: mos == 4.5 matches "4.5") or true/false. A metric bound is a
// number in the metric's own unit (milliseconds for the t* duration
// metrics); duration metrics also take a suffix, converted to milliseconds
// exactly: 250ms, 180s, 3m, 1.5h, 1h30m. A suffix on any other metric is an
// error. metric == N is the closed range gte N, lte N (printed back as
// "metric >= N and metric <= N"). Two bare comparisons of one metric joined
// by and, one lower and one upper bound ("tHandle >= 1000 and tHandle <
// 5000"), form one range predicate; parenthesize them to keep two
// predicates. field in (a, b) is an Or of matches, as [In] builds.
//
// Parse reports, with their position: syntax errors; unknown fields (with
// the schema's suggestion); operators the field's kind cannot take (a range
// on a dimension, a value on a metric, in on a metric); operators the
// Genesys API cannot express (!=, =, not, contains, like, =~, ...), with
// what to write instead; a duration suffix on a non-duration metric; a bad
// property type; and values the field does not accept (a malformed UUID,
// an unknown mediaType, a negative duration), checked with the same rules
// as [Validate]. Parse stops at the first problem. A tree that Parse returns
// passes Validate; [Compile] may still reject its shape.
//
// Limits: the expression is at most 64 KiB, parentheses nest at most 100
// deep and And/Or nodes at most 32 deep. Parse never panics. Every error is
// a *[SyntaxError]. Parse is safe for concurrent use.
//
// For every node n that Parse can return, Parse(n.String()) returns a node
// equal to n (see [Equal]).
func Parse(expr string) (Node, error) {
	if len(expr) > maxExprLen {
		return nil, newSyntaxError(expr, maxExprLen, "expression is longer than "+strconv.Itoa(maxExprLen)+" bytes", nil)
	}
	p := parser{src: expr, lx: lexer{src: expr}}
	p.stack = p.stackBuf[:0]
	p.advance()
	if p.tok.kind == tokEOF {
		return nil, p.errAt(p.tok.start, "empty expression: write a condition such as mediaType == \"voice\"")
	}
	n, _, err := p.parseOr(0)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.errAfterOperand("end of the expression")
	}
	return n, nil
}

// parser is a recursive-descent parser over the lexer's tokens.
type parser struct {
	src   string
	lx    lexer
	tok   token
	stack []Node // children of the groups being parsed; reused

	stackBuf [32]Node  // first backing array of stack
	bounds   []float64 // slab the range bounds point into
}

// boundKind says which single bound a bare comparison set.
type boundKind uint8

const (
	noBound boundKind = iota
	lowerBound
	upperBound
)

// operandInfo describes a parsed operand for merging bare comparisons.
type operandInfo struct {
	bound boundKind    // set only for a bare, single-bound metric comparison
	field schema.Field // its metric
}

func (p *parser) advance() { p.tok = p.lx.next() }

func (p *parser) text(t token) string { return p.src[t.start:t.end] }

func (p *parser) errAt(off int, msg string) *SyntaxError {
	return newSyntaxError(p.src, off, msg, nil)
}

// lexErr returns the error of a tokError token.
func (p *parser) lexErr() *SyntaxError { return p.errAt(p.tok.start, p.lx.msg) }

// describe names token t for an error message.
func (p *parser) describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "the end of the expression"
	case tokString:
		return "the string " + shortenRaw(p.text(t))
	case tokNumber:
		return "the number " + shortenRaw(p.text(t))
	}
	return strconv.Quote(shortenRaw(p.text(t)))
}

func shortenRaw(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// parseOr parses expr; depth is the parenthesis depth. It returns the node
// and its And/Or nesting depth.
func (p *parser) parseOr(depth int) (Node, int, error) {
	start := p.tok.start
	first, nd, err := p.parseAnd(depth)
	if err != nil {
		return nil, 0, err
	}
	if !p.isKeyword("or") {
		return first, nd, nil
	}
	base := len(p.stack)
	p.stack = append(p.stack, first)
	for p.isKeyword("or") {
		p.advance()
		n, d, err := p.parseAnd(depth)
		if err != nil {
			p.stack = p.stack[:base]
			return nil, 0, err
		}
		nd = max(nd, d)
		p.stack = append(p.stack, n)
	}
	kids := p.take(base)
	if nd+1 > maxNodeDepth {
		return nil, 0, p.errAt(start, "and/or groups nest more than "+strconv.Itoa(maxNodeDepth)+" deep")
	}
	return OrNode{children: kids}, nd + 1, nil
}

// take returns a new slice of the children pushed since base and pops them.
func (p *parser) take(base int) []Node {
	kids := make([]Node, len(p.stack)-base)
	copy(kids, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return kids
}

// parseAnd parses and.
func (p *parser) parseAnd(depth int) (Node, int, error) {
	start := p.tok.start
	first, nd, info0, err := p.parseOperand(depth)
	if err != nil {
		return nil, 0, err
	}
	if !p.isKeyword("and") {
		return first, nd, nil
	}
	base := len(p.stack)
	p.stack = append(p.stack, first)
	var info1 operandInfo
	start1 := 0
	for p.isKeyword("and") {
		p.advance()
		opStart := p.tok.start
		n, d, info, err := p.parseOperand(depth)
		if err != nil {
			p.stack = p.stack[:base]
			return nil, 0, err
		}
		if len(p.stack)-base == 1 {
			info1, start1 = info, opStart
		}
		nd = max(nd, d)
		p.stack = append(p.stack, n)
	}
	// Two bare comparisons of one metric, a lower and an upper bound, are
	// one range predicate (this is how a two-bound range prints).
	if len(p.stack)-base == 2 && info0.bound != noBound && info1.bound != noBound &&
		info0.bound != info1.bound && info0.field == info1.field {
		a, b := p.stack[base].(Predicate), p.stack[base+1].(Predicate)
		clear(p.stack[base:])
		p.stack = p.stack[:base]
		m := mergeRange(a, b)
		if msg := emptyRange(m.rng); msg != "" {
			return nil, 0, p.errAt(start1, msg)
		}
		return m, 0, nil
	}
	kids := p.take(base)
	if nd+1 > maxNodeDepth {
		return nil, 0, p.errAt(start, "and/or groups nest more than "+strconv.Itoa(maxNodeDepth)+" deep")
	}
	return AndNode{children: kids}, nd + 1, nil
}

// mergeRange joins two single-bound range predicates on one metric, one
// lower and one upper bound. The bound pointers are shared: nodes are
// immutable.
func mergeRange(a, b Predicate) Predicate {
	r := a.rng
	if b.rng.Gt != nil {
		r.Gt = b.rng.Gt
	}
	if b.rng.Gte != nil {
		r.Gte = b.rng.Gte
	}
	if b.rng.Lt != nil {
		r.Lt = b.rng.Lt
	}
	if b.rng.Lte != nil {
		r.Lte = b.rng.Lte
	}
	a.rng = r
	return a
}

// emptyRange explains why a range with one lower and one upper bound can
// never hold, or returns "" (the rules of [Validate]).
func emptyRange(r Range) string {
	lo, loIncl := r.Gt, false
	if r.Gte != nil {
		lo, loIncl = r.Gte, true
	}
	hi, hiIncl := r.Lt, false
	if r.Lte != nil {
		hi, hiIncl = r.Lte, true
	}
	switch {
	case lo == nil || hi == nil:
		return ""
	case *lo > *hi:
		return "empty range: lower bound " + FormatNumber(*lo) + " is above upper bound " + FormatNumber(*hi)
	case *lo == *hi && !(loIncl && hiIncl):
		return "empty range: bounds are equal (" + FormatNumber(*lo) + ") and one is exclusive; use == for an exact value"
	}
	return ""
}

// isKeyword reports whether the current token is the identifier kw.
func (p *parser) isKeyword(kw string) bool {
	return p.tok.kind == tokIdent && p.text(p.tok) == kw
}

// negationMsg is the answer to not, !, and friends.
const negationMsg = "the Genesys API has no negation; use notExists for a missing field, or in (...) with the values you want"

// parseOperand parses operand.
func (p *parser) parseOperand(depth int) (Node, int, operandInfo, error) {
	switch p.tok.kind {
	case tokLParen:
		open := p.tok.start
		if depth >= maxParenDepth {
			return nil, 0, operandInfo{}, p.errAt(open, "parentheses nest more than "+strconv.Itoa(maxParenDepth)+" deep")
		}
		p.advance()
		if p.tok.kind == tokRParen {
			return nil, 0, operandInfo{}, p.errAt(p.tok.start, "empty parentheses: write a condition inside")
		}
		n, nd, err := p.parseOr(depth + 1)
		if err != nil {
			return nil, 0, operandInfo{}, err
		}
		if p.tok.kind != tokRParen {
			return nil, 0, operandInfo{}, p.errAfterOperand("\")\" to close the \"(\" at column " + strconv.Itoa(newSyntaxError(p.src, open, "", nil).Column))
		}
		p.advance()
		return n, nd, operandInfo{}, nil
	case tokIdent, tokProp:
		n, info, err := p.parsePredicate()
		if _, isOr := n.(OrNode); isOr { // an in list
			return n, 1, info, err
		}
		return n, 0, info, err
	case tokError:
		return nil, 0, operandInfo{}, p.lexErr()
	case tokOp:
		if t := p.text(p.tok); t == "!" || t == "!=" {
			return nil, 0, operandInfo{}, p.errAt(p.tok.start, negationMsg)
		}
	}
	return nil, 0, operandInfo{}, p.errAt(p.tok.start, "expected a condition (a field name or \"(\"), found "+p.describe(p.tok))
}

// errAfterOperand explains an unexpected token after a complete operand,
// where "and", "or" or want may follow.
func (p *parser) errAfterOperand(want string) error {
	t := p.tok
	switch t.kind {
	case tokError:
		return p.lexErr()
	case tokRParen:
		return p.errAt(t.start, "unmatched \")\"")
	case tokOp:
		switch p.text(t) {
		case "&&", "&":
			return p.errAt(t.start, "use and to combine conditions")
		case "||", "|":
			return p.errAt(t.start, "use or to combine conditions")
		}
	case tokIdent:
		switch s := p.text(t); {
		case strings.EqualFold(s, "and") || strings.EqualFold(s, "or"):
			return p.errAt(t.start, "keywords are lower case: use "+strings.ToLower(s))
		case s == "not":
			return p.errAt(t.start, negationMsg)
		case unitMillis(s) != 0 && afterNumber(p.src, t.start):
			return p.errAt(t.start, "write the duration unit right after the number, without a space (e.g. 3m)")
		}
	}
	return p.errAt(t.start, "expected and, or or "+want+", found "+p.describe(t))
}

// afterNumber reports whether the last non-space byte before off is a digit.
func afterNumber(src string, off int) bool {
	i := off - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t') {
		i--
	}
	return i >= 0 && i < off-1 && isDigit(src[i])
}

// parseRef resolves the ref at the current token.
func (p *parser) parseRef() (schema.Ref, error) {
	t := p.tok
	if t.kind == tokProp {
		nameAt := t.start + len(propPrefix)
		name := p.src[nameAt:t.mid]
		quoted := strings.HasPrefix(name, `"`)
		if quoted {
			var err error
			if name, err = strconv.Unquote(name); err != nil {
				return nil, p.errAt(nameAt, "bad quoted property name: write it as a Go string literal, e.g. prop.\"my tier\":string")
			}
		}
		typ := schema.PropertyType(p.src[t.mid+1 : t.end])
		if name == "" {
			return nil, p.errAt(nameAt, "a custom property needs a name: prop.NAME:TYPE")
		}
		if !typ.Valid() {
			return nil, p.errAt(t.mid+1, "unknown property type "+strconv.Quote(string(typ))+" (want bool, integer, real, date, string or uuid)")
		}
		prop := schema.Property(name, typ)
		if !prop.Valid() {
			return nil, p.errAt(nameAt, "invalid property name "+strconv.Quote(name)+" (control characters are not allowed)")
		}
		return prop, nil
	}
	name := p.text(t)
	switch name {
	case "not", "NOT":
		return nil, p.errAt(t.start, negationMsg)
	case "and", "or", "in", "exists", "notExists", "true", "false":
		return nil, p.errAt(t.start, "expected a field name, found the keyword "+name)
	}
	f, err := schema.Lookup(name)
	if err != nil {
		return nil, newSyntaxError(p.src, t.start, strings.TrimPrefix(err.Error(), "schema: "), err)
	}
	return f, nil
}

// parsePredicate parses predicate.
func (p *parser) parsePredicate() (Node, operandInfo, error) {
	refTok := p.tok
	ref, err := p.parseRef()
	if err != nil {
		return nil, operandInfo{}, err
	}
	p.advance()
	op := p.tok
	kind := ref.Kind()
	switch op.kind {
	case tokIdent:
		switch w := p.text(op); w {
		case "exists":
			p.advance()
			return Predicate{ref: ref, op: schema.Exists}, operandInfo{}, nil
		case "notExists":
			p.advance()
			return Predicate{ref: ref, op: schema.NotExists}, operandInfo{}, nil
		case "in":
			if kind == schema.MetricKind {
				return nil, operandInfo{}, p.errAt(op.start, "metric "+p.text(refTok)+" takes a range, not a list of values; write e.g. "+p.text(refTok)+" >= 1000 and "+p.text(refTok)+" <= 5000")
			}
			p.advance()
			n, err := p.parseIn(ref)
			return n, operandInfo{}, err
		default:
			return nil, operandInfo{}, p.errAt(op.start, badWordMsg(w, p.text(refTok), kind))
		}
	case tokEq:
		p.advance()
		if kind == schema.MetricKind {
			f := ref.(schema.Field)
			v, err := p.parseBound(f, op)
			if err != nil {
				return nil, operandInfo{}, err
			}
			return Predicate{ref: f, op: schema.Matches, rng: Range{Gte: v, Lte: v}, hasRange: true}, operandInfo{}, nil
		}
		v, err := p.parseValue(ref)
		if err != nil {
			return nil, operandInfo{}, err
		}
		return Predicate{ref: ref, op: schema.Matches, value: v, hasValue: true}, operandInfo{}, nil
	case tokGt, tokGte, tokLt, tokLte:
		if kind != schema.MetricKind {
			what := "dimension " + p.text(refTok)
			if kind == schema.PropertyKind {
				what = "custom property " + p.text(refTok)
			}
			return nil, operandInfo{}, p.errAt(op.start, what+" takes a value, not a range ("+p.text(op)+" is for metrics); use == or in (...)")
		}
		f := ref.(schema.Field)
		p.advance()
		v, err := p.parseBound(f, op)
		if err != nil {
			return nil, operandInfo{}, err
		}
		pr := Predicate{ref: f, op: schema.Matches, hasRange: true}
		info := operandInfo{field: f, bound: lowerBound}
		switch op.kind {
		case tokGt:
			pr.rng.Gt = v
		case tokGte:
			pr.rng.Gte = v
		case tokLt:
			pr.rng.Lt, info.bound = v, upperBound
		case tokLte:
			pr.rng.Lte, info.bound = v, upperBound
		}
		return pr, info, nil
	case tokOp:
		return nil, operandInfo{}, p.errAt(op.start, badOpMsg(p.text(op)))
	case tokError:
		return nil, operandInfo{}, p.lexErr()
	}
	return nil, operandInfo{}, p.errAt(op.start, "expected an operator after "+p.text(refTok)+" ("+opsFor(kind)+"), found "+p.describe(op))
}

// opsFor lists the operators a kind takes.
func opsFor(k schema.Kind) string {
	if k == schema.MetricKind {
		return ">, >=, <, <=, ==, exists or notExists"
	}
	return "==, in, exists or notExists"
}

// badOpMsg explains an operator the language does not have.
func badOpMsg(op string) string {
	switch op {
	case "!=", "<>", "!==":
		return "the Genesys API has no not-equal; use in (...) with the values you want, or notExists"
	case "=":
		return "use == to compare"
	case "=>":
		return "use >="
	case "=<":
		return "use <="
	case "=~", "~", "!~", "~=":
		return "the Genesys API has no pattern match; use == or in (...) with exact values"
	case "!":
		return negationMsg
	}
	return "unknown operator " + strconv.Quote(op) + " (want ==, >, >=, <, <=, in, exists or notExists)"
}

// badWordMsg explains a word in operator position.
func badWordMsg(w, ref string, k schema.Kind) string {
	switch strings.ToLower(w) {
	case "not", "notin", "isnot", "ne", "neq":
		return negationMsg
	case "contains", "like", "ilike", "matches", "startswith", "endswith", "regex", "regexp", "match":
		return "the Genesys API has no " + w + "; use == or in (...) with exact values"
	case "is", "isnull", "null":
		return "use " + ref + " exists or " + ref + " notExists"
	case "between":
		return "write " + ref + " >= A and " + ref + " <= B"
	case "eq", "equals":
		return "use =="
	case "exists", "exist":
		return "did you mean exists?"
	case "notexists", "notexist":
		return "did you mean notExists?"
	case "in":
		return "did you mean in?"
	}
	return "expected an operator after " + ref + " (" + opsFor(k) + "), found " + strconv.Quote(shortenRaw(w))
}

// parseIn parses "(" value { "," value } ")" after in.
func (p *parser) parseIn(ref schema.Ref) (Node, error) {
	if p.tok.kind != tokLParen {
		return nil, p.errAt(p.tok.start, "expected \"(\" after in, e.g. in (\"a\", \"b\")")
	}
	p.advance()
	if p.tok.kind == tokRParen {
		return nil, p.errAt(p.tok.start, "in needs at least one value")
	}
	base := len(p.stack)
	for {
		v, err := p.parseValue(ref)
		if err != nil {
			p.stack = p.stack[:base]
			return nil, err
		}
		p.stack = append(p.stack, Predicate{ref: ref, op: schema.Matches, value: v, hasValue: true})
		if p.tok.kind == tokRParen {
			p.advance()
			break
		}
		if p.tok.kind != tokComma {
			p.stack = p.stack[:base]
			if p.tok.kind == tokError {
				return nil, p.lexErr()
			}
			return nil, p.errAt(p.tok.start, "expected \",\" or \")\" in the in list, found "+p.describe(p.tok))
		}
		p.advance()
	}
	if len(p.stack)-base == 1 {
		n := p.stack[base]
		p.stack[base] = nil
		p.stack = p.stack[:base]
		return n, nil
	}
	return OrNode{children: p.take(base)}, nil
}

// parseValue parses a dimension or property value and checks it.
func (p *parser) parseValue(ref schema.Ref) (string, error) {
	t := p.tok
	var v string
	switch t.kind {
	case tokString:
		if t.mid == 0 { // no escapes: the text between the quotes
			v = p.src[t.start+1 : t.end-1]
			break
		}
		s, err := strconv.Unquote(p.text(t))
		if err != nil {
			return "", p.errAt(t.start, "bad string literal (strings use Go escapes: \\\", \\\\, \\n, \\t, \\u00e9)")
		}
		v = s
	case tokNumber:
		if t.mid != t.end {
			return "", p.errAt(t.mid, "a duration suffix is for duration metrics (t*); quote the value if you mean the text "+strconv.Quote(p.text(t)))
		}
		v = p.text(t)
	case tokIdent:
		switch s := p.text(t); s {
		case "true", "false":
			v = s
		default:
			return "", p.errAt(t.start, "expected a value; quote text: "+strconv.Quote(shortenRaw(s)))
		}
	case tokError:
		return "", p.lexErr()
	default:
		return "", p.errAt(t.start, "expected a value (a string in double quotes, a number, true or false), found "+p.describe(t))
	}
	if err := ref.CheckValue(v); err != nil {
		return "", newSyntaxError(p.src, t.start, valueMsg(v, err), err)
	}
	p.advance()
	return v, nil
}

// valueMsg explains a value the schema rejects.
func valueMsg(v string, err error) string {
	var ve *schema.ValueError
	if errors.As(err, &ve) {
		return "bad value " + quoteShort(v) + " for " + ve.Field + ": " + ve.Reason
	}
	return strings.TrimPrefix(err.Error(), "schema: ")
}

// parseBound parses a metric bound (after a comparison operator op) in the
// metric's own unit, converting a duration suffix to milliseconds, and
// checks it.
func (p *parser) parseBound(f schema.Field, op token) (*float64, error) {
	t := p.tok
	switch t.kind {
	case tokNumber:
	case tokString:
		return nil, p.errAt(t.start, "metric "+f.Name()+" takes a number, not a string (e.g. "+example(f)+")")
	case tokError:
		return nil, p.lexErr()
	default:
		return nil, p.errAt(t.start, "expected a number after "+p.text(op)+", found "+p.describe(t))
	}
	var v float64
	if t.mid == t.end {
		x, err := strconv.ParseFloat(p.text(t), 64)
		if err != nil {
			return nil, p.errAt(t.start, "number out of range")
		}
		v = x
	} else {
		if f.Type() != schema.TypeDuration {
			return nil, p.errAt(t.mid, "a duration suffix is only for duration metrics (t*); "+f.Name()+" is a "+string(f.Type())+": write a plain number")
		}
		body := t.start
		if p.src[body] == '-' {
			body++
		}
		ms, bad, msg := parseDuration(p.src[body:t.end])
		if msg != "" {
			return nil, p.errAt(body+bad, msg)
		}
		if body != t.start {
			ms = -ms
		}
		v = ms
	}
	if err := f.CheckBound(v); err != nil {
		return nil, newSyntaxError(p.src, t.start, valueMsg(FormatNumber(v), err), err)
	}
	p.advance()
	return p.bound(v), nil
}

// bound returns a pointer to a copy of v, from a slab shared by the bounds
// of one parse (nodes are immutable, so sharing the backing array is safe).
func (p *parser) bound(v float64) *float64 {
	if len(p.bounds) == cap(p.bounds) {
		p.bounds = make([]float64, 0, 16)
	}
	p.bounds = append(p.bounds, v)
	return &p.bounds[len(p.bounds)-1]
}

// example returns a sample comparison for metric f.
func example(f schema.Field) string {
	if f.Type() == schema.TypeDuration {
		return f.Name() + " > 180s"
	}
	return f.Name() + " > 1"
}
