import RelatedActivity
import Testing
import TriageTestSupport

/// The event index fed with mapped documents of real CloudTrail records, as a console load does.
@Suite struct EventIndexFromDocumentsTests {
    @Test func summaryFromRealEventsFeedsTrustAnchors() throws {
        var builder = EventIndexBuilder()
        builder.add(document: try TestEvents.document(TestEvents.createTrustAnchor))
        let profile = try TestEvents.document(TestEvents.createProfile)
        builder.add(document: profile)
        let index = builder.build()
        let anchor = EventSummary(document: profile)
        let anchors = index.trustAnchors(actorARN: anchor.actorARN, account: anchor.account)
        #expect(anchors.count == 1)
        #expect(anchors.first?.details.arn == "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/9f8e7d6c")
        #expect(anchors.first?.details.name == "partner-ca")
        #expect(anchors.first?.details.sourceType == "CERTIFICATE_BUNDLE")
        let related = index.related(to: anchor)
        #expect(related.map(\.event.action) == ["CreateTrustAnchor", "CreateProfile"])
        #expect(related[0].isFollowUp)
    }
}
