package schema

import (
	"slices"
	"strings"
)

// Lookup returns the field called name. The name is case-sensitive and is
// either a bare API name ("queueId"), which resolves to its default family by
// precedence conversation > segment > evaluation > survey > resolution, or a
// qualified name "family.name" ("evaluation.queueId",
// "conversation.conversationId") which picks that family. An unknown name
// returns a *[UnknownFieldError] suggesting the closest known names.
func Lookup(name string) (Field, error) {
	famName, bare, qualified := strings.Cut(name, ".")
	if !qualified {
		if f := lookupDefault(name); f != 0 {
			return f, nil
		}
		return 0, &UnknownFieldError{Name: name, Suggestions: suggest(name)}
	}
	if f := lookupFamily(Family(famName), bare); f != 0 {
		return f, nil
	}
	return 0, &UnknownFieldError{Name: name, Suggestions: suggestQualified(famName, bare)}
}

// LookupIn returns the field of family fam and kind kind called name (a bare,
// case-sensitive API name). An empty kind matches dimensions and metrics.
// It reports false when there is no such field.
func LookupIn(fam Family, kind Kind, name string) (Field, bool) {
	f := lookupFamily(fam, name)
	if f == 0 || (kind != "" && f.Kind() != kind) {
		return 0, false
	}
	return f, true
}

// UnknownFieldError reports a name that is not in the catalog.
type UnknownFieldError struct {
	Name        string   // the name looked up
	Suggestions []string // the closest known names, best first; may be empty
}

// Error returns e.g. "schema: unknown field wrapupcode; did you mean wrapUpCode?".
func (e *UnknownFieldError) Error() string {
	var b strings.Builder
	b.WriteString("schema: unknown field ")
	if e.Name == "" {
		b.WriteString(`""`)
	} else {
		b.WriteString(e.Name)
	}
	if len(e.Suggestions) > 0 {
		b.WriteString("; did you mean ")
		for i, s := range e.Suggestions {
			switch {
			case i == 0:
			case i == len(e.Suggestions)-1:
				b.WriteString(" or ")
			default:
				b.WriteString(", ")
			}
			b.WriteString(s)
		}
		b.WriteString("?")
	}
	return b.String()
}

// maxSuggestions is the most names an UnknownFieldError suggests.
const maxSuggestions = 3

// suggest returns the closest bare field names to name.
func suggest(name string) []string {
	names := make([]string, 0, numFields)
	for f := Field(1); f <= numFields; f++ {
		if n := f.Name(); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return closest(name, names, maxSuggestions)
}

// suggestQualified returns the closest qualified names to famName.bare: the
// same name in the families that have it; else, for a known family, the
// closest names of that family; else the closest qualified names overall.
func suggestQualified(famName, bare string) []string {
	var out []string
	if lookupDefault(bare) != 0 {
		for _, fam := range Families() {
			if lookupFamily(fam, bare) != 0 {
				out = append(out, string(fam)+"."+bare)
			}
		}
		return out
	}
	if fam := Family(famName); fam.Valid() {
		var names []string
		for _, f := range FieldsOf(fam) {
			names = append(names, f.Name())
		}
		out = closest(bare, names, maxSuggestions)
		for i, n := range out {
			out[i] = famName + "." + n
		}
		return out
	}
	names := make([]string, 0, numFields)
	for f := Field(1); f <= numFields; f++ {
		names = append(names, f.String())
	}
	return closest(famName+"."+bare, names, maxSuggestions)
}

// closest returns up to limit candidates close to s: the case-insensitive
// matches if there are any, otherwise the nearest by case-insensitive edit
// distance (at most a third of the longer length, and at least 2), ties in
// candidate order.
func closest(s string, candidates []string, limit int) []string {
	type scored struct {
		name string
		d    int
	}
	var hits []scored
	exact := false
	var prev, cur []int // edit distance rows, reused
	for _, c := range candidates {
		if strings.EqualFold(s, c) {
			if !exact {
				hits, exact = hits[:0], true
			}
			hits = append(hits, scored{c, -1})
			continue
		}
		if exact {
			continue
		}
		maxD := max(len(s)/3, len(c)/3, 2)
		if n := len(c) + 1; cap(prev) < n {
			prev, cur = make([]int, n, 2*n), make([]int, n, 2*n)
		}
		if d := editDistance(s, c, maxD, prev[:len(c)+1], cur[:len(c)+1]); d <= maxD {
			hits = append(hits, scored{c, d})
		}
	}
	if len(hits) == 0 || limit <= 0 {
		return nil
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.d - b.d })
	out := make([]string, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.name)
	}
	return out
}

// lower returns the ASCII lower case of c.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// editDistance returns the ASCII-case-insensitive Levenshtein distance
// between a and b (bytes), or maxD+1 when it is certainly larger than maxD.
// prev and cur are scratch rows of length len(b)+1.
func editDistance(a, b string, maxD int, prev, cur []int) int {
	if d := len(a) - len(b); d > maxD || -d > maxD {
		return maxD + 1
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		ai := lower(a[i-1])
		for j := 1; j <= len(b); j++ {
			cost := 1
			if ai == lower(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > maxD {
			return maxD + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
