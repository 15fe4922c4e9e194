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

    /// Starts `parley` without waiting; output goes nowhere unless `stdout` is given.
    static func start(_ arguments: [String], environment: [String: String] = [:],
                      stdin: Any? = nil, stdout: Any? = nil) throws -> Process {
        let process = Process()
        process.executableURL = ParleyProcess.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARLEY_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for `process` at most `seconds`; kills it and returns `false` if it is still running.
    static func wait(_ process: Process, atMost seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
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

/// 1234567 as "1,234,567", as the CLI prints counts.
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
