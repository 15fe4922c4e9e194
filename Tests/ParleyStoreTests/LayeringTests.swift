import Foundation
import Testing

/// The store behind its own API (issue 11): only ParleyLMDB and ParleyStore may reach LMDB.
/// Everything above the store goes through ParleyStore's snapshot and writer types, so these
/// checks read the sources and the manifest and fail, naming file and line, at the first
/// module that imports `ParleyLMDB` or `CLMDB` again or declares a dependency on them.
@Suite struct LayeringTests {
    /// Targets allowed to import LMDB modules.
    static let lmdbModules: Set<String> = ["CLMDB", "ParleyLMDB", "ParleyStore"]
    static let forbidden: Set<String> = ["CLMDB", "ParleyLMDB"]

    /// The package root: three levels above this file (`Tests/ParleyStoreTests/…`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The module an import line names, for every import form (`import M`, `internal import M`,
    /// `@_exported import M`, `@testable import M`, `import struct M.Type`, `@preconcurrency …`).
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
        let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private", "open"]
        if let first = words.first, modifiers.contains(first) { words = words.dropFirst() }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let", "actor"]
        if let first = words.first, kinds.contains(first) { words = words.dropFirst() }
        guard let path = words.first else { return nil }
        return String(path.split(separator: ".").first ?? path)
    }

    /// Every `.swift` file under `Sources/`, with the module (first directory) it belongs to.
    static func sourceFiles() throws -> [(module: String, url: URL)] {
        let sources = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, URL)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let relative = url.path.dropFirst(sources.path.count + 1)
            guard let module = relative.split(separator: "/").first else { continue }
            files.append((String(module), url))
        }
        return files.sorted { $0.1.path < $1.1.path }
    }

    @Test("the import reader sees every import form")
    func importForms() {
        #expect(Self.importedModule("import ParleyLMDB") == "ParleyLMDB")
        #expect(Self.importedModule("internal import ParleyLMDB") == "ParleyLMDB")
        #expect(Self.importedModule("public import CLMDB") == "CLMDB")
        #expect(Self.importedModule("@_exported import ParleyLMDB") == "ParleyLMDB")
        #expect(Self.importedModule("@testable import ParleyLMDB") == "ParleyLMDB")
        #expect(Self.importedModule("@preconcurrency package import CLMDB") == "CLMDB")
        #expect(Self.importedModule("import struct ParleyLMDB.Cursor") == "ParleyLMDB")
        #expect(Self.importedModule("import ParleyStore") == "ParleyStore")
        #expect(Self.importedModule("// import ParleyLMDB") == nil)
        #expect(Self.importedModule("let important = 1") == nil)
    }

    @Test("no module above ParleyStore imports ParleyLMDB or CLMDB")
    func noLMDBAboveTheStore() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 100, "found only \(files.count) source files under \(Self.root.path)/Sources")
        var offences: [String] = []
        for (module, url) in files where !Self.lmdbModules.contains(module) {
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if let imported = Self.importedModule(trimmed), Self.forbidden.contains(imported) {
                    let path = url.path.dropFirst(Self.root.path.count + 1)
                    offences.append("\(path):\(number + 1): \(module) imports \(imported); go through ParleyStore's API")
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }

    @Test("only ParleyStore (and test targets) declare a dependency on ParleyLMDB or CLMDB")
    func manifestDependencies() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each target declaration starts at `.target(`, `.executableTarget(` or `.testTarget(`;
        // its text runs to the next one.
        let starts = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var offences: [String] = []
        var checked = 0
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        var current: (kind: String, name: String?, line: Int)?
        for (number, line) in lines.enumerated() {
            if let start = starts.first(where: { line.contains($0) }) {
                current = (start, nil, number + 1)
                checked += 1
            }
            guard var target = current else { continue }
            if target.name == nil, let range = line.range(of: "name: \"") {
                let rest = line[range.upperBound...]
                target.name = rest.prefix(while: { $0 != "\"" }).description
                current = target
            }
            guard target.kind == ".target(" || target.kind == ".executableTarget(" else { continue }
            guard let name = target.name, !Self.lmdbModules.contains(name) else { continue }
            // Test support is a library target under Tests/, used by test targets only.
            guard name != "ParleyTestSupport" else { continue }
            let code = line.split(separator: "//").first ?? ""
            for module in Self.forbidden where code.contains("\"\(module)\"") && !code.contains("name: \"\(module)\"") {
                offences.append("Package.swift:\(number + 1): target \(name) depends on \(module)")
            }
        }
        #expect(checked >= 10, "read only \(checked) targets from Package.swift")
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }
}
