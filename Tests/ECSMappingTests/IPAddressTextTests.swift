import Testing

@testable import ECSMapping

@Suite struct IPAddressTextTests {
    @Test(arguments: [
        "81.2.69.144", "0.0.0.0", "255.255.255.255", "10.0.0.1",
        "::", "::1", "2001:db8::7", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "1::", "1:2:3:4:5:6:7::",
        "::ffff:192.0.2.1", "64:ff9b::198.51.100.7", "2001:DB8:0:0:8:800:200C:417A",
    ])
    func accepts(text: String) {
        #expect(IPAddressText.isValid(text))
    }

    @Test(arguments: [
        "", "AWS Internal", "ec2.amazonaws.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
        "1.2.3.4 ", " 1.2.3.4", "1..2.3", "1.2.3.", ":::", "1::2::3", ":1", "1:", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "[::1]", "::ffff:1.2.3", "1.2.3.4::", "g::1",
        "1:2:3:4:5:6:7:8::",
    ])
    func rejects(text: String) {
        #expect(!IPAddressText.isValid(text))
    }
}
