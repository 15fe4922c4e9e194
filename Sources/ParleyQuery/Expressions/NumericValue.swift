import Foundation
import ParleyRDF

/// The value of a numeric literal, in the type SPARQL's operator table works in.
///
/// Guarantees: integers are exact (`Int`, with overflow moving the result to `.decimal`),
/// decimals are exact within `Foundation.Decimal`'s 38 digits, floats and doubles follow IEEE
/// 754. ``term`` writes the canonical lexical form: `3`, `1.5` / `3.0`, `1.5E0`.
enum NumericValue: Sendable {
    case integer(Int)
    case decimal(Decimal)
    case float(Float)
    case double(Double)

    /// The promotion rank of §17.3 (integer → decimal → float → double).
    var rank: Int {
        switch self {
        case .integer: 0
        case .decimal: 1
        case .float: 2
        case .double: 3
        }
    }

    /// The value of a numeric literal, or nil when its datatype is not numeric or its
    /// lexical form is not valid for it.
    init?(_ term: Term) {
        guard case .literal(let literal) = term else { return nil }
        self.init(literal)
    }

    init?(_ literal: Literal) {
        let dt = literal.datatype
        let lexical = XSD.trimmed(literal.lexical)
        if dt == XSD.integer {
            guard let value = Self.parseInteger(lexical) else { return nil }
            self = value
        } else if let range = XSD.integerDerived[dt] {
            guard let value = Self.parseInteger(lexical) else { return nil }
            if case .integer(let i) = value {
                if let min = range.min, i < min { return nil }
                if let max = range.max, i > max { return nil }
            } else if case .decimal(let d) = value {
                // Beyond Int: only the unbounded-above types accept a big positive value.
                if range.max != nil || d < 0 { return nil }
            }
            self = value
        } else if dt == XSD.decimal {
            guard XSD.isDecimalLexical(lexical), let d = Self.parseDecimal(lexical) else { return nil }
            self = .decimal(d)
        } else if dt == XSD.double {
            guard let d = Self.parseDouble(lexical) else { return nil }
            self = .double(d)
        } else if dt == XSD.float {
            guard let d = Self.parseDouble(lexical) else { return nil }
            self = .float(Float(d))
        } else {
            return nil
        }
    }

    static func parseInteger(_ s: Substring) -> NumericValue? {
        guard XSD.isIntegerLexical(s) else { return nil }
        let text = s.first == "+" ? s.dropFirst() : s
        if let i = Int(text) { return .integer(i) }
        guard let d = parseDecimal(s) else { return nil }
        return .decimal(d)
    }

    static func parseDecimal(_ s: Substring) -> Decimal? {
        var text = String(s.first == "+" ? s.dropFirst() : s)
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasPrefix("-.") { text = "-0" + text.dropFirst() }
        if text.hasSuffix(".") { text += "0" }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func parseDouble(_ s: Substring) -> Double? {
        guard XSD.isDoubleLexical(s) else { return nil }
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default:
            var text = String(s.first == "+" ? s.dropFirst() : s)
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasPrefix("-.") { text = "-0" + text.dropFirst() }
            text = text.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
            if text.hasSuffix(".") { text += "0" }
            return Double(text)
        }
    }

    // MARK: Conversions

    var asDouble: Double {
        switch self {
        case .integer(let i): Double(i)
        case .decimal(let d): NSDecimalNumber(decimal: d).doubleValue
        case .float(let f): Double(f)
        case .double(let d): d
        }
    }

    var asDecimal: Decimal? {
        switch self {
        case .integer(let i): Decimal(i)
        case .decimal(let d): d
        case .float(let f): f.isFinite ? Decimal(string: "\(f)", locale: Locale(identifier: "en_US_POSIX")) : nil
        case .double(let d): d.isFinite ? Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")) : nil
        }
    }

    /// The value converted to the type of rank `rank` (never lower than its own).
    func promoted(to rank: Int) -> NumericValue {
        switch rank {
        case 0: self
        case 1: asDecimal.map { .decimal($0) } ?? self
        case 2: .float(Float(asDouble))
        default: .double(asDouble)
        }
    }

    var isZero: Bool {
        switch self {
        case .integer(let i): i == 0
        case .decimal(let d): d.isZero
        case .float(let f): f == 0
        case .double(let d): d == 0
        }
    }

    var isNaN: Bool {
        switch self {
        case .float(let f): f.isNaN
        case .double(let d): d.isNaN
        default: false
        }
    }

    // MARK: Arithmetic (§17.3 op:numeric-*)

    enum Operation { case add, subtract, multiply, divide }

    static func apply(_ op: Operation, _ a: NumericValue, _ b: NumericValue) throws -> NumericValue {
        var rank = max(a.rank, b.rank)
        if op == .divide && rank == 0 { rank = 1 }  // integer division gives a decimal
        switch (a.promoted(to: rank), b.promoted(to: rank)) {
        case (.integer(let x), .integer(let y)):
            let (value, overflow): (Int, Bool) = switch op {
            case .add: x.addingReportingOverflow(y)
            case .subtract: x.subtractingReportingOverflow(y)
            case .multiply: x.multipliedReportingOverflow(by: y)
            case .divide: (0, true)
            }
            if !overflow { return .integer(value) }
            return try apply(op, .decimal(Decimal(x)), .decimal(Decimal(y)))
        case (.decimal(let x), .decimal(let y)):
            switch op {
            case .add: return .decimal(x + y)
            case .subtract: return .decimal(x - y)
            case .multiply: return .decimal(x * y)
            case .divide:
                guard !y.isZero else { throw ExpressionError("division by zero") }
                return .decimal(x / y)
            }
        case (.float(let x), .float(let y)):
            return switch op {
            case .add: .float(x + y)
            case .subtract: .float(x - y)
            case .multiply: .float(x * y)
            case .divide: .float(x / y)
            }
        default:
            let x = a.asDouble, y = b.asDouble
            return switch op {
            case .add: .double(x + y)
            case .subtract: .double(x - y)
            case .multiply: .double(x * y)
            case .divide: .double(x / y)
            }
        }
    }

    var negated: NumericValue {
        switch self {
        case .integer(let i): i == Int.min ? .decimal(-Decimal(i)) : .integer(-i)
        case .decimal(let d): .decimal(-d)
        case .float(let f): .float(-f)
        case .double(let d): .double(-d)
        }
    }

    /// -1, 0, 1, or nil when either side is NaN.
    static func compare(_ a: NumericValue, _ b: NumericValue) -> Int? {
        let rank = max(a.rank, b.rank)
        switch (a.promoted(to: rank), b.promoted(to: rank)) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.decimal(let x), .decimal(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            let x = a.asDouble, y = b.asDouble
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    // MARK: Rounding (fn:abs, fn:ceiling, fn:floor, fn:round)

    enum Rounding { case abs, ceil, floor, round }

    func rounded(_ mode: Rounding) -> NumericValue {
        switch self {
        case .integer(let i):
            if mode == .abs { return i == Int.min ? .decimal(-Decimal(i)) : .integer(Swift.abs(i)) }
            return self
        case .decimal(let d):
            switch mode {
            case .abs: return .decimal(d < 0 ? -d : d)
            case .floor: return .decimal(Self.floor(d))
            case .ceil: return .decimal(-Self.floor(-d))
            case .round: return .decimal(Self.floor(d + Decimal(sign: .plus, exponent: -1, significand: 5)))
            }
        case .float(let f):
            return .float(Float(Self.round(Double(f), mode)))
        case .double(let d):
            return .double(Self.round(d, mode))
        }
    }

    private static func floor(_ d: Decimal) -> Decimal {
        var value = d, result = Decimal()
        NSDecimalRound(&result, &value, 0, .down)
        if result > d { result -= 1 }  // whatever `.down` means for negatives, land on floor
        return result
    }

    private static func round(_ x: Double, _ mode: Rounding) -> Double {
        switch mode {
        case .abs: return Swift.abs(x)
        case .ceil: return x.rounded(.up)
        case .floor: return x.rounded(.down)
        case .round:
            guard x.isFinite else { return x }
            let down = x.rounded(.down)
            return x - down >= 0.5 ? down + 1 : down
        }
    }

    // MARK: Lexical forms

    /// The literal for this value, in canonical lexical form.
    var term: Term {
        switch self {
        case .integer(let i): .literal(Literal(String(i), datatype: XSD.integer))
        case .decimal(let d): .literal(Literal(Self.canonical(d), datatype: XSD.decimal))
        case .float(let f): .literal(Literal(Self.canonical(Double(f), shortest: "\(f)"), datatype: XSD.float))
        case .double(let d): .literal(Literal(Self.canonical(d, shortest: "\(d)"), datatype: XSD.double))
        }
    }

    /// XSD 1.1's canonical decimal: `3`, `-1.5`, `0.25` (a point only with a fraction), the
    /// form the W3C SPARQL 1.1 tests expect (`ROUND(2.5)` is `"3"^^xsd:decimal`).
    static func canonical(_ d: Decimal) -> String {
        var text = d.description
        if text.hasPrefix("-0"), d.isZero { text = "0" }
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The XSD canonical double form `1.5E0`, `-1.0E-7`, `INF`, `NaN`; `shortest` is Swift's
    /// shortest round-tripping text for the value.
    static func canonical(_ x: Double, shortest: String) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-INF" : "INF" }
        if x == 0 { return x.sign == .minus ? "-0.0E0" : "0.0E0" }
        let parts = decimalDigits(shortest)
        let mantissa = parts.digits.dropFirst().isEmpty ? "0" : String(parts.digits.dropFirst())
        return "\(parts.negative ? "-" : "")\(parts.digits.first ?? "0").\(mantissa)E\(parts.exponent)"
    }

    /// Splits Swift's text for a finite nonzero number into sign, significant digits (no
    /// leading or trailing zeros) and the exponent of the first digit.
    static func decimalDigits(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
        var s = Substring(text)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(s[s.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
            s = s[..<e]
        }
        let point = s.firstIndex(of: ".") ?? s.endIndex
        let intPart = s[..<point]
        let fracPart = point < s.endIndex ? s[s.index(after: point)...] : ""
        var digits = String(intPart) + fracPart
        var firstExponent = intPart.count - 1 + exponent
        while digits.first == "0" {
            digits.removeFirst()
            firstExponent -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (negative, digits.isEmpty ? "0" : digits, firstExponent)
    }

    /// XPath's cast of a double or float to xsd:string: plain notation in [1e-6, 1e6),
    /// canonical `E` notation outside, `INF`, `NaN`, `0`, `-0`.
    static func xpathString(_ x: Double, shortest: String) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-INF" : "INF" }
        if x == 0 { return x.sign == .minus ? "-0" : "0" }
        let magnitude = Swift.abs(x)
        guard magnitude >= 1e-6 && magnitude < 1e6 else { return canonical(x, shortest: shortest) }
        let parts = decimalDigits(shortest)
        var text: String
        if parts.exponent >= 0 {
            let intCount = parts.exponent + 1
            let padded = parts.digits.padding(toLength: max(intCount, parts.digits.count), withPad: "0", startingAt: 0)
            let intPart = padded.prefix(intCount)
            let frac = padded.dropFirst(intCount)
            text = frac.isEmpty ? String(intPart) : "\(intPart).\(frac)"
        } else {
            text = "0." + String(repeating: "0", count: -parts.exponent - 1) + parts.digits
        }
        if parts.negative { text = "-" + text }
        return text
    }

    /// XPath's cast to xsd:string of this value.
    var xpathString: String {
        switch self {
        case .integer(let i): String(i)
        case .decimal(let d):
            { let c = Self.canonical(d); return c.hasSuffix(".0") ? String(c.dropLast(2)) : c }()
        case .float(let f): Self.xpathString(Double(f), shortest: "\(f)")
        case .double(let d): Self.xpathString(d, shortest: "\(d)")
        }
    }
}
