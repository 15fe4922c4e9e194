import Foundation
import ParleySPARQL
import Testing

/// Where the shared W3C suites live: `../shared/conformance` next to the package root.
enum Conformance {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/w3c")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("sparql11/syntax-query/manifest.ttl").path)
    }

    /// The IRI a suite file has upstream, the base for its relative IRIs.
    static func baseIRI(for file: URL) -> String {
        let relative = file.path.replacingOccurrences(of: root.path + "/", with: "")
        return "https://w3c.github.io/rdf-tests/sparql/" + relative
    }

    static let syntaxManifests = [
        "sparql10/syntax-sparql1/manifest.ttl", "sparql10/syntax-sparql2/manifest.ttl",
        "sparql10/syntax-sparql3/manifest.ttl", "sparql10/syntax-sparql4/manifest.ttl",
        "sparql10/syntax-sparql5/manifest.ttl", "sparql11/syntax-query/manifest.ttl",
        "sparql11/syntax-update-1/manifest.ttl", "sparql11/syntax-update-2/manifest.ttl",
    ]

    /// Every evaluation manifest of the query and update suites, from their entry points.
    static var evaluationManifests: [String] {
        let entryPoints = [
            "sparql10/manifest-evaluation.ttl", "sparql11/manifest-sparql11-query.ttl",
            "sparql11/manifest-sparql11-update.ttl", "sparql11/manifest-sparql11-results.ttl",
            "sparql11/manifest-sparql11-fed.ttl",
        ]
        var out: [String] = []
        for entry in entryPoints {
            guard let manifest = try? W3CManifest(root.appendingPathComponent(entry)) else { continue }
            for include in manifest.includes {
                let relative = include.path.replacingOccurrences(of: root.path + "/", with: "")
                if !syntaxManifests.contains(relative), !out.contains(relative) { out.append(relative) }
            }
        }
        return out
    }
}

/// The outcome of one test file: `nil` when it behaved as the suite says.
private func check(_ file: URL, update: Bool, positive: Bool) -> String? {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return "cannot read \(file.lastPathComponent)" }
    let base = Conformance.baseIRI(for: file)
    do {
        if update {
            _ = try SPARQLParser.parseUpdate(text, baseIRI: base)
        } else {
            _ = try SPARQLParser.parse(text, baseIRI: base)
        }
        return positive ? nil : "\(file.lastPathComponent): accepted, but it must be rejected"
    } catch {
        return positive ? "\(file.lastPathComponent): \(error)" : nil
    }
}

@Suite(.enabled(if: Conformance.isAvailable, "W3C suites not found at ../shared/conformance"))
struct W3CSyntaxTests {
    static let syntaxTypes: [String: (update: Bool, positive: Bool)] = [
        "PositiveSyntaxTest": (false, true), "NegativeSyntaxTest": (false, false),
        "PositiveSyntaxTest11": (false, true), "NegativeSyntaxTest11": (false, false),
        "PositiveUpdateSyntaxTest11": (true, true), "NegativeUpdateSyntaxTest11": (true, false),
    ]

    /// Runs the syntax entries of one manifest; returns (passed, failures).
    static func runSyntaxEntries(_ manifest: W3CManifest) -> (passed: Int, failures: [String]) {
        var passed = 0
        var failures: [String] = []
        for entry in manifest.entries {
            guard let kind = syntaxTypes[entry.type], let action = entry.action else { continue }
            if let failure = check(action, update: kind.update, positive: kind.positive) {
                failures.append("\(entry.type) \(failure)")
            } else {
                passed += 1
            }
        }
        return (passed, failures)
    }

    @Test("every positive syntax test parses and every negative one is rejected", arguments: Conformance.syntaxManifests)
    func syntaxManifest(_ path: String) throws {
        let manifest = try W3CManifest(Conformance.root.appendingPathComponent(path))
        let (passed, failures) = Self.runSyntaxEntries(manifest)
        print("\(path): \(passed) passed, \(failures.count) failed")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(passed > 0)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("every query and update file of the evaluation suites parses", arguments: Conformance.evaluationManifests)
    func evaluationManifest(_ path: String) throws {
        let manifest = try W3CManifest(Conformance.root.appendingPathComponent(path))
        var passed = 0
        var failures: [String] = []
        for (file, isUpdate) in manifest.requestFiles {
            if let failure = check(file, update: isUpdate, positive: true) { failures.append(failure) } else { passed += 1 }
        }
        // Some evaluation manifests carry syntax tests too (aggregates, construct, grouping).
        let syntax = Self.runSyntaxEntries(manifest)
        passed += syntax.passed
        failures += syntax.failures
        print("\(path): \(passed) passed, \(failures.count) failed")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
