/// What `parley check` found in a store: one line per part (data file pages, each index
/// permutation, the dictionary, the statistics, the format record), each OK or with the first
/// damage found, and what `--repair` can rebuild.
public struct StoreHealth: Sendable {
    /// One part of the store and its state.
    public struct Part: Sendable, Hashable {
        /// The part, as the summary names it ("index spo", "dictionary").
        public var name: String
        /// The first damage found, or `nil` when the part is sound.
        public var problem: String?
        /// Whether `--repair` can rebuild the part from the rest of the store.
        public var repairable: Bool
    }

    public var path: String
    /// The store's format version, when the format record could be read.
    public var formatVersion: UInt32?
    /// Pages walked in the data file.
    public var pages = 0
    /// Quads the indexes agree on (the majority of the readable permutations).
    public var quads = 0
    /// Terms in the dictionary.
    public var terms = 0
    public var parts: [Part] = []

    /// Whether every part is sound.
    public var isHealthy: Bool { parts.allSatisfy { $0.problem == nil } }
    /// The damaged parts.
    public var damaged: [Part] { parts.filter { $0.problem != nil } }

    public init(path: String) { self.path = path }

    mutating func record(_ name: String, _ problem: String?, repairable: Bool = true) {
        if let index = parts.firstIndex(where: { $0.name == name }) {
            if parts[index].problem == nil { parts[index].problem = problem }
            parts[index].repairable = parts[index].repairable && repairable
        } else {
            parts.append(Part(name: name, problem: problem, repairable: repairable))
        }
    }

    /// The summary `parley check` prints, one line each.
    public var summary: [String] {
        var lines = ["store          \(path)"]
        lines.append("format         " + (formatVersion.map { "version \($0)" } ?? "unknown"))
        lines.append("pages          \(grouped(pages))")
        lines.append("quads          \(grouped(quads))")
        lines.append("terms          \(grouped(terms))")
        for part in parts {
            let label = part.name + String(repeating: " ", count: max(1, 15 - part.name.count))
            lines.append(label + (part.problem.map { "DAMAGED: \($0)" } ?? "OK"))
        }
        if isHealthy {
            lines.append("result         healthy")
        } else if damaged.allSatisfy(\.repairable) {
            lines.append("result         damaged (\(damaged.count) part\(damaged.count == 1 ? "" : "s")); 'parley check --repair' can rebuild \(damaged.count == 1 ? "it" : "them") from the healthy parts")
        } else {
            let lost = damaged.filter { !$0.repairable }.map(\.name).joined(separator: ", ")
            lines.append("result         damaged (\(damaged.count) part\(damaged.count == 1 ? "" : "s")); \(lost) cannot be rebuilt: restore the store from a backup")
        }
        return lines
    }
}
