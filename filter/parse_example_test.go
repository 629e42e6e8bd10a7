package filter_test

import (
	"errors"
	"fmt"

	"github.com/interactiondata/gcdata/filter"
)

func ExampleParse() {
	n, err := filter.Parse(`mediaType == "voice" and queueId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" ` +
		`and wrapUpCode == "Case-Closed" and tHandle > 3m`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n) // the canonical text: durations in milliseconds
	w, err := filter.Compile(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := w.MarshalJSON()
	fmt.Println(string(b))

	// Errors carry the position and say what to write instead.
	_, err = filter.Parse(`mediaType == "voice" and wrapupcode != "Case-Closed"`)
	fmt.Println(err)
	_, err = filter.Parse(`mediaType == "voice" and wrapUpCode != "Case-Closed"`)
	var se *filter.SyntaxError
	if errors.As(err, &se) {
		fmt.Printf("line %d, column %d: %s\n", se.Line, se.Column, se.Msg)
	}
	// Output:
	// mediaType == "voice" and queueId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" and wrapUpCode == "Case-Closed" and tHandle > 180000
	// {"conversationFilters":[{"type":"and","predicates":[{"type":"metric","metric":"tHandle","range":{"gt":180000}}]}],"segmentFilters":[{"type":"and","predicates":[{"type":"dimension","dimension":"mediaType","value":"voice"},{"type":"dimension","dimension":"queueId","value":"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a"},{"type":"dimension","dimension":"wrapUpCode","value":"Case-Closed"}]}]}
	// filter: 1:26: unknown field wrapupcode; did you mean wrapUpCode?
	// mediaType == "voice" and wrapupcode != "Case-Closed"
	//                          ^
	// line 1, column 37: the Genesys API has no not-equal; use in (...) with the values you want, or notExists
}
