import ParleyStore
import ParleySPARQL

/// A solution: one term id per variable slot of the query, 0 where unbound.
typealias Row = [TermID]

/// The query's variables, each with a slot in every ``Row``.
struct VariableSlots {
    private(set) var names: [String] = []
    private(set) var index: [String: Int] = [:]

    @discardableResult
    mutating func slot(_ name: String) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }

    var count: Int { names.count }
}

/// Whether two rows agree on every variable both bind (SPARQL's compatibility).
@inline(__always)
func compatible(_ a: Row, _ b: Row) -> Bool {
    for i in 0..<a.count where a[i] != 0 && b[i] != 0 && a[i] != b[i] { return false }
    return true
}

/// The union of two compatible rows.
@inline(__always)
func merged(_ a: Row, _ b: Row) -> Row {
    var out = a
    for i in 0..<b.count where out[i] == 0 { out[i] = b[i] }
    return out
}

/// Pull-based stream of rows: the evaluator's operators.
protocol RowIterator: AnyObject {
    /// The next row, or `nil` at the end.
    func next() throws -> Row?
}

/// Rows held in memory.
final class ArrayIterator: RowIterator {
    private let rows: [Row]
    private var position = 0
    init(_ rows: [Row]) { self.rows = rows }
    func next() throws -> Row? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }
}

/// Reads an iterator to the end.
func collect(_ iterator: RowIterator) throws -> [Row] {
    var rows: [Row] = []
    while let row = try iterator.next() { rows.append(row) }
    return rows
}
