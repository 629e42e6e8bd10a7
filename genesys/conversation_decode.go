package genesys

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Raw returns a copy of the exact JSON bytes c was decoded from, or nil when c
// was built by hand. Exports write these bytes so that their output is exactly
// what the server sent. See [Conversation.AppendRaw] to avoid the copy.
func (c *Conversation) Raw() []byte {
	if c.raw == "" {
		return nil
	}
	return []byte(c.raw)
}

// AppendRaw appends the exact JSON bytes c was decoded from to dst (nothing
// when c was built by hand) and returns the extended slice.
func (c *Conversation) AppendRaw(dst []byte) []byte {
	return append(dst, c.raw...)
}

// conversationFields has Conversation's fields without its methods.
type conversationFields Conversation

// UnmarshalJSONFrom decodes one conversation object and keeps a private copy
// of its exact bytes (see [Conversation.Raw]). It implements
// json.UnmarshalerFrom.
func (c *Conversation) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	raw := string(v)
	*c = Conversation{}
	if err := json.Unmarshal([]byte(raw), (*conversationFields)(c)); err != nil {
		return err
	}
	c.raw = raw
	return nil
}

// decodeEnum reads a JSON string (or null, which yields "") and interns it.
func decodeEnum[T ~string](dec *jsontext.Decoder, intern func([]byte) (T, bool)) (T, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	switch v.Kind() {
	case 'n':
		return "", nil
	case '"':
	default:
		return "", &json.SemanticError{JSONKind: v.Kind()}
	}
	b := v[1 : len(v)-1]
	if t, ok := intern(b); ok {
		return t, nil
	}
	s, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return "", err
	}
	return T(s), nil
}
