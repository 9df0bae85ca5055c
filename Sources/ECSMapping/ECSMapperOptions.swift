/// Settings for ``ECSMapper``.
public struct ECSMapperOptions: Sendable {
    /// Which forms of `requestParameters`, `responseElements`, `additionalEventData` and
    /// `serviceEventDetails` to keep (Elastic's `_conf.retain`, spec §7).
    public enum RetainMode: String, Sendable {
        /// The `Map.toString()` keyword strings and the flattened objects (TrailTriage's default).
        case all
        /// Only the keyword strings.
        case keyword
        /// Only the flattened objects.
        case flattened
        /// Neither form.
        case none
        /// The keyword strings, plus only those flattened leaves that detection rules and the
        /// investigation guides read (see ``ECSMinimalRetention``).
        case minimal
    }

    /// Which payload forms to keep. Defaults to ``RetainMode/all``.
    public var retain: RetainMode
    /// When the reader read the record, as text. Becomes `event.created`; `nil` omits it.
    public var readTime: String?
    /// When TrailTriage ingested the record, as text. Becomes `event.ingested`; `nil` omits it.
    public var ingestedTime: String?

    /// User agent (and GeoIP/ASN) lookups; none by default.
    public var enrichment: ECSEnrichment

    public init(
        retain: RetainMode = .all, readTime: String? = nil, ingestedTime: String? = nil,
        enrichment: ECSEnrichment = ECSEnrichment()
    ) {
        self.enrichment = enrichment
        self.retain = retain
        self.readTime = readTime
        self.ingestedTime = ingestedTime
    }
}
