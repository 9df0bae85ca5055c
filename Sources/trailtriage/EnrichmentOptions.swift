import ArgumentParser
import ECSMapping

/// `--geoip-dir`, shared by `scan`, the console and `rules list`, and the lookups it leads to.
struct EnrichmentOptions: ParsableArguments {
    @Option(
        name: .customLong("geoip-dir"),
        help: ArgumentHelp(
            "A directory holding GeoLite2-City.mmdb and GeoLite2-ASN.mmdb (or compatible files).",
            discussion: """
                Default: $TRAILTRIAGE_GEOIP_DIR, else $XDG_DATA_HOME/trailtriage/geoip \
                (~/.local/share/trailtriage/geoip). A directory named here or in the variable must hold both.
                """,
            valueName: "dir"))
    var geoIPDirectory: String?

    /// The user agent parser (when uap-core is installed) and the GeoIP/ASN databases found.
    ///
    /// Prints an error naming the directory and the file that is missing or unusable, and exits
    /// with status 2 (a usage error), when a directory given cannot be used.
    func enrichment() throws -> ECSEnrichment {
        let geoIP: GeoIPDatabases?
        do {
            geoIP = try GeoIPDatabases.locate(explicitDirectory: geoIPDirectory)
        } catch {
            StandardStreams.writeError("error: GeoIP databases: \(error)\n")
            throw ExitCode(2)
        }
        return ECSEnrichment(userAgents: UserAgentParser.system(), geoIP: geoIP)
    }
}
