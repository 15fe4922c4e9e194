import ArgumentParser
import ParleyRDF
import ParleyOperations
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
        let out = Terminal(fd: 1)
        out.write(try StoreSummary.text(try self.store.open()))
    }
}

/// `parley graphs`: the named graphs and their sizes.
struct GraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphs",
        abstract: "List the named graphs with their number of triples (tab-separated).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        Terminal(fd: 1).write(try StoreSummary.graphs(try store.open()))
    }
}
