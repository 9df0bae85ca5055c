import Foundation

/// One file of `Assets/` as the EmbedAssets plugin embeds it in the binary.
struct EmbeddedAssetFile: Sendable {
    /// The path under `Assets/`, base64-encoded.
    let pathBase64: StaticString
    /// The file's size in bytes.
    let size: Int
    /// The file's bytes, base64-encoded.
    let base64: StaticString

    /// The path under `Assets/`, such as `rules/aws_iam_roles_anywhere_profile_creation.toml`.
    var path: String { String(decoding: Self.decode(pathBase64) ?? [], as: UTF8.self) }

    /// The file's bytes, or `nil` if the embedded text were damaged.
    var bytes: [UInt8]? {
        guard let bytes = Self.decode(base64), bytes.count == size else { return nil }
        return bytes
    }

    private static func decode(_ text: StaticString) -> [UInt8]? {
        text.withUTF8Buffer { buffer in
            Data(base64Encoded: Data(buffer)).map { [UInt8]($0) }
        }
    }
}
