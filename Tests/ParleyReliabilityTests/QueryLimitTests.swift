import Foundation
import Testing
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A query over billions of rows: `--timeout` stops it with a clear message, a signal stops it
/// and leaves the store usable, and a streaming SELECT runs in bounded memory.
@Suite struct QueryLimitTests {
    /// 400 triples: a four-way cross product has 400⁴ = 25.6 billion rows.
    static func store(_ dir: TemporaryDirectory) throws -> String {
        let db = dir.child("db")
        let file = dir.write("small.nt", Reliability.nTriples(400, tag: "x", subjects: 400))
        let load = try ParleyProcess.run(["load", "--db", db, file])
        try #require(load.status == 0, "\(load.stderr)")
        return db
    }

    static let crossProduct = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    static let countCrossProduct = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"

    @Test("--timeout stops a query over billions of rows with a clear message", arguments: [crossProduct, countCrossProduct])
    func timeout(query: String) throws {
        let dir = TemporaryDirectory("parley-timeout")
        let db = try Self.store(dir)
        let start = Date()
        let result = try ParleyProcess.run(["query", "--db", db, "--format", "tsv", "--timeout", "1", query])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 1)
        #expect(result.stderr == "error: query stopped after its timeout of 1.0 seconds\n", "\(result.stderr)")
        #expect(elapsed < 15, "took \(elapsed) s")
    }

    @Test("SIGINT or SIGTERM stops a long query at once and leaves the store writable", arguments: [SIGINT, SIGTERM])
    func cancelled(signal: Int32) throws {
        let dir = TemporaryDirectory("parley-cancel")
        let db = try Self.store(dir)
        let query = try Reliability.start(["query", "--db", db, "--format", "tsv", Self.countCrossProduct])
        usleep(800_000)
        #expect(query.isRunning)
        query.signal(signal)
        #expect(query.wait(atMost: 5), "the query ignores signal \(signal)")
        let write = try Reliability.start(["update", "--db", db, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
        #expect(write.wait(atMost: 30))
        #expect(write.terminationStatus == 0)
    }

    @Test("a streaming SELECT of billions of rows runs in bounded memory and stops when the pipe closes")
    func boundedMemory() throws {
        let dir = TemporaryDirectory("parley-rss")
        let db = try Self.store(dir)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let query = try Reliability.start(["query", "--db", db, "--format", "tsv", Self.crossProduct], stdout: fds[1])
        close(fds[1])
        let reader = FileHandle(fileDescriptor: fds[0], closeOnDealloc: false)
        var bytes = 0
        var samples: [Int] = []
        let seconds = 3.0 * Double(min(Reliability.scale, 5))
        let end = Date().addingTimeInterval(seconds)
        var nextSample = Date().addingTimeInterval(0.5)
        while Date() < end {
            let chunk = reader.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            bytes += chunk.count
            if Date() >= nextSample, let rss = Reliability.residentKiB(query.pid) {
                samples.append(rss)
                nextSample = Date().addingTimeInterval(0.5)
            }
        }
        close(fds[0])  // as `| head` does
        #expect(query.wait(atMost: 10), "the query goes on after its output closed")
        try #require(samples.count >= 2)
        let first = samples[0], peak = samples.max()!
        report("streaming SELECT: \(bytes >> 20) MiB of rows in \(Int(seconds)) s, RSS \(first >> 10) MiB at 0.5 s, peak \(peak >> 10) MiB")
        #expect(bytes > 1 << 20)
        #expect(peak < first + 32 << 10, "RSS grew from \(first) KiB to \(peak) KiB")
        #expect(peak < 256 << 10)
    }
}
