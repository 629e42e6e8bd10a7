package webhook

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPayloadGolden(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	ts := time.Date(2026, 11, 29, 4, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ev   Event
	}{
		{"batch_completed", batchEvent(17)},
		{"export_completed", Event{Timestamp: ts, Data: ExportCompleted{
			ExportID: "exp-1", IntervalStart: start, IntervalEnd: start.Add(24 * time.Hour), FilterHash: "3f2a",
			Batches: 17, Conversations: 1690, Checkpoint: "cp-final", Location: "file:///out/"}}},
		{"export_failed", Event{Timestamp: ts, Data: ExportFailed{
			ExportID: "exp-1", IntervalStart: start, IntervalEnd: start.Add(24 * time.Hour),
			Batches: 3, Conversations: 300, Checkpoint: "cp-3", Error: "search: page 4: rate limited <&> \"quoted\"\n"}}},
		{"batch_minimal", Event{Timestamp: ts, Data: BatchCompleted{ExportID: "e", Sequence: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := tt.ev.MarshalJSON()
			require.NoError(t, err)
			golden(t, tt.name+".golden.json", b)
			assert.Less(t, len(b), 1024, "payloads stay small")

			got, err := ParseEvent(b)
			require.NoError(t, err)
			assert.Equal(t, tt.ev.Type(), got.Type())
			assert.True(t, tt.ev.Timestamp.Equal(got.Timestamp))
			again, err := got.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again), "round trip")
		})
	}
}

func TestParseEventErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       error
	}{
		{"not json", `{`, ErrInvalidPayload},
		{"array", `[]`, ErrInvalidPayload},
		{"null", `null`, ErrInvalidPayload},
		{"no version", `{"type":"export.completed","timestamp":"2026-11-29T05:00:00Z","data":{"exportId":"e"}}`, ErrInvalidPayload},
		{"version 2", `{"type":"export.completed","version":2,"timestamp":"2026-11-29T05:00:00Z","data":{}}`, ErrUnsupportedVersion},
		{"bad time", `{"type":"export.completed","version":1,"timestamp":"yesterday","data":{"exportId":"e"}}`, ErrInvalidPayload},
		{"no data", `{"type":"export.completed","version":1,"timestamp":"2026-11-29T05:00:00Z"}`, ErrInvalidPayload},
		{"data not object", `{"type":"export.completed","version":1,"timestamp":"2026-11-29T05:00:00Z","data":3}`, ErrInvalidPayload},
		{"missing export id", `{"type":"export.completed","version":1,"timestamp":"2026-11-29T05:00:00Z","data":{}}`, ErrInvalidPayload},
		{"sequence not integer", `{"type":"export.batch.completed","version":1,"timestamp":"2026-11-29T05:00:00Z","data":{"exportId":"e","sequence":"1"}}`, ErrInvalidPayload},
	}
	for _, tt := range tests {
		_, err := ParseEvent([]byte(tt.body))
		assert.ErrorIs(t, err, tt.want, tt.name)
	}

	ev, err := ParseEvent([]byte(`{"type":"export.paused","version":1,"timestamp":"2026-11-29T05:00:00Z","data":{"x":1},"extra":true}`))
	require.NoError(t, err)
	assert.Equal(t, UnknownData{Type: "export.paused", Raw: []byte(`{"x":1}`)}, ev.Data)
}

func TestEventChecks(t *testing.T) {
	t.Parallel()
	assert.True(t, TypeBatchCompleted.Valid())
	assert.False(t, EventType("export.paused").Valid())
	_, err := Event{}.MarshalJSON()
	assert.Error(t, err)
	long := strings.Repeat("é", 600)
	b, err := Event{Data: ExportFailed{ExportID: "e", Error: long}}.MarshalJSON()
	require.NoError(t, err)
	ev, err := ParseEvent(b)
	require.NoError(t, err)
	msg := ev.Data.(ExportFailed).Error
	assert.LessOrEqual(t, len(msg), maxErrorText)
	assert.True(t, strings.HasPrefix(long, msg))
}
