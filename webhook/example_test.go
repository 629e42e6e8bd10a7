package webhook_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/interactiondata/gcdata/webhook"
)

// Verify checks a delivery against the specification's published example.
func ExampleVerify() {
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	body := []byte(`{"test": 2432232314}`)
	secrets := []string{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}
	clock := func() time.Time { return time.Unix(1614265330, 0) } // a real receiver uses time.Now

	m, err := webhook.Verify(secrets, h, body, webhook.WithVerifierClock(clock))
	fmt.Println(m.ID, err)

	_, err = webhook.Verify(secrets, h, []byte(`{"test": 2432232315}`), webhook.WithVerifierClock(clock))
	fmt.Println(err)
	// Output:
	// msg_p5jXN8AQM9LWM0D4loKWxJek <nil>
	// webhook: no matching signature
}

// NewSender posts signed notifications; here to a verifying receiver on
// loopback, the way the bulk export example and examples/webhookreceiver
// work together.
func ExampleNewSender() {
	secret, err := webhook.GenerateSecret()
	if err != nil {
		panic(err)
	}
	v, err := webhook.NewVerifier([]string{secret})
	if err != nil {
		panic(err)
	}
	got := make(chan webhook.Event, 10)
	srv := httptest.NewServer(v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ev, _ := webhook.EventFromContext(r.Context())
		got <- ev
	})))
	defer srv.Close()

	s, err := webhook.NewSender(srv.URL, []string{secret}, webhook.WithAllowLoopback())
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	_ = s.Send(ctx, webhook.Event{ID: "msg_exp1_1", Data: webhook.BatchCompleted{
		ExportID: "exp1", Sequence: 1, Conversations: 500, Checkpoint: "cp-1", Location: "out/batch-00001.jsonl"}})
	_ = s.Send(ctx, webhook.Event{ID: "msg_exp1_done", Data: webhook.ExportCompleted{
		ExportID: "exp1", Batches: 1, Conversations: 500}})

	closeCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	left, err := s.Close(closeCtx) // waits until both are delivered
	fmt.Println(len(left), err)
	close(got)
	for ev := range got {
		switch d := ev.Data.(type) {
		case webhook.BatchCompleted:
			fmt.Println(ev.ID, ev.Type(), d.Sequence, d.Conversations, d.Location)
		case webhook.ExportCompleted:
			fmt.Println(ev.ID, ev.Type(), d.Batches)
		}
	}
	// Output:
	// 0 <nil>
	// msg_exp1_1 export.batch.completed 1 500 out/batch-00001.jsonl
	// msg_exp1_done export.completed 1
}
