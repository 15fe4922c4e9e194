import Foundation
import ParleyRDF
import ParleySPARQL

/// §17.5: the XPath constructor functions (`xsd:string(?x)`, `xsd:integer(?x)`, …) and calls
/// of extension functions by IRI. A value the target type can't represent is an error, as is
/// an unknown function IRI.
extension ExpressionEvaluator {
    func callFunction(_ iri: String, _ arguments: [ParleySPARQL.Expression], _ bindings: some VariableBindings) throws -> Term {
        let values = try arguments.map { try evaluate($0, bindings) }
        if iri.hasPrefix(XSD.ns), Self.castTargets.contains(iri) {
            try Self.arity("<\(iri)>", values, 1)
            return try Self.cast(values[0], to: iri)
        }
        if let function = context.extensionFunctions[iri] {
            return try function(values)
        }
        throw ExpressionError("unknown function <\(iri)>")
    }

    static let castTargets: Set<String> = [
        XSD.string, XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.boolean, XSD.dateTime, XSD.date,
    ]

    /// Casts `term` to the datatype `target` (one of ``castTargets``).
    static func cast(_ term: Term, to target: String) throws -> Term {
        let source: Literal
        switch term {
        case .blank: throw ExpressionError.typeError("cannot cast a blank node")
        case .iri(let iri):
            guard target == XSD.string else { throw ExpressionError.typeError("cannot cast an IRI to <\(target)>") }
            return .string(iri)
        case .literal(let literal): source = literal
        }
        guard source.datatype != XSD.langString else { throw ExpressionError.typeError("cannot cast a language-tagged string") }
        let fromString = source.datatype == XSD.string
        let numeric = NumericValue(source)
        let boolean = source.datatype == XSD.boolean ? BooleanValue.parse(source.lexical) : nil
        // A typed literal of a known type must be well-formed to be cast.
        if XSD.isNumeric(source.datatype) && numeric == nil || source.datatype == XSD.boolean && boolean == nil {
            throw ExpressionError.typeError("cannot cast the ill-formed \(term)")
        }
        func fail() -> ExpressionError { ExpressionError.typeError("cannot cast \(term) to <\(target)>") }

        switch target {
        case XSD.string:
            if let numeric { return .string(numeric.xpathString) }
            if let boolean { return .string(boolean ? "true" : "false") }
            return .string(source.lexical)

        case XSD.boolean:
            if let boolean { return .boolean(boolean) }
            if let numeric { return .boolean(!numeric.isZero && !numeric.isNaN) }
            if fromString, let value = BooleanValue.parse(source.lexical) { return .boolean(value) }
            throw fail()

        case XSD.integer:
            if let boolean { return .integer(boolean ? 1 : 0) }
            if fromString {
                guard let value = NumericValue.parseInteger(XSD.trimmed(source.lexical)) else { throw fail() }
                return integerTerm(value)
            }
            guard let numeric else { throw fail() }
            switch numeric {
            case .integer: return numeric.term
            case .float, .double:
                let x = numeric.asDouble
                guard x.isFinite else { throw fail() }
                let truncated = x.rounded(.towardZero)
                if let i = Int(exactly: truncated) { return .integer(i) }
                guard let d = NumericValue.double(truncated).asDecimal else { throw fail() }
                return integerTerm(.decimal(d))
            case .decimal(let d):
                return integerTerm(.decimal(d < 0 ? -truncate(-d) : truncate(d)))
            }

        case XSD.decimal:
            if let boolean { return NumericValue.decimal(boolean ? 1 : 0).term }
            if fromString {
                let lexical = XSD.trimmed(source.lexical)
                guard XSD.isDecimalLexical(lexical), let d = NumericValue.parseDecimal(lexical) else { throw fail() }
                return NumericValue.decimal(d).term
            }
            guard let numeric, let d = numeric.asDecimal else { throw fail() }
            return NumericValue.decimal(d).term

        case XSD.float, XSD.double:
            var value: Double
            if let boolean {
                value = boolean ? 1 : 0
            } else if fromString {
                guard let d = NumericValue.parseDouble(XSD.trimmed(source.lexical)) else { throw fail() }
                value = d
            } else if let numeric {
                value = numeric.asDouble
            } else {
                throw fail()
            }
            return target == XSD.float ? NumericValue.float(Float(value)).term : NumericValue.double(value).term

        case XSD.dateTime, XSD.date:
            let isDate = target == XSD.date
            if source.datatype == XSD.dateTime || source.datatype == XSD.date || fromString {
                let lexical = String(XSD.trimmed(source.lexical))
                if let value = DateTimeValue(lexical: lexical, isDate: source.datatype == XSD.date) {
                    return .literal(Literal(dateLexical(value, lexical: lexical, asDate: isDate), datatype: target))
                }
            }
            throw fail()

        default:
            throw fail()
        }
    }

    /// An integer result; values beyond `Int` keep their digits.
    private static func integerTerm(_ value: NumericValue) -> Term {
        switch value {
        case .decimal(let d):
            var text = d.description
            if let point = text.firstIndex(of: ".") { text = String(text[..<point]) }
            return .literal(Literal(text, datatype: XSD.integer))
        default:
            return value.term
        }
    }

    private static func truncate(_ d: Decimal) -> Decimal {
        var value = d, result = Decimal()
        NSDecimalRound(&result, &value, 0, .down)
        if result > d { result -= 1 }
        return result
    }

    /// The lexical form of a date or dateTime cast to `asDate` (a date gets midnight; a
    /// dateTime loses its time).
    private static func dateLexical(_ value: DateTimeValue, lexical: String, asDate: Bool) -> String {
        if value.isDate == asDate { return lexical }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var year = String(abs(value.year))
        while year.count < 4 { year = "0" + year }
        let day = "\(value.year < 0 ? "-" : "")\(year)-\(two(value.month))-\(two(value.day))"
        let zone = value.timezoneText
        return asDate ? day + zone : day + "T00:00:00" + zone
    }
}
