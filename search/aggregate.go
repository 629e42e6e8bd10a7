package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/schema"
)

// AggregationType is the kind of an [Aggregation].
type AggregationType string

// The aggregation types of the detail query.
const (
	AggregationTermFrequency AggregationType = "termFrequency"
	AggregationNumericRange  AggregationType = "numericRange"
)

// Valid reports whether t is a known aggregation type.
func (t AggregationType) Valid() bool {
	return t == AggregationTermFrequency || t == AggregationNumericRange
}

// Aggregation is one facet computed alongside a synchronous query: build it
// with [TermFrequency] or [NumericRange]. The zero value is invalid.
type Aggregation struct {
	typ    AggregationType
	field  schema.Field
	size   int
	ranges []Range
}

// Range is a numericRange bucket [Gte, Lt) in the metric's unit
// (milliseconds for t* metrics). math.Inf(-1) as Gte or math.Inf(1) as Lt
// leaves that side open.
type Range struct {
	Gte, Lt float64
}

// TermFrequency counts conversations per value of a conversation or
// segment dimension: the size most frequent values (0 = the API default).
func TermFrequency(dimension schema.Field, size int) Aggregation {
	return Aggregation{typ: AggregationTermFrequency, field: dimension, size: size}
}

// NumericRange counts conversations per range of a metric.
func NumericRange(metric schema.Field, ranges ...Range) Aggregation {
	return Aggregation{typ: AggregationNumericRange, field: metric, ranges: append([]Range(nil), ranges...)}
}

// Type returns the aggregation's kind.
func (a Aggregation) Type() AggregationType { return a.typ }

// Field returns the aggregated dimension or metric.
func (a Aggregation) Field() schema.Field { return a.field }

// Bucket is one bucket of an aggregation result: a term (Value) for
// termFrequency, a range [Gte, Lt) for numericRange (nil = unbounded).
type Bucket struct {
	Count int
	Value string
	Gte   *float64
	Lt    *float64
}

// AggregationResult is the typed result of one [Aggregation].
type AggregationResult struct {
	Type AggregationType
	// Field is the aggregated dimension or metric; zero when the server
	// named one the schema does not know (see Name).
	Field schema.Field
	// Name is the dimension or metric name as the server sent it.
	Name string
	// Count is the number of conversations counted.
	Count int
	// Buckets are the buckets in server order.
	Buckets []Bucket
}

// validate checks the aggregation against the schema.
func (a Aggregation) validate(i int) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("search: aggregations[%d]: "+format, append([]any{i}, args...)...)
	}
	if !a.typ.Valid() {
		return fail("not built with TermFrequency or NumericRange")
	}
	f := a.field
	if !f.Valid() {
		return fail("invalid field")
	}
	if fam := f.Family(); fam != schema.Conversation && fam != schema.Segment {
		return fail("%s: only conversation and segment fields can be aggregated", f)
	}
	switch a.typ {
	case AggregationTermFrequency:
		if f.Kind() != schema.DimensionKind {
			return fail("termFrequency needs a dimension, %s is a %s", f, f.Kind())
		}
		if a.size < 0 || a.size > 1000 {
			return fail("termFrequency size %d not in 0..1000", a.size)
		}
	case AggregationNumericRange:
		if f.Kind() != schema.MetricKind {
			return fail("numericRange needs a metric, %s is a %s", f, f.Kind())
		}
		if len(a.ranges) == 0 {
			return fail("numericRange on %s has no ranges", f)
		}
		for j, r := range a.ranges {
			switch {
			case math.IsNaN(r.Gte) || math.IsNaN(r.Lt) || math.IsInf(r.Gte, 1) || math.IsInf(r.Lt, -1):
				return fail("ranges[%d]: bad bounds [%v, %v)", j, r.Gte, r.Lt)
			case math.IsInf(r.Gte, -1) && math.IsInf(r.Lt, 1):
				return fail("ranges[%d]: needs a finite Gte or Lt", j)
			case r.Gte >= r.Lt:
				return fail("ranges[%d]: Gte %v not below Lt %v", j, r.Gte, r.Lt)
			}
		}
	}
	return nil
}

func (a Aggregation) appendJSON(b []byte) []byte {
	b = append(b, `{"type":"`...)
	b = append(b, a.typ...)
	b = append(b, '"')
	if a.typ == AggregationTermFrequency {
		b = append(b, `,"dimension":`...)
		b = strconv.AppendQuote(b, a.field.Name())
		if a.size > 0 {
			b = append(b, `,"size":`...)
			b = strconv.AppendInt(b, int64(a.size), 10)
		}
		return append(b, '}')
	}
	b = append(b, `,"metric":`...)
	b = strconv.AppendQuote(b, a.field.Name())
	b = append(b, `,"ranges":[`...)
	for j, r := range a.ranges {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		lo := !math.IsInf(r.Gte, -1)
		if lo {
			b = append(b, `"gte":`...)
			b = strconv.AppendFloat(b, r.Gte, 'g', -1, 64)
		}
		if !math.IsInf(r.Lt, 1) {
			if lo {
				b = append(b, ',')
			}
			b = append(b, `"lt":`...)
			b = strconv.AppendFloat(b, r.Lt, 'g', -1, 64)
		}
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// Aggregate computes aggregations over the conversations of q with one
// synchronous query request (so "voice calls per wrap-up code this week" is
// one call). Unlike [Searcher.All], the counts follow the API's rule: every
// conversation matching q.Filter that started on a UTC day the interval
// [q.Start, q.End) touches; the interval may span at most 7 days (31 with a
// filter). q.Mode, q.Order and q.Cursor are ignored. Aggregations are
// validated against the schema before any request: termFrequency needs a
// conversation or segment dimension, numericRange a metric and ranges.
func (s *Searcher) Aggregate(ctx context.Context, q Query, aggs ...Aggregation) ([]AggregationResult, error) {
	if err := s.cfg.err; err != nil {
		return nil, err
	}
	q.Cursor, q.Mode, q.Order = "", ModeQuery, OrderAsc
	p, err := prepare(q)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	if len(aggs) == 0 {
		errs = append(errs, errors.New("search: Aggregate: no aggregations"))
	}
	for i, a := range aggs {
		if err := a.validate(i); err != nil {
			errs = append(errs, err)
		}
	}
	if err == nil {
		a, b := p.q.Start.Truncate(day), p.q.End
		limit := 7 * day
		if p.hasFilter() {
			limit = 31 * day
		}
		if b.Sub(a) > limit {
			errs = append(errs, fmt.Errorf("search: Aggregate: interval spans %s, the API allows %s", b.Sub(a).Round(time.Minute), limit))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	extra := []byte(`"paging":{"pageSize":1,"pageNumber":1},"aggregations":[`)
	for i, a := range aggs {
		if i > 0 {
			extra = append(extra, ',')
		}
		extra = a.appendJSON(extra)
	}
	extra = append(extra, ']')
	var resp genesys.DetailsQueryResponse
	if _, err := s.do(ctx, nil, genesys.Request{
		Method: http.MethodPost, Path: queryPath, Body: requestBody(p, apiInterval(p.q.Start, p.q.End), extra),
		Operation: "details query aggregations",
	}, &resp); err != nil {
		return nil, fmt.Errorf("search: Aggregate: %w", err)
	}
	out := make([]AggregationResult, 0, len(resp.Aggregations))
	for _, r := range resp.Aggregations {
		res := AggregationResult{Type: AggregationType(r.Type), Name: r.Dimension, Count: r.Count}
		if res.Name == "" {
			res.Name = r.Metric
		}
		if fam, kind := schema.Conversation, schema.DimensionKind; res.Name != "" {
			if r.Metric != "" {
				kind = schema.MetricKind
			}
			f, ok := schema.LookupIn(fam, kind, res.Name)
			if !ok {
				f, _ = schema.LookupIn(schema.Segment, kind, res.Name)
			}
			res.Field = f
		}
		res.Buckets = make([]Bucket, len(r.Results))
		for j, bk := range r.Results {
			res.Buckets[j] = Bucket{Count: bk.Count, Value: bk.Value, Gte: bk.Gte, Lt: bk.Lt}
		}
		out = append(out, res)
	}
	return out, nil
}
