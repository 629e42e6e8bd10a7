package search

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/interactiondata/gcdata/genesys"
)

const (
	availabilityPath = jobsPath + "/availability"
	lookupPath       = "/api/v2/analytics/conversations/details"
)

type availabilityBody struct {
	DataAvailabilityDate time.Time `json:"dataAvailabilityDate"`
}

// Availability returns the data availability watermark
// (dataAvailabilityDate): async jobs see every conversation before it.
// [ModeAuto] uses it to split a query between jobs and the synchronous
// query. It makes one request.
func (s *Searcher) Availability(ctx context.Context) (time.Time, error) {
	if err := s.cfg.err; err != nil {
		return time.Time{}, err
	}
	return s.availability(ctx, nil)
}

func (s *Searcher) availability(ctx context.Context, st stats) (time.Time, error) {
	var out availabilityBody
	if _, err := s.do(ctx, st, genesys.Request{Path: availabilityPath, Operation: "details jobs availability"}, &out); err != nil {
		return time.Time{}, fmt.Errorf("search: availability: %w", err)
	}
	if out.DataAvailabilityDate.IsZero() {
		return time.Time{}, errors.New("search: availability: response has no dataAvailabilityDate")
	}
	return out.DataAvailabilityDate.UTC(), nil
}

// Conversation looks one conversation up by id (participant attributes are
// absent). It makes one request. An unknown id gives an error matching
// [genesys.ErrNotFound].
func (s *Searcher) Conversation(ctx context.Context, id string) (genesys.Conversation, error) {
	if err := s.cfg.err; err != nil {
		return genesys.Conversation{}, err
	}
	if err := checkID(id); err != nil {
		return genesys.Conversation{}, err
	}
	var c genesys.Conversation
	if _, err := s.do(ctx, nil, genesys.Request{
		Path: "/api/v2/analytics/conversations/" + url.PathEscape(id) + "/details", Operation: "conversation details",
	}, &c); err != nil {
		return genesys.Conversation{}, fmt.Errorf("search: conversation %s: %w", id, err)
	}
	return c, nil
}

// Conversations looks conversations up by id, in requests of at most
// [WithLookupBatch] ids (default 100). Duplicate ids are asked for once.
// The result follows the order of the first occurrence of each id; ids the
// server does not know are left out (compare lengths to notice). It makes
// ceil(unique ids / batch) requests, one after the other.
func (s *Searcher) Conversations(ctx context.Context, ids ...string) ([]genesys.Conversation, error) {
	if err := s.cfg.err; err != nil {
		return nil, err
	}
	seen := make(map[string]int, len(ids)) // id -> index in uniq
	uniq := make([]string, 0, len(ids))
	for i, id := range ids {
		if err := checkID(id); err != nil {
			return nil, fmt.Errorf("search: Conversations: ids[%d]: %w", i, err)
		}
		if _, ok := seen[id]; !ok {
			seen[id] = len(uniq)
			uniq = append(uniq, id)
		}
	}
	found := make([]genesys.Conversation, len(uniq))
	have := make([]bool, len(uniq))
	for lo := 0; lo < len(uniq); lo += s.cfg.lookupBatch {
		batch := uniq[lo:min(lo+s.cfg.lookupBatch, len(uniq))]
		var out genesys.MultiGetResponse
		if _, err := s.do(ctx, nil, genesys.Request{
			Path: lookupPath, Query: url.Values{"id": {strings.Join(batch, ",")}}, Operation: "conversation details batch",
		}, &out); err != nil {
			return nil, fmt.Errorf("search: conversations %d..%d: %w", lo, lo+len(batch)-1, err)
		}
		for _, c := range out.Conversations {
			if i, ok := seen[c.ID]; ok && !have[i] {
				found[i], have[i] = c, true
			}
		}
	}
	out := found[:0]
	for i := range found {
		if have[i] {
			out = append(out, found[i])
		}
	}
	return out, nil
}

// checkID rejects ids that cannot be conversation ids.
func checkID(id string) error {
	if id == "" || len(id) > 128 || strings.ContainsAny(id, ",/?#% \t\r\n") {
		return fmt.Errorf("search: invalid conversation id %q", id)
	}
	return nil
}
