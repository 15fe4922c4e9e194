import Foundation

/// Runs the real `parley` binary built next to the tests, for end-to-end tests.
public enum ParleyProcess {
    /// The output of one run.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built binary: the one beside the running test bundle, else `.build/debug/parley`.
    public static let executable: URL = {
        let bundle = Bundle.main.bundleURL
        for candidate in [bundle.appendingPathComponent("parley"),
                          bundle.deletingLastPathComponent().appendingPathComponent("parley"),
                          packageRoot.appendingPathComponent(".build/debug/parley")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return packageRoot.appendingPathComponent(".build/debug/parley")
    }()

    /// Runs `parley` with `arguments`, feeding `input` to its standard input.
    public static func run(_ arguments: [String], input: String? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        try run(executable: executable, arguments, input: input, environment: environment)
    }

    /// Runs any program and collects its output.
    public static func run(executable: URL, _ arguments: [String], input: String? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARLEY_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // A child killed by a signal reports the signal's number as its status; give it the
        // shell's 128 + signal, so a crash can never pass for an ordinary exit status.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The path of a program on `$PATH`, or `nil`.
    public static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

extension ParleyProcess {
    /// `parley load` failed while setting up a test.
    public struct SetupFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A fresh temporary directory holding a store at `db` loaded with `ntriples` by the real
    /// binary (keep the directory alive as long as the store is used).
    public static func loadedStore(_ ntriples: String) throws -> (directory: TemporaryDirectory, db: String) {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", ntriples)
        let load = try run(["load", "--db", dir.child("db"), file])
        guard load.status == 0 else { throw SetupFailure(description: "parley load failed: \(load.stderr)") }
        return (dir, dir.child("db"))
    }
}
