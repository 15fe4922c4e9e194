import Foundation
import ParleyRDF
import ParleySPARQL

/// §17.4.5: YEAR … SECONDS, TIMEZONE and TZ on xsd:dateTime (and xsd:date) literals.
extension ExpressionEvaluator {
    static func dateTimeField(_ function: BuiltinFunction, _ term: Term) throws -> Term {
        guard let value = DateTimeValue(term) else {
            throw ExpressionError.typeError("\(function.rawValue.uppercased()) needs an xsd:dateTime, got \(term)")
        }
        switch function {
        case .year: return .integer(value.year)
        case .month: return .integer(value.month)
        case .day: return .integer(value.day)
        case .hours: return .integer(value.hour)
        case .minutes: return .integer(value.minute)
        case .seconds: return NumericValue.decimal(value.second).term
        case .timezone:
            guard let duration = value.timezoneDuration else { throw ExpressionError("TIMEZONE: \(term) has no timezone") }
            return .literal(Literal(duration, datatype: XSD.dayTimeDuration))
        case .tz: return .string(value.timezoneText)
        default: throw ExpressionError("\(function.rawValue) is not a date function")
        }
    }
}
