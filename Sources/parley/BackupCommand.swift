import ArgumentParser
import Dispatch
import ParleyOperations
import ParleyStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `parley backup DEST`: a consistent copy of the store while it is in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the store into DEST (a new or empty directory).",
        discussion: """
            The copy holds the state of one committed transaction, taken while other processes go on \
            reading and writing. It is an ordinary store: use it with --db, or move it into place to \
            restore. --compact leaves out free pages.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The directory to write the copy into; must not exist or be empty.", valueName: "dest"))
    var destination: String

    @Flag(help: "Leave out free pages and renumber the rest (smaller, slower).")
    var compact = false

    func run() throws {
        let store = try self.store.open(readOnly: true)
        let progress = BackupProgress(file: destination + "/data.mdb", total: store.usedBytes)
        if Terminal.standardError.isTerminal { progress.start() }
        defer { progress.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        try store.backup(to: destination, compact: compact)
        progress.stop()
        var info = stat()
        let bytes = stat(destination + "/data.mdb", &info) == 0 ? Int(info.st_size) : 0
        let elapsed = seconds(clock.now - start)
        Terminal.standardError.write("backed up \(store.path) to \(destination) (\(grouped(bytes)) bytes\(compact ? ", compacted" : "")) in \(formatted(elapsed)) s\n")
    }
}

/// The progress line of a backup on a terminal: bytes written of the bytes in use, from the
/// size of the copy as it grows; shown only once a backup has taken a second.
final class BackupProgress: Sendable {
    private let file: String
    private let total: Int
    private let running = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    init(file: String, total: Int) {
        self.file = file
        self.total = total
    }

    func start() {
        running.store(true, ordering: .sequentiallyConsistent)
        DispatchQueue.global().async { [self] in
            var ticks = 0
            var drawn = false
            while running.load(ordering: .sequentiallyConsistent) {
                usleep(200_000)
                ticks += 1
                guard ticks >= 5 else { continue }
                var info = stat()
                let written = stat(file, &info) == 0 ? Int(info.st_size) : 0
                let percent = total > 0 ? min(100, written * 100 / total) : 0
                Terminal.standardError.write("\r\u{1B}[K  backing up: \(grouped(written)) of \(grouped(total)) bytes (\(percent)%)")
                drawn = true
            }
            if drawn { Terminal.standardError.write("\r\u{1B}[K") }
            finished.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// Stops the line and waits until it is cleared.
    func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        while !finished.load(ordering: .sequentiallyConsistent) { usleep(10_000) }
    }
}
