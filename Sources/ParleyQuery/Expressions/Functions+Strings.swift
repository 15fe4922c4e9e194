import Foundation
import ParleyRDF
import ParleySPARQL

/// §17.4.3: the string functions, with the argument-compatibility rules of §17.4.3.1.1 and
/// the language-tag propagation of each function.
extension ExpressionEvaluator {
    /// A string literal argument: simple, xsd:string or language-tagged.
    static func stringArgument(_ term: Term, _ function: String) throws -> Literal {
        guard case .literal(let literal) = term, literal.datatype == XSD.string || literal.datatype == XSD.langString else {
            throw ExpressionError.badArgument(function, "needs a string literal, got \(term)")
        }
        return literal
    }

    /// A simple literal argument (xsd:string, no language tag).
    static func simpleString(_ term: Term, _ function: String) throws -> String {
        guard case .literal(let literal) = term, literal.datatype == XSD.string else {
            throw ExpressionError.badArgument(function, "needs a simple literal, got \(term)")
        }
        return literal.lexical
    }

    /// A literal like `original` (same language tag or xsd:string) with new text.
    static func like(_ original: Literal, _ lexical: String) -> Term {
        if let language = original.language { return .literal(Literal(lexical, language: language)) }
        return .string(lexical)
    }

    static func mapString(_ term: Term, _ function: String, _ transform: (String) -> String) throws -> Term {
        let literal = try stringArgument(term, function)
        return like(literal, transform(literal.lexical))
    }

    /// CONCAT keeps a language tag only when every argument has that same tag.
    static func concat(_ arguments: [Term]) throws -> Term {
        let literals = try arguments.map { try stringArgument($0, "CONCAT") }
        let text = literals.map(\.lexical).joined()
        if let language = literals.first?.language, literals.allSatisfy({ $0.language == language }) {
            return .literal(Literal(text, language: language))
        }
        return .string(text)
    }

    /// fn:substring: 1-based code-point positions, with XPath's rounding of start and length.
    static func substr(_ arguments: [Term]) throws -> Term {
        let literal = try stringArgument(arguments[0], "SUBSTR")
        guard let startValue = NumericValue(arguments[1]) else { throw ExpressionError.badArgument("SUBSTR", "the start must be a number") }
        let scalars = Array(literal.lexical.unicodeScalars)
        let start = startValue.rounded(.round).asDouble
        var end = Double.infinity
        if arguments.count == 3 {
            guard let lengthValue = NumericValue(arguments[2]) else { throw ExpressionError.badArgument("SUBSTR", "the length must be a number") }
            end = start + lengthValue.rounded(.round).asDouble
        }
        var view = String.UnicodeScalarView()
        if !start.isNaN && !end.isNaN {
            for (offset, scalar) in scalars.enumerated() {
                let position = Double(offset + 1)
                if position >= start && position < end { view.append(scalar) }
            }
        }
        return like(literal, String(view))
    }

    /// CONTAINS, STRSTARTS, STRENDS, STRBEFORE, STRAFTER.
    static func stringPair(_ function: BuiltinFunction, _ first: Term, _ second: Term) throws -> Term {
        let name = function.rawValue.uppercased()
        let a = try stringArgument(first, name), b = try stringArgument(second, name)
        // §17.4.3.1.1: compatible when b has no tag, or both have the same tag.
        if let tag = b.language, a.language?.lowercased() != tag.lowercased() {
            throw ExpressionError.badArgument(name, "incompatible arguments \(first) and \(second)")
        }
        let text = a.lexical, needle = b.lexical
        switch function {
        case .contains: return .boolean(needle.isEmpty || text.range(of: needle, options: .literal) != nil)
        case .strStarts: return .boolean(text.unicodeScalars.starts(with: needle.unicodeScalars))
        case .strEnds: return .boolean(text.unicodeScalars.reversed().starts(with: needle.unicodeScalars.reversed()))
        case .strBefore, .strAfter:
            if needle.isEmpty { return function == .strBefore ? like(a, "") : like(a, text) }
            guard let range = text.range(of: needle, options: .literal) else { return .string("") }
            return like(a, String(function == .strBefore ? text[..<range.lowerBound] : text[range.upperBound...]))
        default:
            throw ExpressionError("\(name) is not a string pair function")
        }
    }

    /// fn:encode-for-uri: percent-encodes every UTF-8 byte except the RFC 3986 unreserved set.
    static func encodeForURI(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    // MARK: Regular expressions

    /// The pattern and options for an XPath regex with its flags (`i s m x q`).
    func compile(_ pattern: String, flags: String) throws -> NSRegularExpression {
        var options: NSRegularExpression.Options = []
        var literal = false
        for flag in flags {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m": options.insert(.anchorsMatchLines)
            case "x": options.insert(.allowCommentsAndWhitespace)
            case "q": literal = true
            default: throw ExpressionError("unknown regular expression flag \"\(flag)\"")
            }
        }
        let source = literal ? NSRegularExpression.escapedPattern(for: pattern) : pattern
        return try context.regex(source, options: options)
    }

    func regex(_ arguments: [Term]) throws -> Term {
        let text = try Self.stringArgument(arguments[0], "REGEX").lexical
        let pattern = try Self.simpleString(arguments[1], "REGEX")
        let flags = arguments.count > 2 ? try Self.simpleString(arguments[2], "REGEX") : ""
        let expression = try compile(pattern, flags: flags)
        let range = NSRange(text.startIndex..., in: text)
        return .boolean(expression.firstMatch(in: text, range: range) != nil)
    }

    func replace(_ arguments: [Term]) throws -> Term {
        let literal = try Self.stringArgument(arguments[0], "REPLACE")
        let pattern = try Self.simpleString(arguments[1], "REPLACE")
        let replacement = try Self.simpleString(arguments[2], "REPLACE")
        let flags = arguments.count > 3 ? try Self.simpleString(arguments[3], "REPLACE") : ""
        let expression = try compile(pattern, flags: flags)
        let template = flags.contains("q") ? NSRegularExpression.escapedTemplate(for: replacement) : replacement
        let text = literal.lexical
        let result = expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        return Self.like(literal, result)
    }
}
