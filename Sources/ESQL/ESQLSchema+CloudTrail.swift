extension ESQLSchema {
    /// `logs-aws.cloudtrail-*`: the ECS and CloudTrail fields of Elastic's AWS integration (its field
    /// definitions, the ECS fields its pipeline writes, and the enrichment fields GeoIP, ASN and
    /// user-agent parsing add), typed as that mapping types them.
    public static let cloudTrail = ESQLSchema(
        fieldTypes: cloudTrailFieldTypes,
        openFamilies: [
            // Flattened payloads: every leaf is a keyword.
            "aws.cloudtrail.flattened.": .keyword,
            "aws.s3.metadata.": .keyword,
            "container.labels.": .keyword,
        ]
    )

    /// `.alerts-security.*`: the CloudTrail fields (alerts copy their source document) plus the
    /// `kibana.alert.*` fields the AWS alert-correlation rule reads.
    public static let securityAlerts = cloudTrail.adding([
        "kibana.alert.workflow_status": .keyword, "kibana.alert.rule.name": .keyword,
        "kibana.alert.rule.rule_id": .keyword, "kibana.alert.rule.uuid": .keyword,
        "kibana.alert.rule.type": .keyword, "kibana.alert.rule.tags": .keyword,
        "kibana.alert.rule.category": .keyword, "kibana.alert.risk_score": .double,
        "kibana.alert.severity": .keyword, "kibana.alert.uuid": .keyword, "kibana.alert.status": .keyword,
        "kibana.alert.original_time": .date, "kibana.alert.reason": .keyword,
        "kibana.alert.building_block_type": .keyword, "kibana.alert.group.id": .keyword,
        "kibana.space_ids": .keyword, "signal.rule.name": .keyword,
    ])

    private static var cloudTrailFieldTypes: [String: ESQLFieldType] {
        var types: [String: ESQLFieldType] = [:]
        for name in keywordFields { types[name] = .keyword }
        for name in [
            "@timestamp", "event.ingested", "event.created", "event.start", "event.end",
            "aws.cloudtrail.user_identity.session_context.creation_date",
        ] {
            types[name] = .date
        }
        for name in ["source.ip", "related.ip", "host.ip", "client.ip", "destination.ip"] { types[name] = .ip }
        for name in [
            "source.port", "source.as.number", "event.duration", "event.sequence", "event.severity",
            "client.as.number", "destination.as.number", "destination.port", "client.port",
        ] {
            types[name] = .long
        }
        for name in [
            "source.geo.location.lat", "source.geo.location.lon", "event.risk_score",
            "event.risk_score_norm",
        ] {
            types[name] = .double
        }
        for name in [
            "aws.cloudtrail.read_only", "aws.cloudtrail.console_login.additional_eventdata.mobile_version",
            "aws.cloudtrail.console_login.additional_eventdata.mfa_used", "host.containerized",
        ] {
            types[name] = .boolean
        }
        return types
    }

    private static let keywordFields: [String] = [
        // Constants and bookkeeping.
        "data_stream.type", "data_stream.dataset", "data_stream.namespace", "ecs.version", "input.type",
        "tags", "error.message", "message", "log.file.path",
        "event.action", "event.category", "event.dataset", "event.id", "event.kind", "event.module",
        "event.original", "event.outcome", "event.provider", "event.type", "event.code", "event.reason",
        "cloud.account.id", "cloud.account.name", "cloud.availability_zone", "cloud.instance.id",
        "cloud.instance.name", "cloud.machine.type", "cloud.provider", "cloud.project.id", "cloud.region",
        "cloud.image.id", "cloud.service.name",
        // CloudTrail record fields.
        "aws.cloudtrail.event_version", "aws.cloudtrail.event_category", "aws.cloudtrail.event_type",
        "aws.cloudtrail.error_code", "aws.cloudtrail.error_message", "aws.cloudtrail.request_parameters",
        "aws.cloudtrail.response_elements", "aws.cloudtrail.additional_eventdata", "aws.cloudtrail.request_id",
        "aws.cloudtrail.api_version", "aws.cloudtrail.management_event", "aws.cloudtrail.resources.arn",
        "aws.cloudtrail.resources.account_id", "aws.cloudtrail.resources.type",
        "aws.cloudtrail.recipient_account_id", "aws.cloudtrail.service_event_details",
        "aws.cloudtrail.shared_event_id", "aws.cloudtrail.vpc_endpoint_id",
        "aws.cloudtrail.vpc_endpoint_account_id", "aws.cloudtrail.session_credential_from_console",
        "aws.cloudtrail.console_login.additional_eventdata.login_to", "aws.cloudtrail.tls_details.key_exchange",
        "aws.cloudtrail.addendum.reason", "aws.cloudtrail.addendum.updated_fields",
        "aws.cloudtrail.addendum.original_request_id", "aws.cloudtrail.addendum.original_event_id",
        "aws.cloudtrail.edge_device_details", "aws.cloudtrail.insight_details",
        "aws.cloudtrail.digest.log_files",
        // userIdentity.
        "aws.cloudtrail.user_identity.type", "aws.cloudtrail.user_identity.arn",
        "aws.cloudtrail.user_identity.access_key_id", "aws.cloudtrail.user_identity.principal_id",
        "aws.cloudtrail.user_identity.invoked_by", "aws.cloudtrail.user_identity.credential_id",
        "aws.cloudtrail.user_identity.identity_provider",
        "aws.cloudtrail.user_identity.invoked_by_delegate.account_id",
        "aws.cloudtrail.user_identity.on_behalf_of.user_id",
        "aws.cloudtrail.user_identity.on_behalf_of.identity_store_arn",
        "aws.cloudtrail.user_identity.in_scope_of.issuer_type",
        "aws.cloudtrail.user_identity.in_scope_of.credentials_issued_to",
        "aws.cloudtrail.user_identity.in_scope_of.source_arn",
        "aws.cloudtrail.user_identity.in_scope_of.source_account",
        "aws.cloudtrail.user_identity.session_context.mfa_authenticated",
        "aws.cloudtrail.user_identity.session_context.session_issuer.type",
        "aws.cloudtrail.user_identity.session_context.session_issuer.principal_id",
        "aws.cloudtrail.user_identity.session_context.session_issuer.arn",
        "aws.cloudtrail.user_identity.session_context.session_issuer.account_id",
        "aws.cloudtrail.user_identity.session_context.ec2_role_delivery",
        "aws.cloudtrail.user_identity.session_context.source_identity",
        "aws.cloudtrail.user_identity.session_context.assumed_root",
        "aws.cloudtrail.user_identity.session_context.sign_in_session_arn",
        "aws.cloudtrail.user_identity.session_context.web_id_federation_data.federated_provider",
        // S3 access logs share the index.
        "aws.s3.bucket.name", "aws.s3.bucket.arn", "aws.s3.object.key",
        // Users, groups, services, entities.
        "user.id", "user.name", "user.email", "user.domain", "user.full_name", "user.changes.name",
        "user.target.id", "user.target.name", "user.target.email", "user.entity.id", "user.target.entity.id",
        "group.id", "group.name", "service.name", "service.entity.id", "service.target.entity.id",
        "host.entity.id", "host.target.entity.id", "entity.id", "entity.target.id", "actor.entity.id",
        "target.entity.id", "related.entity", "related.user", "related.hosts", "related.hash",
        // Network, TLS and enrichment.
        "source.address", "source.domain", "source.as.organization.name", "source.geo.city_name",
        "source.geo.continent_code", "source.geo.continent_name", "source.geo.country_iso_code",
        "source.geo.country_name", "source.geo.region_iso_code", "source.geo.region_name",
        "source.geo.postal_code", "source.geo.timezone", "source.geo.name",
        "tls.cipher", "tls.version", "tls.version_protocol", "tls.client.server_name",
        "user_agent.original", "user_agent.name", "user_agent.version", "user_agent.device.name",
        "user_agent.os.name", "user_agent.os.full", "user_agent.os.version", "user_agent.os.family",
        "user_agent.os.platform", "user_agent.os.kernel",
        // Files (digest records) and the shipper.
        "file.path", "file.hash.md5", "file.hash.sha1", "file.hash.sha256", "file.hash.sha512",
        "agent.id", "agent.name", "agent.type", "agent.version", "agent.ephemeral_id",
        "container.id", "container.image.name", "container.name",
        "host.architecture", "host.domain", "host.hostname", "host.id", "host.mac", "host.name", "host.type",
        "host.os.family", "host.os.kernel", "host.os.name", "host.os.platform", "host.os.version",
        "host.os.build", "host.os.codename",
    ]
}
