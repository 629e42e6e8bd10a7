// Package search pulls conversation detail records out of Genesys Cloud:
// iterators over the synchronous detail query and async detail jobs,
// resumable page cursors, lookups by id, aggregations, the data
// availability watermark, and a checkpointed bulk [Searcher.Export] that
// delivers every conversation exactly once across crashes.
//
//	s := search.New(client)
//	q := search.Query{Start: start, End: end, Filter: filter.Matches(schema.MediaType, "voice")}
//	for c, err := range s.All(ctx, q) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(c.ID, c.Start)
//	}
//
// # What a query returns
//
// A [Query] returns each conversation whose conversationStart lies in
// [Start, End) and that matches the filter, exactly once, ordered by
// conversationStart (asc by default). The API's own rules differ: the
// synchronous query matches every conversation that started on a UTC day
// the request interval touches, and jobs match every conversation whose
// lifetime overlaps it. The package picks the request intervals (to the
// millisecond, rounded outwards) and drops rows outside [Start, End)
// itself.
//
// # Plans and chunks
//
// An interval is cut into chunks, fetched one after the other by the
// iterators and concurrently by Export, and always delivered in order:
//   - [ModeAuto] (default): the part before the data availability watermark
//     ([Searcher.Availability], one request per run) with async jobs, the
//     rest with the synchronous query, as replication connectors do;
//     [ModeJobs] and [ModeQuery] use one method for everything.
//   - Job chunks end at multiples of [WithChunk] (24h: UTC midnights).
//   - Query chunks are whole UTC days (smaller ones would page through the
//     same day again), which also keeps every request within the API's
//     interval limit (7 days, 31 with a filter).
//
// # Synchronous query
//
// Pages by pageNumber ([WithQueryPageSize], default 100) and stops on an
// empty page ({}), a short page, pageNumber × pageSize ≥ totalHits, or
// (rows being ordered) the first row past the chunk. Deep paging is
// capped ([WithMaxResultWindow], 100000 rows): when a chunk (a day) has
// more, paging starts again from page 1 with an extra conversation filter
// conversationStart matches "<last delivered start>/<chunk end>", which
// the fake honours and the real API is assumed to (the request interval
// cannot narrow it, the API widens it to whole days). [ErrResultWindow]
// is returned only when that makes no progress.
//
// # Async jobs
//
// A job is created (never retried blindly by the client: a create whose
// outcome is unknown is repeated at most twice, the orphan expiring on the
// server; a create refused by the org's concurrent-job cap waits for a
// slot; a create in flight when the context ends gets a short grace so the
// job it made can be deleted),
// polled with a growing wait ([WithPollInterval]; Retry-After honoured;
// [WithJobTimeout]), read by cursor ([WithJobPageSize], default 1000) and
// deleted when its chunk is done and whenever the caller stops early (the
// DELETE runs on context.WithoutCancel with a timeout). FAILED and
// CANCELLED jobs become a [*JobError] matching [ErrJobFailed] or
// [ErrJobCancelled]; a cursor that comes back unchanged gives
// [ErrRepeatedCursor]. A job that expires (or vanishes, or fails) is
// created again for what is left of its chunk, and the rows delivered
// already are skipped; after 3 such recreations in a row without progress
// the chunk fails ([ErrJobExpired] or [ErrJobFailed]).
//
// # Deduplication and positions
//
// Every chunk keeps a mark: the conversationStart of the last row delivered
// and the ids delivered at exactly that instant. A row behind the mark, or
// at it with a known id, was delivered already and is dropped. This removes
// the rows that shift from one page to the next under live data, rows a
// server repeats, and the rows a recreated job serves again, with memory
// bounded by the number of ties at one millisecond.
//
// # Resuming
//
// [Page.Cursor] is an opaque token (base64url of a versioned JSON document:
// the query's hash, the plan parameters, the chunk, and the position in it:
// job id and cursor or page number, plus the mark). Passing it as
// [Query.Cursor] of the same query continues after that page, in any
// process; a token of another query fails with [ErrCursorMismatch]. Since
// breaking out of a loop deletes the job, resuming a job chunk usually
// creates the job again, starting at the mark.
//
// # Export
//
// [Searcher.Export] runs [WithConcurrency] workers (default 4) over the
// chunks and hands pages, in chunk order, to a [Sink] that says where each
// batch is durable. Only then is the [Checkpoint] saved (to a
// [CheckpointStore], e.g. [NewFileCheckpointStore]: temporary file, fsync,
// rename), then the [WithBatchHook] and [WithProgress] functions run. A
// restarted export with the same query resumes from the checkpoint: the
// sink is opened with its committed position, discards anything after it,
// and fetching continues after the checkpointed position, so the output
// has no duplicate and no gap. Workers never hold more than
// [WithPrefetch] pages (default 0) ahead of delivery besides the one
// being delivered and the next one of the same chunk, so memory is flat in
// the size of the export. A completed export marks its checkpoint; running
// it again returns at once with [Summary].AlreadyComplete.
//
// [JSONLFileSink] writes one conversation per line exactly as the server
// sent it ([genesys.Conversation.Raw]), fsyncs each batch and uses the file
// size as position; [DiscardSink] drops everything.
//
// # Concurrency
//
// A [Searcher] is safe for concurrent use. Each iterator loop runs on the
// goroutine that ranges over it.
package search
