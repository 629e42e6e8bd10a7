package search

import (
	"context"
	"errors"
	"fmt"
	"github.com/interactiondata/gcdata/filter"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
)

// Checkpoint is the state of an [Searcher.Export], saved after every batch
// the sink confirmed: the query it belongs to, the plan, how many chunks
// are complete, the position inside the chunk in progress (async job id,
// results cursor, or query page, plus the last delivered conversationStart
// and the ids at it) and the sink's committed position. Chunks are
// delivered in order, so "chunks done" is a prefix of the plan. Restarting
// the same export with it continues with no duplicate and no gap.
//
// Its JSON form (MarshalJSON) is versioned and small (a few hundred bytes):
//
//	{"version":1,"query":"<sha256>","plan":{"split":<ms>,"chunk":<min>},
//	 "chunks":14,"done":3,"position":{"job":"...","cursor":"...","mark":<ms>,"markIds":["..."],"n":4000},
//	 "sink":"<sink position>","batches":17,"conversations":16342,"completed":false,"updated":"..."}
type Checkpoint struct {
	// QueryHash identifies the query (interval, filter hash, order, mode).
	QueryHash string
	// ExportID names the export; it is made when the checkpoint is created
	// and stays the same across resumed runs (a new export of the same
	// query gets a new one).
	ExportID string
	// Start, End, Filter (the canonical expression, "" for none), Order and
	// Mode describe the query, so a program can resume an export whose
	// parameters it no longer knows (for example a default "last 24 hours"
	// interval that has moved on since the crash); see [Checkpoint.Query].
	Start, End time.Time
	Filter     string
	Order      Order
	Mode       Mode
	// ChunksTotal and ChunksDone count the chunks of the plan.
	ChunksTotal, ChunksDone int
	// SinkPosition is what the sink returned for the last batch it made
	// durable ("" before the first).
	SinkPosition string
	// Batches and Conversations count what the sink has committed.
	Batches, Conversations int64
	// Completed is true once every chunk was delivered.
	Completed bool
	// Updated is when the checkpoint was made.
	Updated time.Time

	spec planSpec
	pos  chunkPos
	last *batchRecord // the last committed batch, for the batch hook
}

type checkpointJSON struct {
	Version       int          `json:"version"`
	Query         string       `json:"query"`
	ExportID      string       `json:"exportId,omitzero"`
	Start         time.Time    `json:"start,omitzero"`
	End           time.Time    `json:"end,omitzero"`
	Filter        string       `json:"filter,omitzero"`
	Order         Order        `json:"order,omitzero"`
	Mode          Mode         `json:"mode,omitzero"`
	Plan          planSpec     `json:"plan"`
	Chunks        int          `json:"chunks"`
	Done          int          `json:"done"`
	Position      chunkPos     `json:"position,omitzero"`
	Sink          string       `json:"sink,omitzero"`
	Batches       int64        `json:"batches,omitzero"`
	Conversations int64        `json:"conversations,omitzero"`
	Completed     bool         `json:"completed,omitzero"`
	Updated       time.Time    `json:"updated,omitzero"`
	LastBatch     *batchRecord `json:"lastBatch,omitzero"`
}

// MarshalJSON writes the versioned JSON form.
func (c Checkpoint) MarshalJSON() ([]byte, error) {
	return json.Marshal(checkpointJSON{
		Version: tokenVersion, Query: c.QueryHash, ExportID: c.ExportID, LastBatch: c.last, Start: c.Start, End: c.End, Filter: c.Filter,
		Order: c.Order, Mode: c.Mode, Plan: c.spec, Chunks: c.ChunksTotal, Done: c.ChunksDone,
		Position: c.pos, Sink: c.SinkPosition, Batches: c.Batches, Conversations: c.Conversations,
		Completed: c.Completed, Updated: c.Updated,
	})
}

// UnmarshalJSON reads the JSON form, refusing other versions and unknown
// members.
func (c *Checkpoint) UnmarshalJSON(b []byte) error {
	var j checkpointJSON
	if err := json.Unmarshal(b, &j, json.RejectUnknownMembers(true)); err != nil {
		return fmt.Errorf("search: checkpoint: %w", err)
	}
	switch {
	case j.Version != tokenVersion:
		return fmt.Errorf("search: checkpoint: version %d, want %d", j.Version, tokenVersion)
	case j.Query == "":
		return errors.New("search: checkpoint: no query hash")
	case j.Chunks < 0 || j.Done < 0 || j.Done > j.Chunks || j.Plan.Chunk < 0 || j.Position.Page < 0:
		return errors.New("search: checkpoint: inconsistent counts")
	}
	*c = Checkpoint{
		QueryHash: j.Query, ExportID: j.ExportID, last: j.LastBatch, Start: j.Start, End: j.End, Filter: j.Filter, Order: j.Order, Mode: j.Mode,
		ChunksTotal: j.Chunks, ChunksDone: j.Done, SinkPosition: j.Sink,
		Batches: j.Batches, Conversations: j.Conversations, Completed: j.Completed, Updated: j.Updated,
		spec: j.Plan, pos: j.Position,
	}
	return nil
}

// Query rebuilds the query the checkpoint belongs to from Start, End,
// Filter, Order and Mode. It fails for a checkpoint that does not record
// them (or whose filter no longer parses); the rebuilt query hashes to
// QueryHash, which Export checks again.
func (c Checkpoint) Query() (Query, error) {
	if c.Start.IsZero() || c.End.IsZero() {
		return Query{}, errors.New("search: checkpoint: it records no interval")
	}
	q := Query{Start: c.Start, End: c.End, Order: c.Order, Mode: c.Mode}
	if c.Filter != "" {
		n, err := filter.Parse(c.Filter)
		if err != nil {
			return Query{}, fmt.Errorf("search: checkpoint: filter: %w", err)
		}
		q.Filter = n
	}
	return q, nil
}

// CheckpointStore keeps the checkpoint of one export. Export calls it from
// one goroutine at a time.
type CheckpointStore interface {
	// Load returns the saved checkpoint, or ok false when there is none.
	Load(ctx context.Context) (cp Checkpoint, ok bool, err error)
	// Save replaces the checkpoint durably and atomically: after a crash
	// Load returns either the old or the new one.
	Save(ctx context.Context, cp Checkpoint) error
}

// FileCheckpointStore is a [CheckpointStore] in one JSON file. Save writes
// a temporary file next to it, fsyncs it, renames it over the file and
// fsyncs the directory.
type FileCheckpointStore struct {
	path string
}

// NewFileCheckpointStore returns a store for the file at path. It does no
// I/O; the file is created by the first Save.
func NewFileCheckpointStore(path string) *FileCheckpointStore {
	return &FileCheckpointStore{path: path}
}

// Path returns the file's path.
func (f *FileCheckpointStore) Path() string { return f.path }

// Load reads the file; a missing file means no checkpoint.
func (f *FileCheckpointStore) Load(context.Context) (Checkpoint, bool, error) {
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return Checkpoint{}, false, nil
	}
	if err != nil {
		return Checkpoint{}, false, fmt.Errorf("search: load checkpoint: %w", err)
	}
	var cp Checkpoint
	if err := cp.UnmarshalJSON(b); err != nil {
		return Checkpoint{}, false, fmt.Errorf("%w (file %s)", err, f.path)
	}
	return cp, true, nil
}

// Save replaces the file atomically (temporary file, fsync, rename, fsync
// of the directory).
func (f *FileCheckpointStore) Save(_ context.Context, cp Checkpoint) error {
	b, err := cp.MarshalJSON()
	if err != nil {
		return fmt.Errorf("search: save checkpoint: %w", err)
	}
	b = append(b, '\n')
	dir := filepath.Dir(f.path)
	tmp, err := os.CreateTemp(dir, filepath.Base(f.path)+".tmp*")
	if err != nil {
		return fmt.Errorf("search: save checkpoint: %w", err)
	}
	name := tmp.Name()
	_, werr := tmp.Write(b)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		_ = os.Remove(name)
		return fmt.Errorf("search: save checkpoint: %w", err)
	}
	if err := os.Rename(name, f.path); err != nil {
		_ = os.Remove(name)
		return fmt.Errorf("search: save checkpoint: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: not every platform can sync a directory
		_ = d.Close()
	}
	return nil
}

// MemoryCheckpointStore is a [CheckpointStore] in memory, for tests and for
// exports that need no crash recovery. Safe for concurrent use.
type MemoryCheckpointStore struct {
	mu sync.Mutex
	cp Checkpoint
	ok bool
}

// Load returns the last saved checkpoint.
func (m *MemoryCheckpointStore) Load(context.Context) (Checkpoint, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cp := m.cp
	cp.pos = cp.pos.clone()
	return cp, m.ok, nil
}

// Save keeps cp.
func (m *MemoryCheckpointStore) Save(_ context.Context, cp Checkpoint) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	cp.pos = cp.pos.clone()
	m.cp, m.ok = cp, true
	return nil
}
