import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` with the elements split over every core, in order. Rendering notes for a
    /// thousand alerts is independent work per alert; below a few dozen it runs on the caller.
    func concurrentMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 32)
        guard workers > 1 else { return map(transform) }
        let chunkSize = (count + workers - 1) / workers
        let parts = Mutex<[Int: [Mapped]]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { chunk in
            let range = (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
            let part = self[range].map(transform)
            parts.withLock { $0[chunk] = part }
        }
        let done = parts.withLock { $0 }
        return (0..<workers).flatMap { done[$0] ?? [] }
    }
}
