import Testing
@testable import ConsoleUI

@Test func placeholder() {}
