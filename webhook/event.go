package webhook

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// PayloadVersion is the version of the JSON payload this package writes and
// the only one it decodes. It changes only when a field changes meaning or
// disappears; new optional fields keep the version.
const PayloadVersion = 1

// EventType names what happened, in the Standard Webhooks dotted style.
type EventType string

// The event types this package sends.
const (
	// TypeBatchCompleted: one batch of an export is durable.
	TypeBatchCompleted EventType = "export.batch.completed"
	// TypeExportCompleted: the whole export finished.
	TypeExportCompleted EventType = "export.completed"
	// TypeExportFailed: the export stopped with an error; it can resume from
	// the checkpoint it reports.
	TypeExportFailed EventType = "export.failed"
)

// Valid reports whether t is one of the event types above.
func (t EventType) Valid() bool {
	switch t {
	case TypeBatchCompleted, TypeExportCompleted, TypeExportFailed:
		return true
	}
	return false
}

// Data is the typed body of an [Event]: [BatchCompleted], [ExportCompleted],
// [ExportFailed], or [UnknownData] for a type this version does not know.
// The interface is sealed.
type Data interface {
	// EventType is the type the data is sent as.
	EventType() EventType
	appendJSON(b []byte) []byte
	check() error
}

// Event is one notification: an id, the time it happened and its data.
type Event struct {
	// ID is the webhook-id: the same for every delivery attempt, so receivers
	// deduplicate by it. Empty means the Sender generates a random "msg_" id.
	// A deterministic id ([IDFor](exportID, "batch", seq)) makes
	// notifications re-sent after a crash deduplicate too. At most 128 of
	// A-Z a-z 0-9 _ -.
	ID string
	// Timestamp is when the event happened; zero means the Sender's clock at
	// Send. It is not the delivery attempt's webhook-timestamp.
	Timestamp time.Time
	// Data is the event body; required.
	Data Data
}

// Type is the event's type, taken from its data ("" without data).
func (e Event) Type() EventType {
	if e.Data == nil {
		return ""
	}
	return e.Data.EventType()
}

// BatchCompleted is the data of an export.batch.completed event: one batch
// of an export is durable at the sink.
type BatchCompleted struct {
	ExportID string // the export's id; JSON exportId
	Sequence int64  // the batch's sequence number within the export, from 1; JSON sequence
	// IntervalStart and IntervalEnd are the export's interval (end exclusive);
	// JSON intervalStart, intervalEnd.
	IntervalStart, IntervalEnd time.Time
	FilterHash                 string // filter.Hash of the export's filter; JSON filterHash, omitted if empty
	Conversations              int64  // conversations in the batch; JSON conversationCount
	FirstConversationID        string // JSON firstConversationId, omitted if empty
	FirstConversationStart     time.Time
	LastConversationID         string // JSON lastConversationId, omitted if empty
	LastConversationStart      time.Time
	// Checkpoint is the opaque resume token made durable with the batch;
	// JSON checkpoint, omitted if empty.
	Checkpoint string
	// Location is where the sink put the batch (a path or URL) when the sink
	// says; JSON location, omitted if empty.
	Location string
}

// ExportCompleted is the data of an export.completed event.
type ExportCompleted struct {
	ExportID                   string
	IntervalStart, IntervalEnd time.Time
	FilterHash                 string
	Batches                    int64 // batches written; JSON batchCount
	Conversations              int64 // conversations written; JSON conversationCount
	Checkpoint                 string
	Location                   string
}

// ExportFailed is the data of an export.failed event.
type ExportFailed struct {
	ExportID                   string
	IntervalStart, IntervalEnd time.Time
	FilterHash                 string
	Batches                    int64 // batches durable before the failure
	Conversations              int64 // conversations durable before the failure
	// Checkpoint is the last durable checkpoint: resume from here.
	Checkpoint string
	// Error is a short description of the failure, cut to 1024 bytes. It is
	// sent as given: never put secrets or conversation contents in it.
	Error string
}

// UnknownData is the data of an event whose type this version does not
// know; Raw holds the data object's JSON exactly as received.
type UnknownData struct {
	Type EventType
	Raw  []byte
}

// EventType returns [TypeBatchCompleted].
func (BatchCompleted) EventType() EventType { return TypeBatchCompleted }

// EventType returns [TypeExportCompleted].
func (ExportCompleted) EventType() EventType { return TypeExportCompleted }

// EventType returns [TypeExportFailed].
func (ExportFailed) EventType() EventType { return TypeExportFailed }

// EventType returns d.Type.
func (d UnknownData) EventType() EventType { return d.Type }

const maxErrorText = 1024

func (d BatchCompleted) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("exportId", d.ExportID)
	o.int("sequence", d.Sequence)
	o.timeOpt("intervalStart", d.IntervalStart)
	o.timeOpt("intervalEnd", d.IntervalEnd)
	o.strOpt("filterHash", d.FilterHash)
	o.int("conversationCount", d.Conversations)
	o.strOpt("firstConversationId", d.FirstConversationID)
	o.timeOpt("firstConversationStart", d.FirstConversationStart)
	o.strOpt("lastConversationId", d.LastConversationID)
	o.timeOpt("lastConversationStart", d.LastConversationStart)
	o.strOpt("checkpoint", d.Checkpoint)
	o.strOpt("location", d.Location)
	return o.end()
}

func (d ExportCompleted) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("exportId", d.ExportID)
	o.timeOpt("intervalStart", d.IntervalStart)
	o.timeOpt("intervalEnd", d.IntervalEnd)
	o.strOpt("filterHash", d.FilterHash)
	o.int("batchCount", d.Batches)
	o.int("conversationCount", d.Conversations)
	o.strOpt("checkpoint", d.Checkpoint)
	o.strOpt("location", d.Location)
	return o.end()
}

func (d ExportFailed) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("exportId", d.ExportID)
	o.timeOpt("intervalStart", d.IntervalStart)
	o.timeOpt("intervalEnd", d.IntervalEnd)
	o.strOpt("filterHash", d.FilterHash)
	o.int("batchCount", d.Batches)
	o.int("conversationCount", d.Conversations)
	o.strOpt("checkpoint", d.Checkpoint)
	o.strOpt("error", truncate(d.Error, maxErrorText))
	return o.end()
}

func (d UnknownData) appendJSON(b []byte) []byte {
	if len(d.Raw) == 0 {
		return append(b, "{}"...)
	}
	return append(b, d.Raw...)
}

func (d BatchCompleted) check() error {
	if d.ExportID == "" {
		return errors.New("export id is empty")
	}
	if d.Sequence < 1 {
		return errors.New("batch sequence must be at least 1")
	}
	if d.Conversations < 0 {
		return errors.New("conversation count is negative")
	}
	return nil
}

func (d ExportCompleted) check() error {
	if d.ExportID == "" {
		return errors.New("export id is empty")
	}
	if d.Batches < 0 || d.Conversations < 0 {
		return errors.New("negative count")
	}
	return nil
}

func (d ExportFailed) check() error {
	if d.ExportID == "" {
		return errors.New("export id is empty")
	}
	if d.Batches < 0 || d.Conversations < 0 {
		return errors.New("negative count")
	}
	return nil
}

func (d UnknownData) check() error {
	return fmt.Errorf("event type %q is not one this package sends", d.Type)
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") // drops a rune cut in half
}

// MarshalJSON writes the versioned payload:
//
//	{"type":"export.batch.completed","version":1,"timestamp":"2026-11-29T05:00:00Z","data":{...}}
//
// It fails for an event without data.
func (e Event) MarshalJSON() ([]byte, error) {
	if e.Data == nil {
		return nil, errors.New("webhook: event has no data")
	}
	return e.appendJSON(make([]byte, 0, 512)), nil
}

func (e Event) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("type", string(e.Type()))
	o.int("version", PayloadVersion)
	o.time("timestamp", e.Timestamp)
	o.raw("data", e.Data.appendJSON(nil))
	return o.end()
}

// ErrUnsupportedVersion means a payload's version is not [PayloadVersion].
var ErrUnsupportedVersion = errors.New("webhook: unsupported payload version")

// ErrInvalidPayload means a body is not a payload of the documented shape.
var ErrInvalidPayload = errors.New("webhook: invalid payload")

// ParseEvent decodes a payload written by [Event.MarshalJSON]. The returned
// event has no ID (that travels in the webhook-id header; the middleware
// fills it in). Unknown fields are ignored; an unknown type decodes to
// [UnknownData]. Errors wrap [ErrInvalidPayload] or [ErrUnsupportedVersion].
func ParseEvent(body []byte) (Event, error) {
	f, err := decodeObject(body, "payload")
	if err != nil {
		return Event{}, fmt.Errorf("%w: %w", ErrInvalidPayload, err)
	}
	bad := func(err error) (Event, error) {
		return Event{}, fmt.Errorf("%w: %w", ErrInvalidPayload, err)
	}
	v, err := f.int("version", true)
	if err != nil {
		return bad(err)
	}
	if v != PayloadVersion {
		return Event{}, fmt.Errorf("%w: %d", ErrUnsupportedVersion, v)
	}
	typ, err := f.str("type", true)
	if err != nil {
		return bad(err)
	}
	ts, err := f.time("timestamp", true)
	if err != nil {
		return bad(err)
	}
	raw, ok := f["data"]
	if !ok {
		return bad(errors.New("data: missing"))
	}
	d, err := decodeObject(raw, "data")
	if err != nil {
		return bad(err)
	}
	e := Event{Timestamp: ts}
	switch t := EventType(typ); t {
	case TypeBatchCompleted:
		e.Data, err = decodeBatch(d)
	case TypeExportCompleted:
		e.Data, err = decodeCompleted(d)
	case TypeExportFailed:
		e.Data, err = decodeFailed(d)
	default:
		e.Data = UnknownData{Type: t, Raw: append([]byte(nil), raw...)}
	}
	if err != nil {
		return bad(fmt.Errorf("data.%w", err))
	}
	return e, nil
}

// decoder collects the first error of a run of field reads.
type decoder struct {
	f   fields
	err error
}

func (d *decoder) str(k string, req bool) string {
	s, err := d.f.str(k, req)
	d.keep(err)
	return s
}

func (d *decoder) int(k string, req bool) int64 {
	n, err := d.f.int(k, req)
	d.keep(err)
	return n
}

func (d *decoder) time(k string) time.Time {
	t, err := d.f.time(k, false)
	d.keep(err)
	return t
}

func (d *decoder) keep(err error) {
	if d.err == nil {
		d.err = err
	}
}

func decodeBatch(f fields) (BatchCompleted, error) {
	d := decoder{f: f}
	b := BatchCompleted{
		ExportID:               d.str("exportId", true),
		Sequence:               d.int("sequence", true),
		IntervalStart:          d.time("intervalStart"),
		IntervalEnd:            d.time("intervalEnd"),
		FilterHash:             d.str("filterHash", false),
		Conversations:          d.int("conversationCount", false),
		FirstConversationID:    d.str("firstConversationId", false),
		FirstConversationStart: d.time("firstConversationStart"),
		LastConversationID:     d.str("lastConversationId", false),
		LastConversationStart:  d.time("lastConversationStart"),
		Checkpoint:             d.str("checkpoint", false),
		Location:               d.str("location", false),
	}
	return b, d.err
}

func decodeCompleted(f fields) (ExportCompleted, error) {
	d := decoder{f: f}
	c := ExportCompleted{
		ExportID:      d.str("exportId", true),
		IntervalStart: d.time("intervalStart"),
		IntervalEnd:   d.time("intervalEnd"),
		FilterHash:    d.str("filterHash", false),
		Batches:       d.int("batchCount", false),
		Conversations: d.int("conversationCount", false),
		Checkpoint:    d.str("checkpoint", false),
		Location:      d.str("location", false),
	}
	return c, d.err
}

func decodeFailed(f fields) (ExportFailed, error) {
	d := decoder{f: f}
	c := ExportFailed{
		ExportID:      d.str("exportId", true),
		IntervalStart: d.time("intervalStart"),
		IntervalEnd:   d.time("intervalEnd"),
		FilterHash:    d.str("filterHash", false),
		Batches:       d.int("batchCount", false),
		Conversations: d.int("conversationCount", false),
		Checkpoint:    d.str("checkpoint", false),
		Error:         d.str("error", false),
	}
	return c, d.err
}
