import ParleyRDF
import ParleyStore

/// The ids one query execution works with: store ids for terms the store holds, and local
/// ids (high bit set) for terms it computes or names that the store does not hold. Each term
/// has exactly one id in an execution, so id equality is term equality (`sameTerm`).
final class TermTable {
    static let localBase: TermID = 1 << 63

    let snapshot: StoreSnapshot
    private var cache: [TermID: Term] = [:]
    private var localTerms: [Term] = []
    private var localIDs: [Term: TermID] = [:]
    private var storeIDs: [Term: TermID] = [:]

    init(snapshot: StoreSnapshot) {
        self.snapshot = snapshot
    }

    /// The term of an id; `nil` for 0 (unbound).
    func term(_ id: TermID) throws -> Term? {
        if id == 0 { return nil }
        if id >= Self.localBase { return localTerms[Int(id - Self.localBase)] }
        if let cached = cache[id] { return cached }
        guard let term = try snapshot.term(id) else {
            throw StoreError.corrupt("term id \(id) is missing from the dictionary")
        }
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[id] = term
        return term
    }

    /// The store's id of a term, or `nil` when the store has never seen it (a pattern with
    /// that constant matches nothing).
    func storeID(_ term: Term) throws -> TermID? {
        if let known = storeIDs[term] { return known == 0 ? nil : known }
        let id = try snapshot.id(of: term)
        storeIDs[term] = id ?? 0
        return id
    }

    /// An id for any term: the store's if it has one, else a local one.
    func id(_ term: Term) throws -> TermID {
        if let local = localIDs[term] { return local }
        if let stored = try storeID(term) { return stored }
        let id = Self.localBase + TermID(localTerms.count)
        localTerms.append(term)
        localIDs[term] = id
        return id
    }
}
