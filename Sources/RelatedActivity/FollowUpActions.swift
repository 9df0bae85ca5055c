/// Actions the investigation guides name as follow-ups worth highlighting in related activity:
/// persistence and privilege steps an attacker takes after the alerting call.
public enum FollowUpActions {
    /// Roles Anywhere and role follow-ups (CreateProfile guide), then user follow-ups (CreateUser guide).
    public static let all: Set<String> = [
        "CreateTrustAnchor", "CreateRole", "PutRolePolicy", "AttachRolePolicy", "CreateSession",
        "CreateAccessKey", "AttachUserPolicy", "CreateLoginProfile",
    ]

    /// Whether `action` is a highlighted follow-up.
    public static func contains(_ action: String) -> Bool { all.contains(action) }
}
