/// A person's office as the text states it before their name, with the country it names.
struct RoleMention: Hashable {
    var role: String
    var country: EntityRef?
    /// Tokens from the first word of the country adjective or the role to the end of the name.
    var tokens: Range<Int>
}

/// A stretch of a sentence that names an entity or refers to one.
struct Mention: Hashable {
    enum Target: Hashable {
        case entity(EntityRef)
        case reference(ReferenceTarget)
    }

    var tokens: Range<Int>
    var target: Target
    var role: RoleMention?

    var entity: EntityRef? {
        if case .entity(let e) = target { return e }
        return nil
    }

    /// Whether it can be the subject of a stance: an actor or a reference to persons.
    var canAct: Bool {
        switch target {
        case .entity(let e): e.kind.isActor
        case .reference: true
        }
    }
}
