/// Prints JSON numbers as Java prints the boxed values a JSON parser makes from them.
///
/// Elasticsearch's parser turns integers into `Integer`/`Long`/`BigInteger` (printed as plain
/// decimals) and everything with a fraction or exponent into `Double`, which `Double.toString`
/// prints as the shortest round-tripping digits: plainly (`1.5`, `100.0`) when
/// 10⁻³ ≤ |x| < 10⁷, otherwise in computerized scientific notation (`1.0E7`, `1.5E-4`).
enum JavaNumberText {
    static func text(forJSONNumber text: String) -> String {
        if isInteger(text) {
            // "-0" parses to the integer 0.
            if text.utf8.first == UInt8(ascii: "-"), text.utf8.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return "0"
            }
            return text
        }
        guard let value = Double(text) else { return text }
        return javaDoubleText(value)
    }

    static func isInteger(_ text: String) -> Bool {
        for byte in text.utf8 where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        {
            return false
        }
        return true
    }

    static func javaDoubleText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }

        // Swift's description already gives the shortest round-tripping digits; only the layout
        // differs from Java's. Decompose it into digits and a decimal exponent.
        let (digits, pointPosition) = decimalDigits(of: abs(value))
        let exponent = pointPosition - 1  // value = d.ddd × 10^exponent
        var result = value < 0 ? "-" : ""
        if exponent >= -3 && exponent < 7 {
            if exponent >= 0 {
                let integerCount = exponent + 1
                if digits.count <= integerCount {
                    result += digits + String(repeating: "0", count: integerCount - digits.count) + ".0"
                } else {
                    result += String(digits.prefix(integerCount)) + "." + String(digits.dropFirst(integerCount))
                }
            } else {
                result += "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
        } else {
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            result += first + "." + (rest.isEmpty ? "0" : String(rest)) + "E" + String(exponent)
        }
        return result
    }

    /// Significant digits (no leading or trailing zeros) and the position of the decimal point
    /// relative to the first digit: value = 0.DIGITS × 10^pointPosition.
    private static func decimalDigits(of value: Double) -> (digits: String, pointPosition: Int) {
        let description = value.description
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
                continue
            }
            if digits.isEmpty && character == "0" {
                // Leading zeros before the first significant digit move the point left.
                if seenPoint { pointPosition -= 1 }
                continue
            }
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
        while digits.count > 1 && digits.hasSuffix("0") {
            digits.removeLast()
        }
        return (digits, pointPosition + exponent)
    }
}
