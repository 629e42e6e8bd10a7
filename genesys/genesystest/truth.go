package genesystest

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/interactiondata/gcdata/filter"
	"github.com/interactiondata/gcdata/genesys"
)

// ConversationIDs returns the ground truth for other packages' tests: the
// ids, in start order, of the conversations whose conversationStart is in
// [start, end) and that match w, evaluated with the semantics package filter
// documents. It makes no request and ignores faults. It returns an error
// when w does not validate or the interval is empty.
//
// The detail query itself widens the interval to whole UTC days, and jobs
// match lifetimes; ConversationIDs is what a client gets after trimming to
// conversationStart in [start, end).
func (s *Server) ConversationIDs(start, end time.Time, w filter.Wire) ([]string, error) {
	if !end.After(start) {
		return nil, errors.New("genesystest: ConversationIDs: end is not after start")
	}
	if err := w.Validate(); err != nil {
		return nil, fmt.Errorf("genesystest: ConversationIDs: %w", err)
	}
	asOf := s.asOf(s.now())
	hiT := end.UnixMilli()
	if asOf > 0 {
		hiT = min(hiT, asOf+1)
	}
	lo, hi := s.grid.startRange(start.UnixMilli(), hiT)
	ml := s.scan(lo, hi, compileWire(toWireSet(w)), nil, "conversationStart", "asc", asOf)
	ids := make([]string, ml.len())
	for i := range ids {
		ids[i] = s.grid.id(ml.at(i))
	}
	return ids, nil
}

// ConversationJSON returns the JSON of a conversation as a lookup returns
// it (without participant attributes), or false for an unknown id.
func (s *Server) ConversationJSON(id string) ([]byte, bool) {
	asOf := s.asOf(s.now())
	k, ok := s.visible(id, asOf)
	if !ok {
		return nil, false
	}
	c := s.gen.conversation(k, false, asOf)
	var w jw
	w.writeConversation(&c, false)
	return w.b, true
}

// Conversation returns a conversation decoded into the genesys model (as a
// lookup returns it, without participant attributes), or false for an
// unknown id.
func (s *Server) Conversation(id string) (genesys.Conversation, bool) {
	b, ok := s.ConversationJSON(id)
	if !ok {
		return genesys.Conversation{}, false
	}
	var c genesys.Conversation
	if err := json.Unmarshal(b, &c); err != nil {
		return genesys.Conversation{}, false
	}
	return c, true
}

// ConversationIndex returns the position of a conversation in the
// simulation (0 for the first of the period, in start order), or false for
// an id this server does not know.
func (s *Server) ConversationIndex(id string) (int, bool) {
	k, ok := s.grid.index(id)
	if !ok {
		return 0, false
	}
	return int(k - s.grid.first), true
}

// ConversationAt returns the id and start of the i-th conversation of the
// simulation (0 <= i < Len), in start order.
func (s *Server) ConversationAt(i int) (id string, start time.Time, ok bool) {
	if i < 0 || i >= s.Len() {
		return "", time.Time{}, false
	}
	k := s.grid.first + int64(i)
	return s.grid.id(k), time.UnixMilli(s.grid.start(k)).UTC(), true
}
