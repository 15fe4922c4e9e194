import Foundation

/// Finding and running command-line tools (`rapper`, `python3`, …) for differential tests.
public enum ExternalTool {
    /// The executable named `name` on `PATH`, or `nil`.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// What a finished process printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// Runs `executable` with `arguments` and waits for it, collecting both output streams.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        let errorHandle = error.fileHandleForReading
        let box = DataBox()
        group.enter()
        DispatchQueue.global().async {
            box.data = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errorBytes = box.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputBytes, as: UTF8.self),
                      error: String(decoding: errorBytes, as: UTF8.self))
    }

    /// Carries stderr bytes from the reading thread; written once before `group.leave()`.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
