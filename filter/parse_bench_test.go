package filter

import "testing"

// parseBench50Expr is a realistic 50-predicate filter: 23 segment
// predicates and 2 queue/user in-lists (4 predicates) that compile to one
// segment filter, 7 conversation metric predicates (3 of them two-bound
// ranges, durations with suffixes), 10 conversation dimension predicates
// and 6 evaluation predicates.
const parseBench50Expr = `mediaType == "voice" and direction == "inbound" and purpose == "agent" and segmentType == "interact" ` +
	`and wrapUpCode == "Case-Closed" and wrapUpNote exists and ani exists and dnis == "+18005550100" ` +
	`and userId == "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f" and disconnectType == "client" and recording == "true" ` +
	`and addressFrom exists and addressTo exists and flowName exists and errorCode notExists and sipResponseCode == 200 ` +
	`and requestedLanguageId exists and teamId exists and groupId exists and scriptId exists and edgeId exists ` +
	`and flowId exists and outboundCampaignId notExists ` +
	`and queueId in ("5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f") ` +
	`and segment.userId in ("5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a", "6c5b2b66-3b9e-4d7d-8e4f-1a2b3c4d5e6f") ` +
	`and (tHandle > 3m and tHandle <= 1h) and (tTalk >= 30s and tTalk < 45m) and tAcw < 5m and tAbandon notExists ` +
	`and (nTransferred >= 1 and nTransferred <= 3) and tHeld < 90s and nConnected == 1 ` +
	`and conversationEnd exists and originatingDirection == "inbound" and divisionId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" ` +
	`and externalTag exists and accessAttribute notExists and conversationInitiator exists and customerParticipation == true ` +
	`and conversationStart exists and mediaStatsMinConversationMos == 4.5 and conversation.conversationId exists ` +
	`and evaluation.queueId == "5b4a1a55-2a8d-4c6c-9d3e-0f1e2d3c4b5a" and evaluation.userId exists and oTotalScore >= 50 ` +
	`and oTotalCriticalScore < 90 and eventTime exists and evaluationId exists`

// BenchmarkParseValidateCompile50 measures the whole pipeline a program runs
// on a 50-predicate expression: Parse, then Compile, which validates the
// tree against the catalog before lowering it (calling Validate as well
// would check every value a second time):
//
//	go test ./filter -run '^$' -bench ParseValidateCompile -benchmem -cpu 1
func BenchmarkParseValidateCompile50(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n, err := Parse(parseBench50Expr)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Compile(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse50 measures Parse alone on the same expression.
func BenchmarkParse50(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(parseBench50Expr); err != nil {
			b.Fatal(err)
		}
	}
}
