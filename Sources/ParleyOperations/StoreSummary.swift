import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// What `parley stats` and `.stats` print: the store's counts, size and open readers, as
/// aligned `label  value` lines.
public enum StoreSummary {
    /// The lines, each ending in a newline.
    public static func text(_ store: Store) throws -> String {
        let stats = try store.statistics()
        let rows: [(String, String)] = [
            ("store", store.path),
            ("triples", grouped(stats.quads) + (stats.graphs > 0 ? "  (default graph \(grouped(stats.defaultGraphTriples)), named graphs \(grouped(stats.namedGraphQuads)))" : "")),
            ("graphs", grouped(stats.graphs) + " named"),
            ("subjects", grouped(stats.distinctSubjects)),
            ("predicates", grouped(stats.distinctPredicates)),
            ("objects", grouped(stats.distinctObjects)),
            ("terms", grouped(stats.terms)),
            ("bytes on disk", grouped(stats.bytesOnDisk)),
            ("bytes/triple", stats.quads == 0 ? "-" : formatDecimal(stats.bytesPerQuad, decimals: 1)),
            ("open readers", readers(store)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in label + String(repeating: " ", count: width - label.count + 2) + value + "\n" }.joined()
    }

    /// What `parley graphs` prints: a `graph<TAB>triples` header, then each named graph (in
    /// N-Triples syntax) and its number of triples.
    public static func graphs(_ store: Store) throws -> String {
        var text = "graph\ttriples\n"
        for graph in try store.graphs() { text += NTriplesSerializer.string(graph.name) + "\t\(graph.quads)\n" }
        return text
    }

    /// Read transactions other processes hold open on the store: an idle prompt holds none.
    private static func readers(_ store: Store) -> String {
        let others = store.openReaders().filter { $0.pid != getpid() }
        guard !others.isEmpty else { return "0" }
        let pids = Set(others.map(\.pid)).sorted().map(String.init).joined(separator: ", ")
        return "\(others.count) (process \(pids))"
    }
}
