@preconcurrency import CEditLine
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Line editing at the prompt through libedit's readline interface: arrow keys, history
/// (also reverse search with Ctrl-R), Tab completion by a ``Completer``.
///
/// libedit keeps one editor per process in C globals, so this is a process-wide service: the
/// completion callback is a `@convention(c)` function that reaches the shell's completer
/// through ``CompletionContext``, a value behind a lock. Use it from one thread.
public final class LineEditor {
    /// Where the history lives, or `nil` to keep none.
    public let historyPath: String?

    /// Prepares libedit and reads the history file (created with its directory when first saved).
    public init(historyPath: String?) {
        self.historyPath = historyPath
        rl_catch_signals = 0
        using_history()
        stifle_history(2000)
        if let historyPath { _ = read_history(historyPath) }
        rl_attempted_completion_function = completeWord
    }

    /// The default history file: `$XDG_STATE_HOME/parley/history`, else
    /// `~/.local/state/parley/history`; `nil` without either variable (never the working directory).
    public static func defaultHistoryPath() -> String? {
        func variable(_ name: String) -> String? {
            guard let value = getenv(name), value.pointee != 0 else { return nil }
            let text = String(cString: value)
            return text.hasPrefix("/") ? text : nil
        }
        if let state = variable("XDG_STATE_HOME") { return state + "/parley/history" }
        if let home = variable("HOME") { return home + "/.local/state/parley/history" }
        return nil
    }

    /// Shows `prompt` and reads a line; `nil` at end of input (Ctrl-D) or after Ctrl-C
    /// (``Interrupts/pressed`` tells which).
    public func readLine(prompt: String) -> String? {
        guard let line = readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    /// Adds an entry to the history (skipping a repeat of the last one) and saves the file.
    public func addHistory(_ entry: String) {
        let text = entry.split(separator: "\n").map { StatementSplitter.trimmed(String($0)) }.joined(separator: " ")
        guard !text.isEmpty, text != lastEntry else { return }
        lastEntry = text
        _ = add_history(text)
        save()
    }

    private var lastEntry: String?

    /// Writes the history file, creating its directory (mode 0700) if needed.
    public func save() {
        guard let historyPath else { return }
        var directory = ""
        for part in historyPath.split(separator: "/").dropLast() {
            directory += "/" + part
            mkdir(directory, 0o700)
        }
        _ = write_history(historyPath)
    }
}

/// What the completion callback needs: the completer and the statement typed so far, set by
/// the shell before each line is read.
public final class CompletionContext: Sendable {
    public struct State: Sendable {
        public var completer: Completer?
        /// Builds the completer when first needed (reading the store's vocabulary takes a scan).
        public var makeCompleter: (@Sendable () -> Completer?)?
        /// The earlier lines of the statement being typed.
        public var pending = ""
    }

    public static let shared = CompletionContext()
    public let state = Mutex(State())

    /// The completion for `word` at the end of `line`, building the completer if needed.
    public func complete(word: String, line: String) -> Completer.Completion {
        let (completer, pending, make) = state.withLock { ($0.completer, $0.pending, $0.makeCompleter) }
        var current = completer
        if current == nil, let make {
            current = make()
            state.withLock { $0.completer = current }
        }
        return current?.complete(word: word, line: line, pending: pending) ?? .candidates([])
    }
}

/// libedit's completion hook: returns a NULL-terminated, malloc'd array whose first entry
/// replaces the word (the candidates' common prefix) and whose others are listed; or NULL to
/// let libedit complete file names.
private let completeWord: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
    let word = text.map { String(cString: $0) } ?? ""
    var line = ""
    if let buffer = rl_line_buffer {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(end))
        line = String(decoding: bytes, as: UTF8.self)
    }
    switch CompletionContext.shared.complete(word: word, line: line) {
    case .files:
        rl_attempted_completion_over = 0
        return nil
    case .candidates(let candidates):
        rl_attempted_completion_over = 1
        guard !candidates.isEmpty else { return nil }
        // No space after a prefix (`pv:`) or a dot-command awaiting its name.
        rl_completion_append_character = candidates.count == 1 && candidates[0].hasSuffix(":") ? 0 : 32
        let common = commonPrefix(candidates)
        // libedit frees the array and its strings with free(3), so both come from malloc.
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (candidates.count + 2)
        guard let raw = malloc(size) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: candidates.count + 2)
        array[0] = strdup(candidates.count == 1 ? candidates[0] : common)
        for (i, candidate) in candidates.enumerated() { array[i + 1] = strdup(candidate) }
        array[candidates.count + 1] = nil
        return array
    }
}

/// The longest common prefix of the candidates, by Unicode scalar.
func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for string in strings.dropFirst() {
        let scalars = Array(string.unicodeScalars)
        var n = 0
        while n < prefix.count && n < scalars.count && prefix[n] == scalars[n] { n += 1 }
        prefix.removeSubrange(n...)
    }
    return String(String.UnicodeScalarView(prefix))
}
