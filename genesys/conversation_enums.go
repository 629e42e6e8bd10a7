// Enum types of the conversation model. The constants mirror responseEnums in
// the contract (enums.json); TestEnumsMatchContract checks they stay in step.

package genesys

import "github.com/go-json-experiment/json/jsontext"

// Direction is the direction of a conversation (originatingDirection) or a session (direction).
// The constants are the values the contract lists (session.direction); the service adds
// values over time, so any other string decodes unchanged and [Direction.Valid] reports false.
type Direction string

// Values of Direction listed by the contract.
const (
	DirectionInbound  Direction = "inbound"
	DirectionOutbound Direction = "outbound"
)

// Valid reports whether t is one of the values the contract lists.
func (t Direction) Valid() bool {
	_, ok := internDirection(string(t))
	return ok
}

// internDirection returns the constant equal to s, so that decoded values share the memory of the constant.
func internDirection(s string) (Direction, bool) {
	switch s {
	case "inbound":
		return DirectionInbound, true
	case "outbound":
		return DirectionOutbound, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *Direction) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internDirection)
	*t = s
	return err
}

// Purpose is the role of a participant (purpose); the same values describe who started a conversation (conversationInitiator).
// The constants are the values the contract lists (participant.purpose); the service adds
// values over time, so any other string decodes unchanged and [Purpose.Valid] reports false.
type Purpose string

// Values of Purpose listed by the contract.
const (
	PurposeAcd             Purpose = "acd"
	PurposeAgent           Purpose = "agent"
	PurposeApi             Purpose = "api"
	PurposeBotFlow         Purpose = "botflow"
	PurposeCampaign        Purpose = "campaign"
	PurposeCustomer        Purpose = "customer"
	PurposeDialer          Purpose = "dialer"
	PurposeExternal        Purpose = "external"
	PurposeFax             Purpose = "fax"
	PurposeGroup           Purpose = "group"
	PurposeInbound         Purpose = "inbound"
	PurposeIvr             Purpose = "ivr"
	PurposeManual          Purpose = "manual"
	PurposeOutbound        Purpose = "outbound"
	PurposeStation         Purpose = "station"
	PurposeUser            Purpose = "user"
	PurposeVoicemail       Purpose = "voicemail"
	PurposeVoiceSurveyFlow Purpose = "voicesurveyflow"
	PurposeWorkflow        Purpose = "workflow"
)

// Valid reports whether t is one of the values the contract lists.
func (t Purpose) Valid() bool {
	_, ok := internPurpose(string(t))
	return ok
}

// internPurpose returns the constant equal to s, so that decoded values share the memory of the constant.
func internPurpose(s string) (Purpose, bool) {
	switch s {
	case "acd":
		return PurposeAcd, true
	case "agent":
		return PurposeAgent, true
	case "api":
		return PurposeApi, true
	case "botflow":
		return PurposeBotFlow, true
	case "campaign":
		return PurposeCampaign, true
	case "customer":
		return PurposeCustomer, true
	case "dialer":
		return PurposeDialer, true
	case "external":
		return PurposeExternal, true
	case "fax":
		return PurposeFax, true
	case "group":
		return PurposeGroup, true
	case "inbound":
		return PurposeInbound, true
	case "ivr":
		return PurposeIvr, true
	case "manual":
		return PurposeManual, true
	case "outbound":
		return PurposeOutbound, true
	case "station":
		return PurposeStation, true
	case "user":
		return PurposeUser, true
	case "voicemail":
		return PurposeVoicemail, true
	case "voicesurveyflow":
		return PurposeVoiceSurveyFlow, true
	case "workflow":
		return PurposeWorkflow, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *Purpose) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internPurpose)
	*t = s
	return err
}

// FlaggedReason is why a participant was flagged (flaggedReason).
// The constants are the values the contract lists (participant.flaggedReason); the service adds
// values over time, so any other string decodes unchanged and [FlaggedReason.Valid] reports false.
type FlaggedReason string

// Values of FlaggedReason listed by the contract.
const (
	FlaggedReasonGeneral FlaggedReason = "general"
)

// Valid reports whether t is one of the values the contract lists.
func (t FlaggedReason) Valid() bool {
	_, ok := internFlaggedReason(string(t))
	return ok
}

// internFlaggedReason returns the constant equal to s, so that decoded values share the memory of the constant.
func internFlaggedReason(s string) (FlaggedReason, bool) {
	switch s {
	case "general":
		return FlaggedReasonGeneral, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *FlaggedReason) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internFlaggedReason)
	*t = s
	return err
}

// MediaType is the media of a session (mediaType).
// The constants are the values the contract lists (session.mediaType); the service adds
// values over time, so any other string decodes unchanged and [MediaType.Valid] reports false.
type MediaType string

// Values of MediaType listed by the contract.
const (
	MediaTypeCallback         MediaType = "callback"
	MediaTypeChat             MediaType = "chat"
	MediaTypeCobrowse         MediaType = "cobrowse"
	MediaTypeEmail            MediaType = "email"
	MediaTypeInternalMessage  MediaType = "internalmessage"
	MediaTypeMessage          MediaType = "message"
	MediaTypeScreenMonitoring MediaType = "screenmonitoring"
	MediaTypeScreenShare      MediaType = "screenshare"
	MediaTypeUnknown          MediaType = "unknown"
	MediaTypeVideo            MediaType = "video"
	MediaTypeVoice            MediaType = "voice"
)

// Valid reports whether t is one of the values the contract lists.
func (t MediaType) Valid() bool {
	_, ok := internMediaType(string(t))
	return ok
}

// internMediaType returns the constant equal to s, so that decoded values share the memory of the constant.
func internMediaType(s string) (MediaType, bool) {
	switch s {
	case "callback":
		return MediaTypeCallback, true
	case "chat":
		return MediaTypeChat, true
	case "cobrowse":
		return MediaTypeCobrowse, true
	case "email":
		return MediaTypeEmail, true
	case "internalmessage":
		return MediaTypeInternalMessage, true
	case "message":
		return MediaTypeMessage, true
	case "screenmonitoring":
		return MediaTypeScreenMonitoring, true
	case "screenshare":
		return MediaTypeScreenShare, true
	case "unknown":
		return MediaTypeUnknown, true
	case "video":
		return MediaTypeVideo, true
	case "voice":
		return MediaTypeVoice, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *MediaType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internMediaType)
	*t = s
	return err
}

// DeliveryStatus is the delivery status of an email or message session (deliveryStatus).
// The constants are the values the contract lists (session.deliveryStatus); the service adds
// values over time, so any other string decodes unchanged and [DeliveryStatus.Valid] reports false.
type DeliveryStatus string

// Values of DeliveryStatus listed by the contract.
const (
	DeliveryStatusDeliveryFailed  DeliveryStatus = "DeliveryFailed"
	DeliveryStatusDeliveryPushed  DeliveryStatus = "DeliveryPushed"
	DeliveryStatusDeliverySuccess DeliveryStatus = "DeliverySuccess"
	DeliveryStatusFailed          DeliveryStatus = "Failed"
	DeliveryStatusPublished       DeliveryStatus = "Published"
	DeliveryStatusQueued          DeliveryStatus = "Queued"
	DeliveryStatusRead            DeliveryStatus = "Read"
	DeliveryStatusReceived        DeliveryStatus = "Received"
	DeliveryStatusSent            DeliveryStatus = "Sent"
)

// Valid reports whether t is one of the values the contract lists.
func (t DeliveryStatus) Valid() bool {
	_, ok := internDeliveryStatus(string(t))
	return ok
}

// internDeliveryStatus returns the constant equal to s, so that decoded values share the memory of the constant.
func internDeliveryStatus(s string) (DeliveryStatus, bool) {
	switch s {
	case "DeliveryFailed":
		return DeliveryStatusDeliveryFailed, true
	case "DeliveryPushed":
		return DeliveryStatusDeliveryPushed, true
	case "DeliverySuccess":
		return DeliveryStatusDeliverySuccess, true
	case "Failed":
		return DeliveryStatusFailed, true
	case "Published":
		return DeliveryStatusPublished, true
	case "Queued":
		return DeliveryStatusQueued, true
	case "Read":
		return DeliveryStatusRead, true
	case "Received":
		return DeliveryStatusReceived, true
	case "Sent":
		return DeliveryStatusSent, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *DeliveryStatus) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internDeliveryStatus)
	*t = s
	return err
}

// EngagementSource is the messaging platform a session came from (engagementSource).
// The constants are the values the contract lists (session.engagementSource); the service adds
// values over time, so any other string decodes unchanged and [EngagementSource.Valid] reports false.
type EngagementSource string

// Values of EngagementSource listed by the contract.
const (
	EngagementSourceAppleMessagesForBusiness EngagementSource = "AppleMessagesForBusiness"
	EngagementSourceDiscord                  EngagementSource = "Discord"
	EngagementSourceEmail                    EngagementSource = "Email"
	EngagementSourceFacebook                 EngagementSource = "Facebook"
	EngagementSourceFacebookMessenger        EngagementSource = "FacebookMessenger"
	EngagementSourceGlassdoor                EngagementSource = "Glassdoor"
	EngagementSourceGoogleBusinessProfile    EngagementSource = "GoogleBusinessProfile"
	EngagementSourceInstagram                EngagementSource = "Instagram"
	EngagementSourceKakaoTalk                EngagementSource = "KakaoTalk"
	EngagementSourceLine                     EngagementSource = "Line"
	EngagementSourceLinkedIn                 EngagementSource = "LinkedIn"
	EngagementSourceMicrosoftTeams           EngagementSource = "MicrosoftTeams"
	EngagementSourceMobileChat               EngagementSource = "MobileChat"
	EngagementSourceOther                    EngagementSource = "Other"
	EngagementSourceQQ                       EngagementSource = "QQ"
	EngagementSourceReddit                   EngagementSource = "Reddit"
	EngagementSourceServiceNow               EngagementSource = "ServiceNow"
	EngagementSourceSFDC                     EngagementSource = "SFDC"
	EngagementSourceSMS                      EngagementSource = "SMS"
	EngagementSourceSnapchat                 EngagementSource = "Snapchat"
	EngagementSourceTelegram                 EngagementSource = "Telegram"
	EngagementSourceThreads                  EngagementSource = "Threads"
	EngagementSourceTrustpilot               EngagementSource = "Trustpilot"
	EngagementSourceUnspecified              EngagementSource = "Unspecified"
	EngagementSourceViber                    EngagementSource = "Viber"
	EngagementSourceWebChat                  EngagementSource = "WebChat"
	EngagementSourceWeChat                   EngagementSource = "WeChat"
	EngagementSourceWeibo                    EngagementSource = "Weibo"
	EngagementSourceWhatsApp                 EngagementSource = "WhatsApp"
	EngagementSourceX                        EngagementSource = "X"
	EngagementSourceYelp                     EngagementSource = "Yelp"
	EngagementSourceYouTube                  EngagementSource = "YouTube"
	EngagementSourceZendesk                  EngagementSource = "Zendesk"
	EngagementSourceOpenMessaging            EngagementSource = "OpenMessaging"
)

// Valid reports whether t is one of the values the contract lists.
func (t EngagementSource) Valid() bool {
	_, ok := internEngagementSource(string(t))
	return ok
}

// internEngagementSource returns the constant equal to s, so that decoded values share the memory of the constant.
func internEngagementSource(s string) (EngagementSource, bool) {
	switch s {
	case "AppleMessagesForBusiness":
		return EngagementSourceAppleMessagesForBusiness, true
	case "Discord":
		return EngagementSourceDiscord, true
	case "Email":
		return EngagementSourceEmail, true
	case "Facebook":
		return EngagementSourceFacebook, true
	case "FacebookMessenger":
		return EngagementSourceFacebookMessenger, true
	case "Glassdoor":
		return EngagementSourceGlassdoor, true
	case "GoogleBusinessProfile":
		return EngagementSourceGoogleBusinessProfile, true
	case "Instagram":
		return EngagementSourceInstagram, true
	case "KakaoTalk":
		return EngagementSourceKakaoTalk, true
	case "Line":
		return EngagementSourceLine, true
	case "LinkedIn":
		return EngagementSourceLinkedIn, true
	case "MicrosoftTeams":
		return EngagementSourceMicrosoftTeams, true
	case "MobileChat":
		return EngagementSourceMobileChat, true
	case "Other":
		return EngagementSourceOther, true
	case "QQ":
		return EngagementSourceQQ, true
	case "Reddit":
		return EngagementSourceReddit, true
	case "ServiceNow":
		return EngagementSourceServiceNow, true
	case "SFDC":
		return EngagementSourceSFDC, true
	case "SMS":
		return EngagementSourceSMS, true
	case "Snapchat":
		return EngagementSourceSnapchat, true
	case "Telegram":
		return EngagementSourceTelegram, true
	case "Threads":
		return EngagementSourceThreads, true
	case "Trustpilot":
		return EngagementSourceTrustpilot, true
	case "Unspecified":
		return EngagementSourceUnspecified, true
	case "Viber":
		return EngagementSourceViber, true
	case "WebChat":
		return EngagementSourceWebChat, true
	case "WeChat":
		return EngagementSourceWeChat, true
	case "Weibo":
		return EngagementSourceWeibo, true
	case "WhatsApp":
		return EngagementSourceWhatsApp, true
	case "X":
		return EngagementSourceX, true
	case "Yelp":
		return EngagementSourceYelp, true
	case "YouTube":
		return EngagementSourceYouTube, true
	case "Zendesk":
		return EngagementSourceZendesk, true
	case "OpenMessaging":
		return EngagementSourceOpenMessaging, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *EngagementSource) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internEngagementSource)
	*t = s
	return err
}

// RoutingRuleType is the routing rule type of a session (routingRuleType).
// The constants are the values the contract lists (session.routingRuleType); the service adds
// values over time, so any other string decodes unchanged and [RoutingRuleType.Valid] reports false.
type RoutingRuleType string

// Values of RoutingRuleType listed by the contract.
const (
	RoutingRuleTypeBullseye    RoutingRuleType = "Bullseye"
	RoutingRuleTypeConditional RoutingRuleType = "Conditional"
	RoutingRuleTypePredictive  RoutingRuleType = "Predictive"
	RoutingRuleTypePreferred   RoutingRuleType = "Preferred"
)

// Valid reports whether t is one of the values the contract lists.
func (t RoutingRuleType) Valid() bool {
	_, ok := internRoutingRuleType(string(t))
	return ok
}

// internRoutingRuleType returns the constant equal to s, so that decoded values share the memory of the constant.
func internRoutingRuleType(s string) (RoutingRuleType, bool) {
	switch s {
	case "Bullseye":
		return RoutingRuleTypeBullseye, true
	case "Conditional":
		return RoutingRuleTypeConditional, true
	case "Predictive":
		return RoutingRuleTypePredictive, true
	case "Preferred":
		return RoutingRuleTypePreferred, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *RoutingRuleType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internRoutingRuleType)
	*t = s
	return err
}

// Routing is a routing method (usedRouting, requestedRoutings).
// The constants are the values the contract lists (session.usedRouting); the service adds
// values over time, so any other string decodes unchanged and [Routing.Valid] reports false.
type Routing string

// Values of Routing listed by the contract.
const (
	RoutingBullseye    Routing = "Bullseye"
	RoutingConditional Routing = "Conditional"
	RoutingDirect      Routing = "Direct"
	RoutingLast        Routing = "Last"
	RoutingManual      Routing = "Manual"
	RoutingPredictive  Routing = "Predictive"
	RoutingPreferred   Routing = "Preferred"
	RoutingStandard    Routing = "Standard"
	RoutingVip         Routing = "Vip"
)

// Valid reports whether t is one of the values the contract lists.
func (t Routing) Valid() bool {
	_, ok := internRouting(string(t))
	return ok
}

// internRouting returns the constant equal to s, so that decoded values share the memory of the constant.
func internRouting(s string) (Routing, bool) {
	switch s {
	case "Bullseye":
		return RoutingBullseye, true
	case "Conditional":
		return RoutingConditional, true
	case "Direct":
		return RoutingDirect, true
	case "Last":
		return RoutingLast, true
	case "Manual":
		return RoutingManual, true
	case "Predictive":
		return RoutingPredictive, true
	case "Preferred":
		return RoutingPreferred, true
	case "Standard":
		return RoutingStandard, true
	case "Vip":
		return RoutingVip, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *Routing) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internRouting)
	*t = s
	return err
}

// AgentGroupType is the kind of a conditional-routing agent group (agentGroupType).
// The constants are the values the contract lists (session.agentGroups[].agentGroupType); the service adds
// values over time, so any other string decodes unchanged and [AgentGroupType.Valid] reports false.
type AgentGroupType string

// Values of AgentGroupType listed by the contract.
const (
	AgentGroupTypeGroup      AgentGroupType = "Group"
	AgentGroupTypeSkillGroup AgentGroupType = "SkillGroup"
	AgentGroupTypeTeam       AgentGroupType = "Team"
)

// Valid reports whether t is one of the values the contract lists.
func (t AgentGroupType) Valid() bool {
	_, ok := internAgentGroupType(string(t))
	return ok
}

// internAgentGroupType returns the constant equal to s, so that decoded values share the memory of the constant.
func internAgentGroupType(s string) (AgentGroupType, bool) {
	switch s {
	case "Group":
		return AgentGroupTypeGroup, true
	case "SkillGroup":
		return AgentGroupTypeSkillGroup, true
	case "Team":
		return AgentGroupTypeTeam, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *AgentGroupType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internAgentGroupType)
	*t = s
	return err
}

// FlowEntryType is how a flow was entered (flow.entryType).
// The constants are the values the contract lists (session.flow.entryType); the service adds
// values over time, so any other string decodes unchanged and [FlowEntryType.Valid] reports false.
type FlowEntryType string

// Values of FlowEntryType listed by the contract.
const (
	FlowEntryTypeAgent    FlowEntryType = "agent"
	FlowEntryTypeDirect   FlowEntryType = "direct"
	FlowEntryTypeDnis     FlowEntryType = "dnis"
	FlowEntryTypeFlow     FlowEntryType = "flow"
	FlowEntryTypeOutbound FlowEntryType = "outbound"
)

// Valid reports whether t is one of the values the contract lists.
func (t FlowEntryType) Valid() bool {
	_, ok := internFlowEntryType(string(t))
	return ok
}

// internFlowEntryType returns the constant equal to s, so that decoded values share the memory of the constant.
func internFlowEntryType(s string) (FlowEntryType, bool) {
	switch s {
	case "agent":
		return FlowEntryTypeAgent, true
	case "direct":
		return FlowEntryTypeDirect, true
	case "dnis":
		return FlowEntryTypeDnis, true
	case "flow":
		return FlowEntryTypeFlow, true
	case "outbound":
		return FlowEntryTypeOutbound, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *FlowEntryType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internFlowEntryType)
	*t = s
	return err
}

// FlowType is the Architect flow type (flow.flowType).
// The constants are the values the contract lists (session.flow.flowType); the service adds
// values over time, so any other string decodes unchanged and [FlowType.Valid] reports false.
type FlowType string

// Values of FlowType listed by the contract.
const (
	FlowTypeBot                 FlowType = "BOT"
	FlowTypeCommonModule        FlowType = "COMMONMODULE"
	FlowTypeDigitalBot          FlowType = "DIGITALBOT"
	FlowTypeEmailSend           FlowType = "EMAILSEND"
	FlowTypeInboundCall         FlowType = "INBOUNDCALL"
	FlowTypeInboundChat         FlowType = "INBOUNDCHAT"
	FlowTypeInboundEmail        FlowType = "INBOUNDEMAIL"
	FlowTypeInboundShortMessage FlowType = "INBOUNDSHORTMESSAGE"
	FlowTypeInQueueCall         FlowType = "INQUEUECALL"
	FlowTypeInQueueEmail        FlowType = "INQUEUEEMAIL"
	FlowTypeInQueueShortMessage FlowType = "INQUEUESHORTMESSAGE"
	FlowTypeOutboundCall        FlowType = "OUTBOUNDCALL"
	FlowTypeSecureCall          FlowType = "SECURECALL"
	FlowTypeSpeech              FlowType = "SPEECH"
	FlowTypeSurveyInvite        FlowType = "SURVEYINVITE"
	FlowTypeVoice               FlowType = "VOICE"
	FlowTypeVoicemail           FlowType = "VOICEMAIL"
	FlowTypeVoiceSurvey         FlowType = "VOICESURVEY"
	FlowTypeWorkflow            FlowType = "WORKFLOW"
	FlowTypeWorkItem            FlowType = "WORKITEM"
)

// Valid reports whether t is one of the values the contract lists.
func (t FlowType) Valid() bool {
	_, ok := internFlowType(string(t))
	return ok
}

// internFlowType returns the constant equal to s, so that decoded values share the memory of the constant.
func internFlowType(s string) (FlowType, bool) {
	switch s {
	case "BOT":
		return FlowTypeBot, true
	case "COMMONMODULE":
		return FlowTypeCommonModule, true
	case "DIGITALBOT":
		return FlowTypeDigitalBot, true
	case "EMAILSEND":
		return FlowTypeEmailSend, true
	case "INBOUNDCALL":
		return FlowTypeInboundCall, true
	case "INBOUNDCHAT":
		return FlowTypeInboundChat, true
	case "INBOUNDEMAIL":
		return FlowTypeInboundEmail, true
	case "INBOUNDSHORTMESSAGE":
		return FlowTypeInboundShortMessage, true
	case "INQUEUECALL":
		return FlowTypeInQueueCall, true
	case "INQUEUEEMAIL":
		return FlowTypeInQueueEmail, true
	case "INQUEUESHORTMESSAGE":
		return FlowTypeInQueueShortMessage, true
	case "OUTBOUNDCALL":
		return FlowTypeOutboundCall, true
	case "SECURECALL":
		return FlowTypeSecureCall, true
	case "SPEECH":
		return FlowTypeSpeech, true
	case "SURVEYINVITE":
		return FlowTypeSurveyInvite, true
	case "VOICE":
		return FlowTypeVoice, true
	case "VOICEMAIL":
		return FlowTypeVoicemail, true
	case "VOICESURVEY":
		return FlowTypeVoiceSurvey, true
	case "WORKFLOW":
		return FlowTypeWorkflow, true
	case "WORKITEM":
		return FlowTypeWorkItem, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *FlowType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internFlowType)
	*t = s
	return err
}

// SegmentType is the activity of a participant during a segment (segmentType).
// The constants are the values the contract lists (segment.segmentType); the service adds
// values over time, so any other string decodes unchanged and [SegmentType.Valid] reports false.
type SegmentType string

// Values of SegmentType listed by the contract.
const (
	SegmentTypeAlert            SegmentType = "alert"
	SegmentTypeBarging          SegmentType = "barging"
	SegmentTypeCallback         SegmentType = "callback"
	SegmentTypeCoaching         SegmentType = "coaching"
	SegmentTypeContacting       SegmentType = "contacting"
	SegmentTypeConverting       SegmentType = "converting"
	SegmentTypeDelay            SegmentType = "delay"
	SegmentTypeDialing          SegmentType = "dialing"
	SegmentTypeHold             SegmentType = "hold"
	SegmentTypeInteract         SegmentType = "interact"
	SegmentTypeIvr              SegmentType = "ivr"
	SegmentTypeMonitoring       SegmentType = "monitoring"
	SegmentTypeParked           SegmentType = "parked"
	SegmentTypeScheduled        SegmentType = "scheduled"
	SegmentTypeScreenMonitoring SegmentType = "screenmonitoring"
	SegmentTypeSharing          SegmentType = "sharing"
	SegmentTypeSystem           SegmentType = "system"
	SegmentTypeTransmitting     SegmentType = "transmitting"
	SegmentTypeUnknown          SegmentType = "unknown"
	SegmentTypeUploading        SegmentType = "uploading"
	SegmentTypeVoicemail        SegmentType = "voicemail"
	SegmentTypeWrapUp           SegmentType = "wrapup"
)

// Valid reports whether t is one of the values the contract lists.
func (t SegmentType) Valid() bool {
	_, ok := internSegmentType(string(t))
	return ok
}

// internSegmentType returns the constant equal to s, so that decoded values share the memory of the constant.
func internSegmentType(s string) (SegmentType, bool) {
	switch s {
	case "alert":
		return SegmentTypeAlert, true
	case "barging":
		return SegmentTypeBarging, true
	case "callback":
		return SegmentTypeCallback, true
	case "coaching":
		return SegmentTypeCoaching, true
	case "contacting":
		return SegmentTypeContacting, true
	case "converting":
		return SegmentTypeConverting, true
	case "delay":
		return SegmentTypeDelay, true
	case "dialing":
		return SegmentTypeDialing, true
	case "hold":
		return SegmentTypeHold, true
	case "interact":
		return SegmentTypeInteract, true
	case "ivr":
		return SegmentTypeIvr, true
	case "monitoring":
		return SegmentTypeMonitoring, true
	case "parked":
		return SegmentTypeParked, true
	case "scheduled":
		return SegmentTypeScheduled, true
	case "screenmonitoring":
		return SegmentTypeScreenMonitoring, true
	case "sharing":
		return SegmentTypeSharing, true
	case "system":
		return SegmentTypeSystem, true
	case "transmitting":
		return SegmentTypeTransmitting, true
	case "unknown":
		return SegmentTypeUnknown, true
	case "uploading":
		return SegmentTypeUploading, true
	case "voicemail":
		return SegmentTypeVoicemail, true
	case "wrapup":
		return SegmentTypeWrapUp, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *SegmentType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internSegmentType)
	*t = s
	return err
}

// DisconnectType is the event that ended a segment (disconnectType).
// The constants are the values the contract lists (segment.disconnectType); the service adds
// values over time, so any other string decodes unchanged and [DisconnectType.Valid] reports false.
type DisconnectType string

// Values of DisconnectType listed by the contract.
const (
	DisconnectTypeClient               DisconnectType = "client"
	DisconnectTypeConferenceTransfer   DisconnectType = "conferenceTransfer"
	DisconnectTypeConsultTransfer      DisconnectType = "consultTransfer"
	DisconnectTypeDndEndpoint          DisconnectType = "dndEndpoint"
	DisconnectTypeDndTransfer          DisconnectType = "dndTransfer"
	DisconnectTypeEndpoint             DisconnectType = "endpoint"
	DisconnectTypeError                DisconnectType = "error"
	DisconnectTypeForwardTransfer      DisconnectType = "forwardTransfer"
	DisconnectTypeInactivity           DisconnectType = "inactivity"
	DisconnectTypeNoAnswerTransfer     DisconnectType = "noAnswerTransfer"
	DisconnectTypeNotAvailableTransfer DisconnectType = "notAvailableTransfer"
	DisconnectTypeOther                DisconnectType = "other"
	DisconnectTypePeer                 DisconnectType = "peer"
	DisconnectTypeSessionExpired       DisconnectType = "sessionExpired"
	DisconnectTypeSpam                 DisconnectType = "spam"
	DisconnectTypeSystem               DisconnectType = "system"
	DisconnectTypeTakeover             DisconnectType = "takeover"
	DisconnectTypeTimeout              DisconnectType = "timeout"
	DisconnectTypeTransfer             DisconnectType = "transfer"
	DisconnectTypeTransportFailure     DisconnectType = "transportFailure"
	DisconnectTypeUncallable           DisconnectType = "uncallable"
)

// Valid reports whether t is one of the values the contract lists.
func (t DisconnectType) Valid() bool {
	_, ok := internDisconnectType(string(t))
	return ok
}

// internDisconnectType returns the constant equal to s, so that decoded values share the memory of the constant.
func internDisconnectType(s string) (DisconnectType, bool) {
	switch s {
	case "client":
		return DisconnectTypeClient, true
	case "conferenceTransfer":
		return DisconnectTypeConferenceTransfer, true
	case "consultTransfer":
		return DisconnectTypeConsultTransfer, true
	case "dndEndpoint":
		return DisconnectTypeDndEndpoint, true
	case "dndTransfer":
		return DisconnectTypeDndTransfer, true
	case "endpoint":
		return DisconnectTypeEndpoint, true
	case "error":
		return DisconnectTypeError, true
	case "forwardTransfer":
		return DisconnectTypeForwardTransfer, true
	case "inactivity":
		return DisconnectTypeInactivity, true
	case "noAnswerTransfer":
		return DisconnectTypeNoAnswerTransfer, true
	case "notAvailableTransfer":
		return DisconnectTypeNotAvailableTransfer, true
	case "other":
		return DisconnectTypeOther, true
	case "peer":
		return DisconnectTypePeer, true
	case "sessionExpired":
		return DisconnectTypeSessionExpired, true
	case "spam":
		return DisconnectTypeSpam, true
	case "system":
		return DisconnectTypeSystem, true
	case "takeover":
		return DisconnectTypeTakeover, true
	case "timeout":
		return DisconnectTypeTimeout, true
	case "transfer":
		return DisconnectTypeTransfer, true
	case "transportFailure":
		return DisconnectTypeTransportFailure, true
	case "uncallable":
		return DisconnectTypeUncallable, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *DisconnectType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internDisconnectType)
	*t = s
	return err
}

// PropertyType is the value type of a segment property (propertyType).
// The constants are the values the contract lists (segment.properties[].propertyType); the service adds
// values over time, so any other string decodes unchanged and [PropertyType.Valid] reports false.
type PropertyType string

// Values of PropertyType listed by the contract.
const (
	PropertyTypeBool    PropertyType = "bool"
	PropertyTypeInteger PropertyType = "integer"
	PropertyTypeReal    PropertyType = "real"
	PropertyTypeDate    PropertyType = "date"
	PropertyTypeString  PropertyType = "string"
	PropertyTypeUuid    PropertyType = "uuid"
)

// Valid reports whether t is one of the values the contract lists.
func (t PropertyType) Valid() bool {
	_, ok := internPropertyType(string(t))
	return ok
}

// internPropertyType returns the constant equal to s, so that decoded values share the memory of the constant.
func internPropertyType(s string) (PropertyType, bool) {
	switch s {
	case "bool":
		return PropertyTypeBool, true
	case "integer":
		return PropertyTypeInteger, true
	case "real":
		return PropertyTypeReal, true
	case "date":
		return PropertyTypeDate, true
	case "string":
		return PropertyTypeString, true
	case "uuid":
		return PropertyTypeUuid, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *PropertyType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internPropertyType)
	*t = s
	return err
}

// EvaluationStatus is the state of a quality evaluation (evaluationStatus).
// The constants are the values the contract lists (evaluation.evaluationStatus); the service adds
// values over time, so any other string decodes unchanged and [EvaluationStatus.Valid] reports false.
type EvaluationStatus string

// Values of EvaluationStatus listed by the contract.
const (
	EvaluationStatusFinished   EvaluationStatus = "Finished"
	EvaluationStatusInProgress EvaluationStatus = "InProgress"
	EvaluationStatusInReview   EvaluationStatus = "InReview"
	EvaluationStatusPending    EvaluationStatus = "Pending"
	EvaluationStatusRetracted  EvaluationStatus = "Retracted"
)

// Valid reports whether t is one of the values the contract lists.
func (t EvaluationStatus) Valid() bool {
	_, ok := internEvaluationStatus(string(t))
	return ok
}

// internEvaluationStatus returns the constant equal to s, so that decoded values share the memory of the constant.
func internEvaluationStatus(s string) (EvaluationStatus, bool) {
	switch s {
	case "Finished":
		return EvaluationStatusFinished, true
	case "InProgress":
		return EvaluationStatusInProgress, true
	case "InReview":
		return EvaluationStatusInReview, true
	case "Pending":
		return EvaluationStatusPending, true
	case "Retracted":
		return EvaluationStatusRetracted, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *EvaluationStatus) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internEvaluationStatus)
	*t = s
	return err
}

// SurveyType is the kind of a survey (surveyType).
// The constants are the values the contract lists (survey.surveyType); the service adds
// values over time, so any other string decodes unchanged and [SurveyType.Valid] reports false.
type SurveyType string

// Values of SurveyType listed by the contract.
const (
	SurveyTypeWeb   SurveyType = "Web"
	SurveyTypeVoice SurveyType = "Voice"
)

// Valid reports whether t is one of the values the contract lists.
func (t SurveyType) Valid() bool {
	_, ok := internSurveyType(string(t))
	return ok
}

// internSurveyType returns the constant equal to s, so that decoded values share the memory of the constant.
func internSurveyType(s string) (SurveyType, bool) {
	switch s {
	case "Web":
		return SurveyTypeWeb, true
	case "Voice":
		return SurveyTypeVoice, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *SurveyType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internSurveyType)
	*t = s
	return err
}

// AggregationType is the kind of an aggregation result (type).
// The constants are the values the contract lists (aggregationResult.type); the service adds
// values over time, so any other string decodes unchanged and [AggregationType.Valid] reports false.
type AggregationType string

// Values of AggregationType listed by the contract.
const (
	AggregationTypeTermFrequency AggregationType = "termFrequency"
	AggregationTypeNumericRange  AggregationType = "numericRange"
)

// Valid reports whether t is one of the values the contract lists.
func (t AggregationType) Valid() bool {
	_, ok := internAggregationType(string(t))
	return ok
}

// internAggregationType returns the constant equal to s, so that decoded values share the memory of the constant.
func internAggregationType(s string) (AggregationType, bool) {
	switch s {
	case "termFrequency":
		return AggregationTypeTermFrequency, true
	case "numericRange":
		return AggregationTypeNumericRange, true
	}
	return "", false
}

// UnmarshalJSONFrom decodes a JSON string (null decodes as ""). Known values are interned. It implements json.UnmarshalerFrom.
func (t *AggregationType) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	s, err := decodeEnum(dec, internAggregationType)
	*t = s
	return err
}

// internMetricName returns the known metric name equal to s as a constant.
func internMetricName(s string) (string, bool) {
	switch s {
	case "nBlindTransferred":
		return "nBlindTransferred", true
	case "nBotInteractions":
		return "nBotInteractions", true
	case "nCallbackAttempts":
		return "nCallbackAttempts", true
	case "nCallbackOverSla":
		return "nCallbackOverSla", true
	case "nCallbackScheduled":
		return "nCallbackScheduled", true
	case "nCobrowseSessions":
		return "nCobrowseSessions", true
	case "nConnected":
		return "nConnected", true
	case "nConsult":
		return "nConsult", true
	case "nConsultTransferred":
		return "nConsultTransferred", true
	case "nConversations":
		return "nConversations", true
	case "nError":
		return "nError", true
	case "nFlow":
		return "nFlow", true
	case "nFlowMilestone":
		return "nFlowMilestone", true
	case "nFlowOutcome":
		return "nFlowOutcome", true
	case "nFlowOutcomeFailed":
		return "nFlowOutcomeFailed", true
	case "nNextContactAvoided":
		return "nNextContactAvoided", true
	case "nOffered":
		return "nOffered", true
	case "nOutbound":
		return "nOutbound", true
	case "nOutboundAbandoned":
		return "nOutboundAbandoned", true
	case "nOutboundAttempted":
		return "nOutboundAttempted", true
	case "nOutboundConnected":
		return "nOutboundConnected", true
	case "nOverSla":
		return "nOverSla", true
	case "nStateTransitionError":
		return "nStateTransitionError", true
	case "nTakeover":
		return "nTakeover", true
	case "nTransferred":
		return "nTransferred", true
	case "oAudioMessageCount":
		return "oAudioMessageCount", true
	case "oExternalAudioMessageCount":
		return "oExternalAudioMessageCount", true
	case "oExternalMediaCount":
		return "oExternalMediaCount", true
	case "oFlowMilestone":
		return "oFlowMilestone", true
	case "oMediaCount":
		return "oMediaCount", true
	case "oMessageCount":
		return "oMessageCount", true
	case "oMessageSegmentCount":
		return "oMessageSegmentCount", true
	case "oMessageTurn":
		return "oMessageTurn", true
	case "oSkillExpressionApplications":
		return "oSkillExpressionApplications", true
	case "oSurveyTotalScore":
		return "oSurveyTotalScore", true
	case "oTotalCriticalScore":
		return "oTotalCriticalScore", true
	case "oTotalScore":
		return "oTotalScore", true
	case "tAbandon":
		return "tAbandon", true
	case "tAcd":
		return "tAcd", true
	case "tActiveCallback":
		return "tActiveCallback", true
	case "tActiveCallbackComplete":
		return "tActiveCallbackComplete", true
	case "tAcw":
		return "tAcw", true
	case "tAgentResponseTime":
		return "tAgentResponseTime", true
	case "tAgentVideoConnected":
		return "tAgentVideoConnected", true
	case "tAlert":
		return "tAlert", true
	case "tAnswered":
		return "tAnswered", true
	case "tAverageAgentResponseTime":
		return "tAverageAgentResponseTime", true
	case "tAverageCustomerResponseTime":
		return "tAverageCustomerResponseTime", true
	case "tBarging":
		return "tBarging", true
	case "tCoaching":
		return "tCoaching", true
	case "tCoachingComplete":
		return "tCoachingComplete", true
	case "tConnected":
		return "tConnected", true
	case "tContacting":
		return "tContacting", true
	case "tConversationDuration":
		return "tConversationDuration", true
	case "tDialing":
		return "tDialing", true
	case "tFirstConnect":
		return "tFirstConnect", true
	case "tFirstDial":
		return "tFirstDial", true
	case "tFirstEngagement":
		return "tFirstEngagement", true
	case "tFirstResponse":
		return "tFirstResponse", true
	case "tFlow":
		return "tFlow", true
	case "tFlowDisconnect":
		return "tFlowDisconnect", true
	case "tFlowExit":
		return "tFlowExit", true
	case "tFlowOut":
		return "tFlowOut", true
	case "tFlowOutcome":
		return "tFlowOutcome", true
	case "tHandle":
		return "tHandle", true
	case "tHeld":
		return "tHeld", true
	case "tHeldComplete":
		return "tHeldComplete", true
	case "tIvr":
		return "tIvr", true
	case "tMonitoring":
		return "tMonitoring", true
	case "tMonitoringComplete":
		return "tMonitoringComplete", true
	case "tNotResponding":
		return "tNotResponding", true
	case "tPark":
		return "tPark", true
	case "tParkComplete":
		return "tParkComplete", true
	case "tScreenMonitoring":
		return "tScreenMonitoring", true
	case "tSegmentDuration":
		return "tSegmentDuration", true
	case "tShortAbandon":
		return "tShortAbandon", true
	case "tSnippetRecord":
		return "tSnippetRecord", true
	case "tTalk":
		return "tTalk", true
	case "tTalkComplete":
		return "tTalkComplete", true
	case "tTransmitting":
		return "tTransmitting", true
	case "tUserResponseTime":
		return "tUserResponseTime", true
	case "tVoicemail":
		return "tVoicemail", true
	}
	return "", false
}
