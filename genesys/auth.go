package genesys

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// tokenCache is the client's token source: it fetches a client-credentials
// token, reuses it until shortly before it expires, and drops it when the
// API rejects it with 401. Fetches happen under the mutex, so however many
// goroutines need a new token at once, one token request is made and all
// of them share its result (single flight).
type tokenCache struct {
	conf  *clientcredentials.Config
	ctx   context.Context // context.WithoutCancel(setup ctx) + the token HTTP client
	clock Clock

	mu        sync.Mutex
	tok       *oauth2.Token
	refreshAt time.Time // zero: reuse until a 401
}

// Token implements oauth2.TokenSource. Errors are *TokenError.
func (t *tokenCache) Token() (*oauth2.Token, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.clock.Now()
	if t.tok != nil && (t.refreshAt.IsZero() || now.Before(t.refreshAt)) {
		return t.tok, nil
	}
	t.tok = nil
	tok, err := t.conf.Token(t.ctx)
	if err != nil {
		return nil, toTokenError(err)
	}
	if tok.AccessToken == "" {
		return nil, &TokenError{StatusCode: http.StatusOK, Description: "response has no access_token"}
	}
	t.tok = tok
	t.refreshAt = time.Time{}
	if !tok.Expiry.IsZero() {
		life := time.Until(tok.Expiry) // oauth2 derived Expiry from the real clock
		t.refreshAt = now.Add(life - min(tokenEarly, life/2))
	}
	return tok, nil
}

// invalidate drops the cached token if it is still the one the API
// rejected; a token fetched since then is kept, so N concurrent 401s for the
// same token cause one refresh.
func (t *tokenCache) invalidate(access string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tok != nil && t.tok.AccessToken == access {
		t.tok = nil
	}
}

// toTokenError converts an oauth2 error without keeping the response body
// (which oauth2's own Error text would print).
func toTokenError(err error) *TokenError {
	var te *TokenError
	if errors.As(err, &te) {
		return te
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		te := &TokenError{Code: re.ErrorCode, Description: re.ErrorDescription}
		if re.Response != nil {
			te.StatusCode = re.Response.StatusCode
		}
		if te.Description == "" && len(re.Body) > 0 {
			var body struct {
				Description string `json:"description"`
			}
			if json.Unmarshal(re.Body, &body) == nil {
				te.Description = body.Description
			}
		}
		return te
	}
	return &TokenError{Err: unwrapURLError(err)}
}

// reauthTransport sits below the oauth2 transport: it sees the bearer token
// actually sent and drops it from the cache when the API answers 401.
type reauthTransport struct {
	tokens *tokenCache
	base   http.RoundTripper
}

func (t *reauthTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusUnauthorized {
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			t.tokens.invalidate(tok)
		}
	}
	return resp, err
}

// CloseIdleConnections forwards to the base transport.
func (t *reauthTransport) CloseIdleConnections() {
	if c, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
