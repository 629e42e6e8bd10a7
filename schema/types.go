package schema

// This file is the one place where value types are assigned to catalog
// fields. enums.json lists the field names but not their types; the table
// below is curated by hand from the Genesys Cloud SDK response models
// (AnalyticsConversation, AnalyticsParticipant, AnalyticsSession,
// AnalyticsConversationSegment, AnalyticsEvaluation, AnalyticsSurvey) and the
// CONTRACT. TestTypeTable checks that every catalog field has a type, that
// every enum field has values and that every name below is in the catalog.
//
// Metrics are typed by their prefix, the Genesys naming convention:
//   - t* (tHandle, tSegmentDuration): TypeDuration, milliseconds;
//   - n* (nConnected, nNextContactAvoided): TypeCount;
//   - o* (oTotalScore, oMediaCount): TypeNumber. Some o* metrics are counts in
//     practice (oMediaCount, oMessageTurn), but the API calls all o*
//     "observations" with no unit, so they are plain numbers.
//
// Dimensions are listed by type below. Choices worth a note:
//   - uuid is used only for ids of Genesys objects (queue, user, division,
//     edge, flow, team, participant, external contact, campaign, contact
//     list, script, skill, language, evaluation form, ...). Ids that are not
//     Genesys UUIDs stay string: outboundContactId (dialer contact ids are
//     chosen by the contact list and are often not UUIDs), journeyCustomerId
//     and journeyCustomerSessionId (cookie or external ids of any form),
//     protocolCallId (SIP Call-ID), errorCode (a text code such as
//     "error.ininedgecontrol.session.inactive").
//   - wrapUpCode is string, not uuid: users filter on code names such as
//     "Case-Closed" and system codes such as "ININ-WRAP-UP-TIMEOUT" are not
//     UUIDs either.
//   - flowVersion is string: the SDK types it so and Genesys reports versions
//     like "2.0".
//   - remoteNameDisplayable is string although its name reads like a flag:
//     the Go and .NET SDKs (AnalyticsSession.remoteNameDisplayable) type it as a string
//     (the displayable name of the remote party), so a bool check would
//     reject real values.
//   - enum is used exactly where enums.json responseEnums lists the values,
//     and filter values are checked strictly against the list: the API
//     answers an unknown enum value in a filter with 400. (Responses are a
//     different matter: decoders must tolerate new values.)
//     requestedRouting takes the session.usedRouting list: the SDK declares
//     the same values for requestedRoutings[]. Fields whose values are open
//     ended in the SDK (messageType, surveyStatus, transferType, flowOutType,
//     flowOutcomeValue, journeyCustomerIdType, exitReason, provider) are
//     string, so values the service adds later are not rejected.
//   - integer: sipResponseCode, mediaCount and surveyPromoterScore (0-10).
//   - number: mediaStatsMinConversationMos (a MOS such as 4.32) is a
//     dimension but compared as a number.
//   - bool: flags such as conference, recording, customerParticipation; the
//     value is the string "true" or "false".
//   - datetime: conversationStart/End, segmentEnd, callbackScheduledTime,
//     detectedSpeechStart/End (DateTime in AnalyticsSession), eventTime,
//     surveyCompletedDate; the value is
//     an RFC 3339 instant or an interval "start/end".

// fieldType returns the value type of the catalog field of kind k called
// name, and for TypeEnum the list of allowed values. It returns "" for a name
// the table does not know (a test keeps that from happening).
func fieldType(k Kind, name string) (ValueType, enumList) {
	if k == MetricKind {
		switch {
		case name == "":
			return "", enumNone
		case name[0] == 't':
			return TypeDuration, enumNone
		case name[0] == 'n':
			return TypeCount, enumNone
		case name[0] == 'o':
			return TypeNumber, enumNone
		}
		return "", enumNone
	}
	switch name {
	// Enumerated values from enums.json responseEnums.
	case "conversationInitiator":
		return TypeEnum, enumConversationConversationInitiator
	case "originatingDirection":
		return TypeEnum, enumConversationOriginatingDirection
	case "purpose":
		return TypeEnum, enumParticipantPurpose
	case "flaggedReason":
		return TypeEnum, enumParticipantFlaggedReason
	case "mediaType":
		return TypeEnum, enumSessionMediaType
	case "direction":
		return TypeEnum, enumSessionDirection
	case "deliveryStatus":
		return TypeEnum, enumSessionDeliveryStatus
	case "engagementSource":
		return TypeEnum, enumSessionEngagementSource
	case "usedRouting", "requestedRouting":
		return TypeEnum, enumSessionUsedRouting
	case "segmentType":
		return TypeEnum, enumSegmentSegmentType
	case "disconnectType":
		return TypeEnum, enumSegmentDisconnectType
	case "evaluationStatus":
		return TypeEnum, enumEvaluationEvaluationStatus
	case "surveyType":
		return TypeEnum, enumSurveySurveyType

	// Genesys object ids.
	case "conversationId", "divisionId",
		"agentAssistantId", "bargedParticipantId", "canonicalExternalContactId",
		"coachedParticipantId", "destinationConversationId", "edgeId",
		"externalContactId", "externalOrganizationId", "flowId", "flowOutcomeId",
		"groupId", "journeyActionId", "journeyActionMapId", "monitoredParticipantId",
		"outboundCampaignId", "outboundContactListId", "queueId", "requestedLanguageId",
		"requestedRoutingSkillId", "scoredAgentId", "screenMonitoredUserId", "scriptId",
		"skillExpressionId", "teamId", "userId",
		"assigneeId", "calibrationId", "contextId", "evaluationId", "evaluatorId", "formId",
		"surveyFormContextId", "surveyFormId", "surveyId":
		return TypeUUID, enumNone

	// Instants or intervals.
	case "conversationStart", "conversationEnd",
		"callbackScheduledTime", "detectedSpeechEnd", "detectedSpeechStart", "segmentEnd",
		"eventTime", "surveyCompletedDate":
		return TypeDateTime, enumNone

	// Flags.
	case "customerParticipation", "originatingSocialMediaPublic",
		"agentOwned", "authenticated", "cleared", "conference", "deliveryPushed",
		"recording", "screenRecording", "snippetRecording",
		"assigneeApplicable", "deleted", "released", "rescored", "systemSubmitted",
		"surveyPartialResponse":
		return TypeBool, enumNone

	// Whole numbers.
	case "sipResponseCode", "mediaCount", "surveyPromoterScore":
		return TypeInteger, enumNone

	// Real numbers.
	case "mediaStatsMinConversationMos":
		return TypeNumber, enumNone

	// Free text.
	case "accessAttribute", "externalTag",
		"addressFrom", "addressTo", "ani", "callbackNumber", "destinationAddress", "dnis",
		"errorCode", "exitReason", "extendedDeliveryStatus", "flowName", "flowOutType",
		"flowOutcome", "flowOutcomeValue", "flowVersion", "journeyCustomerId",
		"journeyCustomerIdType", "journeyCustomerSessionId", "messageType",
		"outboundContactId", "participantName", "protocolCallId", "provider", "remote",
		"remoteNameDisplayable", "sessionDnis", "subject", "transferTargetAddress", "transferTargetName",
		"transferType", "wrapUpCode", "wrapUpNote",
		"formName", "surveyStatus":
		return TypeString, enumNone
	}
	return "", enumNone
}
