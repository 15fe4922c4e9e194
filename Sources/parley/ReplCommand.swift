import ArgumentParser
import ParleyOperations
import ParleyShell
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// `parley` / `parley repl`: the prompt on a terminal; a script read from standard input
/// otherwise; one statement with `-c`.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the interactive prompt on the store (the default command).",
        discussion: """
            On a terminal: a prompt with line editing, history, Tab completion and dot-commands (.help). \
            With standard input from a file or a pipe, its statements run as a script: no banner, no \
            prompt, results as TSV unless .mode says otherwise, and the exit status is 1 if any \
            statement failed. -c runs one statement (SPARQL or a dot-command) and exits.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this statement (SPARQL or a dot-command) and exit.", valueName: "statement"))
    var command: String?

    @Flag(help: "Stop at the first statement that fails.")
    var bail = false

    func run() throws {
        try ReplRequest(db: store.db, command: command, bail: bail).run()
    }
}

/// What `parley repl` (or `parley` alone) was asked, as plain values; also read by
/// ``parseQuickly(_:)`` (``QuickArguments``) so the prompt opens without ArgumentParser.
struct ReplRequest: Equatable {
    var db: String?
    var command: String?
    var bail = false

    /// The request for the arguments after `repl` (or all of them, for `parley` alone) when
    /// ``QuickArguments`` can read them; `nil` leaves them to ArgumentParser.
    static func parseQuickly(_ arguments: ArraySlice<String>) -> ReplRequest? {
        guard let parsed = QuickArguments(arguments, options: ["--db": "--db", "-c": "-c"], flags: ["--bail"]),
              parsed.positionals.isEmpty else { return nil }
        return ReplRequest(db: parsed.values["--db"], command: parsed.values["-c"], bail: parsed.flags.contains("--bail"))
    }

    /// Opens the store, then runs the statement, the prompt or the script on standard input.
    func run() throws {
        var options = StoreOptions()
        options.db = db
        let store = try options.open()
        if let command {
            // Like `parley query`: a table on a terminal, TSV into a pipe.
            let settings = isatty(1) == 1 ? ShellSettings(mode: .table, timer: false, limit: nil) : .script
            let shell = Shell(store: store, configuration: .init(interactive: false, bail: bail, settings: settings))
            shell.runScript(text: command, name: "-c")
            Glibc.exit(shell.exitStatus)
        }
        if isatty(0) == 1 {
            let configuration = Shell.Configuration(interactive: true, bail: bail, colours: Palette.allowed(on: 2), settings: .interactive)
            let shell = Shell(store: store, configuration: configuration)
            shell.runInteractive(editor: LineEditor(historyPath: LineEditor.defaultHistoryPath()))
            Glibc.exit(0)
        }
        let shell = Shell(store: store, configuration: .init(interactive: false, bail: bail, settings: .script))
        shell.runStandardInput()
        Glibc.exit(shell.exitStatus)
    }
}

/// `parley run FILE…`: runs scripts of SPARQL statements and dot-commands.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run script files of SPARQL statements and dot-commands.",
        discussion: """
            Statements are separated by blank lines or ';'; lines starting with '#' are comments; a line \
            starting with '.' is a dot-command (.help lists them). Results are TSV unless .mode says \
            otherwise. Each error names FILE:LINE; the exit status is 1 if any statement failed.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Stop at the first statement that fails.")
    var bail = false

    @Argument(help: ArgumentHelp("The scripts to run, in order.", valueName: "file"))
    var files: [String]

    func run() throws {
        let store = try self.store.open()
        let shell = Shell(store: store, configuration: .init(interactive: false, bail: bail, settings: .script))
        for file in files {
            shell.runScript(path: file)
            if shell.bailed || shell.quitRequested { break }
        }
        Glibc.exit(shell.exitStatus)
    }
}
