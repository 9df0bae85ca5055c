import Foundation
import Synchronization

extension TmuxSession {
    /// The sessions this test process has released. Only released sessions are checked for
    /// leftovers, so the check cannot race a suite still running.
    final class Registry: Sendable {
        private let sockets = Mutex<Set<String>>([])

        func released(_ socket: String) {
            sockets.withLock { _ = $0.insert(socket) }
        }

        /// Socket paths of every session released so far.
        var released: Set<String> {
            sockets.withLock { $0 }
        }
    }

    static let registry = Registry()

    /// What is left of the session with `socket` after it was released: the ids of processes
    /// that carry its marker or name its socket on their command line (zombies carry neither,
    /// and hold nothing), and whether the socket file still exists.
    static func leftovers(of socket: String) -> (processes: [pid_t], socketExists: Bool) {
        let marker = Array("\(markerVariable)=\(socket)".utf8)
        var processes: [pid_t] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), pid != getpid() else { continue }
            let environment = procFile(pid, "environ").split(separator: 0)
            let commandLine = procFile(pid, "cmdline").split(separator: 0)
            if environment.contains(where: { $0.elementsEqual(marker) })
                || commandLine.contains(where: { $0.elementsEqual(socket.utf8) })
            {
                processes.append(pid)
            }
        }
        return (processes, FileManager.default.fileExists(atPath: socket))
    }

    private static func procFile(_ pid: pid_t, _ name: String) -> [UInt8] {
        FileBytes.contents(of: "/proc/\(pid)/\(name)")
    }
}
