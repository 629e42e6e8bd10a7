// Package webhook sends and verifies signed notifications about exports,
// following the Standard Webhooks specification (https://www.standardwebhooks.com).
//
// Genesys Cloud announces no "export finished" event, so the exporter sends
// its own: one export.batch.completed per durable batch, then
// export.completed or export.failed. A [Sender] delivers them to one
// endpoint; a [Verifier] (or [Verify]) checks them on the receiving side.
// The package uses only the standard library.
//
// # Signing
//
// Every request carries three headers:
//
//	webhook-id:        msg_...      the same on every attempt; deduplicate by it
//	webhook-timestamp: 1614265330   unix seconds of this attempt
//	webhook-signature: v1,<base64>  one per secret, space separated
//
// A signature is base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
// where key is the base64-decoded part of a "whsec_" secret (24 to 64
// bytes; [GenerateSecret] makes one). A receiver accepts a message when any
// v1 signature matches any of its secrets and the timestamp is within the
// tolerance (default 5 minutes, both directions); other signature versions
// (v1a, v2, ...) are ignored. To rotate a secret, give the sender both the
// new and the old one, update the receivers, then drop the old one.
//
// # Payload (version 1)
//
// The body is compact JSON, at most a few hundred bytes; it never carries
// conversation contents:
//
//	{
//	  "type": "export.batch.completed",      // or export.completed, export.failed
//	  "version": 1,                          // PayloadVersion
//	  "timestamp": "2026-11-29T05:00:00Z",   // when it happened, RFC 3339, UTC
//	  "data": { ... }
//	}
//
// data of export.batch.completed ([BatchCompleted]):
//
//	exportId               string   the export's id
//	sequence               integer  batch number within the export, from 1
//	intervalStart, intervalEnd  RFC 3339  the export's interval (omitted if unset)
//	filterHash             string   hex SHA-256 of the compiled filter (omitted if empty)
//	conversationCount      integer  conversations in the batch
//	firstConversationId, lastConversationId        string   (omitted if empty)
//	firstConversationStart, lastConversationStart  RFC 3339 (omitted if unset)
//	checkpoint             string   opaque resume token made durable with the batch
//	location               string   where the sink put the batch, when it says
//
// data of export.completed ([ExportCompleted]): exportId, intervalStart,
// intervalEnd, filterHash, batchCount, conversationCount, checkpoint,
// location. data of export.failed ([ExportFailed]): exportId,
// intervalStart, intervalEnd, filterHash, batchCount, conversationCount,
// checkpoint (the last durable one: resume from it) and error (a short
// message, at most 1024 bytes). Empty strings and unset times are omitted.
// New optional fields may appear within version 1; receivers ignore fields
// they do not know. A change of meaning increments the version.
//
// # Delivery
//
// [Sender.Send] queues an event (and with [WithOutbox] fsyncs it first) and
// returns; one goroutine delivers in order. Give events that may be sent
// again after a crash a deterministic id ([IDFor]); receivers deduplicate
// by webhook-id, since delivery is at least once. 2xx is success. 410 Gone
// disables the endpoint ([ErrEndpointDisabled], [OutcomeDisabled]). Every
// other answer (3xx included: redirects are not followed), a timeout or a
// connection error is a failure, retried after the next delay of the
// schedule ([DefaultRetrySchedule]: immediately, 5 s, 5 min, 30 min, 2 h,
// 5 h, 10 h, 10 h, each with ±10% jitter), or after Retry-After when that is
// longer. After the last attempt the event is given up ([OutcomeFailed]).
// [Sender.Close] drains the queue until its context ends and hands back
// what is left.
//
// # Destinations
//
// The endpoint must be https:// unless its host is loopback. Loopback,
// private, link-local, metadata, unspecified and multicast addresses are
// refused unless an option allows them ([WithAllowLoopback],
// [WithAllowPrivate], [WithAllowLinkLocal]; metadata addresses never). Each
// address is checked when the connection is made, after DNS resolution, so a
// name that resolves to an internal address is refused. For a receiver on
// the same machine during development:
//
//	s, err := webhook.NewSender("http://127.0.0.1:9090/", []string{secret}, webhook.WithAllowLoopback())
//
// # Receiving
//
//	v, err := webhook.NewVerifier([]string{secret}, webhook.WithReplayCache(10000))
//	http.Handle("/", v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
//		ev, _ := webhook.EventFromContext(r.Context())
//		switch d := ev.Data.(type) {
//		case webhook.BatchCompleted:
//			load(d.Location) // deduplicate by ev.ID: delivery is at least once
//		}
//	})))
package webhook
