package genesys

import (
	"fmt"
	"log/slog"
)

// redacted is what a secret prints as, whatever the verb.
const redacted = "REDACTED"

// secret holds a credential. It cannot print, log or marshal itself.
type secret string

func (secret) String() string               { return redacted }
func (secret) GoString() string             { return redacted }
func (secret) LogValue() slog.Value         { return slog.StringValue(redacted) }
func (secret) Format(f fmt.State, _ rune)   { _, _ = f.Write([]byte(redacted)) }
func (secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
func (s secret) reveal() string             { return string(s) }
