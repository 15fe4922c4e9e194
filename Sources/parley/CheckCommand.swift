import ArgumentParser
import ParleyStore

/// `parley check`: reads the whole store and says whether it is sound; `--repair` rebuilds
/// what the healthy parts allow.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every page, index, dictionary entry and statistic of the store.",
        discussion: """
            Exit status 0 when the store is healthy, 1 when it is damaged. --repair rebuilds damaged \
            index permutations and statistics from the healthy ones in one write transaction and says \
            what it could not save.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Rebuild damaged indexes, the dictionary's term-to-id direction and the statistics.")
    var repair = false

    func run() throws {
        let out = Terminal(fd: 1)
        defer { out.flush() }
        let options = store.options(readOnly: !repair)
        guard repair else {
            let health = try Store.check(path: store.path, options: options)
            for line in health.summary { out.write(line + "\n") }
            if !health.isHealthy { throw ExitCode(1) }
            return
        }
        let (before, outcome, after) = try Store.repair(path: store.path, options: options)
        for line in before.summary { out.write(line + "\n") }
        guard !before.isHealthy else { return }
        out.write("repair         " + (outcome.rebuilt.isEmpty ? "nothing could be rebuilt" : "rebuilt " + outcome.rebuilt.joined(separator: ", ") + " in one transaction") + "\n")
        for lost in outcome.lost { out.write("not saved      \(lost)\n") }
        out.write("after repair   " + (after.isHealthy ? "healthy" : "still damaged: " + after.damaged.map(\.name).joined(separator: ", ")) + "\n")
        if !after.isHealthy { throw ExitCode(1) }
    }
}
