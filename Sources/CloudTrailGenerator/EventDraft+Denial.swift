extension EventDraft {
    /// Turns the record into a refused call, with the error code each service really uses.
    mutating func deny() {
        let action = "\(service == "monitoring" ? "cloudwatch" : service):\(name)"
        let refusal =
            "User: \(actor.arn) is not authorized to perform: \(action) "
            + "because no identity-based policy allows the \(action) action"
        switch service {
        case "ec2":
            errorCode = "Client.UnauthorizedOperation"
            errorMessage = "You are not authorized to perform this operation. " + refusal
        case "kms", "ssm", "lambda", "dynamodb", "logs", "secretsmanager", "ecr":
            errorCode = "AccessDenied" + (service == "kms" || service == "ecr" ? "" : "Exception")
            errorMessage = refusal
        default:
            errorCode = "AccessDenied"
            errorMessage = refusal
        }
        response = nil
        resources = []
    }
}
