// Package genesystest is an in-process fake Genesys Cloud organisation for
// tests: an HTTP server (like net/http/httptest) that speaks the
// conversation-detail contract strictly, serves deterministic simulated
// data, and injects faults on demand.
//
//	s := genesystest.NewServer(genesystest.WithSeed(7), genesystest.WithConversations(10000))
//	defer s.Close()
//	c, err := genesys.New(ctx, s.ClientOptions()...)
//
// # Endpoints
//
//   - POST /oauth/token: client credentials in HTTP Basic auth and the form
//     grant_type=client_credentials; returns an opaque random access token
//     (lifetime [DefaultTokenLifetime], see [WithTokenLifetime]). Bad
//     credentials get 401 {"error":"invalid_client",...}. Any non-empty id
//     and secret are accepted unless [WithCredentials] is given.
//     API requests need "Authorization: Bearer <token>"; a missing, unknown
//     or expired token gets 401.
//   - POST /api/v2/analytics/conversations/details/query: interval required
//     (at most 7 days without filters, 31 with; [Limits]); it matches
//     conversations that STARTED ON A UTC DAY TOUCHED BY THE INTERVAL (the
//     real API's daily start-time index), so boundary days leak in; paging
//     {pageSize, pageNumber} (both required when paging is given; default
//     page size 25, max 100; pageNumber*pageSize over 100000 is a 400);
//     order asc (default), desc, unordered (= asc); orderBy
//     conversationStart (default), conversationEnd, segmentStart (=
//     conversationStart), segmentEnd (= conversationEnd); totalHits; a page
//     past the end is {} (page 1 of an empty result is {"totalHits":0});
//     aggregations termFrequency (conversation or segment dimension; count
//     = conversations with a value, each result counts conversations having
//     that value, top size by count, default 10) and numericRange (session
//     metrics of that name or tSegmentDuration; a conversation counts in a
//     range [gte, lt) when one of its values is in it). No participant
//     attributes.
//   - POST .../details/jobs → 202 {"jobId"}; GET .../jobs/{id} → state,
//     submissionDate, completionDate, expirationDate, errorMessage. Each
//     status poll advances a job: QUEUED, then PENDING, then FULFILLED (or
//     FAILED), see Limits.JobPolls and Limits.JobProcessing; after
//     Limits.JobRetention it is EXPIRED. DELETE → 204 and the job becomes
//     CANCELLED. At most Limits.MaxConcurrentJobs jobs may be QUEUED or
//     PENDING; one more gets 429 code "analytics.jobs.concurrency.exceeded"
//     with a "limit" object and Retry-After: 1.
//   - GET .../jobs/{id}/results?cursor=&pageSize=: only when FULFILLED
//     (before: 400; EXPIRED or CANCELLED: 404). pageSize default 100, max
//     1000. Cursors are opaque (base64url of the job's nonce and an offset);
//     a cursor of another job or garbage is a 400, an empty one means the
//     first page. The last page has no cursor. Job ids, cursors and
//     correlation ids are random per server instance, so a restarted fake
//     never accepts an old job id or cursor (404 / 400). Rows include participant attributes; every page carries the
//     job's dataAvailabilityDate. Job interval semantics: by default
//     conversations whose lifetime overlaps the interval (start < interval
//     end and end > interval start); with startOfDayIntervalMatching,
//     conversations that started in [UTC start of day of the interval
//     start, interval end). Either way a job sees only conversations that
//     started before the dataAvailabilityDate at its creation (the clock
//     minus [WithAvailabilityLag]), so a job over [a, b) is complete when
//     b <= dataAvailabilityDate.
//   - GET .../details/jobs/availability → {"dataAvailabilityDate"}.
//   - GET /api/v2/analytics/conversations/{id}/details (404 for an unknown
//     id) and GET /api/v2/analytics/conversations/details?id=a,b (ids
//     comma-joined and/or repeated, at most 100; unknown ids are left out;
//     results in the order asked).
//   - Anything else is a 404 error body; a known path with the wrong method
//     is a 405.
//
// Request bodies are decoded strictly: unknown keys, duplicate keys, wrong
// JSON types and fields of the other endpoint (limit and
// startOfDayIntervalMatching on the query, paging and aggregations on jobs)
// are 400s; the five filter arrays are decoded by [filter.Wire.DecodeField]
// and checked by [filter.Wire.Validate]. Errors have the real body shape
// (message, code, status, messageParams, contextId, details, errors) with
// a message naming the problem. Every response carries ININ-Correlation-Id
// (unique per request) and inin-ratelimit-count/-allowed/-reset (per
// one-minute window; allowed is 60 × the rate limit, or
// [UnlimitedRequestsPerMinute] without one).
//
// # Filters
//
// Filters are evaluated exactly as package filter documents: elements of an
// array combine with AND; one segmentFilters element must hold on one
// segment (session- and participant-level fields come from the segment's
// session and participant); a conversation metric predicate holds if any
// session metric of that name satisfies it; an evaluation, survey or
// resolution element must hold on one evaluation, survey or resolution.
// Fields the simulation never sets have no value.
//
// # Data
//
// Conversations are generated on demand from (seed, index); the server
// keeps nothing per conversation, so a million cost no more memory than a
// thousand (match lists of queries and jobs take 4 bytes per match while
// they live). Conversation k starts in slot k of a fixed grid anchored at
// 2000-01-01 (see [WithPeriod]), so data never depends on when a server
// started. Ids embed the index, so lookups decode them. Shapes: customer,
// IVR, ACD and agent participants; voice (about 45 %), message, chat,
// email, callback and the other media types; alert, interact, hold, wrapup,
// ivr and dialing segments with queue ids, wrap-up codes and a customerTier
// string property; session metrics (tAlert, tAnswered, tTalk,
// tTalkComplete, tHeld, tAcw, tHandle, nConnected, nOffered, tAcd, tAbandon,
// tIvr, ...); evaluations, surveys and resolutions; divisions; participant
// attributes in job results. [Server.Catalog] lists the queues, wrap-up
// codes, users, session metrics and other values, so filters can be built
// that match. By default conversations are complete and the data does not
// change with the clock: the query sees every conversation of the period,
// jobs those that started before their dataAvailabilityDate. With
// [WithLiveData] the organisation lives on the clock: conversations appear
// when they start and are ongoing (no conversationEnd, open last segment)
// until they end, so totalHits moves and "conversationEnd exists" matters.
//
// # Faults
//
// Random faults ([Faults], [WithFaults], [Server.SetFaults],
// [Server.SetRateLimit]) are off by default and deterministic under the
// seed: a rate limit (429 + Retry-After), a fraction of 5xx, connection
// resets mid-body, slow headers, jobs that fail or expire mid-cursor,
// repeated cursors, repeated rows and an empty last page. Scripted faults
// ([Rule], [WithRules], [Server.AddRules]) answer the next N requests
// matching a method and path with a status and headers, reset the
// connection before headers or mid-body, truncate the body, or delay it.
// Short token lifetimes: [WithTokenLifetime], [Server.SetTokenLifetime],
// [Server.ExpireTokens].
//
// # Inspection
//
// [Server.Requests] is the request log, [Server.Stats] the counters, and
// [Server.ConversationIDs] the ground truth of what a filter matches;
// [Server.Conversation] and [Server.ConversationJSON] return one
// conversation as a lookup would.
//
// The server is an HTTP/1.1 httptest server; connection resets hijack the
// connection (over HTTP/2 they abort the handler instead).
package genesystest
