import ParleyStore
import Foundation
import Testing
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Beyond `ParleyCLITests.ConcurrencyTests` (readers see 0 or all of one load; two loads both
/// land): several processes query in a loop during a chain of loads and updates, a writer
/// meets another writer, and the map grows under a load and an update.
@Suite struct ConcurrencyStressTests {
    static let countQuery = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

    static func count(_ result: ParleyProcess.Result) -> Int? {
        result.stdout.split(whereSeparator: \.isNewline).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    @Test("queries in a loop during loads and updates see only committed counts, never block or fail")
    func readersDuringWrites() throws {
        let dir = TemporaryDirectory("parley-readers")
        let db = dir.child("db")
        let batch = 60_000 * Reliability.scale
        let files = (0..<3).map { dir.write("batch\($0).nt", Reliability.nTriples(batch, tag: "b\($0)")) }
        #expect(try ParleyProcess.run(["stats", "--db", db]).status == 0)
        // Committed states: 0, then after each load, then after the update deletes batch 0's
        // `p0` triples. The writes run one after the other in a background thread.
        let p0 = (0..<batch).filter { $0 % 17 == 0 }.count
        let committed: Set<Int> = [0, batch, 2 * batch, 3 * batch, 3 * batch - p0]
        let writerDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var writerStatuses: [Int32] = []
        Thread.detachNewThread {
            for file in files {
                writerStatuses.append((try? ParleyProcess.run(["load", "--db", db, file]).status) ?? -1)
            }
            writerStatuses.append((try? ParleyProcess.run(["update", "--db", db, "DELETE WHERE { ?s <http://ex.org/b0/p0> ?o }"]).status) ?? -1)
            writerDone.signal()
        }
        let readers = 3
        let lock = NSLock()
        nonisolated(unsafe) var seen: [Int: Int] = [:]
        nonisolated(unsafe) var failures: [String] = []
        nonisolated(unsafe) var slowest = 0.0
        nonisolated(unsafe) var stopping = false
        let group = DispatchGroup()
        for _ in 0..<readers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !lock.withLock({ stopping }) {
                    let start = Date()
                    // --timeout: a reader that blocked on the writer would fail here.
                    let result = try? ParleyProcess.run(["query", "--db", db, "--format", "csv", "--timeout", "20", Self.countQuery])
                    let elapsed = Date().timeIntervalSince(start)
                    lock.withLock {
                        slowest = max(slowest, elapsed)
                        if let result, result.status == 0, let n = Self.count(result) {
                            seen[n, default: 0] += 1
                        } else {
                            failures.append(result?.stderr ?? "could not run")
                        }
                    }
                }
            }
        }
        writerDone.wait()
        lock.withLock { stopping = true }
        group.wait()
        #expect(writerStatuses == [0, 0, 0, 0])
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(Set(seen.keys).isSubset(of: committed), "counts seen: \(seen), committed: \(committed.sorted())")
        report("readers during writes: \(seen.values.reduce(0, +)) queries by \(readers) processes, counts seen \(seen.keys.sorted()), slowest \(String(format: "%.2f", slowest)) s")
    }

    @Test("a writer that meets a running update waits for it; both land")
    func writerMeetsUpdate() throws {
        let dir = TemporaryDirectory("parley-writers")
        let db = dir.child("db")
        let n = 40_000 * Reliability.scale
        let file = dir.write("base.nt", Reliability.nTriples(n, tag: "base"))
        #expect(try ParleyProcess.run(["load", "--db", db, file]).status == 0)
        let extra = dir.write("extra.nt", Reliability.nTriples(n, tag: "extra"))
        let update = try Reliability.start(["update", "--db", db, "INSERT { ?s <http://ex.org/copy> ?o } WHERE { ?s <http://ex.org/base/p3> ?o }"])
        let load = try Reliability.start(["load", "--db", db, extra])
        #expect(update.wait(atMost: 120))
        #expect(load.wait(atMost: 120))
        #expect(update.terminationStatus == 0)
        #expect(load.terminationStatus == 0)
        let copied = (0..<n).filter { $0 % 17 == 3 }.count
        let count = try ParleyProcess.run(["query", "--db", db, "--format", "csv", Self.countQuery])
        #expect(Self.count(count) == 2 * n + copied, "\(count.stdout)")
    }

    @Test("the map grows past its initial size during a load and an update, unnoticed", arguments: [
        (label: "file", stdin: false), (label: "standard input", stdin: true),
    ])
    func mapGrowth(label: String, stdin: Bool) throws {
        let dir = TemporaryDirectory("parley-growth")
        let db = dir.child("db")
        let n = 50_000 * Reliability.scale
        let text = Reliability.nTriples(n, tag: "grow")
        let file = dir.write("grow.nt", text)
        let small = ["PARLEY_MAP_SIZE": "256K"]
        let load = stdin
            ? try ParleyProcess.run(["load", "--db", db, "--format", "nt", "-"], input: text, environment: small)
            : try ParleyProcess.run(["load", "--db", db, file], environment: small)
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.hasPrefix("loaded \(grouped(n)) new triples"), "\(load.stderr)")
        let update = try ParleyProcess.run(["update", "--db", db, "INSERT { ?o <http://ex.org/back> ?s } WHERE { ?s ?p ?o FILTER(isIRI(?o)) }"], environment: small)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.hasPrefix("inserted "), "\(update.stderr)")
        let iriObjects = (0..<n).filter { $0 % 101 != 0 && $0 % 3 == 0 }.count
        let count = try ParleyProcess.run(["query", "--db", db, "--format", "csv", Self.countQuery], environment: small)
        #expect(Self.count(count) == n + iriObjects, "\(count.stdout) \(count.stderr)")
        let size = (try FileManager.default.attributesOfItem(atPath: db + "/data.mdb")[.size] as? Int) ?? 0
        #expect(size > 4 << 20, "data.mdb is \(size) bytes; the map never had to grow past 256 KiB")
    }
}
