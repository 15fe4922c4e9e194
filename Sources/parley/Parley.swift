import ArgumentParser
import ParleyRDF
import ParleyOperations
#if canImport(Glibc)
import Glibc
#endif

/// `parley`: the command-line front end of the store.
@main
struct Parley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "A knowledge-graph store for diplomatic readouts, on LMDB.",
        discussion: """
            The store is a directory: --db PATH, else $PARLEY_DB, else ./parley.db.
            A missing or empty directory becomes a new store. Without a subcommand, parley opens the \
            prompt (see 'parley repl --help').
            """,
        subcommands: [ReplCommand.self, RunCommand.self, LoadCommand.self, ExportCommand.self, QueryCommand.self, UpdateCommand.self,
                      IngestCommand.self, FactsCommand.self, StatsCommand.self, GraphsCommand.self,
                      CheckCommand.self, BackupCommand.self, ServeCommand.self],
        defaultSubcommand: ReplCommand.self)

    /// Runs the command; usage errors exit with status 2, other failures with 1.
    static func main() {
        do {
            if getenv(QuickArguments.slowParseVariable) == nil, try runQuickly(CommandLine.arguments.dropFirst()) { return }
            var command = try parseSubcommandAlone() ?? parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            // A command that said all it had to say (`check` on a damaged store).
            Glibc.exit(code.rawValue)
        } catch let error as CLIError {
            Terminal.standardError.write(error.message + "\n")
            Glibc.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.standardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            // Every other failure is worded by the one diagnostic renderer.
            Terminal.standardError.write(DiagnosticRenderer().render(error.asDiagnostic) + "\n")
            Glibc.exit(1)
        }
    }

    /// Runs `parley query …`, `parley repl …` or `parley` with the prompt's options when
    /// ``QuickArguments`` reads them (the start-up of a short command is then mostly the
    /// command's own work); `false` when it does not.
    static func runQuickly(_ arguments: ArraySlice<String>) throws -> Bool {
        switch arguments.first {
        case "query":
            guard let request = QueryRequest.parseQuickly(arguments.dropFirst()) else { return false }
            try request.run()
        case "repl":
            guard let request = ReplRequest.parseQuickly(arguments.dropFirst()) else { return false }
            try request.run()
        case let first? where !first.hasPrefix("-"):
            return false  // another subcommand
        default:
            // No subcommand: the prompt (the default command) with its options.
            guard let request = ReplRequest.parseQuickly(arguments) else { return false }
            try request.run()
        }
        return true
    }

    /// `parley NAME ARGUMENTS…` parsed by NAME's command alone, or `nil` to parse from the root.
    ///
    /// ArgumentParser's root parse first builds the argument sets of every subcommand (to look
    /// for completion-script requests and pass-through arguments), by reflection whose protocol
    /// conformance lookups scan the whole binary: about half the start-up of a short command
    /// such as `parley query --db DB 'ASK {}'`. The command alone gives the same value. Help,
    /// version and completion requests, and any arguments it rejects, take the root parse, so
    /// usage texts and error messages still say `parley NAME` exactly as before.
    static func parseSubcommandAlone(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> ParsableCommand? {
        guard let name = arguments.first,
              let command = configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
        let rest = arguments.dropFirst()
        let rootOnly: Set<String> = ["-h", "--help", "-help", "--version", "--experimental-dump-help"]
        guard !rest.contains(where: { rootOnly.contains($0) || $0.hasPrefix("--generate-completion") }) else { return nil }
        return try? command.parseAsRoot(Array(rest))
    }
}

/// A failure whose message is ready to print.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
