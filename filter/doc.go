// Package filter builds, checks and compiles the filters of Genesys Cloud
// conversation detail queries and jobs.
//
// # Model
//
// A filter is an immutable tree of [Node] values: [And], [Or] and predicates
// on a [schema.Ref] (a catalog field or a custom segment property):
//
//   - a dimension or property matches a value ([Matches], [In]);
//   - a metric lies in a numeric range in its own unit, milliseconds for t*
//     metrics ([Gt], [Gte], [Lt], [Lte], [InRange]);
//   - any ref exists or does not exist ([Exists], [NotExists]).
//
// The tree can also be read from text ([Parse]) or from a map ([Matrix]).
// [Validate] checks it against the catalog and returns every problem with
// its path in the tree. [Compile] lowers it to [Wire], the exact JSON of the
// five filter arrays of a query (conversationFilters, segmentFilters,
// evaluationFilters, surveyFilters, resolutionFilters), or explains why the
// API cannot express it. [DecodeWire] reads wire JSON strictly, as a server
// would; [Wire.Validate] checks it against the catalog; [Wire.Node] turns it
// back into a tree. [Hash] names a filter by the SHA-256 of its compiled
// JSON.
//
// # Wire format and segment semantics
//
// Each array element is a filter {type "and"|"or", predicates, clauses}; a
// clause is {type "and"|"or", predicates} and nests no further. The elements
// of an array, and the arrays themselves, combine with AND. What one element
// ranges over depends on its family:
//
//   - segmentFilters: the predicates of ONE element must all hold for the
//     SAME segment. Segment-level fields (queueId, wrapUpCode, segmentType,
//     ...) are read from the segment; session-level fields (mediaType,
//     direction, ani, ...) from the segment's enclosing session;
//     participant-level fields (purpose, userId, ...) from the session's
//     participant. Separate elements may each be satisfied by a different
//     segment. So `mediaType == "voice" and queueId == Q and wrapUpCode ==
//     "Case-Closed"` compiles to one element: one voice segment, queued to
//     Q, wrapped up as Case-Closed.
//   - conversationFilters: predicates hold on conversation-level fields; a
//     conversation metric predicate holds if any session metric of that
//     name satisfies it. Splitting a conversation element into several
//     therefore changes nothing.
//   - evaluationFilters, surveyFilters, resolutionFilters: an element holds
//     if some evaluation (survey, resolution) of the conversation satisfies
//     the whole element.
//
// The fake server in genesys/genesystest implements exactly these rules.
//
// # Canonical text
//
// Every node prints its canonical expression with String, and
// Parse(n.String()) is equal to n for a valid n (see [Equal]):
//
//   - `field == "value"` with the value quoted by strconv.Quote;
//     `field exists`, `field notExists`;
//   - metric bounds `tHandle > 180000`, `>=`, `<`, `<=`, numbers formatted
//     by [FormatNumber]; a range with several bounds prints them joined by
//     `and` (`tHandle >= 1000 and tHandle < 3.6e+06`), in parentheses when
//     it is not the whole expression;
//   - an Or of two or more value matches on one ref prints as
//     `field in ("a", "b")`;
//   - `and` binds tighter than `or`; an And inside an And, an Or inside an
//     Or and an Or (other than an `in` list) inside an And are
//     parenthesized, so the tree's shape survives a round trip; when every
//     child of an And is a single-bound range predicate on one metric, each
//     is parenthesized, so they do not read back as one range;
//   - fields print as their API name, qualified with the family
//     ("evaluation.queueId") when the bare name resolves to another field
//     (see [RefText]); custom properties as `prop.customerTier:string`.
//
// # Example
//
//	n := filter.And(
//		filter.Matches(schema.MediaType, "voice"),
//		filter.Matches(schema.WrapUpCode, "Case-Closed"),
//		filter.Gt(schema.THandle, 180000),
//	)
//	w, err := filter.Compile(n) // validates, then lowers
//	if err != nil {
//		return err // every problem, with paths
//	}
//	body, _ := w.MarshalJSON()
//	// {"conversationFilters":[{"type":"and","predicates":[{"type":"metric","metric":"tHandle","range":{"gt":180000}}]}],
//	//  "segmentFilters":[{"type":"and","predicates":[{"type":"dimension","dimension":"mediaType","value":"voice"},...]}]}
//
// Nodes, Wire values and every function of the package are safe for
// concurrent use; the package has no mutable state.
package filter
