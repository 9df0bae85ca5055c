import ESQL
import Testing

/// WHERE keeps a row only when its condition is true: null (a missing field, a multi-valued
/// comparison) drops it, whatever the negation.
struct ESQLWhereTests {
    let alice = #"{"user":{"name":"alice"},"event":{"action":"GetObject","category":["iam","web"]}}"#
    let nobody = #"{"event":{"action":"GetObject"}}"#

    @Test func notEqualAndNotEqualsDropNulls() throws {
        #expect(try keeps(#"user.name != "bob""#, alice))
        #expect(try !keeps(#"user.name != "alice""#, alice))
        #expect(try !keeps(#"user.name != "bob""#, nobody))
        #expect(try !keeps(#"NOT user.name == "bob""#, nobody))
        #expect(try keeps(#"NOT user.name == "bob""#, alice))
    }

    @Test func andOrFollowThreeValuedLogic() throws {
        #expect(try keeps(#"user.name == "x" OR event.action == "GetObject""#, nobody))
        #expect(try !keeps(#"user.name == "x" AND event.action == "GetObject""#, nobody))
        #expect(try !keeps(#"NOT (user.name == "x" OR event.action == "Nope")"#, nobody))
        #expect(try keeps(#"NOT (user.name == "x" AND event.action == "Nope")"#, nobody))
    }

    @Test func multiValuedComparisonsAreNull() throws {
        #expect(try !keeps(#"event.category == "iam""#, alice))
        #expect(try !keeps(#"event.category != "iam""#, alice))
        #expect(try !keeps(#"event.category IN ("iam", "web")"#, alice))
        #expect(try !keeps(#"event.category LIKE "*""#, alice))
        #expect(try keeps("event.category IS NOT NULL", alice))
        #expect(try keeps("MV_COUNT(event.category) == 2", alice))
    }

    @Test func inAndNotIn() throws {
        #expect(try keeps(#"event.action IN ("PutObject", "GetObject")"#, alice))
        #expect(try !keeps(#"event.action NOT IN ("PutObject", "GetObject")"#, alice))
        #expect(try keeps(#"event.action NOT IN ("PutObject")"#, alice))
        #expect(try !keeps(#"user.name NOT IN ("bob")"#, nobody))
        #expect(try !keeps(#"not user.name in ("bob")"#, nobody))
        // A null in the list makes a non-match null, but a match is still true.
        #expect(try keeps(#"event.action IN (user.name, "GetObject")"#, nobody))
        #expect(try !keeps(#"event.action NOT IN (user.name, "PutObject")"#, nobody))
        #expect(try keeps(#"true IN (STARTS_WITH(event.action, "List"), STARTS_WITH(event.action, "Get"))"#, alice))
    }

    @Test func isNullAndIsNotNull() throws {
        #expect(try keeps("user.name IS NULL", nobody))
        #expect(try !keeps("user.name IS NULL", alice))
        #expect(try keeps("user.name is not null", alice))
        #expect(try !keeps("user.name is not null", nobody))
    }

    @Test func likeIsCaseSensitiveWholeStringWithStarAndQuestionMark() throws {
        let agent = #"{"user_agent":{"original":"Boto3/1.2 Terraform/1.5"}}"#
        #expect(try keeps(#"user_agent.original LIKE "*Terraform*""#, agent))
        #expect(try !keeps(#"user_agent.original LIKE "*terraform*""#, agent))
        #expect(try !keeps(#"user_agent.original LIKE "Terraform*""#, agent))
        #expect(try keeps(#"user_agent.original LIKE "Boto?/*""#, agent))
        #expect(try !keeps(#"user_agent.original LIKE "Boto??/*""#, agent))
        #expect(try keeps(#"user_agent.original NOT LIKE "*Pulumi*""#, agent))
        #expect(try keeps(#"user.name LIKE "a\\*b""#, #"{"user":{"name":"a*b"}}"#))
        #expect(try !keeps(#"user.name LIKE "a\\*b""#, #"{"user":{"name":"axxb"}}"#))
    }

    @Test func rlikeIsAWholeStringLuceneRegex() throws {
        let policy = #"{"aws":{"cloudtrail":{"request_parameters":"{\"Effect\": \"Allow\", \"Principal\": \"*\"}"}}}"#
        #expect(try keeps(#"aws.cloudtrail.request_parameters RLIKE """.*\"Principal\": *\"\*\".*""""#, policy))
        #expect(try !keeps(#"aws.cloudtrail.request_parameters RLIKE """\"Principal\": *\"\*\"""""#, policy))
        #expect(try !keeps(#"aws.cloudtrail.request_parameters RLIKE """.*\"principal\".*""""#, policy))
        #expect(try keeps(#"aws.cloudtrail.request_parameters RLIKE """.*"Allow".*""""#, policy))
        let script = #"{"user":{"name":"x | bash -i"}}"#
        #expect(try keeps(#"user.name RLIKE """.*(nc -e|\| ?bash).*""""#, script))
        #expect(try !keeps(#"user.name RLIKE """.*(nc -e|\| ?sh).*""""#, script))
        #expect(try keeps(#"user.name RLIKE "@bash@""#, script))
    }

    @Test func comparisonsAcrossNumbersDatesAndIPs() throws {
        let document = #"{"source":{"port":443,"ip":"10.0.0.5"},"@timestamp":"2024-05-01T12:00:00.250Z"}"#
        #expect(try keeps("source.port > 100 AND source.port <= 443.0", document))
        #expect(try keeps(#"@timestamp >= "2024-05-01T12:00:00Z""#, document))
        #expect(try !keeps(#"@timestamp < "2024-05-01T12:00:00Z""#, document))
        #expect(try keeps(#"source.ip == "10.0.0.5""#, document))
        #expect(try !keeps(#"source.ip == "10.0.0.6""#, document))
    }
}
