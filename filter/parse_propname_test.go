package filter

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

// TestPropertyNameQuoting checks that custom property names that are not
// plain identifiers print quoted and parse back to the same property.
func TestPropertyNameQuoting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string // property name
		typ  schema.PropertyType
		want string // RefText
	}{
		{"customerTier", schema.String, `prop.customerTier:string`},
		{"a-b.c_d", schema.Integer, `prop.a-b.c_d:integer`},
		{"my tier", schema.String, `prop."my tier":string`},
		{"a:b", schema.String, `prop."a:b":string`},
		{"tier (old)", schema.Bool, `prop."tier (old)":bool`},
		{`say "hi"`, schema.String, `prop."say \"hi\"":string`},
		{`back\slash`, schema.String, `prop."back\\slash":string`},
		{"café", schema.String, `prop."café":string`},
		{"x,y", schema.Real, `prop."x,y":real`},
		{"a==b", schema.UUID, `prop."a==b":uuid`},
		{"_", schema.Date, `prop._:date`},
	}
	values := map[schema.PropertyType][2]string{ // two valid values per type
		schema.String:  {"gold", "a:b"},
		schema.Integer: {"1", "2"},
		schema.Real:    {"1.5", "2"},
		schema.Bool:    {"true", "false"},
		schema.Date:    {"2026-05-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z"},
		schema.UUID:    {"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := schema.Property(tt.name, tt.typ)
			v := values[tt.typ]
			require.True(t, p.Valid())
			assert.Equal(t, tt.want, RefText(p))

			for _, n := range []Node{Exists(p), NotExists(p), Matches(p, v[0]), In(p, v[0], v[1])} {
				text := n.String()
				back, err := Parse(text)
				require.NoError(t, err, text)
				assert.True(t, Equal(n, back), "%s parsed back as %s", text, back)
				assert.Equal(t, text, back.String())
			}
		})
	}
}

// TestParseQuotedPropertyName covers the quoted form in input: a quoted
// plain name is the same property, and bad quoted names are errors at the
// name.
func TestParseQuotedPropertyName(t *testing.T) {
	t.Parallel()
	n, err := Parse(`prop."customerTier":string == "gold" and prop."my tier":string exists`)
	require.NoError(t, err)
	want := And(Matches(schema.Property("customerTier", schema.String), "gold"), Exists(schema.Property("my tier", schema.String)))
	assert.True(t, Equal(want, n), "got %s", n)
	assert.Equal(t, `prop.customerTier:string == "gold" and prop."my tier":string exists`, n.String())

	for _, tt := range []struct {
		name, expr, want string
	}{
		{"empty quoted name", `prop."":string exists`, "filter: 1:6: a custom property needs a name: prop.NAME:TYPE\nprop.\"\":string exists\n     ^"},
		{"bad escape", `prop."a\q":string exists`, "filter: 1:6: bad quoted property name: write it as a Go string literal, e.g. prop.\"my tier\":string\nprop.\"a\\q\":string exists\n     ^"},
		{"control character", `prop."a\x01":string exists`, "filter: 1:6: invalid property name \"a\\x01\" (control characters are not allowed)\nprop.\"a\\x01\":string exists\n     ^"},
		{"unterminated", `prop."my tier:string exists`, "filter: 1:6: unterminated string\nprop.\"my tier:string exists\n     ^"},
		{"no type after quote", `prop."my tier" exists`,
			"filter: 1:1: a custom property needs a type: prop.NAME:TYPE with TYPE one of bool, integer, real, date, string, uuid\nprop.\"my tier\" exists\n^"},
		{"text after quote", `prop."my"tier:string exists`,
			"filter: 1:1: a custom property needs a type: prop.NAME:TYPE with TYPE one of bool, integer, real, date, string, uuid\nprop.\"my\"tier:string exists\n^"},
		{"bad type", `prop."my tier":text exists`,
			"filter: 1:16: unknown property type \"text\" (want bool, integer, real, date, string or uuid)\nprop.\"my tier\":text exists\n               ^"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := Parse(tt.expr)
			require.Error(t, err)
			assert.Nil(t, n)
			var se *SyntaxError
			require.True(t, errors.As(err, &se))
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestValidateQuotesPropertyName checks that errors name a property the way
// an expression writes it.
func TestValidateQuotesPropertyName(t *testing.T) {
	t.Parallel()
	err := Validate(Matches(schema.Property("my tier", schema.Integer), "x"))
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, `prop."my tier":integer`, fe.Field)
}
