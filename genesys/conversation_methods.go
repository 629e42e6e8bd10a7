package genesys

// JSON methods of the model types other than Conversation and the pages;
// written by TestCodecGenerated.

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Participant) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeParticipant)
}

// UnmarshalJSON decodes x like [Participant.UnmarshalJSONFrom].
func (x *Participant) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Participant) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendParticipant)
}

// MarshalJSON encodes x like [Participant.MarshalJSONTo].
func (x Participant) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendParticipant)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Session) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeSession)
}

// UnmarshalJSON decodes x like [Session.UnmarshalJSONFrom].
func (x *Session) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Session) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendSession)
}

// MarshalJSON encodes x like [Session.MarshalJSONTo].
func (x Session) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendSession)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Segment) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeSegment)
}

// UnmarshalJSON decodes x like [Segment.UnmarshalJSONFrom].
func (x *Segment) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Segment) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendSegment)
}

// MarshalJSON encodes x like [Segment.MarshalJSONTo].
func (x Segment) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendSegment)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Metric) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeMetric)
}

// UnmarshalJSON decodes x like [Metric.UnmarshalJSONFrom].
func (x *Metric) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Metric) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendMetric)
}

// MarshalJSON encodes x like [Metric.MarshalJSONTo].
func (x Metric) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendMetric)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *SegmentProperty) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeSegmentProperty)
}

// UnmarshalJSON decodes x like [SegmentProperty.UnmarshalJSONFrom].
func (x *SegmentProperty) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x SegmentProperty) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendSegmentProperty)
}

// MarshalJSON encodes x like [SegmentProperty.MarshalJSONTo].
func (x SegmentProperty) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendSegmentProperty)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *ScoredAgent) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeScoredAgent)
}

// UnmarshalJSON decodes x like [ScoredAgent.UnmarshalJSONFrom].
func (x *ScoredAgent) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x ScoredAgent) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendScoredAgent)
}

// MarshalJSON encodes x like [ScoredAgent.MarshalJSONTo].
func (x ScoredAgent) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendScoredAgent)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *MediaEndpointStat) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeMediaEndpointStat)
}

// UnmarshalJSON decodes x like [MediaEndpointStat.UnmarshalJSONFrom].
func (x *MediaEndpointStat) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x MediaEndpointStat) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendMediaEndpointStat)
}

// MarshalJSON encodes x like [MediaEndpointStat.MarshalJSONTo].
func (x MediaEndpointStat) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendMediaEndpointStat)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Flow) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeFlow)
}

// UnmarshalJSON decodes x like [Flow.UnmarshalJSONFrom].
func (x *Flow) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Flow) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendFlow)
}

// MarshalJSON encodes x like [Flow.MarshalJSONTo].
func (x Flow) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendFlow)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Evaluation) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeEvaluation)
}

// UnmarshalJSON decodes x like [Evaluation.UnmarshalJSONFrom].
func (x *Evaluation) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Evaluation) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendEvaluation)
}

// MarshalJSON encodes x like [Evaluation.MarshalJSONTo].
func (x Evaluation) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendEvaluation)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Survey) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeSurvey)
}

// UnmarshalJSON decodes x like [Survey.UnmarshalJSONFrom].
func (x *Survey) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Survey) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendSurvey)
}

// MarshalJSON encodes x like [Survey.MarshalJSONTo].
func (x Survey) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendSurvey)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *Resolution) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeResolution)
}

// UnmarshalJSON decodes x like [Resolution.UnmarshalJSONFrom].
func (x *Resolution) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x Resolution) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendResolution)
}

// MarshalJSON encodes x like [Resolution.MarshalJSONTo].
func (x Resolution) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendResolution)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *AggregationResult) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeAggregationResult)
}

// UnmarshalJSON decodes x like [AggregationResult.UnmarshalJSONFrom].
func (x *AggregationResult) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x AggregationResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendAggregationResult)
}

// MarshalJSON encodes x like [AggregationResult.MarshalJSONTo].
func (x AggregationResult) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendAggregationResult)
}

// UnmarshalJSONFrom decodes x from one JSON object, keeping unknown members in
// Extra. A JSON null sets x to its zero value. It implements json.UnmarshalerFrom.
func (x *AggregationBucket) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return unmarshalFrom(dec, x, (*scanner).decodeAggregationBucket)
}

// UnmarshalJSON decodes x like [AggregationBucket.UnmarshalJSONFrom].
func (x *AggregationBucket) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, x)
}

// MarshalJSONTo writes the typed fields of x, then its Extra members. It
// implements json.MarshalerTo.
func (x AggregationBucket) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &x, (*encoder).appendAggregationBucket)
}

// MarshalJSON encodes x like [AggregationBucket.MarshalJSONTo].
func (x AggregationBucket) MarshalJSON() ([]byte, error) {
	return marshal(&x, (*encoder).appendAggregationBucket)
}
