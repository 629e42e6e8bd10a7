package genesys_test

import (
	"fmt"

	"github.com/go-json-experiment/json"

	"github.com/interactiondata/gcdata/genesys"
)

// A decoded conversation keeps the exact bytes it came from (what exports
// write) as well as members the model does not know (written back when the
// typed value is encoded).
func ExampleConversation_Raw() {
	body := []byte(`{"conversations": [{"conversationId": "c1", "futureField": 1,
		"participants": [{"purpose": "agent", "sessions": [{"mediaType": "hologram"}]}]}]}`)
	var page genesys.MultiGetResponse
	if err := json.Unmarshal(body, &page); err != nil {
		fmt.Println(err)
		return
	}
	c := page.Conversations[0]
	s := c.Participants[0].Sessions[0]
	fmt.Println(c.ID, s.MediaType, s.MediaType.Valid())
	fmt.Println(string(c.Extra))
	fmt.Println(string(c.Raw()))
	out, _ := json.Marshal(c)
	fmt.Println(string(out))
	// Output:
	// c1 hologram false
	// {"futureField":1}
	// {"conversationId": "c1", "futureField": 1,
	// 		"participants": [{"purpose": "agent", "sessions": [{"mediaType": "hologram"}]}]}
	// {"conversationId":"c1","participants":[{"purpose":"agent","sessions":[{"mediaType":"hologram"}]}],"futureField":1}
}
