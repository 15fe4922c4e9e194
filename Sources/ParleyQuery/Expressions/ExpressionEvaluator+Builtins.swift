import Foundation
import ParleyRDF
import ParleySPARQL

/// Dispatch of the built-in calls of §17.4, and the functions on terms (§17.4.1, §17.4.2).
extension ExpressionEvaluator {
    func callBuiltin(_ function: BuiltinFunction, _ arguments: [ParleySPARQL.Expression], _ bindings: some VariableBindings) throws -> Term {
        // Functional forms that must not evaluate every argument first.
        switch function {
        case .bound:
            guard arguments.count == 1, case .variable(let name) = arguments[0] else {
                throw ExpressionError.badArgument("BOUND", "needs a variable")
            }
            return .boolean(bindings.value(of: name) != nil)
        case .if:
            try Self.arity("IF", arguments, 3)
            let condition = try Self.effectiveBooleanValue(evaluate(arguments[0], bindings))
            return try evaluate(arguments[condition ? 1 : 2], bindings)
        case .coalesce:
            for argument in arguments {
                if let value = try? evaluate(argument, bindings) { return value }
            }
            throw ExpressionError("COALESCE: every argument is an error or unbound")
        default:
            break
        }
        let values = try arguments.map { try evaluate($0, bindings) }
        return try callBuiltin(function, values)
    }

    static func arity(_ name: String, _ arguments: [some Any], _ count: ClosedRange<Int>) throws {
        guard count.contains(arguments.count) else {
            throw ExpressionError.badArgument(name, "takes \(count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)") arguments, got \(arguments.count)")
        }
    }

    static func arity(_ name: String, _ arguments: [some Any], _ count: Int) throws {
        try arity(name, arguments, count...count)
    }

    /// A built-in applied to evaluated arguments.
    func callBuiltin(_ function: BuiltinFunction, _ a: [Term]) throws -> Term {
        let name = function.rawValue.uppercased()
        if let arity = function.arity { try Self.arity(name, a, arity) }
        switch function {
        case .bound, .if, .coalesce:
            throw ExpressionError("\(name) needs its unevaluated arguments")
        case .str: return try Self.str(a[0])
        case .lang:
            guard case .literal(let literal) = a[0] else { throw ExpressionError.typeError("LANG of a non-literal") }
            return .string(literal.language ?? "")
        case .langMatches: return try Self.langMatches(a[0], a[1])
        case .datatype:
            guard case .literal(let literal) = a[0] else { throw ExpressionError.typeError("DATATYPE of a non-literal") }
            return .iri(literal.datatype)
        case .iri: return try iri(a[0])
        case .bnode:
            if a.isEmpty { return .blank(context.freshBlankLabel()) }
            let key = try Self.simpleString(a[0], "BNODE")
            return .blank(context.blankLabel(forKey: key))
        case .rand: return NumericValue.double(Double.random(in: 0..<1)).term
        case .abs: return try Self.rounding(a[0], .abs)
        case .ceil: return try Self.rounding(a[0], .ceil)
        case .floor: return try Self.rounding(a[0], .floor)
        case .round: return try Self.rounding(a[0], .round)
        case .concat: return try Self.concat(a)
        case .substr: return try Self.substr(a)
        case .strlen: return .integer(try Self.stringArgument(a[0], name).lexical.unicodeScalars.count)
        case .replace: return try replace(a)
        case .ucase: return try Self.mapString(a[0], name) { $0.uppercased() }
        case .lcase: return try Self.mapString(a[0], name) { $0.lowercased() }
        case .encodeForURI: return .string(Self.encodeForURI(try Self.stringArgument(a[0], name).lexical))
        case .contains, .strStarts, .strEnds, .strBefore, .strAfter: return try Self.stringPair(function, a[0], a[1])
        case .year, .month, .day, .hours, .minutes, .seconds, .timezone, .tz: return try Self.dateTimeField(function, a[0])
        case .now: return context.now
        case .uuid: return .iri("urn:uuid:" + UUID().uuidString.lowercased())
        case .strUUID: return .string(UUID().uuidString.lowercased())
        case .md5, .sha1, .sha256, .sha384, .sha512: return try Self.hash(function, a[0])
        case .strLang:
            let lexical = try Self.simpleString(a[0], name)
            let language = try Self.simpleString(a[1], name)
            guard Self.isLanguageTag(language) else { throw ExpressionError.badArgument(name, "\"\(language)\" is not a language tag") }
            return .literal(Literal(lexical, language: language))
        case .strDT:
            let lexical = try Self.simpleString(a[0], name)
            guard case .iri(let datatype) = a[1] else { throw ExpressionError.badArgument(name, "the datatype must be an IRI") }
            return .literal(Literal(lexical, datatype: datatype))
        case .sameTerm: return .boolean(a[0] == a[1])
        case .isIRI:
            if case .iri = a[0] { return .boolean(true) }
            return .boolean(false)
        case .isBlank:
            if case .blank = a[0] { return .boolean(true) }
            return .boolean(false)
        case .isLiteral:
            if case .literal = a[0] { return .boolean(true) }
            return .boolean(false)
        case .isNumeric: return .boolean(NumericValue(a[0]) != nil)
        case .regex: return try regex(a)
        }
    }

    static func str(_ term: Term) throws -> Term {
        switch term {
        case .iri(let iri): return .string(iri)
        case .literal(let literal): return .string(literal.lexical)
        case .blank: throw ExpressionError.typeError("STR of a blank node")
        }
    }

    /// RFC 4647 basic filtering, as `LANGMATCHES` specifies; `"*"` matches any non-empty tag.
    static func langMatches(_ tagTerm: Term, _ rangeTerm: Term) throws -> Term {
        let tag = try simpleString(tagTerm, "LANGMATCHES").lowercased()
        let range = try simpleString(rangeTerm, "LANGMATCHES").lowercased()
        if range == "*" { return .boolean(!tag.isEmpty) }
        return .boolean(tag == range || tag.hasPrefix(range + "-"))
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `IRI()`: an IRI stays; a simple string is resolved against the base IRI.
    func iri(_ term: Term) throws -> Term {
        switch term {
        case .iri: return term
        case .literal(let literal) where literal.datatype == XSD.string:
            if IRIResolver.isAbsolute(literal.lexical) { return .iri(literal.lexical) }
            if let base = context.baseIRI, let resolver = IRIResolver(base: base) {
                return .iri(resolver.resolve(literal.lexical))
            }
            return .iri(literal.lexical)
        default:
            throw ExpressionError.typeError("IRI of \(term)")
        }
    }
}
