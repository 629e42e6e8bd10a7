package genesystest

import "slices"

// Catalog describes the simulated organisation's fixed reference data, so
// that tests and examples can build filters that match something. It is the
// same for every seed and size; call [Server.Catalog] for a copy.
type Catalog struct {
	// Queues are the ACD queues; segments carry their ids as queueId.
	Queues []Entity
	// WrapUpCodes are the wrap-up code names written as a segment's
	// wrapUpCode (the schema types wrapUpCode as free text; users filter on
	// code names such as "Case-Closed").
	WrapUpCodes []string
	// Users are the agents; agent participants carry their ids as userId.
	Users []Entity
	// Teams are the agents' teams (participant teamId).
	Teams []Entity
	// Divisions are the divisions listed in a conversation's divisionIds.
	Divisions []Entity
	// MediaTypes are the session media types, most frequent first
	// (voice is about 45 %).
	MediaTypes []string
	// Flows are the IVR and bot flows (session flow.flowId).
	Flows []Entity
	// EvaluationForms and SurveyForms are the quality forms.
	EvaluationForms []Entity
	SurveyForms     []Entity
	// CustomerTiers are the values of the string segment property
	// "customerTier" written on agent segments.
	CustomerTiers []string
	// AttributeKeys are the participant attribute keys (job results only).
	AttributeKeys []string
	// SessionMetrics are the session metrics the simulation emits; a
	// conversation metric predicate matches when some session metric of
	// its name satisfies it, so only these can match.
	SessionMetrics []string
}

// Entity is a Genesys object of the catalog: its id and display name.
type Entity struct {
	ID   string
	Name string
}

// mediaWeights are the relative frequencies of the primary media types, in
// the order of Catalog.MediaTypes.
var mediaWeights = [...]int{46, 14, 10, 10, 8, 3, 3, 2, 2, 1, 1}

// Indices into the media type list.
const (
	mVoice = iota
	mMessage
	mChat
	mEmail
	mCallback
	mVideo
	mCobrowse
	mScreenshare
	mInternalMessage
	mScreenMonitoring
	mUnknown
)

// newCatalog builds the fixed catalog. It is a function, not a package
// variable, so no state is shared between servers.
func newCatalog() Catalog {
	c := Catalog{
		Queues: []Entity{
			{"5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "Support"},
			{"6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f", "Sales"},
			{"7d6c3c77-4caf-4e8e-9f50-2b3c4d5e6f70", "Billing"},
			{"8e7d4d88-5db0-4f9f-8061-3c4d5e6f7081", "Retention"},
			{"9f8e5e99-6ec1-4a0a-9172-4d5e6f708192", "Technical"},
			{"a09f6faa-7fd2-4b1b-8283-5e6f708192a3", "VIP"},
		},
		WrapUpCodes: []string{"Case-Closed", "Sale", "Follow-Up", "Billing-Question",
			"Escalated", "Callback-Requested", "ININ-WRAP-UP-TIMEOUT"},
		Teams: []Entity{
			{"b1a07ab1-80e3-4c2c-9394-6f708192a3b4", "Team North"},
			{"c2b18bc2-91f4-4d3d-84a5-708192a3b4c5", "Team South"},
			{"d3c29cd3-a205-4e4e-95b6-8192a3b4c5d6", "Team Digital"},
		},
		Divisions: []Entity{
			{"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Home"},
			{"1b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e", "Partners"},
		},
		MediaTypes: []string{"voice", "message", "chat", "email", "callback", "video",
			"cobrowse", "screenshare", "internalmessage", "screenmonitoring", "unknown"},
		Flows: []Entity{
			{"e4d3ade4-b316-4f5f-86c7-92a3b4c5d6e7", "Main IVR"},
			{"f5e4bef5-c427-4a60-97d8-a3b4c5d6e7f8", "Messaging Bot"},
		},
		EvaluationForms: []Entity{
			{"06f5cf06-d538-4b71-88e9-b4c5d6e7f809", "Call Quality"},
			{"1706d017-e649-4c82-99fa-c5d6e7f8091a", "Digital Quality"},
		},
		SurveyForms: []Entity{
			{"2817e128-f75a-4d93-8a0b-d6e7f8091a2b", "Post-Contact Survey"},
		},
		CustomerTiers: []string{"bronze", "silver", "gold", "platinum"},
		AttributeKeys: []string{"language", "customerTier", "orderNumber", "accountId"},
		SessionMetrics: []string{"nConnected", "nFlow", "tIvr", "tFlow", "nOffered", "tAcd", "tAbandon",
			"tAlert", "tAnswered", "tTalk", "tTalkComplete", "tHeld", "tHeldComplete", "tAcw", "tHandle", "nOutbound"},
	}
	names := []string{"Avery Agent", "Blake Brown", "Casey Chen", "Devon Diaz", "Emery Evans",
		"Finley Fox", "Gray Garcia", "Harper Hill", "Indigo Ito", "Jordan James",
		"Kai Kim", "Logan Lee", "Morgan Moss", "Noel Nunez", "Oakley Ortiz",
		"Parker Park", "Quinn Quade", "Riley Reed", "Sage Silva", "Taylor Tran"}
	for i, n := range names {
		c.Users = append(c.Users, Entity{ID: formatUUID(hash3(0x05e1, uint64(i), 1), hash3(0x05e1, uint64(i), 2)), Name: n})
	}
	return c
}

// clone returns a deep copy of c.
func (c Catalog) clone() Catalog {
	c.Queues = slices.Clone(c.Queues)
	c.WrapUpCodes = slices.Clone(c.WrapUpCodes)
	c.Users = slices.Clone(c.Users)
	c.Teams = slices.Clone(c.Teams)
	c.Divisions = slices.Clone(c.Divisions)
	c.MediaTypes = slices.Clone(c.MediaTypes)
	c.Flows = slices.Clone(c.Flows)
	c.EvaluationForms = slices.Clone(c.EvaluationForms)
	c.SurveyForms = slices.Clone(c.SurveyForms)
	c.CustomerTiers = slices.Clone(c.CustomerTiers)
	c.AttributeKeys = slices.Clone(c.AttributeKeys)
	c.SessionMetrics = slices.Clone(c.SessionMetrics)
	return c
}
