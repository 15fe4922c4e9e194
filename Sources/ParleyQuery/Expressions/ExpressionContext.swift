import Foundation
import ParleyRDF
import ParleySPARQL

/// The per-query state expressions need: the base IRI for `IRI()`, the instant `NOW()`
/// returns, the `EXISTS` callback, extension functions, and the blank nodes `BNODE()` made
/// for the current solution.
///
/// Guarantees: `now` is fixed for the life of the context; `BNODE("x")` returns the same
/// blank node within one solution (between two ``beginSolution()`` calls) and different ones
/// across solutions and across contexts. The blank-node and regex-cache state is guarded by a
/// lock, so one context may be shared by threads evaluating the same query; the settable
/// properties should be set before evaluation starts.
public final class ExpressionContext: @unchecked Sendable {
    public var baseIRI: String?
    /// The instant NOW() returns for the whole query, as an xsd:dateTime literal: fixed the
    /// first time it is asked for (most queries never ask, so they never pay for it).
    public var now: Term {
        lock.lock()
        defer { lock.unlock() }
        if let fixed = fixedNow { return fixed }
        let value = DateTimeValue.now()
        fixedNow = value
        return value
    }
    private var fixedNow: Term?
    /// Evaluates EXISTS / NOT EXISTS for the current solution; set by the query evaluator.
    /// When nil, EXISTS is an error.
    public var exists: ((GraphPattern, any VariableBindings) throws -> Bool)?
    /// Extension functions (function IRI → implementation) beyond the casts; unknown IRIs are
    /// expression errors.
    public var extensionFunctions: [String: @Sendable ([Term]) throws -> Term] = [:]

    private let lock = NSLock()
    /// Makes this context's blank node labels distinct from every other context's (made on
    /// first use: most queries make no blank nodes). Read with the lock held.
    private var labelPrefix: String {
        if let made = madeLabelPrefix { return made }
        let uuid = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let made = "b" + uuid.prefix(12)
        madeLabelPrefix = made
        return made
    }
    private var madeLabelPrefix: String?
    private var blankCounter = 0
    private var solutionBlanks: [String: String] = [:]
    private var regexCache: [String: NSRegularExpression] = [:]

    public init(baseIRI: String? = nil) {
        self.baseIRI = baseIRI
    }

    /// Called by the evaluator once per solution before evaluating its expressions, so
    /// BNODE("x") gives the same blank node within one solution and different ones across solutions.
    public func beginSolution() {
        lock.lock()
        defer { lock.unlock() }
        solutionBlanks.removeAll(keepingCapacity: true)
    }

    /// A blank node label never returned before by this context.
    func freshBlankLabel() -> String {
        lock.lock()
        defer { lock.unlock() }
        blankCounter += 1
        return "\(labelPrefix)_\(blankCounter)"
    }

    /// The blank node label `BNODE(key)` stands for in the current solution.
    func blankLabel(forKey key: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let label = solutionBlanks[key] { return label }
        blankCounter += 1
        let label = "\(labelPrefix)_\(blankCounter)"
        solutionBlanks[key] = label
        return label
    }

    /// A compiled regular expression, cached by pattern and options.
    func regex(_ pattern: String, options: NSRegularExpression.Options) throws -> NSRegularExpression {
        let key = "\(options.rawValue)/\(pattern)"
        lock.lock()
        if let cached = regexCache[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let compiled: NSRegularExpression
        do {
            compiled = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw ExpressionError("invalid regular expression \"\(pattern)\"")
        }
        lock.lock()
        if regexCache.count > 256 { regexCache.removeAll() }
        regexCache[key] = compiled
        lock.unlock()
        return compiled
    }
}
