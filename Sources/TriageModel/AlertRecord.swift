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
    /// The events a group alert stands for, in time order; empty for a one-event alert.
    public let members: [AlertMember]
    /// A threshold alert's group (`kibana.alert.threshold_result`).
    public let threshold: ThresholdResult?
    /// The EQL sequence the alert belongs to (`kibana.alert.group`).
    public let group: AlertGroupMembership?
    /// An aggregating ES|QL alert's returned columns, in the query's order; empty otherwise.
    public let resultColumns: [String]

    /// A record from its stored form: the document is rebuilt from `flatJSON`, and so are the
    /// group facts (members, threshold result, sequence membership, result columns).
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
            guide: guide, relatedActivity: relatedActivity, trustAnchors: trustAnchors, firstSeen: firstSeen,
            members: AlertGroupFacts.members(in: flatJSON), threshold: AlertGroupFacts.threshold(in: flatJSON),
            group: AlertGroupFacts.group(in: flatJSON), resultColumns: AlertGroupFacts.resultColumns(in: flatJSON)
        )
    }

    private init(
        uuid: String, rule: AlertRule, mitre: [MITRETechnique], originalTime: Int64, flatJSON: JSONObject,
        document: ECSDocument, guide: GuideSnapshot, relatedActivity: [RelatedEvent],
        trustAnchors: [RelatedTrustAnchor], firstSeen: EventSummary?, members: [AlertMember],
        threshold: ThresholdResult?, group: AlertGroupMembership?, resultColumns: [String]
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
        self.members = members
        self.threshold = threshold
        self.group = group
        self.resultColumns = resultColumns
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
            guide: guide, relatedActivity: [], trustAnchors: [], firstSeen: nil, members: alert.members,
            threshold: alert.threshold, group: alert.group, resultColumns: alert.resultColumns
        )
        if let index {
            relate(EventSummary(document: alert.document), in: index, windowMilliseconds: windowMilliseconds)
        }
    }

    /// Fills in related activity, trust anchors and first-seen from `index`, for the alert's
    /// event summarised by `anchor`. The console lists alerts before the index is built and
    /// fills these in once it is.
    ///
    /// A group alert's related activity is its own events, found by key, in time order: they
    /// are what the analyst judges, and its document (a group's terms, a row's columns) names
    /// no one event whose actor a window could follow.
    public mutating func relate(
        _ anchor: EventSummary, in index: EventIndex, windowMilliseconds: Int64 = EventIndex.defaultWindowMilliseconds
    ) {
        relatedActivity =
            members.isEmpty
            ? index.related(to: anchor, windowMilliseconds: windowMilliseconds)
            : index.members(members.map { ($0.eventKey, $0.time) })
        var anchor = anchor
        if !members.isEmpty {
            // A group's document may lack the actor or action; its events may all agree on one.
            let events = memberEvents
            func shared(_ value: (EventSummary) -> String) -> String? {
                let values = Set(events.map(value))
                return values.count == 1 ? values.first : nil
            }
            if anchor.actorARN.isEmpty { anchor.actorARN = shared(\.actorARN) ?? "" }
            if anchor.account.isEmpty { anchor.account = shared(\.account) ?? "" }
            if anchor.action.isEmpty { anchor.action = shared(\.action) ?? "" }
        }
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
