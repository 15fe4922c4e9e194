/// Which graphs a scan reads.
public enum GraphScope: Hashable, Sendable {
    /// Only the default (unnamed) graph.
    case defaultGraph
    /// Only this named graph.
    case named(TermID)
    /// Every named graph (not the default graph); each quad comes with its graph.
    case anyNamed
}

/// A quad pattern over ids: `nil` positions are unbound.
public struct QuadPattern: Hashable, Sendable {
    public var subject: TermID?
    public var predicate: TermID?
    public var object: TermID?
    public var graph: GraphScope

    public init(subject: TermID? = nil, predicate: TermID? = nil, object: TermID? = nil, graph: GraphScope) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// How the pattern is read: one prefix range scan of the index whose key order starts
    /// with the bound positions. A bound graph is part of the prefix only when everything is
    /// bound; otherwise the scan checks each value's graph (the named indexes hold the graph
    /// last), and with only the graph bound the scan walks the graph's subjects (`gs`),
    /// one `spog` range scan each.
    public var plan: ScanPlan {
        let s = subject != nil, p = predicate != nil, o = object != nil
        let count = (s ? 1 : 0) + (p ? 1 : 0) + (o ? 1 : 0)
        switch graph {
        case .defaultGraph:
            if s && !p && o { return ScanPlan(.osp, 2) }
            if s { return ScanPlan(.spo, count) }
            if p { return ScanPlan(.pos, count) }
            if o { return ScanPlan(.osp, 1) }
            return ScanPlan(.spo, 0)
        case .named:
            if s && p && o { return ScanPlan(.spog, 4) }
            if s && !p && o { return ScanPlan(.ospg, 2, filtersGraph: true) }
            if s { return ScanPlan(.spog, count, filtersGraph: true) }
            if p { return ScanPlan(.posg, count, filtersGraph: true) }
            if o { return ScanPlan(.ospg, 1, filtersGraph: true) }
            return ScanPlan(.spog, 1, filtersGraph: true, viaGraphSubjects: true)
        case .anyNamed:
            if s && !p && o { return ScanPlan(.ospg, 2) }
            if s { return ScanPlan(.spog, count) }
            if p { return ScanPlan(.posg, count) }
            if o { return ScanPlan(.ospg, 1) }
            return ScanPlan(.spog, 0)
        }
    }

    /// The plan for `(·, p, ·, g)` through the graph's subjects: `spog` scans of `(s, p)`
    /// for each subject of `g`, for a graph much smaller than the predicate's quads.
    var planThroughGraphSubjects: ScanPlan {
        ScanPlan(.spog, 2, filtersGraph: true, viaGraphSubjects: true)
    }
}

/// How a ``QuadPattern`` is read (``QuadPattern/plan``).
public struct ScanPlan: Hashable, Sendable, CustomStringConvertible {
    /// The index read.
    public var index: QuadIndex
    /// How many leading ids of the index order are bound (the range scanned).
    public var boundPrefix: Int
    /// Whether each value's graph is checked against the pattern's graph.
    public var filtersGraph: Bool
    /// Whether the subjects come from the graph's subject list (`gs`), one range scan each.
    public var viaGraphSubjects: Bool

    init(_ index: QuadIndex, _ boundPrefix: Int, filtersGraph: Bool = false, viaGraphSubjects: Bool = false) {
        self.index = index
        self.boundPrefix = boundPrefix
        self.filtersGraph = filtersGraph
        self.viaGraphSubjects = viaGraphSubjects
    }

    /// `spo`, `posg (graph checked)`, `gs+spog`: for EXPLAIN.
    public var description: String {
        viaGraphSubjects ? "gs+\(index.rawValue)" : index.rawValue + (filtersGraph ? " (graph checked)" : "")
    }
}
