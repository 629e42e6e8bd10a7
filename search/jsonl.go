package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
)

// JSONLFileSink is a [Sink] writing one conversation per line, exactly the
// bytes the server sent ([genesys.Conversation.Raw]) followed by "\n", to a
// file. (A conversation the server sent across several lines is written
// compacted, so each line stays one JSON value.) Each batch is flushed and
// fsynced before WriteBatch returns; its position is the file size after
// it, in decimal. Open truncates the file to the committed position, so a
// batch written before a crash but not checkpointed disappears. Safe for
// concurrent use, though Export calls it from one goroutine.
type JSONLFileSink struct {
	path string

	mu  sync.Mutex
	f   *os.File
	w   *bufio.Writer
	off int64
	buf []byte
}

// NewJSONLFileSink returns a sink for the file at path. It does no I/O: the
// file is created or truncated by Open.
func NewJSONLFileSink(path string) *JSONLFileSink {
	return &JSONLFileSink{path: path}
}

// Path returns the file's path.
func (s *JSONLFileSink) Path() string { return s.path }

// Open opens (or creates) the file and truncates it to committed (a byte
// offset; "" means 0). A file shorter than committed is an error: the
// output was lost and the export must start over.
func (s *JSONLFileSink) Open(_ context.Context, committed string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var off int64
	if committed != "" {
		n, err := strconv.ParseInt(committed, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("search: JSONL sink %s: bad committed position %q", s.path, committed)
		}
		off = n
	}
	if s.f != nil {
		_ = s.f.Close()
		s.f = nil
	}
	f, err := os.OpenFile(s.path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("search: JSONL sink: %w", err)
	}
	fi, err := f.Stat()
	if err == nil && fi.Size() < off {
		err = fmt.Errorf("file has %d bytes, the checkpoint committed %d: it was truncated or replaced; delete the checkpoint to start over",
			fi.Size(), off)
	}
	if err == nil {
		err = f.Truncate(off)
	}
	if err == nil {
		_, err = f.Seek(off, io.SeekStart)
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		_ = f.Close()
		return fmt.Errorf("search: JSONL sink %s: %w", s.path, err)
	}
	s.f, s.off = f, off
	s.w = bufio.NewWriterSize(f, 256<<10)
	return nil
}

// WriteBatch appends the batch's conversations, one per line, and fsyncs.
func (s *JSONLFileSink) WriteBatch(_ context.Context, b Batch) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return "", errors.New("search: JSONL sink: not open")
	}
	n := int64(0)
	for i := range b.Conversations {
		c := &b.Conversations[i]
		s.buf = c.AppendRaw(s.buf[:0])
		if len(s.buf) == 0 {
			return "", fmt.Errorf("search: JSONL sink: conversation %s has no raw JSON", c.ID)
		}
		if bytes.ContainsAny(s.buf, "\r\n") {
			var cb bytes.Buffer
			if err := json.Compact(&cb, s.buf); err != nil {
				return "", fmt.Errorf("search: JSONL sink: conversation %s: %w", c.ID, err)
			}
			s.buf = append(s.buf[:0], cb.Bytes()...)
		}
		s.buf = append(s.buf, '\n')
		m, err := s.w.Write(s.buf)
		n += int64(m)
		if err != nil {
			return "", fmt.Errorf("search: JSONL sink %s: %w", s.path, err)
		}
	}
	if err := s.w.Flush(); err != nil {
		return "", fmt.Errorf("search: JSONL sink %s: %w", s.path, err)
	}
	if err := s.f.Sync(); err != nil {
		return "", fmt.Errorf("search: JSONL sink %s: %w", s.path, err)
	}
	s.off += n
	if cap(s.buf) > 1<<20 {
		s.buf = nil // do not keep a huge buffer
	}
	return strconv.FormatInt(s.off, 10), nil
}

// Close closes the file. The sink can be opened again.
func (s *JSONLFileSink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f, s.w = nil, nil
	return err
}

// DiscardSink is a [Sink] that drops every batch (for benchmarks and dry
// runs); its position counts conversations.
type DiscardSink struct {
	mu sync.Mutex
	n  int64
}

// Open resets the count to committed.
func (d *DiscardSink) Open(_ context.Context, committed string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.n = 0
	if committed != "" {
		n, err := strconv.ParseInt(committed, 10, 64)
		if err != nil {
			return fmt.Errorf("search: discard sink: bad committed position %q", committed)
		}
		d.n = n
	}
	return nil
}

// WriteBatch counts the batch's conversations.
func (d *DiscardSink) WriteBatch(_ context.Context, b Batch) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.n += int64(len(b.Conversations))
	return strconv.FormatInt(d.n, 10), nil
}
