import Foundation
import Testing
import ParleyLMDB
import ParleyStore
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One hostile or broken input and exactly what `parley` must answer.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Match: Sendable {
        /// The whole of stderr.
        case exact
        /// Its first line (messages that go on with the offending line and a caret).
        case firstLine
        /// Its beginning (success lines that end with a timing).
        case prefix
    }

    var name: String
    /// Writes the input into the directory and returns the command; `{dir}` is the directory
    /// and `{db}` a store in it.
    var prepare: @Sendable (TemporaryDirectory) throws -> [String]
    var status: Int32
    var stderr: String
    var match: Match = .exact
    /// Run as an unprivileged user (`nobody` when the tests run as root), for permission cases.
    var unprivileged = false
    /// A further check on the store or stdout after the command.
    var check: (@Sendable (_ db: String, _ stdout: String) throws -> Void)?

    var testDescription: String { name }
}

extension BadInput {
    static let ex = "<http://ex.org/a> <http://ex.org/p>"

    static func file(_ name: String, _ bytes: [UInt8], _ command: [String]) -> @Sendable (TemporaryDirectory) throws -> [String] {
        { dir in dir.write(name, bytes: bytes); return command }
    }

    static func text(_ name: String, _ text: String, _ command: [String]) -> @Sendable (TemporaryDirectory) throws -> [String] {
        file(name, Array(text.utf8), command)
    }

    /// The store holds exactly `n` triples.
    static func holds(_ n: Int) -> @Sendable (String, String) throws -> Void {
        { db, _ in
            let stats = try ParleyProcess.run(["stats", "--db", db])
            #expect(stats.stdout.contains("triples        \(grouped(n))\n"), "\(stats.stdout)\(stats.stderr)")
        }
    }

    static func shell(_ script: String, in dir: TemporaryDirectory) throws {
        let result = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: ["D": dir.path])
        try #require(result.status == 0, "\(script): \(result.stderr)")
    }

    static let deepQuery = "ASK { " + String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000) + " }"
    static let deepCollection = "@prefix ex: <http://ex.org/> .\nex:a ex:p " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + " .\n"
    static let deepPropertyList = "@prefix ex: <http://ex.org/> .\nex:a ex:p " + String(repeating: "[ ex:p ", count: 100_000) + "1" + String(repeating: "]", count: 100_000) + " .\n"

    /// A store at `{db}` holding one triple.
    static func oneTripleStore(_ dir: TemporaryDirectory) throws {
        let file = dir.write("one.nt", "\(ex) \"x\" .\n")
        let load = try ParleyProcess.run(["load", "--db", dir.child("db"), file])
        try #require(load.status == 0, "\(load.stderr)")
    }

    /// A store of one triple whose directory and files nobody may write.
    static func readOnlyStore(_ dir: TemporaryDirectory) throws {
        try oneTripleStore(dir)
        try shell("chmod -R a-w \"$D/db\"", in: dir)
    }

    static let all: [BadInput] = [
        // Truncated files.
        BadInput(name: "truncated N-Triples", prepare: text("t.nt", "\(ex) \"abc", ["load", "--db", "{db}", "{dir}/t.nt"]),
                 status: 1, stderr: "{dir}/t.nt:1:37: error: unterminated string literal\n", check: holds(0)),
        BadInput(name: "truncated Turtle", prepare: text("t.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:p ( 1 2 ", ["load", "--db", "{db}", "{dir}/t.ttl"]),
                 status: 1, stderr: "{dir}/t.ttl:2:17: error: expected object or ')', found end of input\n", check: holds(0)),
        BadInput(name: "truncated N-Quads after a good file", prepare: { dir in
                    dir.write("good.nt", "\(ex) \"good\" .\n")
                    dir.write("t.nq", "\(ex) \"x\" <http://ex.org/g")
                    return ["load", "--db", "{db}", "{dir}/good.nt", "{dir}/t.nq"]
                 },
                 status: 1, stderr: "{dir}/t.nq:1:41: error: unterminated IRI, expected '>'\n", check: holds(0)),
        BadInput(name: "truncated gzip stream", prepare: { dir in
                    dir.write("t.nt", (0..<2000).map { "<http://ex.org/s\($0)> <http://ex.org/p> \"v\" .\n" }.joined())
                    try shell("gzip -c \"$D/t.nt\" > \"$D/t.nt.gz\" && truncate -s 300 \"$D/t.nt.gz\"", in: dir)
                    return ["load", "--db", "{db}", "{dir}/t.nt.gz"]
                 },
                 status: 1, stderr: "{dir}/t.nt.gz: error: gzip stream is truncated\n", check: holds(0)),
        BadInput(name: "a .gz file that is not gzip", prepare: text("junk.nt.gz", "not gzip at all\n", ["load", "--db", "{db}", "{dir}/junk.nt.gz"]),
                 status: 1, stderr: "{dir}/junk.nt.gz: error: corrupt gzip data: incorrect header check\n"),
        BadInput(name: "truncated query", prepare: text("t.rq", "SELECT * { ?s ?p ", ["query", "--db", "{db}", "-f", "{dir}/t.rq"]),
                 status: 1, stderr: "{dir}/t.rq:1:18: error: expected an object (a variable, IRI, literal, blank node or collection), found end of input", match: .firstLine),

        // Invalid UTF-8 and NUL bytes.
        BadInput(name: "invalid UTF-8 in N-Triples", prepare: file("u.nt", Array("\(ex) \"a".utf8) + [0xFF, 0xFE] + Array("b\" .\n".utf8), ["load", "--db", "{db}", "{dir}/u.nt"]),
                 status: 1, stderr: "{dir}/u.nt:1:39: error: invalid UTF-8 byte 0xFF\n", check: holds(0)),
        BadInput(name: "invalid UTF-8 in Turtle", prepare: file("u.ttl", Array("@prefix ex: <http://ex.org/> .\nex:a ex:p \"a".utf8) + [0xC3] + Array("\" .\n".utf8), ["load", "--db", "{db}", "{dir}/u.ttl"]),
                 status: 1, stderr: "{dir}/u.ttl:2:13: error: invalid UTF-8 byte 0xC3\n"),
        BadInput(name: "invalid UTF-8 in a query file", prepare: file("u.rq", Array("SELECT * { ?s ?p \"a".utf8) + [0xFF] + Array("b\" }".utf8), ["query", "--db", "{db}", "-f", "{dir}/u.rq"]),
                 status: 1, stderr: "{dir}/u.rq:1:20: error: invalid UTF-8 byte 0xFF\n"),
        BadInput(name: "invalid UTF-8 in an update file", prepare: file("u.ru", Array("INSERT DATA {\n <a:b> <a:c> \"".utf8) + [0xC3] + Array("\" }".utf8), ["update", "--db", "{db}", "-f", "{dir}/u.ru"]),
                 status: 1, stderr: "{dir}/u.ru:2:15: error: invalid UTF-8 byte 0xC3\n", check: holds(0)),
        BadInput(name: "NUL byte between terms", prepare: file("n.nt", Array("<http://ex.org/a>".utf8) + [0] + Array("<http://ex.org/p> \"ab\" .\n".utf8), ["load", "--db", "{db}", "{dir}/n.nt"]),
                 status: 1, stderr: "{dir}/n.nt:1:18: error: expected predicate IRI, found '\\u{0}<http://ex.org/p>'\n"),
        BadInput(name: "NUL byte inside a literal (allowed: kept and exported)", prepare: file("n.nt", Array("\(ex) \"a".utf8) + [0] + Array("b\" .\n".utf8), ["load", "--db", "{db}", "{dir}/n.nt"]),
                 status: 0, stderr: "loaded 1 new triples", match: .prefix, check: { db, _ in
                    let export = try ParleyProcess.run(["export", "--db", db])
                    #expect(export.stdout == "\(ex) \"a\u{0}b\" .\n")
                 }),
        BadInput(name: "NUL byte after a query", prepare: file("n.rq", Array("SELECT * { ?s ?p ?o }".utf8) + [0], ["query", "--db", "{db}", "-f", "{dir}/n.rq"]),
                 status: 1, stderr: "{dir}/n.rq:1:22: error: unexpected character U+0000", match: .firstLine),

        // Huge and deep inputs.
        BadInput(name: "a 10 MB literal", prepare: text("big.nt", "\(ex) \"\(String(repeating: "x", count: 10_000_000))\" .\n", ["load", "--db", "{db}", "{dir}/big.nt"]),
                 status: 0, stderr: "loaded 1 new triples", match: .prefix, check: { db, _ in
                    let length = try ParleyProcess.run(["query", "--db", db, "--format", "csv", "SELECT (STRLEN(?o) AS ?n) { ?s ?p ?o }"])
                    #expect(length.stdout == "n\r\n10000000\r\n")
                 }),
        BadInput(name: "a 10 MB IRI", prepare: text("big.nt", "\(ex) <http://ex.org/\(String(repeating: "y", count: 10_000_000))> .\n", ["load", "--db", "{db}", "{dir}/big.nt"]),
                 status: 0, stderr: "loaded 1 new triples", match: .prefix, check: holds(1)),
        BadInput(name: "a 100,000-deep nested query", prepare: text("deep.rq", deepQuery, ["query", "--db", "{db}", "-f", "{dir}/deep.rq"]),
                 status: 1, stderr: "{dir}/deep.rq:1:262: error: nesting deeper than 256 levels", match: .firstLine),
        BadInput(name: "a 100,000-deep Turtle collection", prepare: text("deep.ttl", deepCollection, ["load", "--db", "{db}", "{dir}/deep.ttl"]),
                 status: 1, stderr: "{dir}/deep.ttl:2:1011: error: nesting deeper than 1000 levels\n", check: holds(0)),
        BadInput(name: "a 100,000-deep Turtle blank node property list", prepare: text("deep.ttl", deepPropertyList, ["load", "--db", "{db}", "{dir}/deep.ttl"]),
                 status: 1, stderr: "{dir}/deep.ttl:2:7011: error: nesting deeper than 1000 levels\n"),

        // Unknown prefixes.
        BadInput(name: "an undefined prefix in Turtle", prepare: text("p.ttl", "ex:a ex:p ex:b .\n", ["load", "--db", "{db}", "{dir}/p.ttl"]),
                 status: 1, stderr: "{dir}/p.ttl:1:1: error: undefined prefix 'ex:' in 'ex:a'\n"),
        BadInput(name: "an undeclared prefix in a query", prepare: { _ in ["query", "--db", "{db}", "SELECT * { ?s foo:p ?o }"] },
                 status: 1, stderr: "1:15: error: undeclared prefix 'foo:'", match: .firstLine),
        BadInput(name: "an undeclared prefix in an update", prepare: { _ in ["update", "--db", "{db}", "INSERT DATA { foo:a foo:b foo:c }"] },
                 status: 1, stderr: "1:15: error: undeclared prefix 'foo:'", match: .firstLine, check: holds(0)),

        // Files that are not there or not files.
        BadInput(name: "a directory as input", prepare: { _ in ["load", "--db", "{db}", "--format", "nt", "{dir}"] },
                 status: 1, stderr: "{dir}: error: is a directory, not a file\n"),
        BadInput(name: "a missing file", prepare: { _ in ["load", "--db", "{db}", "{dir}/missing.nt"] },
                 status: 1, stderr: "{dir}/missing.nt: error: cannot open: No such file or directory\n"),
        BadInput(name: "a missing query file", prepare: { _ in ["query", "--db", "{db}", "-f", "{dir}/missing.rq"] },
                 status: 1, stderr: "{dir}/missing.rq: error: cannot open: No such file or directory\n"),
        BadInput(name: "an unreadable file (chmod 000)", prepare: { dir in
                    dir.write("secret.nt", "\(ex) \"x\" .\n")
                    chmod(dir.child("secret.nt"), 0)
                    return ["load", "--db", "{dir}/db", "{dir}/secret.nt"]
                 },
                 status: 1, stderr: "{dir}/secret.nt: error: cannot open: Permission denied\n", unprivileged: true),
        BadInput(name: "an empty N-Triples file", prepare: text("e.nt", "", ["load", "--db", "{db}", "{dir}/e.nt"]),
                 status: 0, stderr: "loaded 0 new triples from 1 file (0 read, 0 already present; 0 new terms)", match: .prefix),
        BadInput(name: "an empty Turtle file", prepare: text("e.ttl", "", ["load", "--db", "{db}", "{dir}/e.ttl"]),
                 status: 0, stderr: "loaded 0 new triples from 1 file (0 read, 0 already present; 0 new terms)", match: .prefix),
        BadInput(name: "an empty query file", prepare: text("e.rq", "", ["query", "--db", "{db}", "-f", "{dir}/e.rq"]),
                 status: 1, stderr: "{dir}/e.rq:1:1: error: expected SELECT, CONSTRUCT, DESCRIBE, ASK or a triple pattern, found end of input", match: .firstLine),

        // Stores that are not stores, or not ours to write.
        BadInput(name: "a store directory holding other files", prepare: { dir in
                    mkdir(dir.child("db"), 0o755)
                    dir.write("db/readme.txt", "hello")
                    return ["query", "--db", "{db}", "ASK {}"]
                 },
                 status: 1, stderr: "{db}: error: not a Parley store (the directory holds other files and no data.mdb)\n"),
        BadInput(name: "a file as the store", prepare: text("db", "hello", ["stats", "--db", "{db}"]),
                 status: 1, stderr: "{db}: error: not a Parley store (it is a file, not a directory)\n"),
        BadInput(name: "a data.mdb that is not LMDB", prepare: { dir in
                    mkdir(dir.child("db"), 0o755)
                    dir.write("db/data.mdb", bytes: (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
                    return ["stats", "--db", "{db}"]
                 },
                 status: 1, stderr: "{db}: error: not a Parley store (data.mdb is not an LMDB file)\n"),
        BadInput(name: "a store of a newer format version", prepare: { dir in
                    try oneTripleStore(dir)
                    let environment = try Environment(path: dir.child("db"))
                    let meta = try environment.openDatabase("meta", create: false)
                    _ = try environment.write { txn in try txn.put(meta, key: Array("format-version".utf8), value: [0, 0, 0, 3]) }
                    return ["query", "--db", "{db}", "ASK {}"]
                 },
                 status: 1, stderr: "{db}: error: store format version 3 is not supported by this parley (it reads version 2); export it with the parley that wrote it and load it again\n"),
        BadInput(name: "a read-only store: queries work", prepare: { dir in
                    try readOnlyStore(dir)
                    return ["query", "--db", "{db}", "--format", "tsv", "SELECT ?o { ?s ?p ?o }"]
                 },
                 status: 0, stderr: "", unprivileged: true, check: { _, stdout in #expect(stdout == "?o\n\"x\"\n") }),
        BadInput(name: "a read-only store: load fails clearly", prepare: { dir in
                    try readOnlyStore(dir)
                    return ["load", "--db", "{db}", "{dir}/one.nt"]
                 },
                 status: 1, stderr: "{db}: error: store is read-only; cannot write\n", unprivileged: true, check: holds(1)),
        BadInput(name: "a read-only store: update fails clearly", prepare: { dir in
                    try readOnlyStore(dir)
                    return ["update", "--db", "{db}", "INSERT DATA { <a:b> <a:b> <a:b> }"]
                 },
                 status: 1, stderr: "{db}: error: store is read-only; cannot write\n", unprivileged: true, check: holds(1)),
        BadInput(name: "a read-only store: ingest fails clearly", prepare: { dir in
                    try readOnlyStore(dir)
                    dir.write("r.txt", "Wang Yi Has a Phone Call with Antony Blinken\nWang Yi supports dialogue.\n")
                    return ["ingest", "--db", "{db}", "{dir}/r.txt"]
                 },
                 status: 1, stderr: "{db}: error: store is read-only; cannot write", match: .firstLine, unprivileged: true, check: holds(1)),
        BadInput(name: "a readout that is not UTF-8",
                 prepare: file("r.txt", Array("Wang Yi Has a Phone Call\nWang Yi sa".utf8) + [0xFF] + Array("id.\n".utf8), ["ingest", "--db", "{db}", "{dir}/r.txt"]),
                 status: 1, stderr: "{dir}/r.txt:2:11: error: invalid UTF-8 byte 0xFF", match: .firstLine, check: holds(0)),
        BadInput(name: "an empty readout", prepare: text("r.txt", " \n\n", ["ingest", "--db", "{db}", "{dir}/r.txt"]),
                 status: 1, stderr: "{dir}/r.txt: error: is empty: a readout needs at least a title line", match: .firstLine, check: holds(0)),
        BadInput(name: "a folder without readouts", prepare: { dir in
                    mkdir(dir.child("notes"), 0o755)
                    dir.write("notes/a.nt", "<a:b> <a:b> <a:b> .\n")
                    return ["ingest", "--db", "{db}", "{dir}/notes"]
                 },
                 status: 1, stderr: "{dir}/notes: error: a folder without readouts (*.txt files)", match: .firstLine, check: holds(0)),
    ]
}

/// Every input in the table gets exactly the answer written beside it, and never a crash.
@Suite struct BadInputTests {
    @Test("bad input gets the exact error expected", arguments: BadInput.all)
    func badInput(_ input: BadInput) throws {
        let dir = TemporaryDirectory("parley-bad")
        chmod(dir.path, 0o755)  // so `nobody` can reach it
        let db = dir.child("db")
        let arguments = try input.prepare(dir).map {
            $0.replacingOccurrences(of: "{db}", with: db).replacingOccurrences(of: "{dir}", with: dir.path)
        }
        let result: ParleyProcess.Result
        if input.unprivileged {
            guard let run = try Reliability.runUnprivileged(arguments) else {
                report("skipped '\(input.name)': running as root and setpriv is missing, so permission bits cannot apply")
                return
            }
            result = run
        } else {
            result = try ParleyProcess.run(arguments)
        }
        let expected = input.stderr.replacingOccurrences(of: "{db}", with: db).replacingOccurrences(of: "{dir}", with: dir.path)
        #expect(result.status == input.status, "\(result.stderr.prefix(500))")
        switch input.match {
        case .exact: #expect(result.stderr == expected)
        case .firstLine: #expect(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == expected)
        case .prefix: #expect(result.stderr.hasPrefix(expected), "\(result.stderr.prefix(500))")
        }
        try input.check?(db, result.stdout)
    }

    @Test("the table holds at least 30 inputs")
    func tableSize() {
        report("bad-input table: \(BadInput.all.count) inputs, plus the full-disk test")
        #expect(BadInput.all.count >= 30)
    }

    /// A 2 MiB tmpfs: needs `mount` (root, or CAP_SYS_ADMIN); skipped with the reason otherwise.
    @Test("a full disk: the load fails clearly and the store keeps its state")
    func fullDisk() throws {
        let dir = TemporaryDirectory("parley-full")
        let mountPoint = dir.child("fs")
        mkdir(mountPoint, 0o755)
        let mount = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/sh"),
                                          ["-c", "mount -t tmpfs -o size=2m parley-full \"$1\" 2>&1", "sh", mountPoint])
        guard mount.status == 0 else {
            report("skipped full-disk test: cannot mount a tmpfs here (\(mount.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "umount \"$1\"", "sh", mountPoint]) }
        let db = mountPoint + "/db"
        let one = dir.write("one.nt", "\(BadInput.ex) \"x\" .\n")
        #expect(try ParleyProcess.run(["load", "--db", db, one]).status == 0)
        let big = dir.write("big.nt", Reliability.nTriples(60_000, tag: "full"))
        let load = try ParleyProcess.run(["load", "--db", db, big])
        #expect(load.status == 1)
        #expect(["error: writing the store failed (input/output error; is the disk full?); nothing was changed\n",
                 "error: no space left on device while writing the store; nothing was changed\n"].contains(load.stderr), "\(load.stderr)")
        try BadInput.holds(1)(db, "")
        let update = try ParleyProcess.run(["update", "--db", db, "INSERT { ?s <http://ex.org/q> ?o } WHERE { ?s ?p ?o }"])
        #expect(update.status == 0, "a small write still fits: \(update.stderr)")
        // A new store on the full disk: an error, not SIGBUS inside LMDB.
        let fill = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/sh"),
                                         ["-c", "cat /dev/zero > \"$1/fill\" 2>/dev/null; true", "sh", mountPoint])
        #expect(fill.status == 0)
        let fresh = try ParleyProcess.run(["load", "--db", mountPoint + "/new", one])
        #expect(fresh.status == 1)
        #expect(fresh.stderr == "\(mountPoint)/new: error: cannot open store: no space left on device\n", "\(fresh.stderr)")
    }
}
