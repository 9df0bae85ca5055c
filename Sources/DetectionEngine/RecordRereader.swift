import CloudTrailReader
import Dispatch
import Synchronization

/// Reads matched records again once alerts are decided, for what needs their content: the
/// documents of the alerts kept, and the canonical content of eventID-conflict suspects.
///
/// Why read twice: keeping every matched record's bytes until deciding made a scan's memory
/// follow the number of matching events (hundreds of MB with a broad rule pack), while the
/// alerts kept after new terms and max_signals are few. Reading again costs one more
/// decompression of only the files that hold them. A file can change in between, so each record
/// read again is checked against the digest taken when it matched; one that no longer fits is
/// reported with its file instead of giving an alert for other content.
struct RecordRereader: Sendable {
    let readLimits: ReadLimits
    let digestKey: UInt64
    let workers: Int

    /// Why a file's records could not be read again, and how many were lost.
    struct FileFailure: Sendable {
        var file: String
        var reason: String
        var records: Int
    }

    /// Runs `body` on the bytes of the records at `positions` in `table`, a file at a time on
    /// the workers. Values come back in the order of `positions`; `nil` for a record that could
    /// not be read again, whose file is then in `failures` (in path order).
    func read<Value: Sendable>(
        _ positions: [Int], in table: MatchTable, _ body: @Sendable (UnsafeBufferPointer<UInt8>) -> Value?
    ) -> (values: [Value?], failures: [FileFailure]) {
        let slotsByFile = Dictionary(grouping: positions.indices) { table.paths[table.records[positions[$0]].file] }
        let files = slotsByFile.keys.sorted()
        let state = Mutex(
            (
                next: 0, values: [Value?](repeating: nil, count: positions.count),
                failures: [FileFailure?](
                    repeating: nil, count: files.count)
            ))
        DispatchQueue.concurrentPerform(iterations: min(max(workers, 1), max(files.count, 1))) { _ in
            while true {
                let claimed: Int? = state.withLock { state in
                    guard state.next < files.count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let fileIndex = claimed else { return }
                let slots = slotsByFile[files[fileIndex]] ?? []
                let (values, failure) = read(
                    file: files[fileIndex], slots: slots, positions: positions, table: table, body)
                state.withLock { state in
                    for (slot, value) in zip(slots, values) { state.values[slot] = value }
                    state.failures[fileIndex] = failure
                }
            }
        }
        return state.withLock { ($0.values, $0.failures.compactMap { $0 }) }
    }

    private func read<Value>(
        file: String, slots: [Int], positions: [Int], table: MatchTable,
        _ body: (UnsafeBufferPointer<UInt8>) -> Value?
    ) -> (values: [Value?], failure: FileFailure?) {
        // Standard input cannot be read again: its matched records kept their bytes.
        if slots.allSatisfy({ table.keptBytes[positions[$0]] != nil }) {
            let values = slots.map { slot in table.keptBytes[positions[slot]]?.withUnsafeBufferPointer(body) ?? nil }
            return (values, nil)
        }
        let loaded: FileLoader.Loaded
        do {
            loaded = try FileLoader.load(InputFile(path: file), limits: readLimits)
        } catch {
            return (
                slots.map { _ in nil },
                FileFailure(
                    file: file, reason: "could not be read again after the scan (\(error.reason))", records: slots.count
                )
            )
        }
        var changed = 0
        let values = loaded.bytes.withUnsafeBufferPointer { buffer -> [Value?] in
            slots.map { slot in
                let record = table.records[positions[slot]]
                guard record.range.upperBound <= buffer.count else {
                    changed += 1
                    return nil
                }
                let bytes = UnsafeBufferPointer(rebasing: buffer[record.range])
                guard RecordDigest(bytes, key: digestKey) == record.digest else {
                    changed += 1
                    return nil
                }
                return body(bytes)
            }
        }
        guard changed > 0 else { return (values, nil) }
        return (values, FileFailure(file: file, reason: "changed after the scan read it", records: changed))
    }
}
