import ParleyRDF
#if canImport(Glibc)
import Glibc
#endif

/// Lays out DOT text with Graphviz (`dot -Tsvg`, Debian's `graphviz`) and returns the SVG.
///
/// The tool runs as a child process started with `posix_spawnp` and an argument list (never a
/// shell line), reading the DOT from a private temporary file and writing the SVG to another,
/// so no pipe can fill up. It is stopped after ``timeout``. A missing tool throws
/// ``OperationError/layoutToolMissing(tool:package:)``, naming the package to install.
public struct GraphvizLayout: Sendable {
    /// The program, found on `PATH`.
    public var tool: String
    /// Its arguments: SVG out, DOT in on standard input.
    public var arguments: [String]
    /// The Debian package that brings it (for the error when it is missing).
    public var package: String
    /// How long the layout may take.
    public var timeout: Duration

    public init(tool: String = "dot", arguments: [String] = ["-Tsvg"], package: String = "graphviz", timeout: Duration = .seconds(10)) {
        self.tool = tool
        self.arguments = arguments
        self.package = package
        self.timeout = timeout
    }

    /// The SVG document for `dot`.
    public func svg(_ dot: String) throws -> String {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let input = directory.path + "/graph.dot", output = directory.path + "/graph.svg", errors = directory.path + "/errors.txt"
        try FileBytes.write(Array(dot.utf8), to: input)
        let status = try run(arguments, stdin: input, stdout: output, stderr: errors)
        guard status == 0 else {
            let message = String(decoding: (try? FileBytes.read(errors)) ?? [], as: UTF8.self)
            throw OperationError.layoutFailed(tool: tool, status: status,
                                              message: String(message.split(separator: "\n").first ?? ""))
        }
        return String(decoding: try FileBytes.read(output), as: UTF8.self)
    }

    /// Runs the tool with its standard streams on the given files; returns its exit status
    /// (128 + the signal if one ended it).
    private func run(_ arguments: [String], stdin: String, stdout: String, stderr: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The child starts with default signal handling and nothing blocked, whatever the
        // prompt has set up for Ctrl-C.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        let environment: [UnsafeMutablePointer<CChar>?] = Self.passedEnvironment.compactMap { name in
            getenv(name).map { strdup(name + "=" + String(cString: $0)) }
        } + [nil]
        defer { for pointer in argv + environment { free(pointer) } }
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, tool, &actions, &attributes, argv, environment)
        guard started == 0 else {
            if started == ENOENT { throw OperationError.layoutToolMissing(tool: tool, package: package) }
            throw OperationError.layoutFailed(tool: tool, status: -1, message: String(cString: strerror(started)))
        }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR {
                throw OperationError.layoutFailed(tool: tool, status: -1, message: String(cString: strerror(errno)))
            }
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw OperationError.layoutTimedOut(tool: tool, seconds: Int(timeout.components.seconds))
            }
            usleep(2_000)
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// The variables the tool sees: enough to find fonts and its own files, nothing else.
    static let passedEnvironment = ["PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "FONTCONFIG_PATH", "FONTCONFIG_FILE", "XDG_CACHE_HOME", "GVBINDIR"]
}

extension NeighbourhoodGraph {
    /// The picture as an SVG document, laid out by `layout`; `link` as for ``dot(link:)``.
    public func svg(layout: GraphvizLayout = GraphvizLayout(), link: (Term) -> String? = { _ in nil }) throws -> String {
        try layout.svg(dot(link: link))
    }
}
