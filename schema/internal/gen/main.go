// Command gen writes schema/fields_gen.go from enums.json, the copy of the
// Genesys Cloud enumerations kept next to it.
//
// Run it through go generate from the schema directory:
//
//	go generate ./schema
//
// The generated file declares one Field constant per catalog name and the
// switch tables behind Field's methods; it holds no mutable state.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"slices"
	"strings"
	"unicode"
)

func main() {
	in := flag.String("in", "internal/gen/enums.json", "enumerations file")
	out := flag.String("out", "fields_gen.go", "generated Go file")
	flag.Parse()
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	src, err := Generate(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// enums is the part of enums.json the generator reads.
type enums struct {
	ConversationDimensions []string            `json:"conversationDimensions"`
	ConversationMetrics    []string            `json:"conversationMetrics"`
	SegmentDimensions      []string            `json:"segmentDimensions"`
	SegmentMetrics         []string            `json:"segmentMetrics"`
	EvaluationDimensions   []string            `json:"evaluationDimensions"`
	EvaluationMetrics      []string            `json:"evaluationMetrics"`
	SurveyDimensions       []string            `json:"surveyDimensions"`
	SurveyMetrics          []string            `json:"surveyMetrics"`
	ResolutionDimensions   []string            `json:"resolutionDimensions"`
	ResolutionMetrics      []string            `json:"resolutionMetrics"`
	ResponseEnums          map[string][]string `json:"responseEnums"`
}

type field struct {
	goName string
	name   string
	family string // Go constant of the Family
	fam    string // wire family name
	kind   string // Go constant of the Kind
	kindW  string // "dimension" or "metric"
}

type group struct {
	fam, family, kindW, kind string
	first, last              int // 1-based inclusive Field range
}

// familyOrder returns the families in default precedence order
// (conversation > segment > evaluation > survey > resolution) with the Go
// constant of each.
func familyOrder() []struct{ wire, goConst string } {
	return []struct{ wire, goConst string }{
		{"conversation", "Conversation"},
		{"segment", "Segment"},
		{"evaluation", "Evaluation"},
		{"survey", "Survey"},
		{"resolution", "Resolution"},
	}
}

// Generate returns the formatted source of fields_gen.go for the given
// enums.json contents.
func Generate(data []byte) ([]byte, error) {
	var e enums
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("decode enums: %w", err)
	}
	lists := map[string][2][]string{
		"conversation": {e.ConversationDimensions, e.ConversationMetrics},
		"segment":      {e.SegmentDimensions, e.SegmentMetrics},
		"evaluation":   {e.EvaluationDimensions, e.EvaluationMetrics},
		"survey":       {e.SurveyDimensions, e.SurveyMetrics},
		"resolution":   {e.ResolutionDimensions, e.ResolutionMetrics},
	}

	// Default family of each name: the first family (in precedence order) that has it.
	defaultFam := map[string]string{}
	for _, f := range familyOrder() {
		for _, l := range lists[f.wire] {
			for _, n := range l {
				if _, ok := defaultFam[n]; !ok {
					defaultFam[n] = f.wire
				}
			}
		}
	}

	var fields []field
	var groups []group
	seenGo := map[string]string{}
	for _, f := range familyOrder() {
		seenInFam := map[string]bool{}
		for k, l := range lists[f.wire] {
			kindW, kind := "dimension", "DimensionKind"
			if k == 1 {
				kindW, kind = "metric", "MetricKind"
			}
			if len(l) == 0 {
				continue
			}
			g := group{fam: f.wire, family: f.goConst, kindW: kindW, kind: kind, first: len(fields) + 1}
			for _, n := range l {
				if n == "" || strings.ContainsAny(n, ". :\"\\") {
					return nil, fmt.Errorf("%s %s %q: not a plain name", f.wire, kindW, n)
				}
				if seenInFam[n] {
					return nil, fmt.Errorf("%s: %q listed twice", f.wire, n)
				}
				seenInFam[n] = true
				goName := GoName(n)
				if defaultFam[n] != f.wire {
					goName = f.goConst + goName
				}
				if prev, ok := seenGo[goName]; ok {
					return nil, fmt.Errorf("identifier %s for %s.%s collides with %s", goName, f.wire, n, prev)
				}
				if reserved(goName) {
					return nil, fmt.Errorf("identifier %s for %s.%s collides with a hand-written name", goName, f.wire, n)
				}
				seenGo[goName] = f.wire + "." + n
				fields = append(fields, field{goName: goName, name: n, family: f.goConst, fam: f.wire, kind: kind, kindW: kindW})
			}
			g.last = len(fields)
			groups = append(groups, g)
		}
	}
	if len(fields) == 0 {
		return nil, errors.New("no fields")
	}
	if len(fields) > 65535 {
		return nil, errors.New("too many fields for uint16")
	}

	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by \"go run ./internal/gen\" from internal/gen/enums.json; DO NOT EDIT.\n\n")
	p("package schema\n\n")
	p("// The catalog fields, grouped by family and kind in the order of enums.json.\n")
	p("// A name listed by several families is a plain constant in its default family\n")
	p("// (conversation > segment > evaluation > survey > resolution) and is prefixed\n")
	p("// with the family name elsewhere.\n")
	p("const (\n")
	for i, f := range fields {
		if i == 0 {
			p("// %s is the %s %s %q.\n", f.goName, f.fam, f.kindW, f.name)
			p("%s Field = iota + 1\n", f.goName)
			continue
		}
		p("// %s is the %s %s %q.\n", f.goName, f.fam, f.kindW, f.name)
		p("%s\n", f.goName)
	}
	p(")\n\n")
	p("// numFields is the number of catalog fields; valid fields are 1..numFields.\n")
	p("const numFields = %d\n\n", len(fields))

	p("// fieldName returns the API name of a valid field.\n")
	p("func fieldName(f Field) string {\n\tswitch f {\n")
	for _, f := range fields {
		p("case %s:\n\treturn %q\n", f.goName, f.name)
	}
	p("}\n\treturn \"\"\n}\n\n")

	p("// fieldGoName returns the Go identifier of a valid field.\n")
	p("func fieldGoName(f Field) string {\n\tswitch f {\n")
	for _, f := range fields {
		p("case %s:\n\treturn %q\n", f.goName, f.goName)
	}
	p("}\n\treturn \"\"\n}\n\n")

	p("// fieldClass returns the family and kind of a field; ok is false for an invalid field.\n")
	p("func fieldClass(f Field) (fam Family, kind Kind, ok bool) {\n\tswitch {\n")
	for _, g := range groups {
		p("case f >= %s && f <= %s:\n\treturn %s, %s, true\n", fields[g.first-1].goName, fields[g.last-1].goName, g.family, g.kind)
	}
	p("}\n\treturn \"\", \"\", false\n}\n\n")

	p("// familyRange returns the first and last field of a family (0, -1 if it has none).\n")
	p("func familyRange(fam Family) (first, last Field) {\n\tswitch fam {\n")
	for _, f := range familyOrder() {
		first, last := 0, -1
		for _, g := range groups {
			if g.fam != f.wire {
				continue
			}
			if first == 0 {
				first = g.first
			}
			last = g.last
		}
		if first == 0 {
			p("case %s:\n\treturn 1, 0\n", f.goConst)
			continue
		}
		p("case %s:\n\treturn %s, %s\n", f.goConst, fields[first-1].goName, fields[last-1].goName)
	}
	p("}\n\treturn 1, 0\n}\n\n")

	p("// lookupDefault returns the field a bare name resolves to (its default family), or 0.\n")
	p("func lookupDefault(name string) Field {\n\tswitch name {\n")
	for _, f := range fields {
		if defaultFam[f.name] == f.fam {
			p("case %q:\n\treturn %s\n", f.name, f.goName)
		}
	}
	p("}\n\treturn 0\n}\n\n")

	p("// lookupFamily returns the field of family fam called name, or 0.\n")
	p("func lookupFamily(fam Family, name string) Field {\n\tswitch fam {\n")
	for _, fo := range familyOrder() {
		var in []field
		for _, f := range fields {
			if f.fam == fo.wire {
				in = append(in, f)
			}
		}
		if len(in) == 0 {
			continue
		}
		p("case %s:\n\tswitch name {\n", fo.goConst)
		for _, f := range in {
			p("case %q:\n\treturn %s\n", f.name, f.goName)
		}
		p("}\n")
	}
	p("}\n\treturn 0\n}\n\n")

	// Enumerated response values.
	type enumDef struct {
		id, path string
		values   []string
	}
	var defs []enumDef
	paths := make([]string, 0, len(e.ResponseEnums))
	for k := range e.ResponseEnums {
		paths = append(paths, k)
	}
	slices.Sort(paths)
	for _, path := range paths {
		defs = append(defs, enumDef{id: "enum" + identPart(path), path: path, values: e.ResponseEnums[path]})
	}
	p("// enumList names one list of allowed values from enums.json responseEnums.\n")
	p("type enumList uint8\n\n")
	p("// The responseEnums lists of enums.json.\n")
	p("const (\n\tenumNone enumList = iota\n")
	for _, d := range defs {
		p("// %s is responseEnums.%s.\n%s\n", d.id, d.path, d.id)
	}
	p(")\n\n")
	p("// enumPath returns the responseEnums path of the list.\n")
	p("func enumPath(e enumList) string {\n\tswitch e {\n")
	for _, d := range defs {
		p("case %s:\n\treturn %q\n", d.id, d.path)
	}
	p("}\n\treturn \"\"\n}\n\n")
	p("// enumValues returns a new slice holding the values of the list, in enums.json order.\n")
	p("func enumValues(e enumList) []string {\n\tswitch e {\n")
	for _, d := range defs {
		p("case %s:\n\treturn []string{", d.id)
		for i, v := range d.values {
			if i > 0 {
				p(", ")
			}
			p("%q", v)
		}
		p("}\n")
	}
	p("}\n\treturn nil\n}\n\n")
	p("// enumContains reports whether v is a value of the list (exact, case-sensitive).\n")
	p("func enumContains(e enumList, v string) bool {\n\tswitch e {\n")
	for _, d := range defs {
		p("case %s:\n\tswitch v {\n\tcase ", d.id)
		seen := map[string]bool{}
		first := true
		for _, v := range d.values {
			if seen[v] {
				continue
			}
			seen[v] = true
			if !first {
				p(", ")
			}
			first = false
			p("%q", v)
		}
		p(":\n\treturn true\n}\n")
	}
	p("}\n\treturn false\n}\n")

	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("format: %w\n%s", err, b.Bytes())
	}
	return src, nil
}

// reserved reports whether name is an exported name of package schema that
// a generated constant must not take.
func reserved(name string) bool {
	switch name {
	case "Family", "Kind", "ValueType", "PropertyType", "Operator",
		"Field", "CustomProperty", "Ref", "UnknownFieldError", "ValueError", "RefError",
		"Conversation", "Segment", "Evaluation", "Survey", "Resolution",
		"DimensionKind", "MetricKind", "PropertyKind",
		"TypeUUID", "TypeString", "TypeEnum", "TypeDateTime", "TypeBool",
		"TypeInteger", "TypeDuration", "TypeCount", "TypeNumber",
		"Bool", "Integer", "Real", "Date", "String", "UUID",
		"Matches", "Exists", "NotExists",
		"Property", "Lookup", "LookupIn", "Fields", "FieldsOf", "ParseRef", "Families":
		return true
	}
	return false
}

// initialism returns the Go spelling of a camel-case word that is an
// initialism (the subset of golint's list that can occur in the catalog).
func initialism(w string) (string, bool) {
	switch w {
	case "Id":
		return "ID", true
	case "Ids":
		return "IDs", true
	case "Sip":
		return "SIP", true
	case "Url":
		return "URL", true
	case "Uuid":
		return "UUID", true
	case "Api":
		return "API", true
	}
	return "", false
}

// GoName turns an API name into an exported Go identifier:
// queueId → QueueID, tHandle → THandle, sipResponseCode → SIPResponseCode.
func GoName(name string) string {
	words := splitCamel(name)
	var b strings.Builder
	for _, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		w = string(r)
		if up, ok := initialism(w); ok {
			w = up
		}
		b.WriteString(w)
	}
	return b.String()
}

// identPart is GoName for a responseEnums key such as "agentGroups[].agentGroupType".
func identPart(k string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		b.WriteString(GoName(part))
	}
	return b.String()
}

// splitCamel splits "mediaStatsMinConversationMos" into its words.
func splitCamel(s string) []string {
	var words []string
	start := 0
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		if unicode.IsUpper(r[i]) && !unicode.IsUpper(r[i-1]) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	return append(words, string(r[start:]))
}
