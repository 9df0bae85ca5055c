import ConsoleUI
import TerminalGrid
import TriageModel

extension ConsoleState {
    /// Presses keys in order and returns every effect they produced.
    @discardableResult
    public mutating func press(_ keys: KeyEvent...) -> [ConsoleEffect] {
        keys.flatMap { handle($0) }
    }

    /// Types each character of `text` as a key (newlines as Enter).
    @discardableResult
    public mutating func type(_ text: String) -> [ConsoleEffect] {
        text.flatMap { character in handle(character == "\n" ? .enter : .character(character)) }
    }

    /// Plays the app's part for triage effects: applies them as the store would, and reports back.
    public mutating func commit(_ effects: [ConsoleEffect], time: Int64 = 1_773_400_000_000) {
        for effect in effects {
            switch effect {
            case .applyTriage(let action, let targets):
                let current = targets.map { (alertID: $0.alertID, revision: revision(of: $0.alertID)) }
                didApply(TriageChange.applying(action, to: current, analyst: analyst, time: time))
            case .undo(let change):
                didUndo(change.undone(analyst: analyst, time: time))
            case .openNote(let uuid):
                didReadNote(revision(of: uuid), uuid: uuid)
            default:
                break
            }
        }
    }

    /// The alert's state in memory as the store would return it (no other console writes here).
    public func revision(of uuid: String) -> TriageRevision {
        TriageRevision(state: state(of: uuid) ?? .untouched, version: version(of: uuid) ?? 0)
    }

    /// Targets at the versions in memory, as the reducer names them.
    public func targeting(_ uuids: String...) -> [TriageTarget] {
        uuids.map { TriageTarget(alertID: $0, version: version(of: $0) ?? 0) }
    }

    public var selectedUUID: String? { selectedRecord?.uuid }

    /// Rendered at the state's own size, as text lines.
    public var screen: [String] { ConsoleRenderer.render(self, size: size).textLines }
}

extension KeyEvent {
    public static func key(_ character: Character) -> KeyEvent { .character(character) }
}
