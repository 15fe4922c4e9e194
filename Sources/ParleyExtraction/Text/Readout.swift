/// What a line of a readout file is.
public enum LineKind: String, Sendable, Hashable {
    /// The first non-blank line: the headline.
    case title
    /// A line holding only a date, perhaps with a time ("2023-11-01 22:50", "FEBRUARY 14, 2024").
    case dateLine
    /// Header furniture: "Source: Xinhua", "READOUT", "The following is attributable to …".
    case meta
    /// A photo caption.
    case caption
    /// The readout's text.
    case body
    /// Trailing page furniture ("Suggest to a Friend").
    case junk
}

/// One sentence of a readout, numbered as `pv:sentenceNumber` counts them.
public struct Sentence: Sendable, Hashable {
    /// 1-based over the whole file; the title is sentence 1.
    public var number: Int
    /// The text exactly as in the file (without the line break).
    public var text: String
    /// The kind of line the sentence lies on.
    public var kind: LineKind
    /// The 1-based line of the file.
    public var line: Int
}

/// A readout split into its parts: title, date line, captions, dateline, body and junk, and all
/// of its sentences in order.
public struct ParsedReadout: Sendable {
    public var title: String
    /// The date line's date, the publication day.
    public var publishedOn: SimpleDate?
    /// Photo captions, whole lines.
    public var captions: [String]
    /// A news dateline opening the body ("BEIJING, Dec. 20 (Xinhua) --").
    public var dateline: String?
    /// Lines of trailing or header page furniture.
    public var junk: [String]
    /// Every sentence of the file, numbered from 1.
    public var sentences: [Sentence]

    /// The sentences of the body.
    public var body: [Sentence] { sentences.filter { $0.kind == .body } }
}
