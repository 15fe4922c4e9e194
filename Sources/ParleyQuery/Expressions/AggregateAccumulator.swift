import ParleyRDF
import ParleySPARQL

/// One aggregate (§18.5) over one group: feed it the group's solutions with ``add(_:evaluator:)``
/// and read ``result()``.
///
/// Guarantees, following the W3C aggregate tests:
/// - COUNT counts the solutions whose argument evaluates without error (COUNT(*) counts all).
/// - SUM and AVG are poisoned (result nil) by an argument that is an error or not a number.
/// - MIN and MAX use ``TermOrder`` over the values and skip errors (an unbound argument).
/// - SAMPLE is the first value without error; GROUP_CONCAT joins the string forms of the
///   values (an error or a blank node poisons it) into a simple literal.
/// - DISTINCT skips repeated values (for COUNT(DISTINCT *), repeated solutions).
/// - Empty group: COUNT 0, SUM 0, AVG 0, GROUP_CONCAT "", MIN/MAX/SAMPLE unbound.
public struct AggregateAccumulator {
    private let aggregate: Aggregate
    private let context: ExpressionContext
    private var seen: Set<Term> = []
    private var seenSolutions: Set<[String: Term]> = []
    private var count = 0
    private var sum: NumericValue? = .integer(0)
    private var poisoned = false
    private var best: Term?
    private var sample: Term?
    private var pieces: [String] = []

    public init(_ aggregate: Aggregate, context: ExpressionContext) {
        self.aggregate = aggregate
        self.context = context
    }

    /// Adds one solution of the group (evaluates the argument; COUNT(*) counts the solution;
    /// DISTINCT skips repeats; an error poisons SUM/AVG per §18.5).
    public mutating func add(_ bindings: some VariableBindings, evaluator: ExpressionEvaluator) {
        guard let argument = aggregate.argument else {
            // COUNT(*)
            if aggregate.distinct, let all = bindings.allBindings {
                guard seenSolutions.insert(all).inserted else { return }
            }
            count += 1
            return
        }
        let value: Term
        do {
            value = try evaluator.evaluate(argument, bindings)
        } catch {
            switch aggregate.function {
            case .sum, .avg, .groupConcat: poisoned = true
            default: break
            }
            return
        }
        if aggregate.distinct {
            guard seen.insert(value).inserted else { return }
        }
        count += 1
        switch aggregate.function {
        case .count:
            break
        case .sum, .avg:
            guard !poisoned else { return }
            guard let number = NumericValue(value), let total = sum, let next = try? NumericValue.apply(.add, total, number) else {
                poisoned = true
                return
            }
            sum = next
        case .min:
            if best == nil || TermOrder.compare(value, best) < 0 { best = value }
        case .max:
            if best == nil || TermOrder.compare(value, best) > 0 { best = value }
        case .sample:
            if sample == nil { sample = value }
        case .groupConcat:
            guard !poisoned else { return }
            switch value {
            case .blank:
                poisoned = true
            case .iri(let iri):
                pieces.append(iri)
            case .literal(let literal):
                pieces.append(literal.lexical)
            }
        }
    }

    /// The aggregate's value, or nil when it is an error/unbound (e.g. AVG of an error).
    /// Empty group: COUNT 0, SUM 0, AVG 0, GROUP_CONCAT "", MIN/MAX/SAMPLE unbound.
    public func result() -> Term? {
        switch aggregate.function {
        case .count:
            return .integer(count)
        case .sum:
            return poisoned ? nil : sum?.term
        case .avg:
            guard !poisoned, let total = sum else { return nil }
            if count == 0 { return .integer(0) }
            return (try? NumericValue.apply(.divide, total, .integer(count)))?.term
        case .min, .max:
            return best
        case .sample:
            return sample
        case .groupConcat(let separator):
            guard !poisoned else { return nil }
            // §18.5.1.7: the result is a simple literal, whatever tags the values had
            // (W3C agg-groupconcat-04, -06).
            return .string(pieces.joined(separator: separator ?? " "))
        }
    }
}
