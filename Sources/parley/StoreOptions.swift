import ArgumentParser
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// `--db`, shared by every subcommand that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $PARLEY_DB, else ./parley.db).", valueName: "path"))
    var db: String?

    /// The directory chosen by `--db`, `$PARLEY_DB` or the default.
    var path: String {
        if let db { return db }
        if let env = getenv("PARLEY_DB"), env.pointee != 0 { return String(cString: env) }
        return "parley.db"
    }

    func open(readOnly: Bool = false) throws -> Store {
        try Store(path: path, options: options(readOnly: readOnly))
    }

    /// How the commands open a store: a fault on a damaged page becomes a message.
    func options(readOnly: Bool = false) -> Store.Options {
        var options = Store.Options()
        options.readOnly = readOnly
        options.trapsPageFaults = true
        if let size = Self.initialMapSize { options.initialMapSize = size }
        return options
    }

    /// `PARLEY_MAP_SIZE` (bytes, or with a K, M or G suffix): the initial map size, hidden
    /// because the map grows by itself. The reliability tests start small to make a load or an
    /// update grow the map while it runs.
    static var initialMapSize: Int? {
        guard let env = getenv("PARLEY_MAP_SIZE") else { return nil }
        return ByteSize(String(cString: env))?.bytes
    }
}
