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
        var options = Store.Options()
        options.readOnly = readOnly
        return try Store(path: path, options: options)
    }
}
