import Foundation

// Writes the Swift source that embeds a directory's files (the EmbedAssets build plugin runs it
// on Assets/): `AssetArchiver ASSETS_DIR OUTPUT.swift`. Each file becomes a base64 string
// literal, which the compiler stores as plain bytes, with its path and size; a digest of all of
// them names the folder the program unpacks them into.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: AssetArchiver ASSETS_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var relativePaths: [String] = []
if let walker = FileManager.default.enumerator(
    at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
{
    for case let url as URL in walker
    where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let path = url.standardizedFileURL.path
        relativePaths.append(String(path.dropFirst(root.path.count + 1)))
    }
}
relativePaths.sort()

/// FNV-1a over paths and contents: names the unpacked folder, so a different build never reuses
/// another build's files. Not a security check; the unpacked files are verified by size.
struct Digest {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}
var digest = Digest()

var source = """
    // Generated at build time by the EmbedAssets plugin from Assets/. Not committed; do not edit.

    let embeddedAssetFiles: [EmbeddedAssetFile] = [

    """
for path in relativePaths {
    guard let data = FileManager.default.contents(atPath: root.path + "/" + path) else {
        FileHandle.standardError.write(Data("AssetArchiver: cannot read \(path)\n".utf8))
        exit(1)
    }
    digest.mix(path.utf8)
    digest.mix([0])
    digest.mix(data)
    // Paths are written as base64 too, so no file name can break out of the literal.
    let name = Data(path.utf8).base64EncodedString()
    let bytes = data.base64EncodedString()
    source += "    EmbeddedAssetFile(pathBase64: \"\(name)\", size: \(data.count), base64: \"\(bytes)\"),\n"
}
source += "]\n\nlet embeddedAssetDigest = \"\(String(digest.value, radix: 16))\"\n"

do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("AssetArchiver: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
