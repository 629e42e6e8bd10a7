package filter

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/interactiondata/gcdata/schema"
)

// fieldErrors unwraps a joined Validate error into its *FieldErrors.
func fieldErrors(t *testing.T, err error) []*FieldError {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]*FieldError, 0, len(errs))
	for _, e := range errs {
		var fe *FieldError
		require.True(t, errors.As(e, &fe), "not a *FieldError: %v", e)
		out = append(out, fe)
	}
	return out
}

func TestValidate(t *testing.T) {
	t.Parallel()
	type want struct{ path, field, reason string }
	tests := []struct {
		name string
		n    Node
		want []want // reason: substring
	}{
		{"valid", And(Matches(schema.MediaType, "voice"), Matches(schema.QueueID, q1), Gt(schema.THandle, 1), Exists(tier)), nil},
		{"valid or", Or(Matches(schema.MediaType, "voice"), InRange(schema.THandle, Range{Gte: fp(1), Lte: fp(1)})), nil},
		{"nil node", nil, []want{{"", "", "nil node"}}},
		{"nil child", And(Exists(schema.QueueID), nil), []want{{"and[1]", "", "nil node"}}},
		{"empty and", And(), []want{{"", "", "empty and"}}},
		{"empty or nested", And(Exists(schema.QueueID), Or()), []want{{"and[1]", "", "empty or"}}},
		{"empty in", And(Exists(schema.QueueID), In(schema.QueueID)), []want{{"and[1]", "", "empty or"}}},
		{"unknown field", Matches(schema.Field(0), "x"), []want{{"", "schema.Field(0)", "unknown field"}}},
		{"nil ref", Exists(nil), []want{{"", "", "no field"}}},
		{"bad property type", Matches(schema.Property("x", "text"), "y"), []want{{"", "prop.x:text", `unknown property type "text"`}}},
		{"bad property name", Matches(schema.Property("", schema.String), "y"), []want{{"", "prop.:string", "invalid property name"}}},
		{"malformed uuid", Matches(schema.QueueID, "support"), []want{{"", "queueId", `bad value "support": not a uuid`}}},
		{"unknown mediaType", Matches(schema.MediaType, "fax"), []want{{"", "mediaType", `bad value "fax"`}}},
		{"empty value", Matches(schema.WrapUpCode, ""), []want{{"", "wrapUpCode", "empty value"}}},
		{"bad property value", Matches(schema.Property("n", schema.Integer), "1.5"), []want{{"", "prop.n:integer", "not an integer"}}},
		{"value on metric", Matches(schema.THandle, "5"), []want{{"", "tHandle", "a metric takes a range, not a value"}}},
		{"range on dimension", InRange(schema.MediaType, Range{Gt: fp(1)}), []want{{"", "mediaType", "takes a value, not a range"}}},
		{"range with no bound", InRange(schema.THandle, Range{}), []want{{"", "tHandle", "range has no bound"}}},
		{"two lower bounds", InRange(schema.THandle, Range{Gt: fp(1), Gte: fp(2)}), []want{{"", "tHandle", "two lower bounds"}}},
		{"two upper bounds", InRange(schema.THandle, Range{Lt: fp(1), Lte: fp(2)}), []want{{"", "tHandle", "two upper bounds"}}},
		{"lower above upper", InRange(schema.THandle, Range{Gte: fp(10), Lt: fp(5)}), []want{{"", "tHandle", "lower bound 10 is above upper bound 5"}}},
		{"equal exclusive", InRange(schema.THandle, Range{Gt: fp(5), Lte: fp(5)}), []want{{"", "tHandle", "bounds are equal"}}},
		{"negative duration", Gt(schema.THandle, -1), []want{{"", "tHandle", `bad value "-1"`}}},
		{"nan bound", Gt(schema.OTotalScore, math.NaN()), []want{{"", "oTotalScore", `bad value "NaN"`}}},
		{"exists with value", newPredicate(schema.QueueID, schema.Exists, q1, true, nil), []want{{"", "queueId", `operator "exists" takes no value`}}},
		{"notExists with range", newPredicate(schema.THandle, schema.NotExists, "", false, &Range{Gt: fp(1)}), []want{{"", "tHandle", `operator "notExists" takes no range`}}},
		{"unknown operator", newPredicate(schema.QueueID, "contains", q1, true, nil), []want{{"", "queueId", `unknown operator "contains"`}}},
		{"missing value", newPredicate(schema.QueueID, schema.Matches, "", false, nil), []want{{"", "queueId", "missing value"}}},
		{"missing range", newPredicate(schema.THandle, schema.Matches, "", false, nil), []want{{"", "tHandle", "missing range"}}},
		{"every problem with paths", And(
			Matches(schema.MediaType, "fax"),
			Or(Matches(schema.QueueID, "support"), Exists(schema.WrapUpCode), Matches(schema.THandle, "5")),
			And(),
			Gt(schema.THandle, 1),
		), []want{
			{"and[0]", "mediaType", `bad value "fax"`},
			{"and[1].or[0]", "queueId", "not a uuid"},
			{"and[1].or[2]", "tHandle", "a metric takes a range"},
			{"and[2]", "", "empty and"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := fieldErrors(t, Validate(tt.n))
			require.Len(t, got, len(tt.want), "errors: %v", got)
			for i, w := range tt.want {
				assert.Equal(t, w.path, got[i].Path, "error %d", i)
				assert.Equal(t, w.field, got[i].Field, "error %d", i)
				assert.Contains(t, got[i].Reason, w.reason, "error %d", i)
			}
		})
	}
}

func TestFieldErrorText(t *testing.T) {
	t.Parallel()
	err := Validate(And(Exists(schema.QueueID), Matches(schema.THandle, "5")))
	assert.EqualError(t, err, `filter: and[1]: metric "tHandle": a metric takes a range, not a value (write e.g. tHandle > 1000)`)
	err = Validate(And())
	assert.EqualError(t, err, `filter: empty and: give it at least one condition`)
	assert.EqualError(t, &FieldError{Field: "x", Reason: "r"}, `filter: field "x": r`)
	assert.EqualError(t, &CompileError{Reason: "r"}, `filter: compile: r`)
	assert.EqualError(t, &CompileError{Path: "or[1]", Reason: "r"}, `filter: compile: or[1]: r`)
}
