package genesys

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCodecGenerated keeps conversation_codec.go and conversation_methods.go in
// step with the struct definitions in conversation.go and
// conversation_pages.go: it regenerates both from the structs and fails on any
// difference. After adding or changing a model field, run
//
//	go test ./genesys -run TestCodecGenerated -update-conversation
func TestCodecGenerated(t *testing.T) {
	t.Parallel()
	g, err := loadModel("conversation.go", "conversation_pages.go", "conversation_enums.go")
	require.NoError(t, err)
	for file, src := range map[string][]byte{
		"conversation_codec.go":   g.codec(),
		"conversation_methods.go": g.methods(),
	} {
		want, err := format.Source(src)
		require.NoError(t, err, "%s:\n%s", file, src)
		if *updateConversation {
			require.NoError(t, os.WriteFile(file, want, 0o644))
		}
		got, err := os.ReadFile(file)
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, got), "%s is stale: run go test ./genesys -run TestCodecGenerated -update-conversation", file)
	}
}

type modelField struct{ name, typ, json string }

type model struct {
	order   []string
	structs map[string][]modelField
	enums   map[string]bool
}

var pageTypes = map[string]bool{"DetailsQueryResponse": true, "JobResultsResponse": true, "MultiGetResponse": true}

func loadModel(files ...string) (*model, error) {
	m := &model{structs: map[string][]modelField{}, enums: map[string]bool{}}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				switch tt := ts.Type.(type) {
				case *ast.Ident:
					if tt.Name == "string" {
						m.enums[ts.Name.Name] = true
					}
				case *ast.StructType:
					m.order = append(m.order, ts.Name.Name)
					var fields []modelField
					for _, fl := range tt.Fields.List {
						if fl.Tag == nil || len(fl.Names) != 1 {
							continue
						}
						tag, _ := strconv.Unquote(fl.Tag.Value)
						name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
						var typ bytes.Buffer
						if err := format.Node(&typ, fset, fl.Type); err != nil {
							return nil, err
						}
						fields = append(fields, modelField{fl.Names[0].Name, typ.String(), name})
					}
					m.structs[ts.Name.Name] = fields
				}
			}
		}
	}
	return m, nil
}

func (m *model) kind(st string, f modelField) string {
	t := f.typ
	switch {
	case st == "Metric" && f.name == "Name":
		return "metricname"
	case t == "string":
		return "str"
	case m.enums[t]:
		return "enum"
	case t == "bool" || t == "int" || t == "int64" || t == "float64":
		return t
	case t == "time.Time":
		return "time"
	case t == "[]string":
		return "strs"
	case t == "[]int":
		return "ints"
	case strings.HasPrefix(t, "[]") && m.enums[t[2:]]:
		return "enums"
	case strings.HasPrefix(t, "[]"):
		return "objs"
	case t == "*float64":
		return "pf64"
	case strings.HasPrefix(t, "*"):
		return "ptr"
	case t == "map[string]string":
		return "attrs"
	case t == "jsontext.Value":
		return "extra"
	}
	panic(fmt.Sprintf("model: %s.%s: unsupported type %s", st, f.name, t)) // test-only generator
}

var scalarKinds = map[string]bool{"str": true, "enum": true, "bool": true, "int": true, "int64": true, "float64": true, "time": true, "metricname": true, "pf64": true}

func (m *model) codec() []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("package genesys")
	w("")
	w("// This file holds the JSON codec of the conversation model: one decode and")
	w("// one append function per type, in the order of the fields in")
	w("// conversation.go. TestCodecGenerated writes it from the struct definitions")
	w("// (-update-conversation) and fails when it is stale. Decoding runs on input")
	w("// that jsontext has already validated (see conversation_scan.go); encoding")
	w("// writes the typed fields, then Extra.")
	w("")
	var elems []string
	seen := map[string]bool{}
	for _, st := range m.order {
		for _, f := range m.structs[st] {
			if k := m.kind(st, f); (k == "objs" || k == "enums") && !seen[f.typ[2:]] {
				seen[f.typ[2:]] = true
				elems = append(elems, f.typ[2:])
			}
		}
	}
	w("// scratch holds reusable element buffers, one per element type, so that each")
	w("// decoded array costs exactly one allocation.")
	w("type scratch struct {")
	for _, e := range elems {
		w("\tsc%s []%s", e, e)
	}
	w("\tscString []string")
	w("\tscInt []int")
	w("}")
	w("")
	for _, st := range m.order {
		if pageTypes[st] {
			continue
		}
		hasBits := st != "Metric"
		w("// decode%s decodes one %s object.", st, st)
		w("func (d *scanner) decode%s(x *%s) error {", st, st)
		w("\tif err := d.begin('{'); err != nil {\n\t\treturn err\n\t}")
		w("\tmark := len(d.extra)")
		w("\tfor {")
		w("\t\tname, ok, err := d.nextName()")
		w("\t\tif err != nil {\n\t\t\treturn err\n\t\t}")
		w("\t\tif !ok {\n\t\t\tbreak\n\t\t}")
		w("\t\tswitch name {")
		bit := 0
		for _, f := range m.structs[st] {
			k := m.kind(st, f)
			if k == "extra" {
				continue
			}
			w("\t\tcase %q:", f.json)
			w("\t\t\tif d.skipNull() {\n\t\t\t\tcontinue\n\t\t\t}")
			if scalarKinds[k] {
				if hasBits {
					w("\t\t\tx.has |= 1 << %d", bit)
				}
				bit++
			}
			switch k {
			case "str":
				w("\t\t\tx.%s, err = d.str()", f.name)
			case "metricname":
				w("\t\t\tx.%s, err = d.metricName()", f.name)
			case "enum":
				w("\t\t\tx.%s, err = scanEnum(d, intern%s)", f.name, f.typ)
			case "bool", "int", "int64", "float64", "time":
				w("\t\t\tx.%s, err = d.%s()", f.name, k)
			case "pf64":
				w("\t\t\tx.%s, err = d.float64Ptr()", f.name)
			case "strs":
				w("\t\t\tx.%s, err = scanArray(d, &d.scString, (*scanner).str)", f.name)
			case "ints":
				w("\t\t\tx.%s, err = scanArray(d, &d.scInt, (*scanner).int)", f.name)
			case "enums":
				w("\t\t\tx.%s, err = scanArray(d, &d.sc%s, scan%s)", f.name, f.typ[2:], f.typ[2:])
			case "objs":
				w("\t\t\tx.%s, err = scanObjects(d, &d.sc%s, (*scanner).decode%s)", f.name, f.typ[2:], f.typ[2:])
			case "ptr":
				w("\t\t\tx.%s = new(%s)", f.name, f.typ[1:])
				w("\t\t\terr = d.decode%s(x.%s)", f.typ[1:], f.name)
			case "attrs":
				w("\t\t\tx.%s, err = d.attributes()", f.name)
			}
		}
		if bit > 64 {
			panic(st + ": more than 64 scalar fields")
		}
		w("\t\tdefault:\n\t\t\terr = d.unknown(mark)\n\t\t}")
		w("\t\tif err != nil {\n\t\t\treturn err\n\t\t}")
		w("\t}")
		w("\tx.Extra = d.takeExtra(mark)")
		w("\treturn nil")
		w("}")
		w("")
	}
	for _, e := range elems {
		if m.enums[e] {
			w("// scan%s decodes one %s array element.", e, e)
			w("func scan%s(d *scanner) (%s, error) { return scanEnum(d, intern%s) }", e, e, e)
			w("")
		}
	}
	for _, st := range m.order {
		hasBits := st != "Metric" && !pageTypes[st]
		w("// append%s appends x as a JSON object.", st)
		w("func (e *encoder) append%s(x *%s) {", st, st)
		w("\te.b = append(e.b, '{')")
		bit := 0
		for _, f := range m.structs[st] {
			k := m.kind(st, f)
			if k == "extra" {
				continue
			}
			var cond string
			switch k {
			case "str", "enum":
				cond = fmt.Sprintf("x.%s != \"\"", f.name)
			case "metricname":
				cond = "true"
			case "bool":
				cond = "x." + f.name
			case "int", "int64", "float64":
				cond = fmt.Sprintf("x.%s != 0", f.name)
			case "time":
				cond = fmt.Sprintf("!x.%s.IsZero()", f.name)
			default:
				cond = fmt.Sprintf("x.%s != nil", f.name)
			}
			if (st == "Metric" && f.name == "Value") || (st == "AggregationBucket" && f.name == "Count") {
				cond = "true"
			}
			if scalarKinds[k] {
				if hasBits && cond != "true" {
					cond = fmt.Sprintf("%s || x.has&(1<<%d) != 0", cond, bit)
				}
				bit++
			}
			ind := "\t"
			if cond != "true" {
				w("\tif %s {", cond)
				ind = "\t\t"
			}
			w("%se.key(`%q:`)", ind, f.json)
			switch k {
			case "str", "metricname":
				w("%se.string(x.%s)", ind, f.name)
			case "enum":
				w("%se.string(string(x.%s))", ind, f.name)
			case "bool":
				w("%se.bool(x.%s)", ind, f.name)
			case "int":
				w("%se.int(int64(x.%s))", ind, f.name)
			case "int64":
				w("%se.int(x.%s)", ind, f.name)
			case "float64":
				w("%se.float(x.%s)", ind, f.name)
			case "pf64":
				w("%se.floatPtr(x.%s)", ind, f.name)
			case "time":
				w("%se.time(x.%s)", ind, f.name)
			case "strs":
				w("%sappendArray(e, x.%s, (*encoder).string)", ind, f.name)
			case "ints":
				w("%sappendArray(e, x.%s, func(e *encoder, v int) { e.int(int64(v)) })", ind, f.name)
			case "enums":
				w("%sappendArray(e, x.%s, func(e *encoder, v %s) { e.string(string(v)) })", ind, f.name, f.typ[2:])
			case "objs":
				w("%sappendObjects(e, x.%s, (*encoder).append%s)", ind, f.name, f.typ[2:])
			case "ptr":
				w("%se.append%s(x.%s)", ind, f.typ[1:], f.name)
			case "attrs":
				w("%se.attributes(x.%s)", ind, f.name)
			}
			if cond != "true" {
				w("\t}")
			}
		}
		w("\te.extra(x.Extra)")
		w("\te.b = append(e.b, '}')")
		w("}")
		w("")
	}
	return b.Bytes()
}

func (m *model) methods() []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("package genesys")
	w("")
	w("// JSON methods of the model types other than Conversation and the pages;")
	w("// written by TestCodecGenerated.")
	w("")
	w("import (")
	w("\t\"github.com/go-json-experiment/json\"")
	w("\t\"github.com/go-json-experiment/json/jsontext\"")
	w(")")
	w("")
	for _, st := range m.order {
		if pageTypes[st] || st == "Conversation" {
			continue
		}
		w("// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in")
		w("// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.")
		w("func (x *%s) UnmarshalJSONFrom(dec *jsontext.Decoder) error {", st)
		w("\treturn unmarshalFrom(dec, x, (*scanner).decode%s)", st)
		w("}")
		w("")
		w("// UnmarshalJSON decodes x like [%s.UnmarshalJSONFrom].", st)
		w("func (x *%s) UnmarshalJSON(b []byte) error {", st)
		w("\treturn json.Unmarshal(b, x)")
		w("}")
		w("")
		w("// MarshalJSONTo writes the typed fields of x, then its Extra members. It")
		w("// implements json.MarshalerTo.")
		w("func (x %s) MarshalJSONTo(enc *jsontext.Encoder) error {", st)
		w("\treturn marshalTo(enc, &x, (*encoder).append%s)", st)
		w("}")
		w("")
		w("// MarshalJSON encodes x like [%s.MarshalJSONTo].", st)
		w("func (x %s) MarshalJSON() ([]byte, error) {", st)
		w("\treturn marshal(&x, (*encoder).append%s)", st)
		w("}")
		w("")
	}
	return b.Bytes()
}
