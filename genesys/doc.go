// Package genesys is the client core for the Genesys Cloud Platform API v2:
// OAuth client credentials, regions, retries, pacing, typed errors and
// audit events. The search package builds the conversation-detail queries
// and exports on top of [Client.Do]; genesystest is an in-process fake API.
//
// # Setup
//
//	opts, err := genesys.EnvOptions(os.LookupEnv) // GENESYS_CLIENT_ID, ..._SECRET, ..._REGION
//	if err != nil {
//		return err
//	}
//	c, err := genesys.New(ctx, append(opts, genesys.WithLogger(logger))...)
//	if err != nil {
//		return err
//	}
//	var out struct{ DataAvailabilityDate time.Time `json:"dataAvailabilityDate"` }
//	_, err = c.Do(ctx, genesys.Request{
//		Path:      "/api/v2/analytics/conversations/details/jobs/availability",
//		Operation: "jobs availability",
//	}, &out)
//
// # Authentication
//
// The token comes from the region's login host (https://login.<domain>/oauth/token,
// Basic client authentication) and is reused until 60 s (at most half its
// lifetime) before it expires. A 401 from the API drops the token; the
// next attempt fetches a new one, shared by every goroutine that needs it
// (one token request, not one per goroutine), and the request is retried
// once. A second 401 is an [APIError] matching [ErrUnauthorized]. A failed
// token request is a [TokenError].
//
// # Retries
//
// Transport layers, outermost first: go-retryablehttp, the oauth2
// transport, the base transport from [WithHTTPClient], so every attempt
// carries a current token. Connection errors, timeouts, 429 and 5xx except
// 501 are retried with exponential backoff and jitter ([RetryPolicy]);
// Retry-After (seconds or HTTP-date) is honoured up to
// [RetryPolicy.MaxRetryAfter], beyond which the 429 is returned at once.
// Retries stop at MaxAttempts or when the waits would exceed the Budget; the
// last response is then returned as an [APIError] (never an opaque
// "giving up" error). Requests marked [Request.NoRetryAmbiguous] (creating
// a job) are retried only when the server surely did not act: after a 429,
// a 401, or a failure to connect.
//
// # Errors
//
// Every non-2xx response becomes an [*APIError] with the operation, status,
// Genesys code, message and correlation id; errors.Is maps it to
// [ErrBadRequest], [ErrUnauthorized], [ErrForbidden], [ErrNotFound],
// [ErrRateLimited] or [ErrServer]. Other failures are [*RequestError]s that
// unwrap to their cause (ctx errors included). No error, log record or
// formatted Client ever contains the client secret, a token, an
// Authorization header or a response body.
//
// # Audit
//
// Every attempt writes one record to the [WithLogger] logger (keys method,
// path, status, attempt, duration, correlation_id, operation) and one
// [RequestEvent] to each [Observer].
//
// # Pacing
//
// Every client paces itself by default with an [AdaptivePacer]: a token
// bucket shared by every request of the client (all export workers, all
// iterators) that starts from the inin-ratelimit-* headers, backs off
// multiplicatively on a 429 (and makes every caller wait out its
// Retry-After), then recovers gradually. [WithPacer] replaces it
// ([NewFixedPacer] for a known limit) and WithPacer(nil) turns pacing off.
package genesys
