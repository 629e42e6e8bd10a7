package schema

//go:generate go run ./internal/gen

// Family is a filter family of the conversation detail query: each family has
// its own filter array on the wire (conversationFilters, segmentFilters, ...).
type Family string

// The filter families, in default-resolution precedence order.
const (
	// Conversation is the family of conversation-level dimensions and metrics
	// (wire array conversationFilters).
	Conversation Family = "conversation"
	// Segment is the family of segment dimensions, the segment metric and
	// custom segment properties (wire array segmentFilters).
	Segment Family = "segment"
	// Evaluation is the family of quality evaluation fields (wire array evaluationFilters).
	Evaluation Family = "evaluation"
	// Survey is the family of survey fields (wire array surveyFilters).
	Survey Family = "survey"
	// Resolution is the family of resolution fields (wire array resolutionFilters).
	Resolution Family = "resolution"
)

// Families returns every family in default-resolution precedence order
// (conversation, segment, evaluation, survey, resolution). The slice is new on
// every call.
func Families() []Family {
	return []Family{Conversation, Segment, Evaluation, Survey, Resolution}
}

// Valid reports whether f is one of the five families.
func (f Family) Valid() bool {
	switch f {
	case Conversation, Segment, Evaluation, Survey, Resolution:
		return true
	}
	return false
}

// FiltersKey returns the JSON key of the family's filter array in a query
// body, e.g. "segmentFilters", or "" for an invalid family.
func (f Family) FiltersKey() string {
	if !f.Valid() {
		return ""
	}
	return string(f) + "Filters"
}

// Kind is the kind of a predicate's left-hand side; it is also the wire value
// of predicate.type.
type Kind string

// The kinds of fields.
const (
	// DimensionKind is a dimension: compared with matches, exists or notExists.
	DimensionKind Kind = "dimension"
	// MetricKind is a metric: compared with a numeric range, exists or notExists.
	MetricKind Kind = "metric"
	// PropertyKind is a custom segment property declared with [Property].
	PropertyKind Kind = "property"
)

// Valid reports whether k is DimensionKind, MetricKind or PropertyKind.
func (k Kind) Valid() bool {
	switch k {
	case DimensionKind, MetricKind, PropertyKind:
		return true
	}
	return false
}

// ValueType says how a value for a field is written and checked. Every wire
// value is a JSON string; the value type constrains its content (dimensions)
// or the unit of range bounds (metrics).
type ValueType string

// The value types. The assignment of a type to each field is the table in
// types.go.
const (
	// TypeUUID is a Genesys Cloud object id: 8-4-4-4-12 hexadecimal digits.
	TypeUUID ValueType = "uuid"
	// TypeString is free text; any non-empty valid UTF-8 string.
	TypeString ValueType = "string"
	// TypeEnum is a string from a fixed list of values (see [Field.Values]).
	TypeEnum ValueType = "enum"
	// TypeDateTime is an RFC 3339 instant, or an ISO 8601 interval "start/end"
	// of two such instants.
	TypeDateTime ValueType = "datetime"
	// TypeBool is "true" or "false".
	TypeBool ValueType = "bool"
	// TypeInteger is a base-10 integer.
	TypeInteger ValueType = "integer"
	// TypeDuration is a duration in milliseconds (the t* metrics); not negative.
	TypeDuration ValueType = "duration"
	// TypeCount is a number of occurrences (the n* metrics); not negative.
	TypeCount ValueType = "count"
	// TypeNumber is a real number (the o* metrics and the MOS dimension).
	TypeNumber ValueType = "number"
)

// Valid reports whether t is one of the value type constants.
func (t ValueType) Valid() bool {
	switch t {
	case TypeUUID, TypeString, TypeEnum, TypeDateTime, TypeBool, TypeInteger, TypeDuration, TypeCount, TypeNumber:
		return true
	}
	return false
}

// PropertyType is the type of a custom segment property, the wire value of
// predicate.propertyType.
type PropertyType string

// The property types of enums.json segmentPropertyTypes.
const (
	// Bool is a property holding "true" or "false".
	Bool PropertyType = "bool"
	// Integer is a property holding a base-10 integer.
	Integer PropertyType = "integer"
	// Real is a property holding a real number.
	Real PropertyType = "real"
	// Date is a property holding an RFC 3339 date-time (or an interval "a/b").
	Date PropertyType = "date"
	// String is a property holding free text.
	String PropertyType = "string"
	// UUID is a property holding a UUID (8-4-4-4-12 hexadecimal digits).
	UUID PropertyType = "uuid"
)

// Valid reports whether t is one of the six property types.
func (t PropertyType) Valid() bool {
	switch t {
	case Bool, Integer, Real, Date, String, UUID:
		return true
	}
	return false
}

// ValueType returns the value type a property of type t is checked as:
// bool→TypeBool, integer→TypeInteger, real→TypeNumber, date→TypeDateTime,
// string→TypeString, uuid→TypeUUID; "" for an invalid t.
func (t PropertyType) ValueType() ValueType {
	switch t {
	case Bool:
		return TypeBool
	case Integer:
		return TypeInteger
	case Real:
		return TypeNumber
	case Date:
		return TypeDateTime
	case String:
		return TypeString
	case UUID:
		return TypeUUID
	}
	return ""
}

// Operator is a predicate operator as written on the wire. A missing operator
// means Matches. Numeric ranges (gt, gte, lt, lte) are not operators but the
// predicate's range object, used with Matches on metrics.
type Operator string

// The predicate operators.
const (
	// Matches compares with a value (dimensions, properties) or a range (metrics).
	Matches Operator = "matches"
	// Exists holds when the field has a value.
	Exists Operator = "exists"
	// NotExists holds when the field has no value.
	NotExists Operator = "notExists"
)

// Valid reports whether o is Matches, Exists or NotExists.
func (o Operator) Valid() bool {
	switch o {
	case Matches, Exists, NotExists:
		return true
	}
	return false
}
