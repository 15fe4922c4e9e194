import ParleyRDF

/// A calendar day, as `pv:eventDate` and `pv:publishedOn` record it.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, the lexical form of `xsd:date`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension SimpleDate {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The date of a day number.
    init?(dayNumber: Int) {
        let date = CivilCalendar.date(dayNumber: dayNumber)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// The day `days` later (earlier when negative).
    func adding(days: Int) -> SimpleDate? { SimpleDate(dayNumber: dayNumber + days) }

    /// 1 for Monday to 7 for Sunday.
    var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    /// The last day on or before this one that falls on `weekday` (1 Monday … 7 Sunday).
    func latest(weekday target: Int) -> SimpleDate? { adding(days: -((weekday - target + 7) % 7)) }
}
