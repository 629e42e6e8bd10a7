package search

import (
	"encoding/base64"
	"errors"
	"fmt"
	"slices"

	"github.com/go-json-experiment/json"
)

// tokenVersion is the version of resume tokens and checkpoints.
const tokenVersion = 1

// chunkPos is the position inside one chunk: what was delivered and how to
// fetch the rest. It is part of resume tokens and checkpoints.
type chunkPos struct {
	// Job is the async job serving the chunk; empty before it exists.
	Job string `json:"job,omitzero"`
	// Cursor is the API cursor of the next job results page ("" = first).
	Cursor string `json:"cursor,omitzero"`
	// Page is the next pageNumber of the synchronous query (0 = 1).
	Page int `json:"page,omitzero"`
	// PageSize is the query page size Page counts in (0 = not started).
	PageSize int `json:"pageSize,omitzero"`
	// Mark is the conversationStart (unix ms) of the last delivered row;
	// MarkIDs are the ids delivered with exactly that start. A row before
	// the mark, or at it with a known id, was delivered already. Empty
	// MarkIDs means nothing was delivered yet.
	Mark    int64    `json:"mark,omitzero"`
	MarkIDs []string `json:"markIds,omitzero"`
	// Narrow, when not 0, is the mark (unix ms + 1) from which the
	// synchronous query pages again with a conversationStart filter,
	// after the deep-paging window ran out.
	Narrow int64 `json:"narrow,omitzero"`
	// Delivered counts the rows delivered from this chunk.
	Delivered int64 `json:"n,omitzero"`
}

func (p chunkPos) clone() chunkPos {
	p.MarkIDs = slices.Clone(p.MarkIDs)
	return p
}

// token is the content of a resume cursor.
type token struct {
	V     int      `json:"v"`
	Query string   `json:"q"`
	Plan  planSpec `json:"plan"`
	Chunk int      `json:"chunk"`
	Pos   chunkPos `json:"pos,omitzero"`
}

// ErrCursorMismatch is returned when a cursor or checkpoint belongs to
// another query (other interval, filter, order or mode) or another version.
var ErrCursorMismatch = errors.New("search: cursor or checkpoint belongs to another query")

// ErrBadCursor is returned for a cursor that cannot be decoded.
var ErrBadCursor = errors.New("search: malformed cursor")

func encodeToken(t token) string {
	t.V = tokenVersion
	b, err := json.Marshal(t)
	if err != nil { // cannot happen: plain fields
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeToken(s, queryHash string) (token, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return token{}, fmt.Errorf("%w: %w", ErrBadCursor, err)
	}
	var t token
	if err := json.Unmarshal(b, &t); err != nil {
		return token{}, fmt.Errorf("%w: %w", ErrBadCursor, err)
	}
	switch {
	case t.V != tokenVersion:
		return token{}, fmt.Errorf("%w: cursor version %d, want %d", ErrCursorMismatch, t.V, tokenVersion)
	case t.Query != queryHash:
		return token{}, fmt.Errorf("%w: query hash %.12s, want %.12s", ErrCursorMismatch, t.Query, queryHash)
	case t.Chunk < 0 || t.Plan.Chunk < 0 || t.Pos.Page < 0 || t.Pos.PageSize < 0:
		return token{}, fmt.Errorf("%w: negative position", ErrBadCursor)
	}
	return t, nil
}
