import ECSMapping

/// What a CreateTrustAnchor call established.
public struct TrustAnchorDetails: Sendable, Hashable {
    /// `trustAnchor.trustAnchorArn` from the response; empty when the call failed.
    public var arn: String
    /// The anchor's `name`.
    public var name: String
    /// `source.sourceType`: `CERTIFICATE_BUNDLE`, `AWS_ACM_PCA` or `SELF_SIGNED_REPOSITORY`.
    public var sourceType: String
    /// `source.sourceData.acmPcaArn` for private-CA anchors; empty otherwise.
    public var certificateAuthorityARN: String

    public init(arn: String, name: String, sourceType: String, certificateAuthorityARN: String = "") {
        self.arn = arn
        self.name = name
        self.sourceType = sourceType
        self.certificateAuthorityARN = certificateAuthorityARN
    }

    init(document: ECSDocument) {
        let request = "aws.cloudtrail.flattened.request_parameters."
        let response = "aws.cloudtrail.flattened.response_elements."
        self.init(
            arn: document.string(at: response + "trustAnchor.trustAnchorArn") ?? "",
            name: document.string(at: request + "name") ?? document.string(at: response + "trustAnchor.name") ?? "",
            sourceType: document.string(at: request + "source.sourceType")
                ?? document.string(at: response + "trustAnchor.source.sourceType") ?? "",
            certificateAuthorityARN: document.string(at: request + "source.sourceData.acmPcaArn") ?? ""
        )
    }
}
