package filter_test

import (
	"fmt"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/schema"
)

func ExampleValidate() {
	n := filter.And(
		filter.Matches(schema.MediaType, "voice"),
		filter.Or(
			filter.Matches(schema.QueueID, "Support"),
			filter.Matches(schema.THandle, "180000"),
		),
		filter.InRange(schema.TTalk, filter.Range{}),
		filter.Or(),
	)
	fmt.Println(filter.Validate(n))
	// Output:
	// filter: and[1].or[0]: dimension "queueId": bad value "Support": not a uuid (want 8-4-4-4-12 hex digits, e.g. 5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a)
	// filter: and[1].or[1]: metric "tHandle": a metric takes a range, not a value (write e.g. tHandle > 1000)
	// filter: and[2]: metric "tTalk": range has no bound (give gt, gte, lt or lte)
	// filter: and[3]: empty or: give it at least one condition
}

func ExampleCompile() {
	n := filter.And(
		filter.Matches(schema.MediaType, "voice"),
		filter.In(schema.QueueID, "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f"),
		filter.Matches(schema.WrapUpCode, "Case-Closed"),
		filter.Gt(schema.THandle, 180000),
	)
	fmt.Println(n)
	w, err := filter.Compile(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := w.MarshalJSON()
	fmt.Println(string(b))

	_, err = filter.Compile(filter.Or(
		filter.Matches(schema.OriginatingDirection, "inbound"),
		filter.Matches(schema.MediaType, "voice"),
	))
	fmt.Println(err)
	// Output:
	// mediaType == "voice" and queueId in ("5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f") and wrapUpCode == "Case-Closed" and tHandle > 180000
	// {"conversationFilters":[{"type":"and","predicates":[{"type":"metric","metric":"tHandle","range":{"gt":180000}}]}],"segmentFilters":[{"type":"and","predicates":[{"type":"dimension","dimension":"mediaType","value":"voice"},{"type":"dimension","dimension":"wrapUpCode","value":"Case-Closed"}],"clauses":[{"type":"or","predicates":[{"type":"dimension","dimension":"queueId","value":"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"},{"type":"dimension","dimension":"queueId","value":"6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f"}]}]}]}
	// filter: compile: an or mixes conversation and segment fields, but the API combines conversationFilters and segmentFilters with and only; split the query in one query per family, or express the condition with fields of one family
}

func ExampleDecodeWire() {
	body := []byte(`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","operator":"matches","value":"voice"},{"dimension":"queueId","operater":"exists"}]}]}`)
	_, err := filter.DecodeWire(body)
	fmt.Println(err)

	w, err := filter.DecodeWire([]byte(`{"segmentFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"},{"metric":"tSegmentDuration","operator":"exists","range":{"gt":0}}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Validate())
	// Output:
	// filter: segmentFilters[0].predicates[1].operater: unknown key (want type, dimension, propertyType, property, metric, operator, value or range)
	// filter: segmentFilters[0].predicates[1]: metric "tSegmentDuration": operator "exists" takes no range; drop the range or use matches
}

func ExampleMatrix() {
	n, err := filter.Matrix(map[string]string{
		"wrapUpCode":      "Case-Closed",
		"mediaType":       "voice",
		"conversationEnd": "exists",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	h, _ := filter.Hash(n)
	fmt.Println(len(h))
	// Output:
	// conversationEnd exists and mediaType == "voice" and wrapUpCode == "Case-Closed"
	// 64
}
