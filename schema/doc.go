// Package schema is the catalog of the fields a Genesys Cloud conversation
// detail query can filter on, as listed by the API contract (enums.json):
// conversation, segment, evaluation, survey and resolution dimensions and
// metrics, plus user-declared custom segment properties.
//
// Every catalog field is a [Field] constant, such as [MediaType], [QueueID],
// [THandle] or [EvaluationQueueID]. A field knows its API name, its [Family]
// (which filter array it goes into), its [Kind] (dimension or metric), its
// [ValueType] and, for enumerated fields, its allowed values. It checks
// values with [Field.CheckValue] and says which operators it takes with
// [Field.Allows] and [Field.AllowsRange]:
//
//   - dimensions take matches (with a value), exists and notExists;
//   - metrics take a numeric range (gt, gte, lt, lte; operator matches or
//     omitted) and exists/notExists;
//   - custom properties ([Property]) take a property type and matches,
//     exists or notExists.
//
// Names are case-sensitive. A name listed by several families (queueId,
// userId, eventTime) resolves by precedence conversation > segment >
// evaluation > survey > resolution: [QueueID] is the segment dimension, and
// [EvaluationQueueID] and [SurveyQueueID] the others. [Lookup] takes a bare
// name or a qualified one ("evaluation.queueId") and suggests close names
// for an unknown one.
//
// The field constants and lookup tables are generated from
// internal/gen/enums.json by go generate; value types are curated by hand in
// types.go. The package has no mutable state and is safe for concurrent use.
//
// Example:
//
//	f, err := schema.Lookup("wrapUpCode")
//	if err != nil {
//		return err // schema: unknown field ...; did you mean ...?
//	}
//	if err := f.CheckValue("Case-Closed"); err != nil {
//		return err
//	}
//	tier := schema.Property("customerTier", schema.String)
//	fmt.Println(f, tier) // segment.wrapUpCode prop.customerTier:string
package schema
