import Foundation
import ParleyTestSupport

/// A `parley serve` started by a test on a free loopback port (`--port 0`; the banner says
/// which), stopped with SIGTERM when the test is done (it must then exit 0).
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT`.
    let url: String
    let db: String
    private let errorPipe = Pipe()

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    init(db: String, _ flags: [String] = []) throws {
        self.db = db
        process.executableURL = ParleyProcess.executable
        process.arguments = ["serve", "--db", db, "--port", "0"] + flags
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Read the banner: `parley serve: DB at http://127.0.0.1:PORT/sparql and …`.
        var text = ""
        let handle = errorPipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw StartFailure(description: "parley serve did not start: \(text)")
        }
        url = String(text[range])
        banner = text
    }

    /// The first line the server wrote.
    let banner: String

    /// Sends SIGTERM and returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// `curl`, for the status-code tests: the status, the body and the content type.
enum Curl {
    static let executable = ExternalTool.find("curl")

    struct Answer: Sendable {
        var status: Int
        var body: String
        var contentType: String
    }

    /// Runs `curl -s ARGS URL` and reads back the status and content type curl reports.
    static func run(_ arguments: [String]) throws -> Answer {
        guard let executable else { throw ServerProcess.StartFailure(description: "curl is not installed") }
        let marker = "\n--curl-status--"
        let result = try ExternalTool.run(executable, ["-s", "-w", "\(marker)%{http_code} %{content_type}"] + arguments)
        guard let split = result.output.range(of: marker, options: .backwards) else {
            return Answer(status: 0, body: result.output, contentType: "")
        }
        let tail = result.output[split.upperBound...].split(separator: " ", maxSplits: 1)
        return Answer(status: Int(tail.first ?? "") ?? 0, body: String(result.output[..<split.lowerBound]),
                      contentType: tail.count > 1 ? String(tail[1]) : "")
    }
}

/// Where the tests' Python clients and their packages are, with the reason when they are not.
enum PythonClients {
    static let python = ExternalTool.find("python3")

    static let missing: String? = {
        guard let python else { return "python3 is not installed" }
        guard let check = try? ExternalTool.run(python, ["-c", "import SPARQLWrapper, rdflib"]), check.status == 0 else {
            return "the Python packages SPARQLWrapper and rdflib are not installed (scripts/install-deps.sh --test installs them)"
        }
        return nil
    }()
}
