import ECSMapping
import TrailTriageJSON

/// The request parameters analysts check first, read from the flattened (typed) request and
/// response objects of an event, never from the `Map.toString` text.
///
/// Every parameter is always present as a row; ``EventField/notInEvent`` says plainly that the
/// event does not carry it (ecs-mapping §10).
public struct KeyParameters: Sendable, Hashable {
    /// Roles a Roles Anywhere profile can hand out (`roleArns`), in request order.
    public var roleArns: EventField<[String]>
    /// The trust anchor, when the event names one (e.g. CreateTrustAnchor's response).
    /// CreateProfile does not carry it; see ``EventIndex/trustAnchors(actorARN:account:)``.
    public var trustAnchorArn: EventField<String>
    /// The requested session duration.
    public var durationSeconds: EventField<DurationValue>
    /// The IAM user the request names (`userName`, e.g. the user CreateUser creates).
    public var userName: EventField<String>
    /// The name of the created profile or trust anchor (`name`).
    public var profileName: EventField<String>

    public init(
        roleArns: EventField<[String]> = .notInEvent,
        trustAnchorArn: EventField<String> = .notInEvent,
        durationSeconds: EventField<DurationValue> = .notInEvent,
        userName: EventField<String> = .notInEvent,
        profileName: EventField<String> = .notInEvent
    ) {
        self.roleArns = roleArns
        self.trustAnchorArn = trustAnchorArn
        self.durationSeconds = durationSeconds
        self.userName = userName
        self.profileName = profileName
    }

    /// A duration as written in the event, with its human form when it is a whole number.
    public struct DurationValue: Sendable, Hashable {
        /// The text as logged, e.g. `43200`.
        public var text: String
        /// The value in seconds, when `text` is an integer.
        public var seconds: Int?

        public init(text: String) {
            self.text = text
            self.seconds = Int(text)
        }

        /// e.g. "12h"; `nil` when the logged text is not a whole number of seconds.
        public var humanForm: String? { seconds.map { HumanDuration.format(seconds: $0) } }
    }
}

extension KeyParameters {
    static let requestPrefix = "aws.cloudtrail.flattened.request_parameters."
    static let responsePrefix = "aws.cloudtrail.flattened.response_elements."

    /// Reads the parameters of one event. The request wins; the response is a fallback because
    /// some services echo the created object (`profile.*`, `trustAnchor.*`) only there.
    public init(document: ECSDocument) {
        func strings(_ suffixes: [String]) -> [String]? {
            for suffix in suffixes {
                let found = document.keywordValues(at: suffix)
                if !found.isEmpty { return found }
            }
            return nil
        }
        let request = Self.requestPrefix
        let response = Self.responsePrefix
        self.init()
        roleArns = EventField(strings([request + "roleArns", response + "profile.roleArns"]))
        trustAnchorArn = EventField(
            strings([
                request + "trustAnchorArn", response + "trustAnchor.trustAnchorArn", response + "trustAnchorArn",
            ])?.first)
        durationSeconds = EventField(
            strings([request + "durationSeconds", response + "profile.durationSeconds"])?
                .first.map(DurationValue.init(text:)))
        userName = EventField(strings([request + "userName"])?.first)
        profileName = EventField(strings([request + "name", response + "profile.name"])?.first)
    }

    /// The parameters as labelled rows in their fixed order, for the pane and the export.
    /// A row with no values means the event does not carry the parameter.
    public var rows: [KeyParameterRow] {
        [
            KeyParameterRow(label: "roleArns", values: roleArns.value ?? []),
            KeyParameterRow(label: "trustAnchorArn", values: trustAnchorArn.value.map { [$0] } ?? []),
            KeyParameterRow(
                label: "durationSeconds",
                values: durationSeconds.value.map { value in
                    [value.humanForm.map { "\(value.text) (\($0))" } ?? value.text]
                } ?? []
            ),
            KeyParameterRow(label: "userName", values: userName.value.map { [$0] } ?? []),
            KeyParameterRow(label: "name", values: profileName.value.map { [$0] } ?? []),
        ]
    }
}

/// One labelled key parameter, one value per line (`roleArns` has several).
public struct KeyParameterRow: Sendable, Hashable {
    public var label: String
    /// Empty when the event does not carry the parameter.
    public var values: [String]

    public init(label: String, values: [String]) {
        self.label = label
        self.values = values
    }

    /// The wording used for a parameter the event does not carry.
    public static let absentText = "not in this event"
}
