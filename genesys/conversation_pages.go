package genesys

import (
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// DetailsQueryResponse is the body of a synchronous conversation detail query
// (POST /api/v2/analytics/conversations/details/query). Its conversations
// carry no participant attributes. A page past the end decodes as the zero
// value (the server answers {}).
type DetailsQueryResponse struct {
	// Conversations are the page's conversations.
	Conversations []Conversation `json:"conversations,omitzero"`
	// TotalHits is the approximate number of matching conversations
	// (totalHits); it moves while the interval still receives traffic.
	TotalHits int `json:"totalHits,omitzero"`
	// Aggregations are the results of the query's aggregations.
	Aggregations []AggregationResult `json:"aggregations,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}

// JobResultsResponse is one page of async detail job results
// (GET /api/v2/analytics/conversations/details/jobs/{jobId}/results). Its
// participants carry attributes.
type JobResultsResponse struct {
	// Conversations are the page's conversations.
	Conversations []Conversation `json:"conversations,omitzero"`
	// Cursor is the opaque cursor of the next page; empty on the last page.
	Cursor string `json:"cursor,omitzero"`
	// DataAvailabilityDate is the instant before which the job's data is
	// complete (dataAvailabilityDate).
	DataAvailabilityDate time.Time `json:"dataAvailabilityDate,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}

// MultiGetResponse is the body of the batched lookup by id
// (GET /api/v2/analytics/conversations/details?id=...). Its conversations carry
// no participant attributes.
type MultiGetResponse struct {
	// Conversations are the conversations found.
	Conversations []Conversation `json:"conversations,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}

// AggregationResult is the result of one aggregation of a detail query.
type AggregationResult struct {
	// Type is the aggregation kind (type): termFrequency or numericRange.
	Type AggregationType `json:"type,omitzero"`
	// Dimension is the aggregated dimension of a termFrequency aggregation
	// (dimension).
	Dimension string `json:"dimension,omitzero"`
	// Metric is the aggregated metric of a numericRange aggregation (metric).
	Metric string `json:"metric,omitzero"`
	// Count is the number of conversations counted (count).
	Count int `json:"count,omitzero"`
	// Results are the buckets (results).
	Results []AggregationBucket `json:"results,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}

// AggregationBucket is one bucket of an [AggregationResult]: a term (Value)
// for termFrequency, a range [Gte, Lt) for numericRange.
type AggregationBucket struct {
	// Count is the number of conversations in the bucket (count).
	Count int `json:"count"`
	// Value is the term of a termFrequency bucket (value).
	Value string `json:"value,omitzero"`
	// Gte is the inclusive lower bound of a numericRange bucket (gte); nil
	// when unbounded.
	Gte *float64 `json:"gte,omitzero"`
	// Lt is the exclusive upper bound of a numericRange bucket (lt); nil when
	// unbounded.
	Lt *float64 `json:"lt,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}
