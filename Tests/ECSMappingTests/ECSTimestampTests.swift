import ECSMapping
import Testing

@Suite struct ECSTimestampTests {
    @Test(arguments: [
        ("2014-03-24T21:11:59Z", Int64(1_395_695_519_000)),
        ("2014-03-24T21:11:59.123Z", 1_395_695_519_123),
        ("2024-10-10T12:55:43.023139433Z", 1_728_564_943_023),
        ("2014-03-24T21:11:59.9Z", 1_395_695_519_900),
        ("2014-03-24T23:11:59+02:00", 1_395_695_519_000),
        ("2014-03-24T16:11:59-0500", 1_395_695_519_000),
        ("2014-03-24T21:11:59+00", 1_395_695_519_000),
        ("2014-03-24T21:11:59", 1_395_695_519_000),
        ("2014-03-24T21:11Z", 1_395_695_460_000),
        ("20131102T010628Z", 1_383_354_388_000),
        ("20131102T010628.250Z", 1_383_354_388_250),
        ("2014-03-24", 1_395_619_200_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T00:00:00Z", 951_782_400_000),
    ])
    func parses(text: String, milliseconds: Int64) {
        #expect(ECSTimestamp.parse(text) == milliseconds)
    }

    @Test(arguments: [
        "", "yesterday", "2014-3-24T21:11:59Z", "2014-13-01T00:00:00Z", "2014-02-29T00:00:00Z",
        "2014-03-24T24:00:00Z", "2014-03-24T21:60:00Z", "2014-03-24T21:11:60Z", "2014-03-24T21:11:59.Z",
        "2014-03-24T21:11:59ZZ", "2014-03-24 21:11:59Z", "2014-03-24T21:11:59+2", "Mar 24, 2014 9:11:59 PM",
    ])
    func rejects(text: String) {
        #expect(ECSTimestamp.parse(text) == nil)
    }

    @Test func formatsWithMilliseconds() {
        #expect(ECSTimestamp.format(milliseconds: 1_395_695_519_000) == "2014-03-24T21:11:59.000Z")
        #expect(ECSTimestamp.format(milliseconds: 1_728_564_943_023) == "2024-10-10T12:55:43.023Z")
        #expect(ECSTimestamp.format(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ECSTimestamp.format(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(ECSTimestamp.format(milliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(ECSTimestamp.format(milliseconds: 253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
    }

    @Test func roundTripsEveryDayAcrossFourCenturies() {
        // Walk day by day from 1900 to 2300 so every leap rule (4, 100, 400) is crossed.
        var milliseconds = ECSTimestamp.parse("1900-01-01T00:00:00Z") ?? 0
        let end = ECSTimestamp.parse("2300-01-01T00:00:00Z") ?? 0
        var failures = 0
        while milliseconds < end {
            let text = ECSTimestamp.format(milliseconds: milliseconds + 45_296_789)
            if ECSTimestamp.parse(text) != milliseconds + 45_296_789 { failures += 1 }
            milliseconds += 86_400_000
        }
        #expect(failures == 0)
    }
}
