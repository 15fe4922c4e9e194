import Foundation
import ParleyRDF

/// Rewrites numeric literals to one lexical form per value (datatype unchanged), so result
/// comparison treats `"3"^^xsd:decimal` and `"3.0"^^xsd:decimal` as equal, and `"1050"^^xsd:double`
/// and `"1.05E3"^^xsd:double`. Literals that do not parse as their datatype stay as they are,
/// so ill-typed values must still match exactly.
public enum NumericNormalisation {
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let integers: Set<String> = Set(["integer", "int", "long", "short", "byte", "nonNegativeInteger",
        "nonPositiveInteger", "positiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte"].map { xsd + $0 })

    public static func row(_ row: [String: Term]) -> [String: Term] { row.mapValues(term) }

    public static func term(_ term: Term) -> Term {
        guard case .literal(let literal) = term, literal.language == nil else { return term }
        let text = literal.lexical.trimmingCharacters(in: .whitespaces)
        if integers.contains(literal.datatype) || literal.datatype == xsd + "decimal" {
            guard text.range(of: #"^[+-]?(\d+(\.\d*)?|\.\d+)$"#, options: .regularExpression) != nil,
                  let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return term }
            return .literal(Literal("\(value)", datatype: literal.datatype))
        }
        if literal.datatype == xsd + "double" || literal.datatype == xsd + "float" {
            let value: Double?
            switch text {
            case "INF", "+INF": value = .infinity
            case "-INF": value = -.infinity
            case "NaN": value = .nan
            default: value = Double(text)
            }
            guard let value else { return term }
            return .literal(Literal(value.isNaN ? "NaN" : "\(value)", datatype: literal.datatype))
        }
        return term
    }
}
