import Testing
import ParleyLMDB
@testable import ParleyStore
import ParleyTestSupport

/// Power-cut semantics as far as a test reaches: every commit is synced unless asked otherwise,
/// and nothing in the CLI asks otherwise.
@Suite struct DurabilityTests {
    @Test("commits are synced by default (MDB_NOSYNC off) in the store and the environment")
    func syncedByDefault() {
        #expect(Store.Options().noSync == false)
        #expect(Environment.Options().noSync == false)
    }

    @Test("no parley command has an option that turns syncing off", arguments: ["load", "update", "query", "export", "stats"])
    func noSyncOption(command: String) throws {
        let help = try ParleyProcess.run([command, "--help"])
        #expect(help.status == 0)
        #expect(!help.stdout.lowercased().contains("sync"), "\(help.stdout)")
    }

    @Test("a store opened through the CLI's options is synced")
    func openedStoreIsSynced() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        #expect(store.environment.options.noSync == false)
    }
}
