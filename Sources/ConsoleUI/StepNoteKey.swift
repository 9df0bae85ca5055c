import TriageModel

/// One checklist step of one alert: where a step-note draft belongs.
public struct StepNoteKey: Sendable, Hashable {
    public var uuid: String
    public var step: StepKey

    public init(uuid: String, step: StepKey) {
        self.uuid = uuid
        self.step = step
    }
}
