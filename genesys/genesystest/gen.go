package genesystest

import "time"

// The simulated organisation is a grid of conversation slots anchored at a
// fixed epoch, so the data never depends on when a server started: slot k
// covers [epoch + k*spacing, epoch + (k+1)*spacing) and conversation k starts
// at a seeded instant inside it. A server serves the N slots starting at the
// first one at or after the start of its period. Conversation k is a pure
// function of (seed, spacing, k); nothing per conversation is stored.

const (
	// gridEpochMS is 2000-01-01T00:00:00Z in unix milliseconds.
	gridEpochMS int64 = 946684800000
	// maxConversationMS bounds a conversation's lifetime (start to end).
	maxConversationMS int64 = int64(2 * time.Hour / time.Millisecond)
	mask48                  = 1<<48 - 1
)

// Hash tags separate the random streams derived from (seed, k).
const (
	tagJitter = iota + 1
	tagHeader
	tagDetail
	tagID
	tagIDMask
	tagCorrelation
	tagFault
	tagJob
)

// grid maps conversation indices to start times and ids.
type grid struct {
	seed        uint64
	spacing     int64 // ms between slots, >= 1
	first, last int64 // served indices are [first, last)
	idMask      uint64
}

func newGrid(seed int64, n int, start, end time.Time) grid {
	s := uint64(seed)
	startMS, endMS := start.UnixMilli(), end.UnixMilli()
	spacing := int64(1)
	if n > 0 && endMS-startMS > int64(n) {
		spacing = (endMS - startMS) / int64(n)
	}
	first := (startMS - gridEpochMS + spacing - 1) / spacing
	return grid{seed: s, spacing: spacing, first: first, last: first + int64(n),
		idMask: hash3(s, 0, tagIDMask) & mask48}
}

// start returns the start of conversation k in unix milliseconds.
func (g grid) start(k int64) int64 {
	return gridEpochMS + k*g.spacing + int64(hash3(g.seed, uint64(k), tagJitter)%uint64(g.spacing))
}

// firstAtOrAfter returns the smallest served index whose start is at or
// after t, or g.last when there is none.
func (g grid) firstAtOrAfter(t int64) int64 {
	if t <= gridEpochMS {
		return g.first
	}
	k := (t - gridEpochMS) / g.spacing
	if g.start(k) < t {
		k++
	}
	return min(max(k, g.first), g.last)
}

// startRange returns the served indices [lo, hi) whose start is in [a, b).
func (g grid) startRange(a, b int64) (lo, hi int64) {
	lo, hi = g.firstAtOrAfter(a), g.firstAtOrAfter(b)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// id returns the conversation id of index k. The low 48 bits carry k (masked
// with a seeded word), so an id decodes back to its index.
func (g grid) id(k int64) string {
	hi := hash3(g.seed, uint64(k), tagID)
	lo := hash3(g.seed, uint64(k), tagID+100)<<48 | (uint64(k)*idMul^g.idMask)&mask48
	return formatUUID(hi, lo)
}

// idMul scrambles the index bits of an id; it is odd, so multiplication by
// it is a bijection modulo 2^48.
const idMul uint64 = 0x9e3779b97f4b

// idMulInverse returns the multiplicative inverse of idMul modulo 2^64
// (Newton's iteration), which is also its inverse modulo 2^48.
func idMulInverse() uint64 {
	inv := idMul
	for range 6 {
		inv *= 2 - idMul*inv
	}
	return inv
}

// index decodes a conversation id of this grid back to its index.
func (g grid) index(id string) (int64, bool) {
	_, lo, ok := parseUUID(id)
	if !ok {
		return 0, false
	}
	k := int64(((lo ^ g.idMask) & mask48) * idMulInverse() & mask48)
	if k < g.first || k >= g.last || g.id(k) != id {
		return 0, false
	}
	return k, true
}

// header is the part of a conversation that is cheap to compute: its
// timeline and shape. Interval matching needs only this.
type header struct {
	k          int64
	start, end int64
	media      int
	outbound   bool
	abandoned  bool
	// phase durations in ms; 0 means the phase is absent
	ivr, queue, alert, talk, hold, acw int64
}

func (g grid) header(k int64) header {
	r := newRNG(g.seed, uint64(k), tagHeader)
	h := header{k: k, start: g.start(k)}
	h.media = r.weighted(mediaWeights[:])
	switch h.media {
	case mVoice, mEmail, mMessage:
		h.outbound = r.chance(0.2)
	case mCallback:
		h.outbound = true
	}
	sec := int64(1000)
	skew := func(lo, hi int64) int64 { // more short than long values
		f := r.float()
		return lo + int64(f*f*float64(hi-lo))
	}
	if !h.outbound {
		if h.media == mVoice && r.chance(0.7) {
			h.ivr = r.between(5*sec, 60*sec)
		}
		if h.media != mInternalMessage && h.media != mScreenMonitoring {
			h.queue = skew(2*sec, 600*sec)
			h.abandoned = r.chance(0.08)
		}
	}
	h.alert = r.between(2*sec, 20*sec)
	switch h.media {
	case mChat, mMessage:
		h.talk = skew(60*sec, 30*60*sec)
	case mEmail:
		h.talk = skew(30*sec, 20*60*sec)
	default:
		h.talk = skew(20*sec, 25*60*sec)
	}
	if h.media == mVoice && r.chance(0.3) {
		h.hold = r.between(10*sec, 180*sec)
	}
	h.acw = r.between(3*sec, 180*sec)
	if h.abandoned {
		h.alert, h.talk, h.hold, h.acw = 0, 0, 0, 0
	}
	h.end = h.start + h.ivr + h.queue + h.alert + h.talk + h.hold + h.acw
	return h
}

// The generated conversation model: exactly what the fake writes as JSON.
// Times are unix milliseconds; empty strings and nil slices are omitted.

type conversation struct {
	id                    string
	start, end            int64
	direction             string
	initiator             string
	customerParticipation bool
	divisionIDs           []string
	externalTag           string
	mos, rFactor          float64 // voice only; 0 means absent
	participants          []participant
	evaluations           []evaluation
	surveys               []survey
	resolutions           []resolution
}

type participant struct {
	id, name, purpose, userID, teamID string
	externalContactID                 string
	attributes                        []kv // job results only
	sessions                          []session
}

type kv struct{ k, v string }

type session struct {
	id, mediaType, direction      string
	ani, dnis, sessionDnis        string
	addressFrom, addressTo        string
	messageType, edgeID, peerID   string
	provider, remote, usedRouting string
	protocolCallID                string
	callbackNumbers               []string
	requestedRoutings             []string
	recording                     bool
	flow                          *flow
	mediaEndpointStats            *endpointStats
	metrics                       []metric
	segments                      []segment
}

type flow struct {
	id, name, typ, version, entryReason, entryType, exitReason, endingLanguage string
}

type endpointStats struct {
	codec                  string
	eventTime              int64
	minMos, minRFactor     float64
	maxLatencyMs, received int64
	discarded              int64
}

type metric struct {
	name  string
	value int64
	emit  int64
}

type segment struct {
	start, end     int64
	typ            string
	queueID        string
	disconnectType string
	wrapUpCode     string
	wrapUpNote     string
	conference     bool
	properties     []property
}

type property struct{ name, typ, value string }

type evaluation struct {
	id, evaluatorID, userID, queueID, formID, formName, contextID, status string
	eventTime                                                             int64
	totalScore, criticalScore                                             float64
}

type survey struct {
	id, formID, formName, formContextID, status, typ, userID, queueID string
	eventTime, completed                                              int64
	totalScore, promoterScore                                         int64
}

type resolution struct {
	queueID, userID string
	eventTime       int64
	nextContact     int64
}
