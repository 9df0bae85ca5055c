extension TOMLParser {
    /// Parses an unquoted value: Boolean, integer, float, or date/time.
    mutating func parseBareValue() throws(TOMLError) -> TOMLValue {
        let start = position
        var token = String.UnicodeScalarView()
        while let scalar = peek(), !Self.endsBareValue(scalar) {
            token.append(scalar)
            advance()
        }
        // "1979-05-27 07:32:00": RFC 3339 allows a space between date and time.
        if token.count == 10, Self.looksLikeDate(token), peek() == " ",
            let first = peek(1), let second = peek(2), Self.isDigit(first), Self.isDigit(second), peek(3) == ":"
        {
            token.append(" ")
            advance()
            while let scalar = peek(), !Self.endsBareValue(scalar) {
                token.append(scalar)
                advance()
            }
        }
        let text = String(token)
        if text.isEmpty { throw error("expected a value, found \(Self.describe(peek()))") }

        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if Self.looksLikeDate(token) || Self.looksLikeTime(token) {
            guard Self.isValidDateTime(text) else { throw TOMLError("invalid date or time '\(text)'", at: start) }
            return .dateTime(text)
        }
        if let integer = try Self.parseInteger(text, at: start) { return .integer(integer) }
        if let float = Self.parseFloat(text) { return .float(float) }
        throw TOMLError("invalid value '\(text)' (strings must be quoted)", at: start)
    }

    static func endsBareValue(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", ",", "]", "}", "#": return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    // MARK: Integers

    /// Returns `nil` when the text is not integer-shaped (so it may be a float);
    /// throws when it is integer-shaped but invalid, e.g. out of range.
    static func parseInteger(_ text: String, at position: SourcePosition) throws(TOMLError) -> Int? {
        let scalars = Array(text.unicodeScalars)
        if scalars.count > 2, scalars[0] == "0", let radix = radix(for: scalars[1]) {
            let digits = scalars[2...]
            guard validDigitGroups(digits, isDigit: { hexValue($0).map { $0 < radix } ?? false }) else {
                throw TOMLError("invalid base-\(radix) integer '\(text)'", at: position)
            }
            guard let value = Int(String(String.UnicodeScalarView(digits.filter { $0 != "_" })), radix: Int(radix))
            else {
                throw TOMLError("integer '\(text)' is out of range", at: position)
            }
            return value
        }
        var body = scalars[...]
        if let sign = body.first, sign == "+" || sign == "-" { body = body.dropFirst() }
        guard validDigitGroups(body, isDigit: isDigit) else { return nil }
        if body.count > 1 && body.first == "0" {
            throw TOMLError("leading zeros are not allowed in '\(text)'", at: position)
        }
        guard let value = Int(text.replacingUnderscores()) else {
            throw TOMLError("integer '\(text)' is out of range", at: position)
        }
        return value
    }

    static func radix(for scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "x": return 16
        case "o": return 8
        case "b": return 2
        default: return nil
        }
    }

    /// Digits with single underscores only between digits, as TOML requires.
    static func validDigitGroups(_ scalars: ArraySlice<Unicode.Scalar>, isDigit: (Unicode.Scalar) -> Bool) -> Bool {
        guard let first = scalars.first, let last = scalars.last, isDigit(first), isDigit(last) else { return false }
        var previousWasUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                if previousWasUnderscore { return false }
                previousWasUnderscore = true
            } else if isDigit(scalar) {
                previousWasUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Floats

    static func parseFloat(_ text: String) -> Double? {
        var scalars = Array(text.unicodeScalars)[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let exponentIndex = scalars.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = exponentIndex.map { scalars[..<$0] } ?? scalars
        let dotIndex = mantissa.firstIndex(of: ".")
        let integerPart = dotIndex.map { mantissa[..<$0] } ?? mantissa
        guard validDigitGroups(integerPart, isDigit: isDigit) else { return nil }
        if integerPart.count > 1 && integerPart.first == "0" { return nil }
        if let dotIndex {
            guard validDigitGroups(mantissa[(dotIndex + 1)...], isDigit: isDigit) else { return nil }
        }
        if let exponentIndex {
            var exponent = scalars[(exponentIndex + 1)...]
            if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
            guard validDigitGroups(exponent, isDigit: isDigit) else { return nil }
        }
        guard dotIndex != nil || exponentIndex != nil else { return nil }
        return Double(text.replacingUnderscores())
    }

    // MARK: Dates and times

    static func looksLikeDate(_ token: String.UnicodeScalarView) -> Bool {
        let scalars = Array(token.prefix(10))
        guard scalars.count == 10 else { return false }
        return scalars.enumerated().allSatisfy { offset, scalar in
            offset == 4 || offset == 7 ? scalar == "-" : isDigit(scalar)
        }
    }

    static func looksLikeTime(_ token: String.UnicodeScalarView) -> Bool {
        let scalars = Array(token.prefix(3))
        return scalars.count == 3 && isDigit(scalars[0]) && isDigit(scalars[1]) && scalars[2] == ":"
    }

    /// Checks RFC 3339 shapes: date, time, date-time, with optional fraction and offset.
    static func isValidDateTime(_ text: String) -> Bool {
        var rest = Array(text.unicodeScalars)[...]
        func number(_ count: Int, in range: ClosedRange<Int>) -> Bool {
            guard rest.count >= count else { return false }
            let digits = rest.prefix(count)
            guard digits.allSatisfy(isDigit), let value = Int(String(String.UnicodeScalarView(digits))) else {
                return false
            }
            rest = rest.dropFirst(count)
            return range.contains(value)
        }
        func literal(_ scalar: Unicode.Scalar) -> Bool {
            guard rest.first == scalar else { return false }
            rest = rest.dropFirst()
            return true
        }
        func time() -> Bool {
            guard number(2, in: 0...23), literal(":"), number(2, in: 0...59), literal(":"), number(2, in: 0...60) else {
                return false
            }
            if literal(".") {
                let fraction = rest.prefix { isDigit($0) }
                guard !fraction.isEmpty else { return false }
                rest = rest.dropFirst(fraction.count)
            }
            return true
        }
        if looksLikeDate(String.UnicodeScalarView(rest)) {
            guard number(4, in: 0...9999), literal("-"), number(2, in: 1...12), literal("-"), number(2, in: 1...31)
            else { return false }
            if rest.isEmpty { return true }
            guard let separator = rest.first, separator == "T" || separator == "t" || separator == " " else {
                return false
            }
            rest = rest.dropFirst()
            guard time() else { return false }
            if rest.isEmpty { return true }
            if literal("Z") || literal("z") { return rest.isEmpty }
            guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
            rest = rest.dropFirst()
            return number(2, in: 0...23) && literal(":") && number(2, in: 0...59) && rest.isEmpty
        }
        return time() && rest.isEmpty
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "_" }))
    }
}
