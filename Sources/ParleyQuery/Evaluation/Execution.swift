import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The state of one query execution inside one store snapshot: ids, variable slots, the
/// dataset, expression evaluation and the cancellation checks every operator loop makes.
final class Execution {
    let snapshot: StoreSnapshot
    let table: TermTable
    var slots: VariableSlots
    let dataset: ResolvedDataset
    let options: QueryOptions
    let context: ExpressionContext
    let expressions: ExpressionEvaluator
    /// Set by EXPLAIN: operators record their row counts here.
    var profile: PlanProfile?
    /// How deep in the operator tree EXPLAIN is while the tree is built.
    var explainDepth = 0
    /// The graph the expression being evaluated sits in (for EXISTS inside GRAPH).
    var currentGraph: ActiveGraph = .defaultGraph
    private let deadline: ContinuousClock.Instant?
    private var ticks = 0

    init(snapshot: StoreSnapshot, slots: VariableSlots, dataset: ResolvedDataset,
         options: QueryOptions, baseIRI: String?) {
        self.snapshot = snapshot
        self.table = TermTable(snapshot: snapshot)
        self.slots = slots
        self.dataset = dataset
        self.options = options
        self.context = ExpressionContext(baseIRI: baseIRI)
        self.expressions = ExpressionEvaluator(context: context)
        self.deadline = options.timeout.map { ContinuousClock.now + $0 }
    }

    var width: Int { slots.count }

    private var cachedGraphIDs: [TermID]?
    private var predicateCounts: [TermID: Double] = [:]
    private var smallCounts: [[TermID]: Double?] = [:]
    /// Patterns of constants matching up to this many quads are counted exactly for the planner.
    static let exactCountLimit = 1_000

    /// Quads with this predicate in all graphs (the statistics, read once per execution).
    func predicateCount(_ predicate: TermID) throws -> Double {
        if let known = predicateCounts[predicate] { return known }
        let count = Double(try snapshot.predicateCount(predicate))
        predicateCounts[predicate] = count
        return count
    }

    /// The exact number of quads matching a pattern of constants in the default graph, or
    /// `nil` when it is more than ``exactCountLimit`` (reading stops there).
    func smallCount(_ pattern: CompiledTriple) throws -> Double? {
        func id(_ p: CompiledTriple.Position) -> TermID? {
            if case .constant(let c) = p { return c }
            return nil
        }
        let key = [id(pattern.subject) ?? 0, id(pattern.predicate) ?? 0, id(pattern.object) ?? 0]
        if let known = smallCounts[key] { return known }
        let source = try scan(subject: id(pattern.subject), predicate: id(pattern.predicate), object: id(pattern.object),
                              graph: .defaultGraph)
        var count = 0
        while try source.next() != nil {
            count += 1
            if count > Self.exactCountLimit { break }
        }
        let result: Double? = count > Self.exactCountLimit ? nil : Double(count)
        smallCounts[key] = result
        return result
    }
    private var cachedTotal: Double?

    /// The named graphs holding quads (read once per execution).
    func namedGraphIDs() throws -> [TermID] {
        if let cached = cachedGraphIDs { return cached }
        let ids = try snapshot.graphIDs()
        cachedGraphIDs = ids
        return ids
    }

    /// Quads in all graphs, for the planner (read once per execution).
    func totalQuads() throws -> Double {
        if let cached = cachedTotal { return cached }
        var total = try snapshot.size(ofGraph: 0)
        for g in try namedGraphIDs() { total += try snapshot.size(ofGraph: g) }
        cachedTotal = Double(total)
        return Double(total)
    }
    var emptyRow: Row { Row(repeating: 0, count: slots.count) }

    /// Called in every loop: throws when the query was cancelled or ran out of time.
    @inline(__always)
    func checkpoint() throws {
        ticks &+= 1
        guard ticks & 0x3FF == 0 else { return }
        if let token = options.cancellation, token.isCancelled { throw QueryError.cancelled }
        if let deadline, ContinuousClock.now >= deadline, let limit = options.timeout { throw QueryError.timeout(limit) }
    }

    /// The bindings of a row as expressions see them (terms decoded on demand).
    func bindings(_ row: Row) -> RowBindings { RowBindings(row: row, execution: self) }

    /// Evaluates an expression to an id, or 0 when it is an error.
    func evaluate(_ expression: Expression, _ row: Row) -> TermID {
        guard let term = try? expressions.evaluate(expression, bindings(row)) else { return 0 }
        return (try? table.id(term)) ?? 0
    }
}

/// A row seen through variable names.
struct RowBindings: VariableBindings {
    let row: Row
    let execution: Execution

    func value(of variable: String) -> Term? {
        guard let slot = execution.slots.index[variable], slot < row.count else { return nil }
        return try? execution.table.term(row[slot])
    }

    /// Every bound variable (COUNT(DISTINCT *) tells solutions apart by them).
    var allBindings: [String: Term]? {
        var result: [String: Term] = [:]
        for (name, slot) in execution.slots.index
        where slot < row.count && row[slot] != 0 && !TermPattern.isInternalVariable(name) {
            if let term = try? execution.table.term(row[slot]) { result[name] = term }
        }
        return result
    }
}

/// The graphs a query reads, as ids.
struct ResolvedDataset {
    /// What the default graph is.
    enum DefaultGraph {
        /// The union of every graph in the store (Parley's default).
        case union
        /// The unnamed graph only (the standard dataset).
        case unnamed
        /// The merge of these named graphs (`FROM`); ids absent from the store are dropped.
        case graphs([TermID])
    }

    var defaultGraph: DefaultGraph
    /// The graphs `GRAPH` reaches; `nil` means every named graph in the store.
    var namedGraphs: [TermID]?
}

/// Which graph a pattern matches against.
enum ActiveGraph: Equatable {
    case defaultGraph
    case named(TermID)
}
