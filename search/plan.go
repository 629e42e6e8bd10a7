package search

import (
	"fmt"
	"time"
)

const day = 24 * time.Hour

// chunk is one piece of a plan: an interval fetched in one mode.
type chunk struct {
	start, end time.Time // [start, end), UTC
	mode       Mode      // ModeJobs or ModeQuery
}

// planSpec is everything a plan depends on besides the query; it travels in
// cursors and checkpoints so a resumed run cuts the interval the same way.
type planSpec struct {
	Split int64 `json:"split,omitzero"` // auto: the watermark in unix ms (jobs before, query after)
	Chunk int64 `json:"chunk"`          // job chunk length in minutes
}

// plan cuts [q.Start, q.End) into chunks, in delivery order:
//   - ModeAuto: [Start, split) with jobs and [split, End) with the query,
//     where split is the availability watermark clamped to the interval;
//   - job chunks end at multiples of spec.Chunk since the Unix epoch (UTC
//     midnights for the 24h default);
//   - query chunks end at UTC midnights: the API matches whole UTC start
//     days, so a smaller chunk would page through the same day twice, and a
//     day is always within the 7-day (31 with a filter) interval limit;
//   - for OrderDesc the chunks come newest first.
func plan(p *prepared, spec planSpec) []chunk {
	q := p.q
	var out []chunk
	cut := func(a, b time.Time, mode Mode, step time.Duration) {
		for a.Before(b) {
			n := a.UnixNano()
			next := time.Unix(0, (n/int64(step)+1)*int64(step)).UTC()
			if next.After(b) {
				next = b
			}
			out = append(out, chunk{start: a, end: next, mode: mode})
			a = next
		}
	}
	step := time.Duration(spec.Chunk) * time.Minute
	if step <= 0 {
		step = DefaultChunk
	}
	switch q.Mode {
	case ModeJobs:
		cut(q.Start, q.End, ModeJobs, step)
	case ModeQuery:
		cut(q.Start, q.End, ModeQuery, day)
	default:
		split := time.UnixMilli(spec.Split).UTC()
		if split.Before(q.Start) {
			split = q.Start
		}
		if split.After(q.End) {
			split = q.End
		}
		cut(q.Start, split, ModeJobs, step)
		cut(split, q.End, ModeQuery, day)
	}
	if p.dir < 0 {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

func (c chunk) String() string {
	return fmt.Sprintf("%s %s", c.mode, apiInterval(c.start, c.end))
}
