/// A person's office as the text states it around their name ("Omani Foreign Minister X",
/// "X, Deputy Prime Minister and Minister of Foreign Affairs of the Republic of Iraq"), with the
/// country or organisation it names.
struct RoleMention: Hashable {
    /// The first role, as recorded in `pv:holdsRole` (without the country).
    var role: String
    /// Every role the phrase gives, the first first ("State Councilor and Foreign Minister").
    var roles: [String]
    var country: EntityRef?
    /// Tokens of the whole phrase: from the first word of the country or role to the end of
    /// the name (or, for a role after the name, to the end of the role).
    var tokens: Range<Int>
    /// "his Egyptian counterpart": the office is that of the person whose counterpart this is.
    var isCounterpart = false
    /// Whether the roles already name the country or organisation ("General of the Sudanese
    /// Armed Forces"), so "of <country>" is not added to them.
    var namesCountry = false

    init(roles: [String], country: EntityRef?, tokens: Range<Int>, isCounterpart: Bool = false) {
        self.role = roles.first ?? ""
        self.roles = roles
        self.country = country
        self.tokens = tokens
        self.isCounterpart = isCounterpart
    }
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
