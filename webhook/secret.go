package webhook

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// SecretPrefix starts every signing secret: "whsec_" followed by the
// standard base64 encoding of the key bytes.
const SecretPrefix = "whsec_"

// Key sizes the Standard Webhooks specification allows, in bytes.
const (
	minKeyBytes = 24
	maxKeyBytes = 64
	newKeyBytes = 32
)

// ErrInvalidSecret means a signing secret is not "whsec_" + standard base64
// of 24 to 64 bytes. The error never contains the secret.
var ErrInvalidSecret = errors.New("webhook: invalid secret")

// key is a decoded signing key. It never prints itself.
type key []byte

func (key) String() string               { return "REDACTED" }
func (key) GoString() string             { return "REDACTED" }
func (key) LogValue() slog.Value         { return slog.StringValue("REDACTED") }
func (k key) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte("REDACTED")) }

// parseSecret decodes one "whsec_" secret.
func parseSecret(s string) (key, error) {
	enc, ok := strings.CutPrefix(strings.TrimSpace(s), SecretPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: missing %q prefix", ErrInvalidSecret, SecretPrefix)
	}
	b, err := base64.StdEncoding.Strict().DecodeString(enc)
	if err != nil {
		return nil, fmt.Errorf("%w: not standard base64", ErrInvalidSecret)
	}
	if len(b) < minKeyBytes || len(b) > maxKeyBytes {
		return nil, fmt.Errorf("%w: key is %d bytes, want %d to %d", ErrInvalidSecret, len(b), minKeyBytes, maxKeyBytes)
	}
	return key(b), nil
}

// parseSecrets decodes every secret; at least one is required. Errors name
// the secret by its position only.
func parseSecrets(secrets []string) ([]key, error) {
	if len(secrets) == 0 {
		return nil, fmt.Errorf("%w: no secret given", ErrInvalidSecret)
	}
	keys := make([]key, 0, len(secrets))
	var errs []error
	for i, s := range secrets {
		k, err := parseSecret(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("secret %d: %w", i, err))
			continue
		}
		keys = append(keys, k)
	}
	return keys, errors.Join(errs...)
}

// GenerateSecret returns a new random signing secret ("whsec_" + base64 of
// 32 bytes from crypto/rand). Share it with the receiver out of band.
func GenerateSecret() (string, error) {
	b := make([]byte, newKeyBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("webhook: generate secret: %w", err)
	}
	return SecretPrefix + base64.StdEncoding.EncodeToString(b), nil
}

// signature computes base64(HMAC-SHA256(k, id "." timestamp "." body)).
func (k key) signature(id, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, k)
	m.Write([]byte(id))
	m.Write([]byte{'.'})
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// signatureHeader returns the webhook-signature value: one "v1,<sig>" per
// key, space separated, in key order.
func signatureHeader(keys []key, id, timestamp string, body []byte) string {
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(signatureVersion)
		sb.WriteByte(',')
		sb.WriteString(k.signature(id, timestamp, body))
	}
	return sb.String()
}

// Sign returns the webhook-signature header value for a message: one
// "v1,<base64 HMAC-SHA256>" per secret, space separated, over
// id + "." + unix seconds of timestamp + "." + body. Errors wrap
// [ErrInvalidSecret]. Sign makes no requests.
func Sign(secrets []string, id string, timestamp time.Time, body []byte) (string, error) {
	keys, err := parseSecrets(secrets)
	if err != nil {
		return "", err
	}
	return signatureHeader(keys, id, strconv.FormatInt(timestamp.Unix(), 10), body), nil
}

// The header names of the Standard Webhooks specification.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// signatureVersion identifies HMAC-SHA256 signatures; others (v1a for
// ed25519, future versions) are ignored when verifying.
const signatureVersion = "v1"

// sigEntry is one entry of a webhook-signature header.
type sigEntry struct {
	version, value string
}

// maxSignatures bounds the entries looked at in one header so a huge header
// cannot make verification expensive.
const maxSignatures = 16

// parseSignatureHeader splits a webhook-signature value into its
// space-separated "version,signature" entries. Entries without a comma are
// skipped; at most maxSignatures entries are returned.
func parseSignatureHeader(h string) []sigEntry {
	var out []sigEntry
	for part := range strings.FieldsSeq(h) {
		v, sig, ok := strings.Cut(part, ",")
		if !ok {
			continue
		}
		out = append(out, sigEntry{version: v, value: sig})
		if len(out) == maxSignatures {
			break
		}
	}
	return out
}
