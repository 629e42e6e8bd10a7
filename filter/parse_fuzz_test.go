package filter

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that every error is a
// *SyntaxError with a position inside the input, and that whatever parses
// is valid and round-trips through String to an equal tree. Seeds are in
// testdata/fuzz/FuzzParse and run in plain go test.
func FuzzParse(f *testing.F) {
	f.Add(`mediaType == "voice" and queueId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" and wrapUpCode == "Case-Closed" and tHandle > 3m`)
	f.Add(parseBench50Expr)
	f.Fuzz(func(t *testing.T, expr string) {
		n, err := Parse(expr)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error is %T, not *SyntaxError: %v", err, err)
			}
			if se.Line < 1 || se.Column < 1 || se.Msg == "" {
				t.Fatalf("bad position or message: %#v", se)
			}
			if n != nil {
				t.Fatalf("node %v returned with error", n)
			}
			if !utf8.ValidString(se.Excerpt) {
				t.Fatalf("excerpt is not valid UTF-8: %q", se.Excerpt)
			}
			return
		}
		if err := Validate(n); err != nil {
			t.Fatalf("Parse(%q) = %s, which does not validate: %v", expr, n, err)
		}
		text := n.String()
		again, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse again: %v", expr, text, err)
		}
		if !Equal(n, again) {
			t.Fatalf("Parse(%q) = %s, reparsed as a different tree %s", expr, text, again)
		}
		if again.String() != text {
			t.Fatalf("String is not stable: %q then %q", text, again.String())
		}
	})
}
