import Testing
import TrailTriageJSON

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingMemberOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b":1.50,"a":[true,false,null,-2e3],"c":{"d":"x"}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == .number("1.50"))
        #expect(object["a"] == .array([.bool(true), .bool(false), .null, .number("-2e3")]))
        #expect(value["c"]?["d"] == .string("x"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\n\té😀"))
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try JSONParser.parse(#""x\ud800y""#) == .string("x\u{FFFD}y"))
    }

    @Test(arguments: [
        (#"{"a":1"#, "unexpected end of input in an object"),
        (#"{"a" 1}"#, "expected ':' after a key"),
        (#"[1,]"#, "unexpected character ']'"),
        (#"{"a":tru}"#, "invalid literal"),
        (#""abc"#, "unterminated string"),
        (#"{"a":01}"#, "expected ',' or '}' in an object"),
        (#"{} x"#, "unexpected text after the JSON value"),
        ("\"a\u{01}\"", "unescaped control character in a string"),
    ])
    func rejectsInvalidJSONWithReason(input: String, reason: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = Array(#"{"userAgent":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.reason == "invalid UTF-8 in a string")
            #expect(error.offset == 14)
        }
    }

    @Test func rejectsExcessiveNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func skippingMovesPastOneValueWithoutBuildingIt() throws {
        let text = Array(#"{"a":"x}\"y","b":[1,{"c":"]"}]} tail"#.utf8)
        text.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer)
            #expect(throws: Never.self) { try scanner.skipValue() }
            #expect(scanner.position == text.count - 5)
        }
    }
}

@Suite struct JSONRepairTests {
    @Test func repairModeReplacesInvalidUTF8InsteadOfFailing() throws {
        let bytes: [UInt8] = Array(#"{"a":"x"#.utf8) + [0xFF] + Array(#"y"}"#.utf8)
        let value = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0, repairingInvalidUTF8: true) }
        #expect(value["a"] == .string("x\u{FFFD}y"))
    }

    @Test func validatingSkipRejectsWhatTheParserRejects() {
        for text in [#"{"a": oops}"#, #"{"a":1,}"#, #"["\q"]"#, #"{"a" 1}"#, "[1 2]"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(bytes: buffer)
                #expect(throws: JSONParseError.self, "\(text)") { try scanner.skipValue() }
            }
        }
    }

    @Test func utf8ValidationFindsTheFirstBadByte() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii text!".utf8), nil),
            (Array("é日本😀".utf8), nil),
            ([0x61, 0xC0, 0x80], 1),  // overlong
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // surrogate
            ([0xE6, 0x97], 0),  // cut short
        ]
        for (bytes, expected) in cases {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(UTF8Validation.firstInvalidOffset(buffer) == expected)
                #expect(UTF8Validation.isASCII(buffer) == bytes.allSatisfy { $0 < 0x80 })
            }
        }
    }
}
