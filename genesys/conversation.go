package genesys

import (
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// Conversation is one analytics conversation detail record, as returned by the
// detail query, async job results and the lookups by id.
//
// The model is lossless:
//   - Every struct of the model keeps the JSON members it does not know in its
//     Extra field (a JSON object, nil when there were none), so encoding a
//     decoded value writes every member the server sent.
//   - A Conversation decoded from JSON also keeps a private copy of the exact
//     bytes it was decoded from; [Conversation.Raw] returns them. Exports write
//     those bytes, so their output is exactly what Genesys sent.
//   - Encoding a Conversation (json.Marshal, [Conversation.MarshalJSON]) always
//     writes the typed fields plus Extra, never the raw bytes, so changes to a
//     decoded value are reflected in the output. Members whose value is the zero
//     value and that were absent from the input are omitted; JSON null members
//     decode as absent.
//
// Strings of a decoded Conversation may share memory with its raw copy (that
// is what makes decoding cheap); the copy stays alive as long as any of them
// does, so use strings.Clone on a string kept long after its conversation.
// Known enum values and metric names are constants and share nothing.
//
// Because of the raw copy and the presence bookkeeping, compare decoded
// conversations by their fields or their encoding, not with ==-style deep
// equality against hand-built values.
//
// Decoding through the page types ([DetailsQueryResponse],
// [JobResultsResponse], [MultiGetResponse]) is the fast path: one conversation
// costs about 25 allocations there.
//
// Enum-like fields use named string types whose constants are the values the
// contract lists. Values the model does not know decode unchanged (their Valid
// method reports false), because the service adds values over time.
//
// A Conversation is a plain value: not safe for concurrent mutation, safe for
// concurrent reads.
type Conversation struct {
	// ID is the conversation's unique identifier (conversationId).
	ID string `json:"conversationId,omitzero"`
	// Start is when the conversation began (conversationStart).
	Start time.Time `json:"conversationStart,omitzero"`
	// End is when the conversation ended (conversationEnd); zero while it is
	// still active.
	End time.Time `json:"conversationEnd,omitzero"`
	// OriginatingDirection is the direction of the first session
	// (originatingDirection).
	OriginatingDirection Direction `json:"originatingDirection,omitzero"`
	// ConversationInitiator is the purpose of the participant that started the
	// conversation (conversationInitiator).
	ConversationInitiator Purpose `json:"conversationInitiator,omitzero"`
	// CustomerParticipation reports whether a customer took part
	// (customerParticipation).
	CustomerParticipation bool `json:"customerParticipation,omitzero"`
	// DivisionIDs are the divisions the conversation belongs to (divisionIds).
	DivisionIDs []string `json:"divisionIds,omitzero"`
	// ExternalTag is the caller-defined external tag (externalTag).
	ExternalTag string `json:"externalTag,omitzero"`
	// KnowledgeBaseIDs are the knowledge bases used (knowledgeBaseIds).
	KnowledgeBaseIDs []string `json:"knowledgeBaseIds,omitzero"`
	// MediaStatsMinConversationMOS is the lowest mean opinion score of any
	// session (mediaStatsMinConversationMos).
	MediaStatsMinConversationMOS float64 `json:"mediaStatsMinConversationMos,omitzero"`
	// MediaStatsMinConversationRFactor is the lowest R-factor of any session
	// (mediaStatsMinConversationRFactor).
	MediaStatsMinConversationRFactor float64 `json:"mediaStatsMinConversationRFactor,omitzero"`
	// SelfServed reports whether the conversation was handled without an agent
	// (selfServed).
	SelfServed bool `json:"selfServed,omitzero"`
	// Evaluations are the quality evaluations of the conversation.
	Evaluations []Evaluation `json:"evaluations,omitzero"`
	// Surveys are the surveys sent for the conversation.
	Surveys []Survey `json:"surveys,omitzero"`
	// Resolutions are the resolution records of the conversation.
	Resolutions []Resolution `json:"resolutions,omitzero"`
	// Participants are the conversation's participants in server order.
	Participants []Participant `json:"participants,omitzero"`
	// Extra holds the JSON members the model does not know, as one JSON object
	// (nil when there are none). They are written back on encoding.
	Extra jsontext.Value `json:",embed"`

	raw string // exact bytes as decoded; empty for hand-built values
	has uint64 // presence of zero-valued members in the decoded input
}

// Participant is one participant of a conversation: a customer, IVR, queue
// (acd), agent or other party.
type Participant struct {
	// ID is the participant's unique identifier (participantId).
	ID string `json:"participantId,omitzero"`
	// Name is the participant's display name (participantName).
	Name string `json:"participantName,omitzero"`
	// Purpose is the participant's role (purpose).
	Purpose Purpose `json:"purpose,omitzero"`
	// UserID is the Genesys user of an agent participant (userId).
	UserID string `json:"userId,omitzero"`
	// TeamID is the user's team (teamId).
	TeamID string `json:"teamId,omitzero"`
	// ExternalContactID is the external contact (externalContactId).
	ExternalContactID string `json:"externalContactId,omitzero"`
	// ExternalOrganizationID is the external organization
	// (externalOrganizationId).
	ExternalOrganizationID string `json:"externalOrganizationId,omitzero"`
	// FlaggedReason is why the participant was flagged (flaggedReason).
	FlaggedReason FlaggedReason `json:"flaggedReason,omitzero"`
	// ScreenRecording reports whether the screen was recorded
	// (screenRecording).
	ScreenRecording bool `json:"screenRecording,omitzero"`
	// Attributes are the participant data attributes (attributes). Only async
	// job results carry them; keys and values are truncated by the server to
	// 1024 characters.
	Attributes map[string]string `json:"attributes,omitzero"`
	// Sessions are the participant's sessions.
	Sessions []Session `json:"sessions,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Session is one media session of a participant. The API defines about 88
// members; the commonly used ones are typed and the rest are kept in Extra.
type Session struct {
	// ID is the session's unique identifier (sessionId).
	ID string `json:"sessionId,omitzero"`
	// MediaType is the session's media (mediaType).
	MediaType MediaType `json:"mediaType,omitzero"`
	// Direction is the session's direction (direction).
	Direction Direction `json:"direction,omitzero"`
	// MessageType is the messaging service, e.g. sms or webmessaging
	// (messageType).
	MessageType string `json:"messageType,omitzero"`
	// ANI is the calling number (ani).
	ANI string `json:"ani,omitzero"`
	// DNIS is the dialled number (dnis).
	DNIS string `json:"dnis,omitzero"`
	// SessionDNIS is the number dialled for this session, which differs from
	// DNIS after a transfer (sessionDnis).
	SessionDNIS string `json:"sessionDnis,omitzero"`
	// AddressFrom is the address that initiated an action (addressFrom).
	AddressFrom string `json:"addressFrom,omitzero"`
	// AddressTo is the address receiving an action (addressTo).
	AddressTo string `json:"addressTo,omitzero"`
	// AddressSelf is this side's email address (addressSelf).
	AddressSelf string `json:"addressSelf,omitzero"`
	// AddressOther is the other side's email address (addressOther).
	AddressOther string `json:"addressOther,omitzero"`
	// EdgeID is the edge device (edgeId).
	EdgeID string `json:"edgeId,omitzero"`
	// PeerID links related sessions of a conversation (peerId).
	PeerID string `json:"peerId,omitzero"`
	// Provider is the source provider of the communication (provider).
	Provider string `json:"provider,omitzero"`
	// Remote is the name, number or address of the remote party (remote).
	Remote string `json:"remote,omitzero"`
	// RemoteNameDisplayable is the remote party's displayable name
	// (remoteNameDisplayable).
	RemoteNameDisplayable string `json:"remoteNameDisplayable,omitzero"`
	// Recording reports whether an audio recording was started (recording).
	Recording bool `json:"recording,omitzero"`
	// RequestedRoutings are the routing methods requested or attempted
	// (requestedRoutings).
	RequestedRoutings []Routing `json:"requestedRoutings,omitzero"`
	// UsedRouting is the routing method that completed (usedRouting).
	UsedRouting Routing `json:"usedRouting,omitzero"`
	// RoutingRuleType is the routing rule type (routingRuleType).
	RoutingRuleType RoutingRuleType `json:"routingRuleType,omitzero"`
	// ProtocolCallID is the original voice protocol call id, e.g. a SIP call
	// id (protocolCallId).
	ProtocolCallID string `json:"protocolCallId,omitzero"`
	// OutboundCampaignID is the dialer campaign (outboundCampaignId).
	OutboundCampaignID string `json:"outboundCampaignId,omitzero"`
	// OutboundContactID is the dialer contact (outboundContactId).
	OutboundContactID string `json:"outboundContactId,omitzero"`
	// OutboundContactListID is the dialer contact list
	// (outboundContactListId).
	OutboundContactListID string `json:"outboundContactListId,omitzero"`
	// DispositionAnalyzer is the dialer analyzer (dispositionAnalyzer).
	DispositionAnalyzer string `json:"dispositionAnalyzer,omitzero"`
	// DispositionName is the dialer analysis result (dispositionName).
	DispositionName string `json:"dispositionName,omitzero"`
	// ScriptID is the script shown to the agent (scriptId).
	ScriptID string `json:"scriptId,omitzero"`
	// SelectedAgentID is the agent chosen by predictive routing
	// (selectedAgentId).
	SelectedAgentID string `json:"selectedAgentId,omitzero"`
	// SelectedAgentRank is that agent's rank (selectedAgentRank).
	SelectedAgentRank int `json:"selectedAgentRank,omitzero"`
	// RoutingRing is the bullseye or preferred-agent ring (routingRing).
	RoutingRing int `json:"routingRing,omitzero"`
	// AgentBullseyeRing is the bullseye ring of the targeted agent
	// (agentBullseyeRing).
	AgentBullseyeRing int `json:"agentBullseyeRing,omitzero"`
	// AcwSkipped reports whether the agent skipped after-call work
	// (acwSkipped).
	AcwSkipped bool `json:"acwSkipped,omitzero"`
	// Authenticated reports whether the customer's identity was verified
	// (authenticated).
	Authenticated bool `json:"authenticated,omitzero"`
	// CallbackNumbers are the callback phone numbers (callbackNumbers).
	CallbackNumbers []string `json:"callbackNumbers,omitzero"`
	// CallbackScheduledTime is when a callback is scheduled
	// (callbackScheduledTime).
	CallbackScheduledTime time.Time `json:"callbackScheduledTime,omitzero"`
	// CallbackUserName is the name of the person requesting a callback
	// (callbackUserName).
	CallbackUserName string `json:"callbackUserName,omitzero"`
	// DeliveryStatus is the email or SMS delivery status (deliveryStatus).
	DeliveryStatus DeliveryStatus `json:"deliveryStatus,omitzero"`
	// DeliveryStatusChangeDate is when DeliveryStatus last changed
	// (deliveryStatusChangeDate).
	DeliveryStatusChangeDate time.Time `json:"deliveryStatusChangeDate,omitzero"`
	// EngagementSource is the messaging platform (engagementSource).
	EngagementSource EngagementSource `json:"engagementSource,omitzero"`
	// DestinationAddresses are the addresses of transfers or consults
	// (destinationAddresses).
	DestinationAddresses []string `json:"destinationAddresses,omitzero"`
	// FlowInType is the kind of flow-in when entering ACD (flowInType).
	FlowInType string `json:"flowInType,omitzero"`
	// FlowOutType is the kind of flow-out when tFlowOut was emitted
	// (flowOutType).
	FlowOutType string `json:"flowOutType,omitzero"`
	// MediaBridgeID identifies the conference media bridge (mediaBridgeId).
	MediaBridgeID string `json:"mediaBridgeId,omitzero"`
	// MediaCount is the number of media items in the session (mediaCount).
	MediaCount int `json:"mediaCount,omitzero"`
	// ActiveSkillIDs are the skills active on the conversation
	// (activeSkillIds).
	ActiveSkillIDs []string `json:"activeSkillIds,omitzero"`
	// RemovedSkillIDs are skills removed by bullseye routing
	// (removedSkillIds).
	RemovedSkillIDs []string `json:"removedSkillIds,omitzero"`
	// Flow is the IVR flow execution of the session (flow); nil when absent.
	Flow *Flow `json:"flow,omitzero"`
	// MediaEndpointStats are the media quality statistics
	// (mediaEndpointStats).
	MediaEndpointStats []MediaEndpointStat `json:"mediaEndpointStats,omitzero"`
	// Metrics are the session's metrics (metrics).
	Metrics []Metric `json:"metrics,omitzero"`
	// Segments are the session's segments in time order (segments).
	Segments []Segment `json:"segments,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Segment is one interval of a session during which one activity
// (SegmentType) took place.
type Segment struct {
	// Start is when the segment began (segmentStart).
	Start time.Time `json:"segmentStart,omitzero"`
	// End is when the segment ended (segmentEnd); zero while it is active.
	End time.Time `json:"segmentEnd,omitzero"`
	// Type is the activity (segmentType).
	Type SegmentType `json:"segmentType,omitzero"`
	// QueueID is the queue (queueId).
	QueueID string `json:"queueId,omitzero"`
	// GroupID is the group (groupId).
	GroupID string `json:"groupId,omitzero"`
	// DisconnectType is the event that ended the segment (disconnectType).
	DisconnectType DisconnectType `json:"disconnectType,omitzero"`
	// ErrorCode is the error code, if any (errorCode).
	ErrorCode string `json:"errorCode,omitzero"`
	// Conference reports whether the segment was a conference (conference).
	Conference bool `json:"conference,omitzero"`
	// WrapUpCode is the wrap-up code id (wrapUpCode).
	WrapUpCode string `json:"wrapUpCode,omitzero"`
	// WrapUpNote is the agent's after-call note (wrapUpNote).
	WrapUpNote string `json:"wrapUpNote,omitzero"`
	// WrapUpTags are the wrap-up tags (wrapUpTags).
	WrapUpTags []string `json:"wrapUpTags,omitzero"`
	// RequestedRoutingUserIDs are the users requested for routing
	// (requestedRoutingUserIds).
	RequestedRoutingUserIDs []string `json:"requestedRoutingUserIds,omitzero"`
	// RequestedRoutingSkillIDs are the skills requested for routing
	// (requestedRoutingSkillIds).
	RequestedRoutingSkillIDs []string `json:"requestedRoutingSkillIds,omitzero"`
	// RequestedLanguageID is the language requested (requestedLanguageId).
	RequestedLanguageID string `json:"requestedLanguageId,omitzero"`
	// SIPResponseCodes are the SIP response codes (sipResponseCodes).
	SIPResponseCodes []int `json:"sipResponseCodes,omitzero"`
	// Q850ResponseCodes are the Q.850 cause codes (q850ResponseCodes).
	Q850ResponseCodes []int `json:"q850ResponseCodes,omitzero"`
	// ScoredAgents are the agents scored by predictive routing
	// (scoredAgents).
	ScoredAgents []ScoredAgent `json:"scoredAgents,omitzero"`
	// Properties are the segment's custom properties (properties).
	Properties []SegmentProperty `json:"properties,omitzero"`
	// SourceConversationID is the conversation a transfer came from
	// (sourceConversationId).
	SourceConversationID string `json:"sourceConversationId,omitzero"`
	// DestinationConversationID is the conversation a transfer went to
	// (destinationConversationId).
	DestinationConversationID string `json:"destinationConversationId,omitzero"`
	// SourceSessionID is the session a transfer came from (sourceSessionId).
	SourceSessionID string `json:"sourceSessionId,omitzero"`
	// DestinationSessionID is the session a transfer went to
	// (destinationSessionId).
	DestinationSessionID string `json:"destinationSessionId,omitzero"`
	// Subject is the email subject (subject).
	Subject string `json:"subject,omitzero"`
	// AudioMuted reports whether audio was muted (audioMuted).
	AudioMuted bool `json:"audioMuted,omitzero"`
	// VideoMuted reports whether video was muted (videoMuted).
	VideoMuted bool `json:"videoMuted,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Metric is one session metric: a name such as tHandle or nOffered, an integer
// value (milliseconds for t* metrics, a count for n* metrics) and when it was
// emitted.
type Metric struct {
	// Name is the metric name (name).
	Name string `json:"name"`
	// Value is the metric value (value).
	Value int64 `json:"value"`
	// EmitDate is when the metric was emitted (emitDate).
	EmitDate time.Time `json:"emitDate,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`
}

// SegmentProperty is a custom property attached to a segment.
type SegmentProperty struct {
	// Property is the property name (property).
	Property string `json:"property,omitzero"`
	// PropertyType is the value type (propertyType).
	PropertyType PropertyType `json:"propertyType,omitzero"`
	// Value is the value as text (value).
	Value string `json:"value,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// ScoredAgent is an agent scored by predictive routing for a segment.
type ScoredAgent struct {
	// ScoredAgentID is the agent (scoredAgentId).
	ScoredAgentID string `json:"scoredAgentId,omitzero"`
	// AgentScore is the agent's score (agentScore).
	AgentScore int `json:"agentScore,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// MediaEndpointStat holds media quality statistics of a session endpoint.
type MediaEndpointStat struct {
	// Codecs are the codecs used (codecs).
	Codecs []string `json:"codecs,omitzero"`
	// EventTime is when the statistics were taken (eventTime).
	EventTime time.Time `json:"eventTime,omitzero"`
	// MinMOS is the lowest mean opinion score (minMos).
	MinMOS float64 `json:"minMos,omitzero"`
	// MinRFactor is the lowest R-factor (minRFactor).
	MinRFactor float64 `json:"minRFactor,omitzero"`
	// MaxLatencyMs is the highest latency in milliseconds (maxLatencyMs).
	MaxLatencyMs int64 `json:"maxLatencyMs,omitzero"`
	// ReceivedPackets is the number of packets received (receivedPackets).
	ReceivedPackets int64 `json:"receivedPackets,omitzero"`
	// DiscardedPackets is the number of packets discarded
	// (discardedPackets).
	DiscardedPackets int64 `json:"discardedPackets,omitzero"`
	// DuplicatePackets is the number of duplicate packets
	// (duplicatePackets).
	DuplicatePackets int64 `json:"duplicatePackets,omitzero"`
	// InvalidPackets is the number of invalid packets (invalidPackets).
	InvalidPackets int64 `json:"invalidPackets,omitzero"`
	// OverrunPackets is the number of overrun packets (overrunPackets).
	OverrunPackets int64 `json:"overrunPackets,omitzero"`
	// UnderrunPackets is the number of underrun packets (underrunPackets).
	UnderrunPackets int64 `json:"underrunPackets,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Flow describes the Architect flow execution of a session.
type Flow struct {
	// ID is the flow (flowId).
	ID string `json:"flowId,omitzero"`
	// Name is the flow's name (flowName).
	Name string `json:"flowName,omitzero"`
	// Type is the flow type (flowType).
	Type FlowType `json:"flowType,omitzero"`
	// Version is the flow version (flowVersion).
	Version string `json:"flowVersion,omitzero"`
	// EntryType is how the flow was entered (entryType).
	EntryType FlowEntryType `json:"entryType,omitzero"`
	// EntryReason is the entry reason, e.g. the DNIS (entryReason).
	EntryReason string `json:"entryReason,omitzero"`
	// ExitReason is why the flow ended (exitReason).
	ExitReason string `json:"exitReason,omitzero"`
	// TransferType is the kind of transfer out of the flow (transferType).
	TransferType string `json:"transferType,omitzero"`
	// TransferTargetName is the transfer target's name (transferTargetName).
	TransferTargetName string `json:"transferTargetName,omitzero"`
	// TransferTargetAddress is the transfer target's address
	// (transferTargetAddress).
	TransferTargetAddress string `json:"transferTargetAddress,omitzero"`
	// IssuedCallback reports whether the flow issued a callback
	// (issuedCallback).
	IssuedCallback bool `json:"issuedCallback,omitzero"`
	// StartingLanguage is the language at entry (startingLanguage).
	StartingLanguage string `json:"startingLanguage,omitzero"`
	// EndingLanguage is the language at exit (endingLanguage).
	EndingLanguage string `json:"endingLanguage,omitzero"`
	// RecognitionFailureReason is why speech recognition failed
	// (recognitionFailureReason).
	RecognitionFailureReason string `json:"recognitionFailureReason,omitzero"`
	// Extra holds the JSON members the model does not know, including
	// outcomes (see [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Evaluation is a quality evaluation of a conversation.
type Evaluation struct {
	// ID is the evaluation (evaluationId).
	ID string `json:"evaluationId,omitzero"`
	// FormID is the evaluation form (formId).
	FormID string `json:"formId,omitzero"`
	// FormName is the form's name (formName).
	FormName string `json:"formName,omitzero"`
	// EvaluatorID is the user who evaluated (evaluatorId).
	EvaluatorID string `json:"evaluatorId,omitzero"`
	// UserID is the evaluated agent (userId).
	UserID string `json:"userId,omitzero"`
	// QueueID is the queue (queueId).
	QueueID string `json:"queueId,omitzero"`
	// CalibrationID is the calibration (calibrationId).
	CalibrationID string `json:"calibrationId,omitzero"`
	// ContextID is the evaluation context (contextId).
	ContextID string `json:"contextId,omitzero"`
	// AssigneeID is the assignee (assigneeId).
	AssigneeID string `json:"assigneeId,omitzero"`
	// EvaluationStatus is the evaluation's state (evaluationStatus).
	EvaluationStatus EvaluationStatus `json:"evaluationStatus,omitzero"`
	// EventTime is when the evaluation event happened (eventTime).
	EventTime time.Time `json:"eventTime,omitzero"`
	// Released reports whether the evaluation was released (released).
	Released bool `json:"released,omitzero"`
	// Rescored reports whether it was rescored (rescored).
	Rescored bool `json:"rescored,omitzero"`
	// Deleted reports whether it was deleted (deleted).
	Deleted bool `json:"deleted,omitzero"`
	// OTotalScore is the total score (oTotalScore).
	OTotalScore int64 `json:"oTotalScore,omitzero"`
	// OTotalCriticalScore is the total critical score (oTotalCriticalScore).
	OTotalCriticalScore int64 `json:"oTotalCriticalScore,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Survey is a survey sent for a conversation.
type Survey struct {
	// ID is the survey (surveyId).
	ID string `json:"surveyId,omitzero"`
	// FormID is the survey form (surveyFormId).
	FormID string `json:"surveyFormId,omitzero"`
	// FormName is the form's name (surveyFormName).
	FormName string `json:"surveyFormName,omitzero"`
	// FormContextID is the form context (surveyFormContextId).
	FormContextID string `json:"surveyFormContextId,omitzero"`
	// Status is the survey's state, e.g. Finished (surveyStatus).
	Status string `json:"surveyStatus,omitzero"`
	// Type is the kind of survey (surveyType).
	Type SurveyType `json:"surveyType,omitzero"`
	// UserID is the agent (userId).
	UserID string `json:"userId,omitzero"`
	// QueueID is the queue (queueId).
	QueueID string `json:"queueId,omitzero"`
	// EventTime is when the survey event happened (eventTime).
	EventTime time.Time `json:"eventTime,omitzero"`
	// CompletedDate is when the survey was completed (surveyCompletedDate).
	CompletedDate time.Time `json:"surveyCompletedDate,omitzero"`
	// PromoterScore is the net promoter score (surveyPromoterScore).
	PromoterScore int64 `json:"surveyPromoterScore,omitzero"`
	// OSurveyTotalScore is the total score (oSurveyTotalScore).
	OSurveyTotalScore int64 `json:"oSurveyTotalScore,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}

// Resolution is a resolution record of a conversation.
type Resolution struct {
	// QueueID is the queue (queueId).
	QueueID string `json:"queueId,omitzero"`
	// UserID is the agent (userId).
	UserID string `json:"userId,omitzero"`
	// EventTime is when the resolution event happened (eventTime).
	EventTime time.Time `json:"eventTime,omitzero"`
	// NNextContactAvoided counts next contacts avoided
	// (nNextContactAvoided).
	NNextContactAvoided int64 `json:"nNextContactAvoided,omitzero"`
	// Extra holds the JSON members the model does not know (see
	// [Conversation]).
	Extra jsontext.Value `json:",embed"`

	has uint64
}
