import Alerts
import DetectionRules
import ECSMapping
import RelatedActivity
import TrailTriageJSON

/// Everything about one alert that triage and export need, without the logs: what the state
/// database keeps per alert.
public struct AlertRecord: Sendable, Hashable {
    /// `kibana.alert.uuid`.
    public var uuid: String
    public var rule: AlertRule
    public var mitre: [MITRETechnique]
    /// The source event's `@timestamp`, epoch milliseconds.
    public var originalTime: Int64
    /// The alert as one flat Kibana-shaped object (`kibana.alert.*` then the ECS fields).
    public let flatJSON: JSONObject
    /// The source event: the scan's own document for a record made from an alert, rebuilt
    /// once from `flatJSON` for one read back from the store. The detail pane, the sidebar and
    /// export all read it, several times per screen.
    public let document: ECSDocument
    public var guide: GuideSnapshot
    /// The actor's events around the alert, as they were when the alert was saved.
    public var relatedActivity: [RelatedEvent]
    /// CreateTrustAnchor calls by the same actor or in the same account.
    public var trustAnchors: [RelatedTrustAnchor]
    /// The earliest loaded event in which this actor performed this action.
    public var firstSeen: EventSummary?

    /// A record from its stored form: the document is rebuilt from `flatJSON`.
    public init(
        uuid: String, rule: AlertRule, mitre: [MITRETechnique] = [], originalTime: Int64,
        flatJSON: JSONObject, guide: GuideSnapshot = GuideSnapshot(), relatedActivity: [RelatedEvent] = [],
        trustAnchors: [RelatedTrustAnchor] = [], firstSeen: EventSummary? = nil
    ) {
        let document = ECSDocument(
            flattened: flatJSON.members, skippingPrefixes: ["kibana.", "trailtriage."],
            timestampMilliseconds: originalTime, eventID: flatJSON["event.id"]?.stringValue
        )
        self.init(
            uuid: uuid, rule: rule, mitre: mitre, originalTime: originalTime, flatJSON: flatJSON, document: document,
            guide: guide, relatedActivity: relatedActivity, trustAnchors: trustAnchors, firstSeen: firstSeen
        )
    }

    private init(
        uuid: String, rule: AlertRule, mitre: [MITRETechnique], originalTime: Int64, flatJSON: JSONObject,
        document: ECSDocument, guide: GuideSnapshot, relatedActivity: [RelatedEvent],
        trustAnchors: [RelatedTrustAnchor], firstSeen: EventSummary?
    ) {
        self.uuid = uuid
        self.rule = rule
        self.mitre = mitre
        self.originalTime = originalTime
        self.flatJSON = flatJSON
        self.document = document
        self.guide = guide
        self.relatedActivity = relatedActivity
        self.trustAnchors = trustAnchors
        self.firstSeen = firstSeen
    }

    /// Builds the record of a scan alert. `rule` supplies the guide and MITRE mapping; `index`
    /// supplies related activity (both optional so a record can be made from an alert alone).
    public init(
        alert: Alert, rule: DetectionRule?, index: EventIndex?,
        windowMilliseconds: Int64 = EventIndex.defaultWindowMilliseconds
    ) {
        self.init(
            alert: alert, guide: rule.map(GuideSnapshot.init(rule:)) ?? GuideSnapshot(),
            mitre: rule.map { MITRETechnique.from($0.threat) } ?? [], index: index,
            windowMilliseconds: windowMilliseconds
        )
    }

    /// Builds the record of a scan alert from a guide and MITRE mapping made once per rule
    /// (parsing a rule's guide for each of its alerts would repeat the same work). The alert's
    /// document is used as it is; `flatJSON` is made from it for the store and the raw view.
    public init(
        alert: Alert, guide: GuideSnapshot, mitre: [MITRETechnique], index: EventIndex?,
        windowMilliseconds: Int64 = EventIndex.defaultWindowMilliseconds
    ) {
        self.init(
            uuid: alert.uuid, rule: alert.rule, mitre: mitre,
            originalTime: alert.originalTime, flatJSON: alert.flatJSON, document: alert.document,
            guide: guide, relatedActivity: [], trustAnchors: [], firstSeen: nil
        )
        if let index {
            relate(EventSummary(document: alert.document), in: index, windowMilliseconds: windowMilliseconds)
        }
    }

    /// Fills in related activity, trust anchors and first-seen from `index`, for the alert's
    /// event summarised by `anchor`. The console lists alerts before the index is built and
    /// fills these in once it is.
    public mutating func relate(
        _ anchor: EventSummary, in index: EventIndex, windowMilliseconds: Int64 = EventIndex.defaultWindowMilliseconds
    ) {
        relatedActivity = index.related(to: anchor, windowMilliseconds: windowMilliseconds)
        trustAnchors = index.trustAnchors(actorARN: anchor.actorARN, account: anchor.account)
        firstSeen = index.firstSeen(actorARN: anchor.actorARN, action: anchor.action)
    }

    public var keyParameters: KeyParameters { KeyParameters(document: document) }
    public var actor: ActorSummary { ActorSummary(document: document) }
    public var source: SourceSummary { SourceSummary(document: document) }

    /// The event's `event.action`, e.g. `CreateProfile`.
    public var action: String { flatJSON["event.action"]?.stringValue ?? "" }

    /// Values of the rule's highlighted fields, in the rule's order; fields the event lacks are
    /// left out, as Kibana hides empty highlighted fields.
    public var highlightedFields: [(field: String, values: [String])] {
        let document = document
        return guide.investigationFields.compactMap { field in
            let values =
                field == "@timestamp"
                ? [ECSTimestamp.format(milliseconds: originalTime)] : document.keywordValues(at: field)
            return values.isEmpty ? nil : (field, values)
        }
    }
}
