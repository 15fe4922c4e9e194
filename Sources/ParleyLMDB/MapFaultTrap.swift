#if canImport(Glibc)
import Glibc
#endif
import CLMDB

/// The last line of defence against a damaged data file: LMDB 0.9 trusts the pages it reads
/// through its memory map, so a page overwritten with garbage can send it to an address past
/// the end of the file (`SIGBUS`) or outside the map (`SIGSEGV`), or fail one of its
/// assertions (`abort`). Once installed, such a fault or assertion prints a message prepared
/// in advance and exits with status 1 instead of crashing.
///
/// `SIGBUS` is always a mapped file read past its end, and LMDB's maps are the only files
/// this program maps; `SIGSEGV` is taken for damage only when the address is in the map or
/// within 4 GiB after it (a garbage size read from a page). Any other fault goes to the
/// handler that was there before (the Swift runtime's crash report). The handler only calls
/// `write` and `_exit`, which are async-signal-safe.
public enum MapFaultTrap {
    /// Installs the trap for `environment`'s map (again after the map moved, with the same
    /// message). `message` is printed as given, followed by a newline.
    public static func install(for environment: Environment, message: String) {
        var info = MDB_envinfo()
        mdb_env_info(environment.handle, &info)
        let start = UInt(bitPattern: info.me_mapaddr)
        TrapState.mapStart = start
        TrapState.mapEnd = start &+ UInt(info.me_mapsize) &+ (1 << 32)
        let bytes = Array((message + "\n").utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        TrapState.message = buffer
        TrapState.length = bytes.count
        // LMDB's own consistency assertions (a page of the wrong type met in a walk) abort
        // the process after calling this; it prints the message and exits first.
        mdb_env_set_assert(environment.handle) { _, _ in reportDamageAndExit() }
        guard !TrapState.installed else { return }
        TrapState.installed = true
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handleFault
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, &TrapState.previousBus)
        sigaction(SIGSEGV, &action, &TrapState.previousSegv)
    }
}

/// What the handler reads; written before the handler is installed, so never concurrently
/// with it.
private enum TrapState {
    nonisolated(unsafe) static var installed = false
    nonisolated(unsafe) static var message: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var mapStart: UInt = 0
    nonisolated(unsafe) static var mapEnd: UInt = 0
    nonisolated(unsafe) static var previousBus = sigaction()
    nonisolated(unsafe) static var previousSegv = sigaction()
}

/// Writes the prepared message and exits with status 1 (async-signal-safe).
private func reportDamageAndExit() {
    if let message = TrapState.message { _ = write(2, message, TrapState.length) }
    _exit(1)
}

private func handleFault(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let address = info.map { UInt(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
    let inMap = address >= TrapState.mapStart && address < TrapState.mapEnd
    if signal == SIGBUS || inMap { reportDamageAndExit() }
    // Not ours: restore the previous handler; returning re-runs the access, which faults
    // again into it.
    if signal == SIGBUS {
        sigaction(SIGBUS, &TrapState.previousBus, nil)
    } else {
        sigaction(SIGSEGV, &TrapState.previousSegv, nil)
    }
}
