/// An ``EventSummary`` whose text fields still point into the file's bytes.
///
/// A separate form because it borrows: it is valid only during the
/// ``EventAccumulator/add(raw:)`` call that receives it. An accumulator that interns strings
/// can look the bytes up directly and create a `String` only for values it has not seen, which
/// matters at half a million events.
public struct RawEventSummary {
    public var time: Int64
    public var eventID: UnsafeBufferPointer<UInt8>
    public var provider: UnsafeBufferPointer<UInt8>
    public var action: UnsafeBufferPointer<UInt8>
    /// `true` when the record carries an error code or message.
    public var failed: Bool
    public var actorARN: UnsafeBufferPointer<UInt8>
    public var accessKeyID: UnsafeBufferPointer<UInt8>
    public var sessionID: UnsafeBufferPointer<UInt8>
    public var account: UnsafeBufferPointer<UInt8>
    public var region: UnsafeBufferPointer<UInt8>
    public var source: UnsafeBufferPointer<UInt8>
    /// The ``RequestTarget`` value, empty when the request names none.
    public var target: UnsafeBufferPointer<UInt8>

    public init(
        time: Int64, eventID: UnsafeBufferPointer<UInt8>, provider: UnsafeBufferPointer<UInt8>,
        action: UnsafeBufferPointer<UInt8>, failed: Bool, actorARN: UnsafeBufferPointer<UInt8>,
        accessKeyID: UnsafeBufferPointer<UInt8>, sessionID: UnsafeBufferPointer<UInt8>,
        account: UnsafeBufferPointer<UInt8>, region: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>,
        target: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    ) {
        self.time = time
        self.eventID = eventID
        self.provider = provider
        self.action = action
        self.failed = failed
        self.actorARN = actorARN
        self.accessKeyID = accessKeyID
        self.sessionID = sessionID
        self.account = account
        self.region = region
        self.source = source
        self.target = target
    }

    /// The same summary with owned strings.
    public var summary: EventSummary {
        func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        return EventSummary(
            time: time, eventID: text(eventID), provider: text(provider), action: text(action),
            outcome: failed ? "failure" : "success", actorARN: text(actorARN), accessKeyID: text(accessKeyID),
            sessionID: text(sessionID), account: text(account), region: text(region), source: text(source),
            target: text(target)
        )
    }
}
