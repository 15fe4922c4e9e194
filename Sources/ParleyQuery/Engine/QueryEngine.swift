import ParleySPARQL
import ParleyStore

/// TEMPORARY stand-in with the agreed public surface, so the results harness compiles before
/// the real evaluator is merged. Every call fails with `QueryError.unsupported`.
public final class QueryEngine: Sendable {
    private let store: Store

    public init(store: Store) { self.store = store }

    public func query<R>(_ query: Query, options: QueryOptions = QueryOptions(), _ body: (QueryResult) throws -> R) throws -> R {
        throw QueryError.unsupported("engine not merged yet")
    }

    public func update(_ update: Update, options: QueryOptions = QueryOptions()) throws -> UpdateReport {
        throw QueryError.unsupported("engine not merged yet")
    }
}
