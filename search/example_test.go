package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
	"github.com/interactiondata/gcdata/genesys/genesystest"
	"github.com/interactiondata/gcdata/schema"
	"github.com/interactiondata/gcdata/search"
)

// exampleServer is a small fake organisation whose clock stands still.
func exampleServer() *genesystest.Server {
	return genesystest.NewServer(
		genesystest.WithSeed(3),
		genesystest.WithConversations(500),
		genesystest.WithPeriod(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)),
		genesystest.WithClock(func() time.Time { return time.Date(2026, 5, 3, 12, 0, 0, 0, time.UTC) }),
	)
}

func ExampleSearcher_All() {
	srv := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := genesys.New(ctx, srv.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := search.New(client, search.WithPollInterval(time.Millisecond, 10*time.Millisecond))

	q := search.Query{
		Start:  time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC),
		End:    time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC),
		Filter: filter.Matches(schema.MediaType, "voice"),
	}
	n := 0
	for c, err := range s.All(ctx, q) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if n == 0 {
			fmt.Println("first starts at", c.Start.Format(time.TimeOnly))
		}
		n++
	}
	want, _ := srv.ConversationIDs(q.Start, q.End, mustCompile(q.Filter))
	fmt.Println(n, "voice conversations, as expected:", n == len(want))
	// Output:
	// first starts at 09:05:22
	// 19 voice conversations, as expected: true
}

func ExampleSearcher_Pages() {
	srv := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := genesys.New(ctx, srv.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := search.New(client, search.WithQueryPageSize(50))
	q := search.Query{
		Start: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC),
		End:   time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC),
		Mode:  search.ModeQuery,
	}
	// Read one page and keep its cursor...
	var cursor string
	for p, err := range s.Pages(ctx, q) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("page of", len(p.Conversations))
		cursor = p.Cursor
		break
	}
	// ...and continue later, in this or another process.
	q.Cursor = cursor
	for p, err := range s.Pages(ctx, q) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("page of", len(p.Conversations), "last:", p.Cursor == "")
	}
	// Output:
	// page of 50
	// page of 50 last: false
	// page of 50 last: false
	// page of 50 last: false
	// page of 50 last: true
}

func mustCompile(n filter.Node) filter.Wire {
	w, err := filter.Compile(n)
	if err != nil {
		panic(err)
	}
	return w
}

func ExampleSearcher_Export() {
	srv := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := genesys.New(ctx, srv.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := search.New(client, search.WithPollInterval(time.Millisecond, 10*time.Millisecond))
	dir, err := os.MkdirTemp("", "export")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "export.jsonl")

	q := search.Query{Start: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)}
	sink := search.NewJSONLFileSink(out)
	defer sink.Close()
	// Run it again after a crash: the checkpoint makes it continue where
	// the sink's last durable batch ended.
	sum, err := s.Export(ctx, q, sink,
		search.WithCheckpointStore(search.NewFileCheckpointStore(out+".checkpoint")),
		search.WithConcurrency(2))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d conversations in %d batches from %d chunks\n", sum.Conversations, sum.Batches, sum.ChunksTotal)

	sum, err = s.Export(ctx, q, sink, search.WithCheckpointStore(search.NewFileCheckpointStore(out+".checkpoint")))
	fmt.Println("again:", sum.AlreadyComplete, err)
	// Output:
	// 500 conversations in 2 batches from 2 chunks
	// again: true <nil>
}
