import Foundation
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Sizes and helpers shared by the reliability tests.
enum Reliability {
    /// `PARLEY_RELIABILITY_SCALE` (default 1, the CI size): multiplies kill counts and data
    /// sizes. `scripts/reliability.sh` runs with 10.
    static let scale: Int = {
        guard let text = ProcessInfo.processInfo.environment["PARLEY_RELIABILITY_SCALE"],
              let value = Int(text), value > 0 else { return 1 }
        return value
    }()

    /// Whether this process runs as root (as CI does), where permission bits do not apply.
    static var isRoot: Bool { geteuid() == 0 }

    /// `setpriv`, used to run a child as `nobody` when the tests run as root, so that
    /// permission bits (an unreadable file, a read-only store) apply to it.
    static let setpriv: URL? = ParleyProcess.which("setpriv")

    /// Runs `parley` as an unprivileged user: as `nobody` through `setpriv` when root,
    /// as ourselves otherwise. `nil` when root and setpriv is missing.
    static func runUnprivileged(_ arguments: [String], input: String? = nil) throws -> ParleyProcess.Result? {
        guard isRoot else { return try ParleyProcess.run(arguments, input: input) }
        guard let setpriv else { return nil }
        return try ParleyProcess.run(
            executable: setpriv,
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--", ParleyProcess.executable.path] + arguments,
            input: input)
    }

    /// Starts `parley` without waiting (see ``Child``).
    static func start(_ arguments: [String], environment: [String: String] = [:],
                      stdin: String? = nil, stdout: Int32? = nil) throws -> Child {
        try Child(ParleyProcess.executable.path, arguments, environment: environment, stdin: stdin, stdout: stdout)
    }

    /// The store as sorted N-Quads lines: the fact-by-fact state compared after a crash.
    static func export(_ db: String) throws -> (status: Int32, lines: [Substring], stderr: String) {
        let result = try ParleyProcess.run(["export", "--db", db, "--format", "nq"])
        return (result.status, result.stdout.split(separator: "\n").sorted(), result.stderr)
    }

    /// `n` distinct triples over `subjects` subjects, with a few long literals and non-ASCII text.
    static func nTriples(_ n: Int, tag: String, subjects: Int = 997) -> String {
        var text = ""
        text.reserveCapacity(n * 90)
        for i in 0..<n {
            let object = i % 101 == 0
                ? "\"\(String(repeating: "long \(tag) ", count: 40))\(i)\"@en"
                : (i % 3 == 0 ? "<http://ex.org/\(tag)/o\(i % 4999)>" : "\"\(tag) é \(i)\"")
            text += "<http://ex.org/s\(i % subjects)> <http://ex.org/\(tag)/p\(i % 17)> \(object) .\n"
        }
        return text
    }

    /// A readout in the genre of the seeds, `paragraphs` paragraphs long, each stating facts of
    /// its own (so a larger one makes a larger write).
    static func readout(paragraphs: Int) -> String {
        var text = "Wang Yi Has a Phone Call with US Secretary of State Antony Blinken\n2023-12-06 09:00\n"
        text += "On the evening of December 6, 2023, Foreign Minister Wang Yi had a phone call with US Secretary of State Antony Blinken at the latter's request.\n"
        for i in 0..<paragraphs {
            text += "Wang Yi said that China supports the peace plan number \(i) and opposes the blockade of port \(i). "
            text += "Blinken urged all parties to protect the civilians of district \(i). "
            text += "The two sides agreed to maintain communication on question \(i).\n"
        }
        return text
    }

    /// Copies a store's data file (not its lock file) into a fresh directory `to`.
    static func copyStore(_ from: String, to: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: to) { try fm.removeItem(atPath: to) }
        try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
        try fm.copyItem(atPath: from + "/data.mdb", toPath: to + "/data.mdb")
    }

    /// The resident set size of a running process in KiB, from /proc.
    static func residentKiB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }
}

/// A report line on stdout, so CI logs show the figures.
func report(_ text: String) {
    let line = "reliability: \(text)\n"
    _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress, $0.count - 1) }
}

/// A child process started with `posix_spawn`, with every signal unblocked and at its default
/// action. (Foundation's `Process` passes on the test runner's signal mask, which blocks
/// SIGINT and SIGTERM, so a child started that way ignores them.)
final class Child: @unchecked Sendable {
    let pid: pid_t
    private var status: Int32?

    /// Starts `executable`; standard input from the file `stdin` (else /dev/null), standard
    /// output to the descriptor `stdout` (else /dev/null), standard error to /dev/null.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
         stdin: String? = nil, stdout: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        if let stdout {
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARLEY_DB")
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        self.pid = pid
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }

    private func reap(blocking: Bool) -> Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
        guard result == pid else { return false }
        // WIFEXITED: the low 7 bits are 0 and the exit code sits above them; else the signal.
        status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return true
    }

    var isRunning: Bool { !reap(blocking: false) }

    /// The exit code, or 128 + the signal that ended it; waits for the end.
    var terminationStatus: Int32 {
        _ = reap(blocking: true)
        return status!
    }

    func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits at most `seconds`; kills the child and returns `false` if it is still running.
    func wait(atMost seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline { usleep(2_000) }
        if isRunning {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
            return false
        }
        return true
    }
}
