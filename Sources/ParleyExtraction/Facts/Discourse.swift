/// What the reader remembers across sentences, for coreference: the event's participants and
/// their roles, who spoke last, and the persons named so far.
struct Discourse {
    var participants: [EntityRef] = []
    var roles: [String: String] = [:]
    var speaker: EntityRef?
    var recentPersons: [EntityRef] = []
    var table: EntityTable

    init(table: EntityTable) { self.table = table }

    /// The entities a reference stands for; `earlier` are the persons named before it in its sentence.
    func resolve(_ target: ReferenceTarget, earlier: [EntityRef]) -> [EntityRef] {
        switch target {
        case .speaker:
            if let speaker { return [speaker] }
            return recentPersons.last.map { [$0] } ?? []
        case .latter:
            return (earlier.last ?? recentPersons.last).map { [$0] } ?? []
        case .former:
            let pool = earlier.count >= 2 ? earlier : recentPersons
            return pool.count >= 2 ? [pool[pool.count - 2]] : []
        case .participants:
            return participants
        case .role(let role):
            if role == "*" { return participants.first { roles[$0.label] != nil && $0 != speaker }.map { [$0] } ?? [] }
            return participants.first { roles[$0.label] == role }.map { [$0] } ?? []
        case .entity(let label):
            return table.entity(label).map { [$0] } ?? []
        case .representative(let country):
            return participants.first { table.represents[$0.label] == country }.map { [$0] } ?? []
        }
    }

    mutating func noteMention(_ person: EntityRef) {
        guard person.kind == .person else { return }
        recentPersons.removeAll { $0 == person }
        recentPersons.append(person)
    }
}
