import TrailTriageJSON

extension ECSMapper {
    /// ConsoleLogin's `additionalEventData` as typed fields (spec §3.6).
    func mapConsoleLogin(eventName: String?, payloads: Payloads, into context: inout MappingContext) {
        guard eventName == "ConsoleLogin", let data = payloads.additionalEventData?.pruned else { return }
        let target = "aws.cloudtrail.console_login.additional_eventdata."
        let field = "additionalEventData."
        if let mobile = context.text(data["MobileVersion"], field: field + "MobileVersion") {
            context.fields.set(target + "mobile_version", .bool(mobile != "No"))
        }
        context.copy(data["LoginTo"], field: field + "LoginTo", to: target + "login_to")
        if let mfa = context.text(data["MFAUsed"], field: field + "MFAUsed") {
            context.fields.set(target + "mfa_used", .bool(mfa != "No"))
        }
    }
}
