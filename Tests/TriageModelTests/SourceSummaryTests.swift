import Testing
import TriageTestSupport

@testable import TriageModel

@Suite struct SourceSummaryTests {
    @Test func readsTheGeoIPAndASNFieldsWhenPresent() throws {
        let plain = try TestEvents.document(TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718"))
        let none = SourceSummary(document: plain)
        #expect(none.place == nil && none.network == nil)

        let located = SourceSummary(
            document: TestEvents.located(
                plain, city: "Linköping", country: "Sweden", asNumber: 29518, organization: "Bredband2 AB"))
        #expect(located.ipOrAddress == "203.0.113.10")
        #expect(located.place == "Linköping, Sweden")
        #expect(located.network == "AS29518 Bredband2 AB")

        let partial = SourceSummary(document: TestEvents.located(plain, country: "United States", asNumber: 209))
        #expect(partial.place == "United States")
        #expect(partial.network == "AS209")
    }
}
