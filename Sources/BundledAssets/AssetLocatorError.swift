/// Why a bundled file cannot be given to the program.
public struct AssetLocatorError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file or folder.
    public let description: String
}
