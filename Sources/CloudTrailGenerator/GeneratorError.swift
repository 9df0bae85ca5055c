/// Reasons ``CloudTrailGenerator`` refuses a configuration or cannot write its output.
public enum GeneratorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is out of range; the string names the value and the accepted range.
    case invalidConfiguration(String)
    /// A directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A file could not be written.
    case cannotWriteFile(path: String, reason: String)
    /// zlib reported an error while compressing.
    case compressionFailed(code: Int32)

    public var description: String {
        switch self {
        case .invalidConfiguration(let detail):
            return "invalid generator configuration: \(detail)"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create directory \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .compressionFailed(let code):
            return "gzip compression failed (zlib error \(code))"
        }
    }
}
