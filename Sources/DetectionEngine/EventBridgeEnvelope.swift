import TrailTriageJSON

/// EventBridge wraps a CloudTrail event as `{"detail-type": "AWS API Call via CloudTrail", "detail": {…}}`;
/// Elastic does not unwrap it, so rules would silently miss such exports. We unwrap.
public enum EventBridgeEnvelope {
    /// The CloudTrail event inside an EventBridge envelope, or `value` itself when it is not one.
    public static func unwrap(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue,
            object["eventName"] == nil,
            object["detail-type"]?.stringValue != nil,
            let detail = object["detail"], detail.objectValue?["eventName"] != nil
        else { return value }
        return detail
    }
}
