import Foundation

/// Unpacks the files embedded in the binary into a folder named after their digest.
enum EmbeddedAssets {
    /// Unpacks every embedded file under `parent/<digest>` unless a complete copy is already
    /// there, and returns that folder. A copy is complete when every file has its size; one that
    /// is not (an interrupted or edited copy) is replaced. Files are written into a private
    /// temporary folder first and moved into place in one rename, so two programs starting at
    /// once never see half a copy.
    static func unpack(into parent: String) throws(AssetLocatorError) -> String {
        let destination = parent + "/" + embeddedAssetDigest
        if isComplete(destination) { return destination }
        let manager = FileManager.default
        let staging = parent + "/.unpacking-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try manager.createDirectory(
                atPath: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for file in embeddedAssetFiles {
                let path = file.path
                guard !path.isEmpty, !path.split(separator: "/").contains(".."), let bytes = file.bytes else {
                    throw AssetLocatorError(description: "the embedded asset \(path) is damaged; rebuild trailtriage")
                }
                let target = staging + "/" + path
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                guard manager.createFile(atPath: target, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
                else {
                    throw AssetLocatorError(description: "cannot write \(target)")
                }
            }
            if manager.fileExists(atPath: destination) {
                if isComplete(destination) {
                    try? manager.removeItem(atPath: staging)
                    return destination
                }
                try manager.removeItem(atPath: destination)
            }
            if rename(staging, destination) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: staging)
                // Another program may have put a complete copy in place first.
                if isComplete(destination) { return destination }
                throw AssetLocatorError(description: "cannot move the bundled assets into \(destination): \(reason)")
            }
            return destination
        } catch let error as AssetLocatorError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw AssetLocatorError(description: "cannot unpack the bundled assets into \(parent): \(error)")
        }
    }

    /// Whether `folder` holds every embedded file with its size.
    static func isComplete(_ folder: String) -> Bool {
        let manager = FileManager.default
        return embeddedAssetFiles.allSatisfy { file in
            let attributes = try? manager.attributesOfItem(atPath: folder + "/" + file.path)
            return (attributes?[.type] as? FileAttributeType) == .typeRegular
                && (attributes?[.size] as? NSNumber)?.intValue == file.size
        }
    }
}
