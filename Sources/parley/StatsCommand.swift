import ArgumentParser
import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// `parley stats`: how big the store is and what it holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show counts of triples, terms and graphs, and the store's size on disk.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.open()
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
            ("bytes/triple", stats.quads == 0 ? "-" : formatted(stats.bytesPerQuad, decimals: 1)),
            ("open readers", readers(store)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        let out = Terminal(fd: 1)
        for (label, value) in rows {
            out.write(label + String(repeating: " ", count: width - label.count + 2) + value + "\n")
        }
    }
}

/// Read transactions other processes hold open on the store: an idle prompt holds none.
private func readers(_ store: Store) -> String {
    let others = store.environment.activeReaders().filter { $0.pid != getpid() }
    guard !others.isEmpty else { return "0" }
    let pids = Set(others.map(\.pid)).sorted().map(String.init).joined(separator: ", ")
    return "\(others.count) (process \(pids))"
}

/// `parley graphs`: the named graphs and their sizes.
struct GraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphs",
        abstract: "List the named graphs with their number of triples (tab-separated).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.open()
        let out = Terminal(fd: 1)
        out.write("graph\ttriples\n")
        for graph in try store.graphs() {
            out.write(NTriplesSerializer.string(graph.name) + "\t\(graph.quads)\n")
        }
    }
}
