package schema_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

// Names that are not plain identifiers print quoted and parse back.
func TestPropertyNameQuoting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
	}{
		{"customerTier", `prop.customerTier:string`},
		{"a.b-c_1", `prop.a.b-c_1:string`},
		{"my tier", `prop."my tier":string`},
		{"a:b", `prop."a:b":string`},
		{`say "hi"`, `prop."say \"hi\"":string`},
		{"größe", `prop."größe":string`},
	}
	for _, tt := range tests {
		p := schema.Property(tt.name, schema.String)
		assert.Equal(t, tt.text, p.String())
		r, err := schema.ParseRef(p.String())
		require.NoError(t, err, tt.text)
		assert.Equal(t, p, r, tt.text)
	}
	for _, bad := range []string{`prop."open:string`, `prop."x"string`, `prop."x":nope`, `prop."":string`} {
		_, err := schema.ParseRef(bad)
		assert.Error(t, err, bad)
	}
}
