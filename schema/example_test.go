package schema_test

import (
	"errors"
	"fmt"

	"github.com/interactiondata/gcdata/schema"
)

func ExampleLookup() {
	f, err := schema.Lookup("queueId")
	fmt.Println(f, f.Kind(), f.Type(), err)

	f, _ = schema.Lookup("evaluation.queueId")
	fmt.Println(f, f == schema.EvaluationQueueID)

	_, err = schema.Lookup("wrapupcode")
	fmt.Println(err)
	var unknown *schema.UnknownFieldError
	if errors.As(err, &unknown) {
		fmt.Println(unknown.Suggestions)
	}
	// Output:
	// segment.queueId dimension uuid <nil>
	// evaluation.queueId true
	// schema: unknown field wrapupcode; did you mean wrapUpCode?
	// [wrapUpCode]
}

func ExampleProperty() {
	tier := schema.Property("customerTier", schema.String)
	fmt.Println(tier, tier.Family(), tier.Kind())

	score := schema.Property("riskScore", schema.Real)
	fmt.Println(score.CheckValue("0.75"))
	fmt.Println(score.CheckValue("high"))
	// Output:
	// prop.customerTier:string segment property
	// <nil>
	// schema: riskScore: bad value "high": not a number
}

func ExampleField_CheckValue() {
	fmt.Println(schema.MediaType.CheckValue("voice"))
	fmt.Println(schema.Direction.CheckValue("Inbound"))
	fmt.Println(schema.QueueID.CheckValue("support"))
	fmt.Println(schema.ConversationStart.CheckValue("2026-05-01T00:00:00Z/2026-05-02T00:00:00Z"))
	// Output:
	// <nil>
	// schema: direction: bad value "Inbound": not an allowed value; did you mean "inbound"? (allowed: inbound, outbound)
	// schema: queueId: bad value "support": not a uuid (want 8-4-4-4-12 hex digits, e.g. 5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a)
	// <nil>
}

func ExampleFieldsOf() {
	for _, f := range schema.FieldsOf(schema.Evaluation) {
		if f.Kind() == schema.MetricKind {
			fmt.Println(f.GoName(), f, f.Type())
		}
	}
	// Output:
	// OTotalCriticalScore evaluation.oTotalCriticalScore number
	// OTotalScore evaluation.oTotalScore number
}
