package genesys

// This file holds the JSON codec of the conversation model: one decode and
// one append function per type, in the order of the fields in
// conversation.go. TestCodecGenerated writes it from the struct definitions
// (-update-conversation) and fails when it is stale. Decoding runs on input
// that jsontext has already validated (see conversation_scan.go); encoding
// writes the typed fields, then Extra.

// scratch holds reusable element buffers, one per element type, so that each
// decoded array costs exactly one allocation.
type scratch struct {
	scEvaluation        []Evaluation
	scSurvey            []Survey
	scResolution        []Resolution
	scParticipant       []Participant
	scSession           []Session
	scRouting           []Routing
	scMediaEndpointStat []MediaEndpointStat
	scMetric            []Metric
	scSegment           []Segment
	scScoredAgent       []ScoredAgent
	scSegmentProperty   []SegmentProperty
	scConversation      []Conversation
	scAggregationResult []AggregationResult
	scAggregationBucket []AggregationBucket
	scString            []string
	scInt               []int
}

// decodeConversation decodes one Conversation object.
func (d *scanner) decodeConversation(x *Conversation) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "conversationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "conversationStart":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.Start, err = d.time()
		case "conversationEnd":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.End, err = d.time()
		case "originatingDirection":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.OriginatingDirection, err = scanEnum(d, internDirection)
		case "conversationInitiator":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.ConversationInitiator, err = scanEnum(d, internPurpose)
		case "customerParticipation":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.CustomerParticipation, err = d.bool()
		case "divisionIds":
			if d.skipNull() {
				continue
			}
			x.DivisionIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "externalTag":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.ExternalTag, err = d.str()
		case "knowledgeBaseIds":
			if d.skipNull() {
				continue
			}
			x.KnowledgeBaseIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "mediaStatsMinConversationMos":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.MediaStatsMinConversationMOS, err = d.float64()
		case "mediaStatsMinConversationRFactor":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.MediaStatsMinConversationRFactor, err = d.float64()
		case "selfServed":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.SelfServed, err = d.bool()
		case "evaluations":
			if d.skipNull() {
				continue
			}
			x.Evaluations, err = scanObjects(d, &d.scEvaluation, (*scanner).decodeEvaluation)
		case "surveys":
			if d.skipNull() {
				continue
			}
			x.Surveys, err = scanObjects(d, &d.scSurvey, (*scanner).decodeSurvey)
		case "resolutions":
			if d.skipNull() {
				continue
			}
			x.Resolutions, err = scanObjects(d, &d.scResolution, (*scanner).decodeResolution)
		case "participants":
			if d.skipNull() {
				continue
			}
			x.Participants, err = scanObjects(d, &d.scParticipant, (*scanner).decodeParticipant)
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeParticipant decodes one Participant object.
func (d *scanner) decodeParticipant(x *Participant) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "participantId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "participantName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.Name, err = d.str()
		case "purpose":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Purpose, err = scanEnum(d, internPurpose)
		case "userId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.UserID, err = d.str()
		case "teamId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.TeamID, err = d.str()
		case "externalContactId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.ExternalContactID, err = d.str()
		case "externalOrganizationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.ExternalOrganizationID, err = d.str()
		case "flaggedReason":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.FlaggedReason, err = scanEnum(d, internFlaggedReason)
		case "screenRecording":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.ScreenRecording, err = d.bool()
		case "attributes":
			if d.skipNull() {
				continue
			}
			x.Attributes, err = d.attributes()
		case "sessions":
			if d.skipNull() {
				continue
			}
			x.Sessions, err = scanObjects(d, &d.scSession, (*scanner).decodeSession)
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeSession decodes one Session object.
func (d *scanner) decodeSession(x *Session) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "sessionId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "mediaType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.MediaType, err = scanEnum(d, internMediaType)
		case "direction":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Direction, err = scanEnum(d, internDirection)
		case "messageType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.MessageType, err = d.str()
		case "ani":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.ANI, err = d.str()
		case "dnis":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.DNIS, err = d.str()
		case "sessionDnis":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.SessionDNIS, err = d.str()
		case "addressFrom":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.AddressFrom, err = d.str()
		case "addressTo":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.AddressTo, err = d.str()
		case "addressSelf":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.AddressSelf, err = d.str()
		case "addressOther":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 10
			x.AddressOther, err = d.str()
		case "edgeId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 11
			x.EdgeID, err = d.str()
		case "peerId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 12
			x.PeerID, err = d.str()
		case "provider":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 13
			x.Provider, err = d.str()
		case "remote":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 14
			x.Remote, err = d.str()
		case "remoteNameDisplayable":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 15
			x.RemoteNameDisplayable, err = d.str()
		case "recording":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 16
			x.Recording, err = d.bool()
		case "requestedRoutings":
			if d.skipNull() {
				continue
			}
			x.RequestedRoutings, err = scanArray(d, &d.scRouting, scanRouting)
		case "usedRouting":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 17
			x.UsedRouting, err = scanEnum(d, internRouting)
		case "routingRuleType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 18
			x.RoutingRuleType, err = scanEnum(d, internRoutingRuleType)
		case "protocolCallId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 19
			x.ProtocolCallID, err = d.str()
		case "outboundCampaignId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 20
			x.OutboundCampaignID, err = d.str()
		case "outboundContactId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 21
			x.OutboundContactID, err = d.str()
		case "outboundContactListId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 22
			x.OutboundContactListID, err = d.str()
		case "dispositionAnalyzer":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 23
			x.DispositionAnalyzer, err = d.str()
		case "dispositionName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 24
			x.DispositionName, err = d.str()
		case "scriptId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 25
			x.ScriptID, err = d.str()
		case "selectedAgentId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 26
			x.SelectedAgentID, err = d.str()
		case "selectedAgentRank":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 27
			x.SelectedAgentRank, err = d.int()
		case "routingRing":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 28
			x.RoutingRing, err = d.int()
		case "agentBullseyeRing":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 29
			x.AgentBullseyeRing, err = d.int()
		case "acwSkipped":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 30
			x.AcwSkipped, err = d.bool()
		case "authenticated":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 31
			x.Authenticated, err = d.bool()
		case "callbackNumbers":
			if d.skipNull() {
				continue
			}
			x.CallbackNumbers, err = scanArray(d, &d.scString, (*scanner).str)
		case "callbackScheduledTime":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 32
			x.CallbackScheduledTime, err = d.time()
		case "callbackUserName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 33
			x.CallbackUserName, err = d.str()
		case "deliveryStatus":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 34
			x.DeliveryStatus, err = scanEnum(d, internDeliveryStatus)
		case "deliveryStatusChangeDate":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 35
			x.DeliveryStatusChangeDate, err = d.time()
		case "engagementSource":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 36
			x.EngagementSource, err = scanEnum(d, internEngagementSource)
		case "destinationAddresses":
			if d.skipNull() {
				continue
			}
			x.DestinationAddresses, err = scanArray(d, &d.scString, (*scanner).str)
		case "flowInType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 37
			x.FlowInType, err = d.str()
		case "flowOutType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 38
			x.FlowOutType, err = d.str()
		case "mediaBridgeId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 39
			x.MediaBridgeID, err = d.str()
		case "mediaCount":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 40
			x.MediaCount, err = d.int()
		case "activeSkillIds":
			if d.skipNull() {
				continue
			}
			x.ActiveSkillIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "removedSkillIds":
			if d.skipNull() {
				continue
			}
			x.RemovedSkillIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "flow":
			if d.skipNull() {
				continue
			}
			x.Flow = new(Flow)
			err = d.decodeFlow(x.Flow)
		case "mediaEndpointStats":
			if d.skipNull() {
				continue
			}
			x.MediaEndpointStats, err = scanObjects(d, &d.scMediaEndpointStat, (*scanner).decodeMediaEndpointStat)
		case "metrics":
			if d.skipNull() {
				continue
			}
			x.Metrics, err = scanObjects(d, &d.scMetric, (*scanner).decodeMetric)
		case "segments":
			if d.skipNull() {
				continue
			}
			x.Segments, err = scanObjects(d, &d.scSegment, (*scanner).decodeSegment)
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeSegment decodes one Segment object.
func (d *scanner) decodeSegment(x *Segment) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "segmentStart":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.Start, err = d.time()
		case "segmentEnd":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.End, err = d.time()
		case "segmentType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Type, err = scanEnum(d, internSegmentType)
		case "queueId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.QueueID, err = d.str()
		case "groupId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.GroupID, err = d.str()
		case "disconnectType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.DisconnectType, err = scanEnum(d, internDisconnectType)
		case "errorCode":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.ErrorCode, err = d.str()
		case "conference":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.Conference, err = d.bool()
		case "wrapUpCode":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.WrapUpCode, err = d.str()
		case "wrapUpNote":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.WrapUpNote, err = d.str()
		case "wrapUpTags":
			if d.skipNull() {
				continue
			}
			x.WrapUpTags, err = scanArray(d, &d.scString, (*scanner).str)
		case "requestedRoutingUserIds":
			if d.skipNull() {
				continue
			}
			x.RequestedRoutingUserIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "requestedRoutingSkillIds":
			if d.skipNull() {
				continue
			}
			x.RequestedRoutingSkillIDs, err = scanArray(d, &d.scString, (*scanner).str)
		case "requestedLanguageId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 10
			x.RequestedLanguageID, err = d.str()
		case "sipResponseCodes":
			if d.skipNull() {
				continue
			}
			x.SIPResponseCodes, err = scanArray(d, &d.scInt, (*scanner).int)
		case "q850ResponseCodes":
			if d.skipNull() {
				continue
			}
			x.Q850ResponseCodes, err = scanArray(d, &d.scInt, (*scanner).int)
		case "scoredAgents":
			if d.skipNull() {
				continue
			}
			x.ScoredAgents, err = scanObjects(d, &d.scScoredAgent, (*scanner).decodeScoredAgent)
		case "properties":
			if d.skipNull() {
				continue
			}
			x.Properties, err = scanObjects(d, &d.scSegmentProperty, (*scanner).decodeSegmentProperty)
		case "sourceConversationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 11
			x.SourceConversationID, err = d.str()
		case "destinationConversationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 12
			x.DestinationConversationID, err = d.str()
		case "sourceSessionId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 13
			x.SourceSessionID, err = d.str()
		case "destinationSessionId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 14
			x.DestinationSessionID, err = d.str()
		case "subject":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 15
			x.Subject, err = d.str()
		case "audioMuted":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 16
			x.AudioMuted, err = d.bool()
		case "videoMuted":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 17
			x.VideoMuted, err = d.bool()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeMetric decodes one Metric object.
func (d *scanner) decodeMetric(x *Metric) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "name":
			if d.skipNull() {
				continue
			}
			x.Name, err = d.metricName()
		case "value":
			if d.skipNull() {
				continue
			}
			x.Value, err = d.int64()
		case "emitDate":
			if d.skipNull() {
				continue
			}
			x.EmitDate, err = d.time()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeSegmentProperty decodes one SegmentProperty object.
func (d *scanner) decodeSegmentProperty(x *SegmentProperty) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "property":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.Property, err = d.str()
		case "propertyType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.PropertyType, err = scanEnum(d, internPropertyType)
		case "value":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Value, err = d.str()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeScoredAgent decodes one ScoredAgent object.
func (d *scanner) decodeScoredAgent(x *ScoredAgent) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "scoredAgentId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ScoredAgentID, err = d.str()
		case "agentScore":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.AgentScore, err = d.int()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeMediaEndpointStat decodes one MediaEndpointStat object.
func (d *scanner) decodeMediaEndpointStat(x *MediaEndpointStat) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "codecs":
			if d.skipNull() {
				continue
			}
			x.Codecs, err = scanArray(d, &d.scString, (*scanner).str)
		case "eventTime":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.EventTime, err = d.time()
		case "minMos":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.MinMOS, err = d.float64()
		case "minRFactor":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.MinRFactor, err = d.float64()
		case "maxLatencyMs":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.MaxLatencyMs, err = d.int64()
		case "receivedPackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.ReceivedPackets, err = d.int64()
		case "discardedPackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.DiscardedPackets, err = d.int64()
		case "duplicatePackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.DuplicatePackets, err = d.int64()
		case "invalidPackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.InvalidPackets, err = d.int64()
		case "overrunPackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.OverrunPackets, err = d.int64()
		case "underrunPackets":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.UnderrunPackets, err = d.int64()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeFlow decodes one Flow object.
func (d *scanner) decodeFlow(x *Flow) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "flowId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "flowName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.Name, err = d.str()
		case "flowType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Type, err = scanEnum(d, internFlowType)
		case "flowVersion":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.Version, err = d.str()
		case "entryType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.EntryType, err = scanEnum(d, internFlowEntryType)
		case "entryReason":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.EntryReason, err = d.str()
		case "exitReason":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.ExitReason, err = d.str()
		case "transferType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.TransferType, err = d.str()
		case "transferTargetName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.TransferTargetName, err = d.str()
		case "transferTargetAddress":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.TransferTargetAddress, err = d.str()
		case "issuedCallback":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 10
			x.IssuedCallback, err = d.bool()
		case "startingLanguage":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 11
			x.StartingLanguage, err = d.str()
		case "endingLanguage":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 12
			x.EndingLanguage, err = d.str()
		case "recognitionFailureReason":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 13
			x.RecognitionFailureReason, err = d.str()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeEvaluation decodes one Evaluation object.
func (d *scanner) decodeEvaluation(x *Evaluation) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "evaluationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "formId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.FormID, err = d.str()
		case "formName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.FormName, err = d.str()
		case "evaluatorId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.EvaluatorID, err = d.str()
		case "userId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.UserID, err = d.str()
		case "queueId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.QueueID, err = d.str()
		case "calibrationId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.CalibrationID, err = d.str()
		case "contextId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.ContextID, err = d.str()
		case "assigneeId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.AssigneeID, err = d.str()
		case "evaluationStatus":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.EvaluationStatus, err = scanEnum(d, internEvaluationStatus)
		case "eventTime":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 10
			x.EventTime, err = d.time()
		case "released":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 11
			x.Released, err = d.bool()
		case "rescored":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 12
			x.Rescored, err = d.bool()
		case "deleted":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 13
			x.Deleted, err = d.bool()
		case "oTotalScore":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 14
			x.OTotalScore, err = d.int64()
		case "oTotalCriticalScore":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 15
			x.OTotalCriticalScore, err = d.int64()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeSurvey decodes one Survey object.
func (d *scanner) decodeSurvey(x *Survey) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "surveyId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.ID, err = d.str()
		case "surveyFormId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.FormID, err = d.str()
		case "surveyFormName":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.FormName, err = d.str()
		case "surveyFormContextId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.FormContextID, err = d.str()
		case "surveyStatus":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 4
			x.Status, err = d.str()
		case "surveyType":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 5
			x.Type, err = scanEnum(d, internSurveyType)
		case "userId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 6
			x.UserID, err = d.str()
		case "queueId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 7
			x.QueueID, err = d.str()
		case "eventTime":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 8
			x.EventTime, err = d.time()
		case "surveyCompletedDate":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 9
			x.CompletedDate, err = d.time()
		case "surveyPromoterScore":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 10
			x.PromoterScore, err = d.int64()
		case "oSurveyTotalScore":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 11
			x.OSurveyTotalScore, err = d.int64()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeResolution decodes one Resolution object.
func (d *scanner) decodeResolution(x *Resolution) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "queueId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.QueueID, err = d.str()
		case "userId":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.UserID, err = d.str()
		case "eventTime":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.EventTime, err = d.time()
		case "nNextContactAvoided":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.NNextContactAvoided, err = d.int64()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeAggregationResult decodes one AggregationResult object.
func (d *scanner) decodeAggregationResult(x *AggregationResult) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "type":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.Type, err = scanEnum(d, internAggregationType)
		case "dimension":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.Dimension, err = d.str()
		case "metric":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Metric, err = d.str()
		case "count":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.Count, err = d.int()
		case "results":
			if d.skipNull() {
				continue
			}
			x.Results, err = scanObjects(d, &d.scAggregationBucket, (*scanner).decodeAggregationBucket)
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// decodeAggregationBucket decodes one AggregationBucket object.
func (d *scanner) decodeAggregationBucket(x *AggregationBucket) error {
	if err := d.begin('{'); err != nil {
		return err
	}
	mark := len(d.extra)
	for {
		name, ok, err := d.nextName()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch name {
		case "count":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 0
			x.Count, err = d.int()
		case "value":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 1
			x.Value, err = d.str()
		case "gte":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 2
			x.Gte, err = d.float64Ptr()
		case "lt":
			if d.skipNull() {
				continue
			}
			x.has |= 1 << 3
			x.Lt, err = d.float64Ptr()
		default:
			err = d.unknown(mark)
		}
		if err != nil {
			return err
		}
	}
	x.Extra = d.takeExtra(mark)
	return nil
}

// scanRouting decodes one Routing array element.
func scanRouting(d *scanner) (Routing, error) { return scanEnum(d, internRouting) }

// appendConversation appends x as a JSON object.
func (e *encoder) appendConversation(x *Conversation) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"conversationId":`)
		e.string(x.ID)
	}
	if !x.Start.IsZero() || x.has&(1<<1) != 0 {
		e.key(`"conversationStart":`)
		e.time(x.Start)
	}
	if !x.End.IsZero() || x.has&(1<<2) != 0 {
		e.key(`"conversationEnd":`)
		e.time(x.End)
	}
	if x.OriginatingDirection != "" || x.has&(1<<3) != 0 {
		e.key(`"originatingDirection":`)
		e.string(string(x.OriginatingDirection))
	}
	if x.ConversationInitiator != "" || x.has&(1<<4) != 0 {
		e.key(`"conversationInitiator":`)
		e.string(string(x.ConversationInitiator))
	}
	if x.CustomerParticipation || x.has&(1<<5) != 0 {
		e.key(`"customerParticipation":`)
		e.bool(x.CustomerParticipation)
	}
	if x.DivisionIDs != nil {
		e.key(`"divisionIds":`)
		appendArray(e, x.DivisionIDs, (*encoder).string)
	}
	if x.ExternalTag != "" || x.has&(1<<6) != 0 {
		e.key(`"externalTag":`)
		e.string(x.ExternalTag)
	}
	if x.KnowledgeBaseIDs != nil {
		e.key(`"knowledgeBaseIds":`)
		appendArray(e, x.KnowledgeBaseIDs, (*encoder).string)
	}
	if x.MediaStatsMinConversationMOS != 0 || x.has&(1<<7) != 0 {
		e.key(`"mediaStatsMinConversationMos":`)
		e.float(x.MediaStatsMinConversationMOS)
	}
	if x.MediaStatsMinConversationRFactor != 0 || x.has&(1<<8) != 0 {
		e.key(`"mediaStatsMinConversationRFactor":`)
		e.float(x.MediaStatsMinConversationRFactor)
	}
	if x.SelfServed || x.has&(1<<9) != 0 {
		e.key(`"selfServed":`)
		e.bool(x.SelfServed)
	}
	if x.Evaluations != nil {
		e.key(`"evaluations":`)
		appendObjects(e, x.Evaluations, (*encoder).appendEvaluation)
	}
	if x.Surveys != nil {
		e.key(`"surveys":`)
		appendObjects(e, x.Surveys, (*encoder).appendSurvey)
	}
	if x.Resolutions != nil {
		e.key(`"resolutions":`)
		appendObjects(e, x.Resolutions, (*encoder).appendResolution)
	}
	if x.Participants != nil {
		e.key(`"participants":`)
		appendObjects(e, x.Participants, (*encoder).appendParticipant)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendParticipant appends x as a JSON object.
func (e *encoder) appendParticipant(x *Participant) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"participantId":`)
		e.string(x.ID)
	}
	if x.Name != "" || x.has&(1<<1) != 0 {
		e.key(`"participantName":`)
		e.string(x.Name)
	}
	if x.Purpose != "" || x.has&(1<<2) != 0 {
		e.key(`"purpose":`)
		e.string(string(x.Purpose))
	}
	if x.UserID != "" || x.has&(1<<3) != 0 {
		e.key(`"userId":`)
		e.string(x.UserID)
	}
	if x.TeamID != "" || x.has&(1<<4) != 0 {
		e.key(`"teamId":`)
		e.string(x.TeamID)
	}
	if x.ExternalContactID != "" || x.has&(1<<5) != 0 {
		e.key(`"externalContactId":`)
		e.string(x.ExternalContactID)
	}
	if x.ExternalOrganizationID != "" || x.has&(1<<6) != 0 {
		e.key(`"externalOrganizationId":`)
		e.string(x.ExternalOrganizationID)
	}
	if x.FlaggedReason != "" || x.has&(1<<7) != 0 {
		e.key(`"flaggedReason":`)
		e.string(string(x.FlaggedReason))
	}
	if x.ScreenRecording || x.has&(1<<8) != 0 {
		e.key(`"screenRecording":`)
		e.bool(x.ScreenRecording)
	}
	if x.Attributes != nil {
		e.key(`"attributes":`)
		e.attributes(x.Attributes)
	}
	if x.Sessions != nil {
		e.key(`"sessions":`)
		appendObjects(e, x.Sessions, (*encoder).appendSession)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendSession appends x as a JSON object.
func (e *encoder) appendSession(x *Session) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"sessionId":`)
		e.string(x.ID)
	}
	if x.MediaType != "" || x.has&(1<<1) != 0 {
		e.key(`"mediaType":`)
		e.string(string(x.MediaType))
	}
	if x.Direction != "" || x.has&(1<<2) != 0 {
		e.key(`"direction":`)
		e.string(string(x.Direction))
	}
	if x.MessageType != "" || x.has&(1<<3) != 0 {
		e.key(`"messageType":`)
		e.string(x.MessageType)
	}
	if x.ANI != "" || x.has&(1<<4) != 0 {
		e.key(`"ani":`)
		e.string(x.ANI)
	}
	if x.DNIS != "" || x.has&(1<<5) != 0 {
		e.key(`"dnis":`)
		e.string(x.DNIS)
	}
	if x.SessionDNIS != "" || x.has&(1<<6) != 0 {
		e.key(`"sessionDnis":`)
		e.string(x.SessionDNIS)
	}
	if x.AddressFrom != "" || x.has&(1<<7) != 0 {
		e.key(`"addressFrom":`)
		e.string(x.AddressFrom)
	}
	if x.AddressTo != "" || x.has&(1<<8) != 0 {
		e.key(`"addressTo":`)
		e.string(x.AddressTo)
	}
	if x.AddressSelf != "" || x.has&(1<<9) != 0 {
		e.key(`"addressSelf":`)
		e.string(x.AddressSelf)
	}
	if x.AddressOther != "" || x.has&(1<<10) != 0 {
		e.key(`"addressOther":`)
		e.string(x.AddressOther)
	}
	if x.EdgeID != "" || x.has&(1<<11) != 0 {
		e.key(`"edgeId":`)
		e.string(x.EdgeID)
	}
	if x.PeerID != "" || x.has&(1<<12) != 0 {
		e.key(`"peerId":`)
		e.string(x.PeerID)
	}
	if x.Provider != "" || x.has&(1<<13) != 0 {
		e.key(`"provider":`)
		e.string(x.Provider)
	}
	if x.Remote != "" || x.has&(1<<14) != 0 {
		e.key(`"remote":`)
		e.string(x.Remote)
	}
	if x.RemoteNameDisplayable != "" || x.has&(1<<15) != 0 {
		e.key(`"remoteNameDisplayable":`)
		e.string(x.RemoteNameDisplayable)
	}
	if x.Recording || x.has&(1<<16) != 0 {
		e.key(`"recording":`)
		e.bool(x.Recording)
	}
	if x.RequestedRoutings != nil {
		e.key(`"requestedRoutings":`)
		appendArray(e, x.RequestedRoutings, func(e *encoder, v Routing) { e.string(string(v)) })
	}
	if x.UsedRouting != "" || x.has&(1<<17) != 0 {
		e.key(`"usedRouting":`)
		e.string(string(x.UsedRouting))
	}
	if x.RoutingRuleType != "" || x.has&(1<<18) != 0 {
		e.key(`"routingRuleType":`)
		e.string(string(x.RoutingRuleType))
	}
	if x.ProtocolCallID != "" || x.has&(1<<19) != 0 {
		e.key(`"protocolCallId":`)
		e.string(x.ProtocolCallID)
	}
	if x.OutboundCampaignID != "" || x.has&(1<<20) != 0 {
		e.key(`"outboundCampaignId":`)
		e.string(x.OutboundCampaignID)
	}
	if x.OutboundContactID != "" || x.has&(1<<21) != 0 {
		e.key(`"outboundContactId":`)
		e.string(x.OutboundContactID)
	}
	if x.OutboundContactListID != "" || x.has&(1<<22) != 0 {
		e.key(`"outboundContactListId":`)
		e.string(x.OutboundContactListID)
	}
	if x.DispositionAnalyzer != "" || x.has&(1<<23) != 0 {
		e.key(`"dispositionAnalyzer":`)
		e.string(x.DispositionAnalyzer)
	}
	if x.DispositionName != "" || x.has&(1<<24) != 0 {
		e.key(`"dispositionName":`)
		e.string(x.DispositionName)
	}
	if x.ScriptID != "" || x.has&(1<<25) != 0 {
		e.key(`"scriptId":`)
		e.string(x.ScriptID)
	}
	if x.SelectedAgentID != "" || x.has&(1<<26) != 0 {
		e.key(`"selectedAgentId":`)
		e.string(x.SelectedAgentID)
	}
	if x.SelectedAgentRank != 0 || x.has&(1<<27) != 0 {
		e.key(`"selectedAgentRank":`)
		e.int(int64(x.SelectedAgentRank))
	}
	if x.RoutingRing != 0 || x.has&(1<<28) != 0 {
		e.key(`"routingRing":`)
		e.int(int64(x.RoutingRing))
	}
	if x.AgentBullseyeRing != 0 || x.has&(1<<29) != 0 {
		e.key(`"agentBullseyeRing":`)
		e.int(int64(x.AgentBullseyeRing))
	}
	if x.AcwSkipped || x.has&(1<<30) != 0 {
		e.key(`"acwSkipped":`)
		e.bool(x.AcwSkipped)
	}
	if x.Authenticated || x.has&(1<<31) != 0 {
		e.key(`"authenticated":`)
		e.bool(x.Authenticated)
	}
	if x.CallbackNumbers != nil {
		e.key(`"callbackNumbers":`)
		appendArray(e, x.CallbackNumbers, (*encoder).string)
	}
	if !x.CallbackScheduledTime.IsZero() || x.has&(1<<32) != 0 {
		e.key(`"callbackScheduledTime":`)
		e.time(x.CallbackScheduledTime)
	}
	if x.CallbackUserName != "" || x.has&(1<<33) != 0 {
		e.key(`"callbackUserName":`)
		e.string(x.CallbackUserName)
	}
	if x.DeliveryStatus != "" || x.has&(1<<34) != 0 {
		e.key(`"deliveryStatus":`)
		e.string(string(x.DeliveryStatus))
	}
	if !x.DeliveryStatusChangeDate.IsZero() || x.has&(1<<35) != 0 {
		e.key(`"deliveryStatusChangeDate":`)
		e.time(x.DeliveryStatusChangeDate)
	}
	if x.EngagementSource != "" || x.has&(1<<36) != 0 {
		e.key(`"engagementSource":`)
		e.string(string(x.EngagementSource))
	}
	if x.DestinationAddresses != nil {
		e.key(`"destinationAddresses":`)
		appendArray(e, x.DestinationAddresses, (*encoder).string)
	}
	if x.FlowInType != "" || x.has&(1<<37) != 0 {
		e.key(`"flowInType":`)
		e.string(x.FlowInType)
	}
	if x.FlowOutType != "" || x.has&(1<<38) != 0 {
		e.key(`"flowOutType":`)
		e.string(x.FlowOutType)
	}
	if x.MediaBridgeID != "" || x.has&(1<<39) != 0 {
		e.key(`"mediaBridgeId":`)
		e.string(x.MediaBridgeID)
	}
	if x.MediaCount != 0 || x.has&(1<<40) != 0 {
		e.key(`"mediaCount":`)
		e.int(int64(x.MediaCount))
	}
	if x.ActiveSkillIDs != nil {
		e.key(`"activeSkillIds":`)
		appendArray(e, x.ActiveSkillIDs, (*encoder).string)
	}
	if x.RemovedSkillIDs != nil {
		e.key(`"removedSkillIds":`)
		appendArray(e, x.RemovedSkillIDs, (*encoder).string)
	}
	if x.Flow != nil {
		e.key(`"flow":`)
		e.appendFlow(x.Flow)
	}
	if x.MediaEndpointStats != nil {
		e.key(`"mediaEndpointStats":`)
		appendObjects(e, x.MediaEndpointStats, (*encoder).appendMediaEndpointStat)
	}
	if x.Metrics != nil {
		e.key(`"metrics":`)
		appendObjects(e, x.Metrics, (*encoder).appendMetric)
	}
	if x.Segments != nil {
		e.key(`"segments":`)
		appendObjects(e, x.Segments, (*encoder).appendSegment)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendSegment appends x as a JSON object.
func (e *encoder) appendSegment(x *Segment) {
	e.b = append(e.b, '{')
	if !x.Start.IsZero() || x.has&(1<<0) != 0 {
		e.key(`"segmentStart":`)
		e.time(x.Start)
	}
	if !x.End.IsZero() || x.has&(1<<1) != 0 {
		e.key(`"segmentEnd":`)
		e.time(x.End)
	}
	if x.Type != "" || x.has&(1<<2) != 0 {
		e.key(`"segmentType":`)
		e.string(string(x.Type))
	}
	if x.QueueID != "" || x.has&(1<<3) != 0 {
		e.key(`"queueId":`)
		e.string(x.QueueID)
	}
	if x.GroupID != "" || x.has&(1<<4) != 0 {
		e.key(`"groupId":`)
		e.string(x.GroupID)
	}
	if x.DisconnectType != "" || x.has&(1<<5) != 0 {
		e.key(`"disconnectType":`)
		e.string(string(x.DisconnectType))
	}
	if x.ErrorCode != "" || x.has&(1<<6) != 0 {
		e.key(`"errorCode":`)
		e.string(x.ErrorCode)
	}
	if x.Conference || x.has&(1<<7) != 0 {
		e.key(`"conference":`)
		e.bool(x.Conference)
	}
	if x.WrapUpCode != "" || x.has&(1<<8) != 0 {
		e.key(`"wrapUpCode":`)
		e.string(x.WrapUpCode)
	}
	if x.WrapUpNote != "" || x.has&(1<<9) != 0 {
		e.key(`"wrapUpNote":`)
		e.string(x.WrapUpNote)
	}
	if x.WrapUpTags != nil {
		e.key(`"wrapUpTags":`)
		appendArray(e, x.WrapUpTags, (*encoder).string)
	}
	if x.RequestedRoutingUserIDs != nil {
		e.key(`"requestedRoutingUserIds":`)
		appendArray(e, x.RequestedRoutingUserIDs, (*encoder).string)
	}
	if x.RequestedRoutingSkillIDs != nil {
		e.key(`"requestedRoutingSkillIds":`)
		appendArray(e, x.RequestedRoutingSkillIDs, (*encoder).string)
	}
	if x.RequestedLanguageID != "" || x.has&(1<<10) != 0 {
		e.key(`"requestedLanguageId":`)
		e.string(x.RequestedLanguageID)
	}
	if x.SIPResponseCodes != nil {
		e.key(`"sipResponseCodes":`)
		appendArray(e, x.SIPResponseCodes, func(e *encoder, v int) { e.int(int64(v)) })
	}
	if x.Q850ResponseCodes != nil {
		e.key(`"q850ResponseCodes":`)
		appendArray(e, x.Q850ResponseCodes, func(e *encoder, v int) { e.int(int64(v)) })
	}
	if x.ScoredAgents != nil {
		e.key(`"scoredAgents":`)
		appendObjects(e, x.ScoredAgents, (*encoder).appendScoredAgent)
	}
	if x.Properties != nil {
		e.key(`"properties":`)
		appendObjects(e, x.Properties, (*encoder).appendSegmentProperty)
	}
	if x.SourceConversationID != "" || x.has&(1<<11) != 0 {
		e.key(`"sourceConversationId":`)
		e.string(x.SourceConversationID)
	}
	if x.DestinationConversationID != "" || x.has&(1<<12) != 0 {
		e.key(`"destinationConversationId":`)
		e.string(x.DestinationConversationID)
	}
	if x.SourceSessionID != "" || x.has&(1<<13) != 0 {
		e.key(`"sourceSessionId":`)
		e.string(x.SourceSessionID)
	}
	if x.DestinationSessionID != "" || x.has&(1<<14) != 0 {
		e.key(`"destinationSessionId":`)
		e.string(x.DestinationSessionID)
	}
	if x.Subject != "" || x.has&(1<<15) != 0 {
		e.key(`"subject":`)
		e.string(x.Subject)
	}
	if x.AudioMuted || x.has&(1<<16) != 0 {
		e.key(`"audioMuted":`)
		e.bool(x.AudioMuted)
	}
	if x.VideoMuted || x.has&(1<<17) != 0 {
		e.key(`"videoMuted":`)
		e.bool(x.VideoMuted)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendMetric appends x as a JSON object.
func (e *encoder) appendMetric(x *Metric) {
	e.b = append(e.b, '{')
	e.key(`"name":`)
	e.string(x.Name)
	e.key(`"value":`)
	e.int(x.Value)
	if !x.EmitDate.IsZero() {
		e.key(`"emitDate":`)
		e.time(x.EmitDate)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendSegmentProperty appends x as a JSON object.
func (e *encoder) appendSegmentProperty(x *SegmentProperty) {
	e.b = append(e.b, '{')
	if x.Property != "" || x.has&(1<<0) != 0 {
		e.key(`"property":`)
		e.string(x.Property)
	}
	if x.PropertyType != "" || x.has&(1<<1) != 0 {
		e.key(`"propertyType":`)
		e.string(string(x.PropertyType))
	}
	if x.Value != "" || x.has&(1<<2) != 0 {
		e.key(`"value":`)
		e.string(x.Value)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendScoredAgent appends x as a JSON object.
func (e *encoder) appendScoredAgent(x *ScoredAgent) {
	e.b = append(e.b, '{')
	if x.ScoredAgentID != "" || x.has&(1<<0) != 0 {
		e.key(`"scoredAgentId":`)
		e.string(x.ScoredAgentID)
	}
	if x.AgentScore != 0 || x.has&(1<<1) != 0 {
		e.key(`"agentScore":`)
		e.int(int64(x.AgentScore))
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendMediaEndpointStat appends x as a JSON object.
func (e *encoder) appendMediaEndpointStat(x *MediaEndpointStat) {
	e.b = append(e.b, '{')
	if x.Codecs != nil {
		e.key(`"codecs":`)
		appendArray(e, x.Codecs, (*encoder).string)
	}
	if !x.EventTime.IsZero() || x.has&(1<<0) != 0 {
		e.key(`"eventTime":`)
		e.time(x.EventTime)
	}
	if x.MinMOS != 0 || x.has&(1<<1) != 0 {
		e.key(`"minMos":`)
		e.float(x.MinMOS)
	}
	if x.MinRFactor != 0 || x.has&(1<<2) != 0 {
		e.key(`"minRFactor":`)
		e.float(x.MinRFactor)
	}
	if x.MaxLatencyMs != 0 || x.has&(1<<3) != 0 {
		e.key(`"maxLatencyMs":`)
		e.int(x.MaxLatencyMs)
	}
	if x.ReceivedPackets != 0 || x.has&(1<<4) != 0 {
		e.key(`"receivedPackets":`)
		e.int(x.ReceivedPackets)
	}
	if x.DiscardedPackets != 0 || x.has&(1<<5) != 0 {
		e.key(`"discardedPackets":`)
		e.int(x.DiscardedPackets)
	}
	if x.DuplicatePackets != 0 || x.has&(1<<6) != 0 {
		e.key(`"duplicatePackets":`)
		e.int(x.DuplicatePackets)
	}
	if x.InvalidPackets != 0 || x.has&(1<<7) != 0 {
		e.key(`"invalidPackets":`)
		e.int(x.InvalidPackets)
	}
	if x.OverrunPackets != 0 || x.has&(1<<8) != 0 {
		e.key(`"overrunPackets":`)
		e.int(x.OverrunPackets)
	}
	if x.UnderrunPackets != 0 || x.has&(1<<9) != 0 {
		e.key(`"underrunPackets":`)
		e.int(x.UnderrunPackets)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendFlow appends x as a JSON object.
func (e *encoder) appendFlow(x *Flow) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"flowId":`)
		e.string(x.ID)
	}
	if x.Name != "" || x.has&(1<<1) != 0 {
		e.key(`"flowName":`)
		e.string(x.Name)
	}
	if x.Type != "" || x.has&(1<<2) != 0 {
		e.key(`"flowType":`)
		e.string(string(x.Type))
	}
	if x.Version != "" || x.has&(1<<3) != 0 {
		e.key(`"flowVersion":`)
		e.string(x.Version)
	}
	if x.EntryType != "" || x.has&(1<<4) != 0 {
		e.key(`"entryType":`)
		e.string(string(x.EntryType))
	}
	if x.EntryReason != "" || x.has&(1<<5) != 0 {
		e.key(`"entryReason":`)
		e.string(x.EntryReason)
	}
	if x.ExitReason != "" || x.has&(1<<6) != 0 {
		e.key(`"exitReason":`)
		e.string(x.ExitReason)
	}
	if x.TransferType != "" || x.has&(1<<7) != 0 {
		e.key(`"transferType":`)
		e.string(x.TransferType)
	}
	if x.TransferTargetName != "" || x.has&(1<<8) != 0 {
		e.key(`"transferTargetName":`)
		e.string(x.TransferTargetName)
	}
	if x.TransferTargetAddress != "" || x.has&(1<<9) != 0 {
		e.key(`"transferTargetAddress":`)
		e.string(x.TransferTargetAddress)
	}
	if x.IssuedCallback || x.has&(1<<10) != 0 {
		e.key(`"issuedCallback":`)
		e.bool(x.IssuedCallback)
	}
	if x.StartingLanguage != "" || x.has&(1<<11) != 0 {
		e.key(`"startingLanguage":`)
		e.string(x.StartingLanguage)
	}
	if x.EndingLanguage != "" || x.has&(1<<12) != 0 {
		e.key(`"endingLanguage":`)
		e.string(x.EndingLanguage)
	}
	if x.RecognitionFailureReason != "" || x.has&(1<<13) != 0 {
		e.key(`"recognitionFailureReason":`)
		e.string(x.RecognitionFailureReason)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendEvaluation appends x as a JSON object.
func (e *encoder) appendEvaluation(x *Evaluation) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"evaluationId":`)
		e.string(x.ID)
	}
	if x.FormID != "" || x.has&(1<<1) != 0 {
		e.key(`"formId":`)
		e.string(x.FormID)
	}
	if x.FormName != "" || x.has&(1<<2) != 0 {
		e.key(`"formName":`)
		e.string(x.FormName)
	}
	if x.EvaluatorID != "" || x.has&(1<<3) != 0 {
		e.key(`"evaluatorId":`)
		e.string(x.EvaluatorID)
	}
	if x.UserID != "" || x.has&(1<<4) != 0 {
		e.key(`"userId":`)
		e.string(x.UserID)
	}
	if x.QueueID != "" || x.has&(1<<5) != 0 {
		e.key(`"queueId":`)
		e.string(x.QueueID)
	}
	if x.CalibrationID != "" || x.has&(1<<6) != 0 {
		e.key(`"calibrationId":`)
		e.string(x.CalibrationID)
	}
	if x.ContextID != "" || x.has&(1<<7) != 0 {
		e.key(`"contextId":`)
		e.string(x.ContextID)
	}
	if x.AssigneeID != "" || x.has&(1<<8) != 0 {
		e.key(`"assigneeId":`)
		e.string(x.AssigneeID)
	}
	if x.EvaluationStatus != "" || x.has&(1<<9) != 0 {
		e.key(`"evaluationStatus":`)
		e.string(string(x.EvaluationStatus))
	}
	if !x.EventTime.IsZero() || x.has&(1<<10) != 0 {
		e.key(`"eventTime":`)
		e.time(x.EventTime)
	}
	if x.Released || x.has&(1<<11) != 0 {
		e.key(`"released":`)
		e.bool(x.Released)
	}
	if x.Rescored || x.has&(1<<12) != 0 {
		e.key(`"rescored":`)
		e.bool(x.Rescored)
	}
	if x.Deleted || x.has&(1<<13) != 0 {
		e.key(`"deleted":`)
		e.bool(x.Deleted)
	}
	if x.OTotalScore != 0 || x.has&(1<<14) != 0 {
		e.key(`"oTotalScore":`)
		e.int(x.OTotalScore)
	}
	if x.OTotalCriticalScore != 0 || x.has&(1<<15) != 0 {
		e.key(`"oTotalCriticalScore":`)
		e.int(x.OTotalCriticalScore)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendSurvey appends x as a JSON object.
func (e *encoder) appendSurvey(x *Survey) {
	e.b = append(e.b, '{')
	if x.ID != "" || x.has&(1<<0) != 0 {
		e.key(`"surveyId":`)
		e.string(x.ID)
	}
	if x.FormID != "" || x.has&(1<<1) != 0 {
		e.key(`"surveyFormId":`)
		e.string(x.FormID)
	}
	if x.FormName != "" || x.has&(1<<2) != 0 {
		e.key(`"surveyFormName":`)
		e.string(x.FormName)
	}
	if x.FormContextID != "" || x.has&(1<<3) != 0 {
		e.key(`"surveyFormContextId":`)
		e.string(x.FormContextID)
	}
	if x.Status != "" || x.has&(1<<4) != 0 {
		e.key(`"surveyStatus":`)
		e.string(x.Status)
	}
	if x.Type != "" || x.has&(1<<5) != 0 {
		e.key(`"surveyType":`)
		e.string(string(x.Type))
	}
	if x.UserID != "" || x.has&(1<<6) != 0 {
		e.key(`"userId":`)
		e.string(x.UserID)
	}
	if x.QueueID != "" || x.has&(1<<7) != 0 {
		e.key(`"queueId":`)
		e.string(x.QueueID)
	}
	if !x.EventTime.IsZero() || x.has&(1<<8) != 0 {
		e.key(`"eventTime":`)
		e.time(x.EventTime)
	}
	if !x.CompletedDate.IsZero() || x.has&(1<<9) != 0 {
		e.key(`"surveyCompletedDate":`)
		e.time(x.CompletedDate)
	}
	if x.PromoterScore != 0 || x.has&(1<<10) != 0 {
		e.key(`"surveyPromoterScore":`)
		e.int(x.PromoterScore)
	}
	if x.OSurveyTotalScore != 0 || x.has&(1<<11) != 0 {
		e.key(`"oSurveyTotalScore":`)
		e.int(x.OSurveyTotalScore)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendResolution appends x as a JSON object.
func (e *encoder) appendResolution(x *Resolution) {
	e.b = append(e.b, '{')
	if x.QueueID != "" || x.has&(1<<0) != 0 {
		e.key(`"queueId":`)
		e.string(x.QueueID)
	}
	if x.UserID != "" || x.has&(1<<1) != 0 {
		e.key(`"userId":`)
		e.string(x.UserID)
	}
	if !x.EventTime.IsZero() || x.has&(1<<2) != 0 {
		e.key(`"eventTime":`)
		e.time(x.EventTime)
	}
	if x.NNextContactAvoided != 0 || x.has&(1<<3) != 0 {
		e.key(`"nNextContactAvoided":`)
		e.int(x.NNextContactAvoided)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendDetailsQueryResponse appends x as a JSON object.
func (e *encoder) appendDetailsQueryResponse(x *DetailsQueryResponse) {
	e.b = append(e.b, '{')
	if x.Conversations != nil {
		e.key(`"conversations":`)
		appendObjects(e, x.Conversations, (*encoder).appendConversation)
	}
	if x.TotalHits != 0 {
		e.key(`"totalHits":`)
		e.int(int64(x.TotalHits))
	}
	if x.Aggregations != nil {
		e.key(`"aggregations":`)
		appendObjects(e, x.Aggregations, (*encoder).appendAggregationResult)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendJobResultsResponse appends x as a JSON object.
func (e *encoder) appendJobResultsResponse(x *JobResultsResponse) {
	e.b = append(e.b, '{')
	if x.Conversations != nil {
		e.key(`"conversations":`)
		appendObjects(e, x.Conversations, (*encoder).appendConversation)
	}
	if x.Cursor != "" {
		e.key(`"cursor":`)
		e.string(x.Cursor)
	}
	if !x.DataAvailabilityDate.IsZero() {
		e.key(`"dataAvailabilityDate":`)
		e.time(x.DataAvailabilityDate)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendMultiGetResponse appends x as a JSON object.
func (e *encoder) appendMultiGetResponse(x *MultiGetResponse) {
	e.b = append(e.b, '{')
	if x.Conversations != nil {
		e.key(`"conversations":`)
		appendObjects(e, x.Conversations, (*encoder).appendConversation)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendAggregationResult appends x as a JSON object.
func (e *encoder) appendAggregationResult(x *AggregationResult) {
	e.b = append(e.b, '{')
	if x.Type != "" || x.has&(1<<0) != 0 {
		e.key(`"type":`)
		e.string(string(x.Type))
	}
	if x.Dimension != "" || x.has&(1<<1) != 0 {
		e.key(`"dimension":`)
		e.string(x.Dimension)
	}
	if x.Metric != "" || x.has&(1<<2) != 0 {
		e.key(`"metric":`)
		e.string(x.Metric)
	}
	if x.Count != 0 || x.has&(1<<3) != 0 {
		e.key(`"count":`)
		e.int(int64(x.Count))
	}
	if x.Results != nil {
		e.key(`"results":`)
		appendObjects(e, x.Results, (*encoder).appendAggregationBucket)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}

// appendAggregationBucket appends x as a JSON object.
func (e *encoder) appendAggregationBucket(x *AggregationBucket) {
	e.b = append(e.b, '{')
	e.key(`"count":`)
	e.int(int64(x.Count))
	if x.Value != "" || x.has&(1<<1) != 0 {
		e.key(`"value":`)
		e.string(x.Value)
	}
	if x.Gte != nil || x.has&(1<<2) != 0 {
		e.key(`"gte":`)
		e.floatPtr(x.Gte)
	}
	if x.Lt != nil || x.has&(1<<3) != 0 {
		e.key(`"lt":`)
		e.floatPtr(x.Lt)
	}
	e.extra(x.Extra)
	e.b = append(e.b, '}')
}
