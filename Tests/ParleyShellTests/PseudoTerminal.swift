import Foundation
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `parley` on a pseudo-terminal: the tests type keys and read the screen (every byte
/// the program wrote, escape sequences included). Every wait has a deadline, and the child is
/// killed when the terminal is closed, so a broken prompt fails a test instead of hanging CI.
final class PseudoTerminal {
    /// The pty functions of libc. Glibc's Swift module leaves them out (they need
    /// `_XOPEN_SOURCE`), so they are looked up by name.
    private enum LibC {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias PTOp = @convention(c) (Int32) -> Int32
        typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        static func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        static let posixOpenPT = symbol("posix_openpt", as: OpenPT.self)
        static let grantPT = symbol("grantpt", as: PTOp.self)
        static let unlockPT = symbol("unlockpt", as: PTOp.self)
        static let ptsName = symbol("ptsname_r", as: PTSName.self)
    }

    static func posix_openpt(_ flags: Int32) -> Int32 { LibC.posixOpenPT?(flags) ?? -1 }
    static func grantpt(_ fd: Int32) -> Int32 { LibC.grantPT?(fd) ?? -1 }
    static func unlockpt(_ fd: Int32) -> Int32 { LibC.unlockPT?(fd) ?? -1 }
    static func ptsname(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 128)
        guard let call = LibC.ptsName, call(fd, &buffer, buffer.count) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    let master: Int32
    let pid: pid_t
    /// Everything read from the terminal so far.
    private(set) var screen = ""
    /// Where `waitFor` starts looking: text already matched is not matched again.
    private var mark: String.Index

    /// Why a pseudo-terminal could not be opened, or `nil` if it can.
    static let unavailableReason: String? = {
        let fd = PseudoTerminal.posix_openpt(O_RDWR | O_NOCTTY)
        if fd < 0 { return "posix_openpt failed: \(String(cString: strerror(errno)))" }
        close(fd)
        return nil
    }()

    /// Starts `parley` with `arguments` on a new terminal (its own session, so Ctrl-C reaches it).
    init(arguments: [String], environment: [String: String]) throws {
        master = Self.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, Self.grantpt(master) == 0, Self.unlockpt(master) == 0, let slave = Self.ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session: opening the terminal makes it the controlling one. SIGINT back to default.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARLEY_DB")
        for (key, value) in environment { env[key] = value }
        let argv = ([ParleyProcess.executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, ParleyProcess.executable.path, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
        mark = screen.startIndex
    }

    /// Types `text` (use `\r` for Enter, `\u{03}` for Ctrl-C, `\u{1B}[A` for arrow-up).
    func type(_ text: String) {
        // Give libedit a moment to switch the terminal to its own mode after drawing the prompt.
        usleep(100_000)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the screen shows `text` after the last match, or `timeout` seconds pass.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = screen.range(of: text, range: mark..<screen.endIndex) {
                mark = range.upperBound
                return true
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            readAvailable(waiting: min(left, 0.2))
        }
    }

    private func readAvailable(waiting seconds: Double) {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            let offset = screen.distance(from: screen.startIndex, to: mark)
            screen += String(decoding: buffer[0..<n], as: UTF8.self)
            mark = screen.index(screen.startIndex, offsetBy: offset)
        } else {
            usleep(50_000)  // the child has gone (EIO): don't spin
        }
    }

    /// Waits for the child to exit (up to `timeout` seconds; then kills it) and returns its status.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            readAvailable(waiting: 0.05)
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
            }
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return nil
    }

    deinit {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        close(master)
    }
}
