import ConsoleUI
import TerminalGrid
import TriageModel

extension ConsoleState {
    /// Presses keys in order and returns every effect they produced.
    @discardableResult
    mutating func press(_ keys: KeyEvent...) -> [ConsoleEffect] {
        keys.flatMap { handle($0) }
    }

    /// Types each character of `text` as a key (newlines as Enter).
    @discardableResult
    mutating func type(_ text: String) -> [ConsoleEffect] {
        text.flatMap { character in handle(character == "\n" ? .enter : .character(character)) }
    }

    /// Plays the app's part for triage effects: applies them as the store would, and reports back.
    mutating func commit(_ effects: [ConsoleEffect], time: Int64 = 1_773_400_000_000) {
        for effect in effects {
            switch effect {
            case .applyTriage(let action, let uuids):
                let current = uuids.map { (alertID: $0, state: state(of: $0) ?? .untouched) }
                didApply(TriageChange.applying(action, to: current, analyst: analyst, time: time))
            case .undo(let change):
                didUndo(change.undone(analyst: analyst, time: time))
            default:
                break
            }
        }
    }

    var selectedUUID: String? { selectedRecord?.uuid }

    /// Rendered at the state's own size, as text lines.
    var screen: [String] { ConsoleRenderer.render(self, size: size).textLines }
}

extension KeyEvent {
    static func key(_ character: Character) -> KeyEvent { .character(character) }
}
