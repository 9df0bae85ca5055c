import Alerts
import Testing

@testable import CloudTrailGenerator

/// Pins what fixed seeds produce. A corpus is described by its configuration alone (benchmark logs,
/// the bundled sample, bug reports), so any change to these digests silently changes every corpus
/// ever generated: if a change to the generator is meant to alter output, update the digests and
/// regenerate `Assets/samples` in the same commit.
@Suite struct CorpusDigestTests {
    /// The pins below hash with the alert-id SHA-256; a broken hash would make them meaningless.
    @Test func digestMatchesPublishedTestVectors() {
        #expect(SHA256.hexDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks once padded (56 bytes), the case a single-block mistake gets wrong.
        #expect(
            SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func smallCorpusIsPinned() throws {
        let pinned = digest(of: try smallCorpus.get())
        #expect(pinned == "83fc36f4d064c812e6a5c6e5ed333b9f3b5eef7e55776202b286b6880b036a19")
    }

    /// The files in `Assets/samples` give the same digest, from the repository root:
    ///
    ///     cd Assets/samples && for f in $(find AWSLogs -type f | LC_ALL=C sort); do
    ///         echo "$f"; zcat "$f"; echo; done | sha256sum
    @Test func bundledSampleDatasetIsPinned() throws {
        let pinned = digest(of: try CloudTrailGenerator.sampleDataset().files())
        #expect(pinned == "f2bc32900d866dcbc600ef7a2123f45e1e584d2b89306212d07cdeac0e4fdd03")
    }

    /// SHA-256 over each file's path, a newline, its uncompressed JSON and a newline, files sorted by
    /// path. Uncompressed, so the pin does not depend on the zlib build; sorted, so shell tools
    /// can compute it from a written corpus.
    private func digest(of files: [GeneratedFile]) -> String {
        var bytes: [UInt8] = []
        for file in files.sorted(by: { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }) {
            bytes += Array(file.relativePath.utf8)
            bytes.append(0x0A)
            bytes += file.json
            bytes.append(0x0A)
        }
        return SHA256.hexDigest(bytes)
    }
}
