/// Finds the event words of a sentence: the `events.tsv` phrases together with the
/// `participatedIn` and `initiatedBy` rows of `triggers.tsv` (phone, meeting, request frames).
struct EventPhraseMatcher {
    typealias Kind = EventPhrases.Kind

    /// One event phrase found in a sentence.
    struct Found {
        var range: Range<Int>
        var entry: EventPhrases.Entry
        var kind: Kind { entry.kind }
    }

    private let matcher: PhraseMatcher<EventPhrases.Entry>

    init(lexicon: Lexicon) {
        var entries: [(String, EventPhrases.Entry)] = []
        for trigger in lexicon.triggers {
            let kind: Kind? = switch trigger.frame {
            case .phone: .phone
            case .meeting: .meeting
            case .request: .request
            case .requestLatter: .requestBefore
            default: nil
            }
            if let kind { entries.append((trigger.phrase, EventPhrases.Entry(kind: kind, phrase: trigger.phrase))) }
        }
        for entry in lexicon.eventPhrases.entries where entry.kind != .weekday && entry.kind != .relativeDay {
            entries.append((entry.phrase, entry))
        }
        matcher = PhraseMatcher(entries)
    }

    /// Every phrase in the sentence, in order; where phrases overlap, the longest at each start.
    func find(in tokens: [Token], kinds: Set<Kind>) -> [Found] {
        var found: [Found] = []
        for index in tokens.indices {
            if let match = matcher.matches(in: tokens, at: index).first(where: { kinds.contains($0.payload.kind) }) {
                found.append(Found(range: index..<match.end, entry: match.payload))
            }
        }
        return found
    }

    /// Whether the sentence names a call or a meeting.
    func namesEvent(_ tokens: [Token]) -> Bool {
        !find(in: tokens, kinds: [.phone, .meeting, .talks]).isEmpty
    }
}
