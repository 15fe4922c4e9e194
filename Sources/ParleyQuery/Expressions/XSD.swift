import ParleyRDF

/// Datatype IRIs the expression layer knows, and the lexical checks they share.
enum XSD {
    static let ns = Vocabulary.xsd
    static let string = Vocabulary.xsdString
    static let integer = Vocabulary.xsdInteger
    static let decimal = Vocabulary.xsdDecimal
    static let double = Vocabulary.xsdDouble
    static let float = ns + "float"
    static let boolean = Vocabulary.xsdBoolean
    static let dateTime = ns + "dateTime"
    static let date = ns + "date"
    static let dayTimeDuration = ns + "dayTimeDuration"
    static let langString = Vocabulary.rdfLangString

    /// The XSD types derived from xsd:integer, with their value ranges (nil = unbounded).
    static let integerDerived: [String: (min: Int?, max: Int?)] = [
        ns + "long": (Int(Int64.min), Int(Int64.max)),
        ns + "int": (Int(Int32.min), Int(Int32.max)),
        ns + "short": (Int(Int16.min), Int(Int16.max)),
        ns + "byte": (Int(Int8.min), Int(Int8.max)),
        ns + "nonNegativeInteger": (0, nil),
        ns + "positiveInteger": (1, nil),
        ns + "nonPositiveInteger": (nil, 0),
        ns + "negativeInteger": (nil, -1),
        ns + "unsignedLong": (0, nil),
        ns + "unsignedInt": (0, Int(UInt32.max)),
        ns + "unsignedShort": (0, Int(UInt16.max)),
        ns + "unsignedByte": (0, Int(UInt8.max)),
    ]

    static func isNumeric(_ datatype: String) -> Bool {
        datatype == integer || datatype == decimal || datatype == double || datatype == float
            || integerDerived[datatype] != nil
    }

    /// `[+-]?[0-9]+`
    static func isIntegerLexical(_ s: Substring) -> Bool {
        var digits = s.utf8[...]
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)`
    static func isDecimalLexical(_ s: Substring) -> Bool {
        var rest = s.utf8[...]
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        var sawDigit = false, sawPoint = false
        for byte in rest {
            if byte >= 48 && byte <= 57 {
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return false
            }
        }
        return sawDigit
    }

    /// A decimal mantissa with an optional exponent, or INF, -INF, +INF, NaN.
    static func isDoubleLexical(_ s: Substring) -> Bool {
        if s == "INF" || s == "-INF" || s == "+INF" || s == "NaN" { return true }
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return isDecimalLexical(s) }
        return isDecimalLexical(s[..<e]) && isIntegerLexical(s[s.index(after: e)...])
    }

    /// The whitespace XSD's `collapse` facet strips from the ends of a lexical form.
    static func trimmed(_ s: String) -> Substring {
        let ws: Set<Character> = [" ", "\t", "\n", "\r"]
        var sub = s[...]
        while let f = sub.first, ws.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, ws.contains(l) { sub = sub.dropLast() }
        return sub
    }
}
