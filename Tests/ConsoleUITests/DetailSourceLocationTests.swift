import TerminalGrid
import Testing
import TriageModel
import TriageTestSupport

@testable import ConsoleUI

/// The Source section of the detail pane with GeoIP and ASN fields.
@Suite struct DetailSourceLocationTests {
    func sourceLines(_ record: AlertRecord) -> [String] {
        let lines = DetailContent.lines(for: record, state: .untouched, width: 100).map {
            $0.spans.map(\.text).joined()
        }
        guard let start = lines.firstIndex(where: { $0.contains("Source") }) else { return [] }
        return Array(lines[start...].prefix(5))
    }

    @Test func locationAndNetworkFollowTheAddress() throws {
        let plain = try TestEvents.document(TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718"))
        let located = TestEvents.record(
            TestEvents.located(
                plain, city: "Linköping", country: "Sweden", asNumber: 29518, organization: "Bredband2 AB"))
        let lines = sourceLines(located)
        let ip = try #require(lines.firstIndex { $0.contains("203.0.113.10") })
        #expect(lines[ip + 1].contains("location") && lines[ip + 1].contains("Linköping, Sweden"), "\(lines)")
        #expect(lines[ip + 2].contains("network") && lines[ip + 2].contains("AS29518 Bredband2 AB"), "\(lines)")

        let without = sourceLines(TestEvents.record(plain))
        #expect(!without.contains { $0.contains("location") || $0.contains("network") }, "\(without)")
    }

    @Test func hostileOrganisationNameIsEscaped() throws {
        let plain = try TestEvents.document(TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718"))
        let record = TestEvents.record(TestEvents.located(plain, organization: "Evil\u{1B}[2J\u{202E}Corp"))
        let spans = DetailContent.lines(for: record, state: .untouched, width: 100).flatMap(\.spans)
        let value = try #require(spans.first { $0.text.contains("Evil") })
        #expect(value.style == .escaped)
    }
}
