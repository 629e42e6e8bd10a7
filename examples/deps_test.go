// Package examples_test enforces the module's dependency direction.
//
// The rules come from DEVELOPERS.md and the house style: schema imports only
// the standard library, filter adds schema, genesys adds its transport and
// auth dependencies, genesystest and search build on those, webhook stands
// alone, and only the example programs may import everything. A package's
// internal/ subfolders follow the rule of the package that owns them.
package examples_test

import (
	"errors"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/interactiondata/gcdata"

// rule lists what a package (and its internal/ subtree) may import besides
// the standard library and its own internal packages. Entries ending in "/"
// are prefixes.
type rule struct {
	pkg   string
	allow []string
}

// rules returns the table; more specific packages come first.
func rules() []rule {
	genesysDeps := []string{
		"golang.org/x/oauth2",
		"github.com/hashicorp/go-retryablehttp",
		"golang.org/x/time/rate",
		"github.com/go-json-experiment/json",
	}
	return []rule{
		{pkg: "schema"},
		{pkg: "filter", allow: []string{module + "/schema"}},
		{pkg: "genesys/genesystest", allow: append(slices.Clone(genesysDeps),
			module+"/genesys", module+"/schema", module+"/filter")},
		{pkg: "genesys", allow: genesysDeps},
		{pkg: "search", allow: append(slices.Clone(genesysDeps),
			module+"/genesys", module+"/filter", module+"/schema")},
		{pkg: "webhook"},
	}
}

// ruleFor returns the rule governing the package at rel (a slash path
// relative to the module root), or false for packages with no rule (the
// examples).
func ruleFor(rel string) (rule, bool) {
	for _, r := range rules() { // longest prefixes first in the table
		if rel == r.pkg || strings.HasPrefix(rel, r.pkg+"/") {
			return r, true
		}
	}
	return rule{}, false
}

func allowed(r rule, imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		return true // standard library
	}
	// A package may use its own subtree (internal helpers, generated code).
	if strings.HasPrefix(imp, module+"/"+r.pkg+"/") {
		return true
	}
	for _, a := range r.allow {
		if imp == a || (strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a)) ||
			strings.HasPrefix(imp, a+"/") {
			return true
		}
	}
	return false
}

func TestDependencyDirection(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err, "the test runs from examples/, one level below the module root")

	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		r, ok := ruleFor(rel)
		if !ok {
			return nil
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			var noGo *build.NoGoError
			if errors.As(err, &noGo) {
				return nil
			}
			return err
		}
		checked++
		for _, imp := range pkg.Imports { // non-test imports only
			assert.Truef(t, allowed(r, imp), "%s imports %s, which its rule does not allow", rel, imp)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Positive(t, checked, "no package was checked")
}

func TestDependencyRulesCatchViolations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pkg, imp string
		want     bool
	}{
		{"schema", "strings", true},
		{"schema", module + "/filter", false},
		{"filter", module + "/schema", true},
		{"filter", module + "/genesys", false},
		{"genesys", "golang.org/x/oauth2/clientcredentials", true},
		{"genesys", module + "/search", false},
		{"genesys/genesystest", module + "/filter", true},
		{"genesys/genesystest", module + "/search", false},
		{"search", module + "/genesys", true},
		{"search", module + "/webhook", false},
		{"webhook", module + "/genesys", false},
		{"webhook", "github.com/standard-webhooks/standard-webhooks/libraries/go", false},
		{"schema/internal/gen", module + "/schema/internal/x", true},
	}
	for _, tt := range tests {
		r, ok := ruleFor(tt.pkg)
		require.True(t, ok, tt.pkg)
		assert.Equalf(t, tt.want, allowed(r, tt.imp), "%s -> %s", tt.pkg, tt.imp)
	}
}
