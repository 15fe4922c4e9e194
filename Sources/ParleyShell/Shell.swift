import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// The shell: runs statements (SPARQL and dot-commands) against one store, from the prompt,
/// from scripts, from standard input or from `-c`.
///
/// Results go to standard output (or the file of `.output`/`.once`); notes and errors go to
/// standard error. In a script every error names `FILE:LINE`. No read transaction is held
/// between statements: each query reads in its own snapshot and streams its rows out.
/// Use a shell from one thread.
public final class Shell {
    /// How the shell was started.
    public struct Configuration: Sendable {
        /// At the prompt (banner, line editing, Ctrl-C cancels) rather than a script or pipe.
        public var interactive: Bool
        /// Stop at the first failing statement.
        public var bail: Bool
        /// Colour errors and notes (only ever on a terminal without `NO_COLOR`).
        public var colours: Bool
        public var settings: ShellSettings

        public init(interactive: Bool, bail: Bool = false, colours: Bool = false, settings: ShellSettings) {
            self.interactive = interactive
            self.bail = bail
            self.colours = colours
            self.settings = settings
        }
    }

    /// The store with the operations every front end shares.
    public let session: StoreSession
    public var store: Store { session.store }
    var engine: QueryEngine { session.engine }
    public let configuration: Configuration
    public var settings: ShellSettings
    let palette: Palette
    let cancellation: CancellationToken
    let screen: OutputSink
    let errors: OutputSink
    var redirect: OutputSink?
    var once: OutputSink?
    /// The store's names, read when first needed and dropped when the store changes.
    var cachedVocabulary: StoreVocabulary?
    /// How many statements failed.
    public internal(set) var failures = 0
    /// `.quit` was given.
    public internal(set) var quitRequested = false
    /// A statement failed with `--bail`: every script runner stops.
    public private(set) var bailed = false
    var readDepth = 0
    /// Counts changes to the store made here, so completion knows to read its names again.
    public internal(set) var storeGeneration = 0
    let clock = ContinuousClock()

    public init(store: Store, configuration: Configuration, cancellation: CancellationToken = Interrupts.token,
                output: OutputSink = OutputSink(fd: 1), errors: OutputSink = OutputSink(fd: 2)) {
        self.session = StoreSession(store: store)
        self.configuration = configuration
        self.settings = configuration.settings
        self.palette = Palette(enabled: configuration.colours)
        self.cancellation = cancellation
        self.screen = output
        self.errors = errors
    }

    /// The exit status for the process: 0 if every statement succeeded, else 1.
    public var exitStatus: Int32 { failures == 0 ? 0 : 1 }

    // MARK: Running statements

    /// Runs one statement; reports its error (if any) and returns whether it succeeded.
    @discardableResult
    public func execute(_ statement: Statement) -> Bool {
        cancellation.reset()
        // `.once FILE` takes the next statement's result: the one after the `.once` itself.
        let onceBefore = once
        defer {
            output.flush()
            if let file = once, file === onceBefore { file.flush(); once = nil }
            screen.flush()
        }
        do {
            switch statement.kind {
            case .command: try runCommand(statement)
            case .sparql: try runSPARQL(statement)
            }
            return true
        } catch {
            failures += 1
            report(error, in: statement)
            if configuration.bail { bailed = true }
            return false
        }
    }

    /// Where results go now: `.once`'s file, else `.output`'s, else standard output.
    var output: OutputSink { once ?? redirect ?? screen }

    /// The saved prefixes, as a dictionary for the parser.
    func prefixMap() throws -> [String: String] { try session.prefixMap() }

    func runSPARQL(_ statement: Statement) throws {
        let text = statement.text
        let prefixes = try prefixMap()
        switch SPARQLText.kind(of: text) {
        case .prologue, .update:
            let update = try session.parseUpdate(text)
            try savePrefixes(update.prefixes, known: prefixes)
            guard !update.operations.isEmpty else { return }
            var options = QueryOptions()
            options.cancellation = cancellation
            let start = clock.now
            let report: UpdateReport
            do {
                report = try session.apply(update, options: options)
            } catch QueryError.cancelled {
                throw ShellInterruption.updateRolledBack
            }
            storeChanged()
            let time = settings.timer ? " (\(formatMilliseconds(milliseconds(clock.now - start))))" : ""
            note(StoreSession.summary(of: report) + time)
        case .query, .patterns:
            let query = try session.parseQuery(text)
            try savePrefixes(query.prefixes, known: prefixes)
            let summary = try runQuery(query)
            if summary.kind == .rows && summary.total == 0 {
                for hint in unknownNameHints(in: text, prefixes: query.prefixes) { note(hint) }
            }
        }
    }

    /// Runs a parsed query and writes its result with the footer and notes.
    @discardableResult
    func runQuery(_ query: Query) throws -> ResultWriter.Summary {
        var options = QueryOptions()
        options.cancellation = cancellation
        let start = clock.now
        let summary = try session.run(query, options: options, writer: try resultWriter(since: start), to: output)
        if let cap = ResultWriter.capNote(summary) { note(cap) }
        if settings.mode != .table && settings.timer {
            note(ResultWriter.footer(summary, milliseconds: milliseconds(clock.now - start)))
        }
        return summary
    }

    /// The result writer for the current settings, its footer `N rows (T ms)` timed from `start`.
    func resultWriter(since start: ContinuousClock.Instant) throws -> ResultWriter {
        let timer = settings.timer
        let clock = self.clock
        return settings.resultWriter(prefixes: try store.prefixes()) { summary in
            ResultWriter.footer(summary, milliseconds: timer ? milliseconds(clock.now - start) : nil)
        }
    }

    /// Saves prefixes the statement declared that the store does not have (or binds otherwise).
    func savePrefixes(_ declared: [String: String], known: [String: String]) throws {
        for (prefix, iri) in declared.sorted(by: { $0.key < $1.key }) where known[prefix] != iri {
            try store.savePrefix(prefix, iri: iri)
            storeChanged()
            if configuration.interactive { note("saved prefix \(prefix): <\(iri)>") }
        }
    }

    /// "did you mean …?" for names in a query that returned nothing and that the store lacks.
    func unknownNameHints(in text: String, prefixes: [String: String]) -> [String] {
        var hints: [String] = []
        for name in SPARQLText.names(in: text, prefixes: prefixes) {
            guard (try? store.id(of: .iri(name.iri))) == .some(nil) else { continue }
            guard let vocabulary = try? vocabulary(), let suggestion = vocabulary.suggestion(for: name.text) else { continue }
            hints.append("\(name.text) is not in the store; did you mean \(suggestion)?")
        }
        return hints
    }

    /// The store's vocabulary, read on first use after a change.
    public func vocabulary() throws -> StoreVocabulary {
        if let cachedVocabulary { return cachedVocabulary }
        let vocabulary = try StoreVocabulary.load(from: engine, cancellation: cancellation)
        cachedVocabulary = vocabulary
        return vocabulary
    }

    // MARK: Messages

    /// A note on standard error (updates, loads, capped results, hints).
    func note(_ text: String) {
        output.flush()  // so the note follows the rows it is about
        errors.write(palette.dim + text + palette.reset + "\n")
    }

    /// Writes an error: at the prompt the statement's line with a caret; in a script prefixed
    /// with `FILE:LINE:` (and the column for syntax errors), numbered as in the file.
    func report(_ error: Error, in statement: Statement) {
        var diagnostic = error.asDiagnostic
        let interrupted: Bool
        switch error {
        case QueryError.cancelled:
            diagnostic = Diagnostic("cancelled; the store is unchanged")
            interrupted = true
        case ShellInterruption.updateRolledBack:
            diagnostic = Diagnostic("cancelled; the update was rolled back")
            interrupted = true
        default:
            interrupted = false
        }
        if case .undeclaredPrefix(let prefix)? = Self.syntaxError(error)?.reason {
            let known = (try? store.prefixes().map(\.prefix)) ?? []
            if let suggestion = Suggestions.closest(to: prefix, in: known) {
                diagnostic.hints.append("did you mean '\(suggestion):'? (.prefix lists the saved prefixes)")
            } else {
                diagnostic.hints.append("declare it first: PREFIX \(prefix): <…>")
            }
        }
        let renderer = palette.diagnostics
        // A diagnostic with a line but no source is placed in the statement's own text.
        let inStatement = diagnostic.source == nil && diagnostic.line != nil
        var text: String
        if configuration.interactive {
            text = inStatement ? renderer.renderInline(diagnostic, text: statement.text) : renderer.render(diagnostic)
            // After Ctrl-C the terminal shows ^C: start a line of our own.
            if interrupted { text = "\n" + text }
        } else if inStatement {
            if let file = statement.origin.file { diagnostic = diagnostic.naming(file) }
            text = renderer.render(diagnostic, text: statement.text, firstLine: statement.origin.line)
        } else {
            if diagnostic.source == nil {
                diagnostic.source = statement.origin.file
                diagnostic.line = statement.origin.line
            }
            text = renderer.render(diagnostic)
        }
        errors.write(text + "\n")
    }

    /// The SPARQL syntax error behind `error`, if that is what it is.
    static func syntaxError(_ error: Error) -> SPARQLSyntaxError? {
        if let error = error as? SPARQLSyntaxError { return error }
        if case QueryError.syntax(let error)? = error as? QueryError { return error }
        return nil
    }
}

/// Ctrl-C during a statement.
enum ShellInterruption: Error {
    case updateRolledBack
}
