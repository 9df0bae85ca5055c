import Foundation

enum ProcessorCount {
    static var current: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
