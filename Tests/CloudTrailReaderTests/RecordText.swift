@testable import CloudTrailReader

/// A minimal CloudTrail-shaped record for framing tests.
func record(_ id: String, name: String = "CreateUser") -> String {
    #"""
    {"eventVersion":"1.08","eventTime":"2026-01-02T03:04:05Z","eventSource":"iam.amazonaws.com",\#
    "eventName":"\#(name)","eventID":"\#(id)"}
    """#
}

/// The text of each record framed from `file`, in order.
func recordTexts(_ file: FramedFile) -> [String] {
    file.records.map { String(decoding: file.bytes[$0.range], as: UTF8.self) }
}
