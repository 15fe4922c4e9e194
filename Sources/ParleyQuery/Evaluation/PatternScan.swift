import ParleyRDF
import ParleySPARQL
import ParleyStore

/// A triple pattern compiled to slots and store ids.
struct CompiledTriple {
    enum Position: Equatable {
        case constant(TermID)  // 0: the store does not hold the term: nothing matches
        case variable(Int)
    }

    var subject: Position
    var predicate: Position
    var object: Position

    var variables: [Int] {
        [subject, predicate, object].compactMap { if case .variable(let v) = $0 { v } else { nil } }
    }
}

/// A source of matching quads for one pattern instance.
protocol QuadSource: AnyObject {
    func next() throws -> IDQuad?
}

final class QuadScanSource: QuadSource {
    private var scan: QuadScan
    init(_ scan: consuming QuadScan) { self.scan = scan }
    func next() throws -> IDQuad? { try scan.next() }
    /// Starts over on `pattern` with the same cursor, when it is read the same way.
    func restart(_ pattern: ParleyStore.QuadPattern) -> Bool { scan.restart(pattern) }
}

final class UnionScanSource: QuadSource {
    private var scan: UnionScan
    init(_ scan: consuming UnionScan) { self.scan = scan }
    func next() throws -> IDQuad? { try scan.next() }
    /// Starts over on another pattern with the same cursors, when it is read the same way.
    func restart(subject: TermID?, predicate: TermID?, object: TermID?) -> Bool {
        scan.restart(subject: subject, predicate: predicate, object: object)
    }
}

/// Several graphs' scans one after another, each triple once (the merge of `FROM` graphs).
final class MergedScanSource: QuadSource {
    private var sources: [QuadSource]
    private var seen: Set<IDQuad> = []
    init(_ sources: [QuadSource]) { self.sources = sources }
    func next() throws -> IDQuad? {
        while let first = sources.first {
            if var quad = try first.next() {
                quad.graph = 0
                if seen.insert(quad).inserted { return quad }
            } else {
                sources.removeFirst()
            }
        }
        return nil
    }
}

/// Nothing.
final class EmptySource: QuadSource {
    func next() throws -> IDQuad? { nil }
}

/// How the quads of one pattern instance are read (``Execution/scanShape``).
enum ScanShape {
    /// Nothing can match (a term the store does not hold).
    case empty
    /// One index range scan.
    case single(ParleyStore.QuadPattern)
    /// The union of all graphs.
    case union
    /// Several `FROM` graphs merged.
    case merged([TermID])
}

extension Execution {
    /// How a pattern whose positions are given as ids (nil = unbound) is read.
    func scanShape(subject: TermID?, predicate: TermID?, object: TermID?, graph: ActiveGraph) throws -> ScanShape {
        // A local id names a term the store does not hold: no quad can match it.
        for id in [subject, predicate, object] {
            if let id, id == 0 || id >= TermTable.localBase { return .empty }
        }
        switch graph {
        case .named(let g):
            guard g < TermTable.localBase else { return .empty }
            return .single(ParleyStore.QuadPattern(subject: subject, predicate: predicate, object: object, graph: .named(g)))
        case .defaultGraph:
            switch dataset.defaultGraph {
            case .union:
                // Without named graphs the union is the unnamed graph: one scan, not two.
                if try namedGraphIDs().isEmpty {
                    return .single(ParleyStore.QuadPattern(subject: subject, predicate: predicate, object: object, graph: .defaultGraph))
                }
                return .union
            case .unnamed:
                return .single(ParleyStore.QuadPattern(subject: subject, predicate: predicate, object: object, graph: .defaultGraph))
            case .graphs(let graphs):
                if graphs.count == 1 {
                    return .single(ParleyStore.QuadPattern(subject: subject, predicate: predicate, object: object, graph: .named(graphs[0])))
                }
                return .merged(graphs)
            }
        }
    }

    /// Opens the scan for a pattern whose positions are given as ids (nil = unbound).
    func scan(subject: TermID?, predicate: TermID?, object: TermID?, graph: ActiveGraph) throws -> QuadSource {
        switch try scanShape(subject: subject, predicate: predicate, object: object, graph: graph) {
        case .empty:
            return EmptySource()
        case .single(let pattern):
            return QuadScanSource(try snapshot.scan(pattern))
        case .union:
            return UnionScanSource(try snapshot.unionScan(subject: subject, predicate: predicate, object: object))
        case .merged(let graphs):
            return MergedScanSource(try graphs.map {
                QuadScanSource(try snapshot.scan(ParleyStore.QuadPattern(subject: subject, predicate: predicate, object: object, graph: .named($0))))
            })
        }
    }

    /// The scan for the pattern: `spare` (a finished single-index or union scan) started over
    /// when it reads the pattern the same way (no new cursor, no allocation), else a new one.
    func scan(subject: TermID?, predicate: TermID?, object: TermID?, graph: ActiveGraph,
              reusing spare: QuadSource?) throws -> QuadSource {
        switch try scanShape(subject: subject, predicate: predicate, object: object, graph: graph) {
        case .single(let pattern):
            if let spare = spare as? QuadScanSource, spare.restart(pattern) { return spare }
            return QuadScanSource(try snapshot.scan(pattern))
        case .union:
            if let spare = spare as? UnionScanSource, spare.restart(subject: subject, predicate: predicate, object: object) {
                return spare
            }
            return UnionScanSource(try snapshot.unionScan(subject: subject, predicate: predicate, object: object))
        case .empty, .merged:
            return try scan(subject: subject, predicate: predicate, object: object, graph: graph)
        }
    }
}

/// Index nested-loop join of an input with one triple pattern: for each input row, one range
/// scan with the row's bindings substituted.
///
/// A pattern `?s <p> ?o` whose subject the rows bind switches, once the rows have asked about
/// a quarter as many subjects as `<p>` has quads, to a table join: it reads all of `<p>`'s
/// triples in the graph once (one range scan) into a table sorted by subject and answers the
/// rest of the rows from it. A seek costs several times what reading one quad of a range does
/// (``PredicateTable/seekCost``, taken low because seeks in key order are cheap), so by the
/// switch the seeks already made have paid for the table, and no row count is needed in
/// advance; rows come out in the same order either way (a subject's objects ascending). Only
/// for predicates of at most ``PredicateTable/limit`` quads (the table is in memory).
final class TriplePatternIterator: RowIterator {
    private let input: RowIterator
    private let pattern: CompiledTriple
    private let execution: Execution
    private let graph: ActiveGraph
    private var current: Row?
    private var source: QuadSource?
    /// Stop each row's scan at its first match (the pattern only has to exist).
    private let firstMatchOnly: Bool
    /// The last row's finished scan (single-index or union), started over for the next row
    /// when it reads the same way.
    private var spare: QuadSource?
    /// The table join's state, for a pattern that may switch to one.
    private var table: PredicateTable?
    /// The current row's pairs in the table (positions), and the next to bind.
    private var tableRange: Range<Int>?
    private var tableIndex = 0

    init(input: RowIterator, pattern: CompiledTriple, graph: ActiveGraph, execution: Execution,
         firstMatchOnly: Bool = false) {
        self.input = input
        self.pattern = pattern
        self.graph = graph
        self.execution = execution
        self.firstMatchOnly = firstMatchOnly
        self.table = PredicateTable(pattern)
    }

    func next() throws -> Row? {
        while true {
            try execution.checkpoint()
            if let source, let row = current {
                if let quad = try source.next() {
                    if let out = bind(row, quad) {
                        if firstMatchOnly { retire() }
                        return out
                    }
                    continue
                }
                retire()
            } else if let range = tableRange, let row = current, let table {
                while tableIndex < range.upperBound {
                    let object = table.objects[tableIndex]
                    tableIndex += 1
                    var out = row
                    // The subject is the row's (the table's key); the object may repeat it.
                    guard assign(&out, pattern.object, object) else { continue }
                    if firstMatchOnly { tableRange = nil }
                    return out
                }
                tableRange = nil
            }
            guard let row = try input.next() else { return nil }
            current = row
            if table != nil, let range = try table?.objects(for: row, graph: graph, execution: execution) {
                tableRange = range
                tableIndex = range.lowerBound
                continue
            }
            source = try execution.scan(subject: value(pattern.subject, row), predicate: value(pattern.predicate, row),
                                        object: value(pattern.object, row), graph: graph, reusing: spare)
        }
    }

    /// Ends the current row's scan, keeping a single-index or union scan for the next row.
    @inline(__always)
    private func retire() {
        if let finished = source, finished is QuadScanSource || finished is UnionScanSource { spare = finished }
        source = nil
    }

    @inline(__always)
    private func value(_ position: CompiledTriple.Position, _ row: Row) -> TermID? {
        switch position {
        case .constant(let id): return id
        case .variable(let slot): return row[slot] == 0 ? nil : row[slot]
        }
    }

    /// The row extended with the quad's terms; `nil` when a variable repeated in the pattern
    /// would get two different values.
    @inline(__always)
    private func bind(_ row: Row, _ quad: IDQuad) -> Row? {
        var out = row
        guard assign(&out, pattern.subject, quad.subject),
              assign(&out, pattern.predicate, quad.predicate),
              assign(&out, pattern.object, quad.object) else { return nil }
        return out
    }

    @inline(__always)
    private func assign(_ row: inout Row, _ position: CompiledTriple.Position, _ id: TermID) -> Bool {
        guard case .variable(let slot) = position else { return true }
        if row[slot] == 0 { row[slot] = id; return true }
        return row[slot] == id
    }
}

/// The table join a ``TriplePatternIterator`` over `?s <p> ?o` switches to (see there): counts
/// the rows that asked, then holds `<p>`'s triples in the graph sorted by subject and object,
/// found by binary search (two flat arrays: no allocation per subject or per row).
struct PredicateTable {
    /// The largest predicate (in quads, all graphs) read into a table.
    static let limit = 100_000
    /// A seek costs at least about this many quads read in a range (C2 at 1M: 8 made F3, whose
    /// 99 rows seek in key order, 25 % slower; 4 keeps most of C2's gain and F3 within 6 %).
    static let seekCost = 4

    let predicate: TermID
    let subjectSlot: Int
    private var asked = 0
    private var quads: Int?
    private var built = false
    private var subjects: [TermID] = []
    /// The objects, parallel to `subjects`.
    private(set) var objects: [TermID] = []

    /// `nil` unless the pattern is `?s <p> ?o` (a constant predicate, variables around it).
    init?(_ pattern: CompiledTriple) {
        guard case .variable(let s) = pattern.subject, case .constant(let p) = pattern.predicate,
              case .variable = pattern.object, p != 0, p < TermTable.localBase else { return nil }
        predicate = p
        subjectSlot = s
    }

    /// Where the row's subject's objects are in ``objects``, once the rows have asked enough to
    /// build the table (built then); `nil` to scan as usual (the row leaves the subject free,
    /// the table is not worth it yet, or the predicate is too large).
    mutating func objects(for row: Row, graph: ActiveGraph, execution: Execution) throws -> Range<Int>? {
        let subject = row[subjectSlot]
        guard subject != 0 else { return nil }
        if built { return range(of: subject) }
        if quads == nil { quads = Int(try execution.predicateCount(predicate)) }
        guard let quads, quads <= Self.limit else { return nil }
        asked += 1
        guard asked * Self.seekCost >= quads else { return nil }
        var pairs: [(TermID, TermID)] = []
        pairs.reserveCapacity(quads)
        let source = try execution.scan(subject: nil, predicate: predicate, object: nil, graph: graph)
        while let quad = try source.next() {
            try execution.checkpoint()
            pairs.append((quad.subject, quad.object))
        }
        // A subject's objects ascending, as a scan of (subject, predicate) gives them.
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        subjects = pairs.map(\.0)
        objects = pairs.map(\.1)
        built = true
        return range(of: subject)
    }

    /// The positions of `subject`'s pairs (empty when it has none).
    private func range(of subject: TermID) -> Range<Int> {
        var low = 0, high = subjects.count
        while low < high {
            let mid = (low + high) / 2
            if subjects[mid] < subject { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < subjects.count && subjects[end] == subject { end += 1 }
        return low..<end
    }
}
