package genesys

import (
	"fmt"
	"time"

	"github.com/go-json-experiment/json"
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

	has uint64
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

	has uint64
}

// decodeEnum reads a JSON string (null yields "") and interns known values.
func decodeEnum[T ~string](dec *jsontext.Decoder, intern func(string) (T, bool)) (T, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	switch v.Kind() {
	case 'n':
		return "", nil
	case '"':
	default:
		return "", &json.SemanticError{JSONKind: v.Kind()}
	}
	if k, ok := intern(string(v[1 : len(v)-1])); ok {
		return k, nil
	}
	s, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return "", err
	}
	return T(s), nil
}

// decodePage decodes a page object from dec: member handles the members it
// knows (reporting whether it did), the others are kept in *extra.
func decodePage(dec *jsontext.Decoder, extra *jsontext.Value, member func(name string) (bool, error)) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return &json.SemanticError{JSONKind: tok.Kind()}
	}
	var ext []byte
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		name := tok.String()
		ok, err := member(name)
		if err != nil {
			return fmt.Errorf("genesys: decode %s: %w", name, err)
		}
		if ok {
			continue
		}
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		if ext == nil {
			ext = append(ext, '{')
		} else {
			ext = append(ext, ',')
		}
		if ext, err = jsontext.AppendQuote(ext, name); err != nil {
			return err
		}
		ext = append(ext, ':')
		ext = append(ext, v...)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	if ext != nil {
		*extra = append(ext, '}')
	}
	return nil
}

// decodeConversations reads a JSON array of conversations from dec, sharing
// one scanner (and its scratch buffers) across the page.
func decodeConversations(dec *jsontext.Decoder, d *scanner) ([]Conversation, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case 'n':
		return nil, nil
	case '[':
	default:
		return nil, &json.SemanticError{JSONKind: tok.Kind()}
	}
	convs := []Conversation{}
	for dec.PeekKind() != ']' {
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		convs = append(convs, Conversation{})
		c := &convs[len(convs)-1]
		if v.Kind() == 'n' {
			continue
		}
		if err := d.decodeRaw(c, v); err != nil {
			return nil, fmt.Errorf("[%d]: %w", len(convs)-1, err)
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	return convs, nil
}

// scanValue reads one value from dec and decodes it with fn (null yields the
// zero value).
func scanValue[T any](dec *jsontext.Decoder, d *scanner, fn func(*scanner) (T, error)) (T, error) {
	var zero T
	v, err := dec.ReadValue()
	if err != nil {
		return zero, err
	}
	if v.Kind() == 'n' {
		return zero, nil
	}
	d.reset(string(v))
	x, err := fn(d)
	if err != nil {
		return zero, err
	}
	return x, d.end()
}

func scanAggregations(d *scanner) ([]AggregationResult, error) {
	return scanObjects(d, &d.scAggregationResult, (*scanner).decodeAggregationResult)
}

// UnmarshalJSONFrom decodes a detail query response; each conversation keeps
// its raw bytes (see [Conversation.Raw]). It implements json.UnmarshalerFrom.
func (p *DetailsQueryResponse) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	*p = DetailsQueryResponse{}
	var d scanner
	return decodePage(dec, &p.Extra, func(name string) (ok bool, err error) {
		switch name {
		case "conversations":
			p.Conversations, err = decodeConversations(dec, &d)
		case "totalHits":
			p.TotalHits, err = scanValue(dec, &d, (*scanner).int)
		case "aggregations":
			p.Aggregations, err = scanValue(dec, &d, scanAggregations)
		default:
			return false, nil
		}
		return true, err
	})
}

// UnmarshalJSONFrom decodes a page of job results; each conversation keeps
// its raw bytes (see [Conversation.Raw]). It implements json.UnmarshalerFrom.
func (p *JobResultsResponse) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	*p = JobResultsResponse{}
	var d scanner
	return decodePage(dec, &p.Extra, func(name string) (ok bool, err error) {
		switch name {
		case "conversations":
			p.Conversations, err = decodeConversations(dec, &d)
		case "cursor":
			p.Cursor, err = scanValue(dec, &d, (*scanner).str)
		case "dataAvailabilityDate":
			p.DataAvailabilityDate, err = scanValue(dec, &d, (*scanner).time)
		default:
			return false, nil
		}
		return true, err
	})
}

// UnmarshalJSONFrom decodes a multi-get response; each conversation keeps its
// raw bytes (see [Conversation.Raw]). It implements json.UnmarshalerFrom.
func (p *MultiGetResponse) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	*p = MultiGetResponse{}
	var d scanner
	return decodePage(dec, &p.Extra, func(name string) (ok bool, err error) {
		if name != "conversations" {
			return false, nil
		}
		p.Conversations, err = decodeConversations(dec, &d)
		return true, err
	})
}

// MarshalJSONTo writes p with each conversation's typed fields (see
// [Conversation]). It implements json.MarshalerTo.
func (p DetailsQueryResponse) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &p, (*encoder).appendDetailsQueryResponse)
}

// MarshalJSONTo writes p with each conversation's typed fields (see
// [Conversation]). It implements json.MarshalerTo.
func (p JobResultsResponse) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &p, (*encoder).appendJobResultsResponse)
}

// MarshalJSONTo writes p with each conversation's typed fields (see
// [Conversation]). It implements json.MarshalerTo.
func (p MultiGetResponse) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &p, (*encoder).appendMultiGetResponse)
}

// UnmarshalJSON decodes p like [DetailsQueryResponse.UnmarshalJSONFrom].
func (p *DetailsQueryResponse) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, p) }

// UnmarshalJSON decodes p like [JobResultsResponse.UnmarshalJSONFrom].
func (p *JobResultsResponse) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, p) }

// UnmarshalJSON decodes p like [MultiGetResponse.UnmarshalJSONFrom].
func (p *MultiGetResponse) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, p) }

// MarshalJSON encodes p like [DetailsQueryResponse.MarshalJSONTo].
func (p DetailsQueryResponse) MarshalJSON() ([]byte, error) {
	return marshal(&p, (*encoder).appendDetailsQueryResponse)
}

// MarshalJSON encodes p like [JobResultsResponse.MarshalJSONTo].
func (p JobResultsResponse) MarshalJSON() ([]byte, error) {
	return marshal(&p, (*encoder).appendJobResultsResponse)
}

// MarshalJSON encodes p like [MultiGetResponse.MarshalJSONTo].
func (p MultiGetResponse) MarshalJSON() ([]byte, error) {
	return marshal(&p, (*encoder).appendMultiGetResponse)
}
