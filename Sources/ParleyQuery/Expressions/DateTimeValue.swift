import Foundation
import ParleyRDF

/// A parsed xsd:dateTime or xsd:date: its fields as written, an optional timezone offset, and
/// a point on the timeline for comparison.
///
/// Guarantees: only lexically valid values parse (month 1–12, day within the month, hour
/// 0–24 with 24:00:00 only, offset within ±14:00); comparison follows XPath: values with
/// and without a timezone compare only when the ±14 hours of the implicit timezone cannot
/// change the answer, otherwise the comparison is indeterminate (nil).
struct DateTimeValue: Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    /// Seconds with their fraction, exactly.
    var second: Decimal
    /// Offset from UTC in minutes, or nil when the value has no timezone.
    var timezoneMinutes: Int?
    /// Whether this is an xsd:date (no time of day).
    var isDate: Bool

    init?(_ term: Term) {
        guard case .literal(let literal) = term else { return nil }
        if literal.datatype == XSD.dateTime {
            self.init(lexical: literal.lexical, isDate: false)
        } else if literal.datatype == XSD.date {
            self.init(lexical: literal.lexical, isDate: true)
        } else {
            return nil
        }
    }

    /// Parses `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?` (without the time part when `isDate`).
    init?(lexical: String, isDate: Bool) {
        var s = Substring(lexical)
        func number(_ count: Int, atLeast: Bool = false) -> Int? {
            var digits = s.prefix(while: { $0.isASCII && $0.isNumber })
            if !atLeast { digits = digits.prefix(count) }
            guard digits.count >= count, atLeast || digits.count == count, let n = Int(digits) else { return nil }
            s = s.dropFirst(digits.count)
            return n
        }
        func expect(_ c: Character) -> Bool {
            guard s.first == c else { return false }
            s = s.dropFirst()
            return true
        }
        let negativeYear = expect("-")
        guard let y = number(4, atLeast: true), expect("-"), let mo = number(2), expect("-"), let d = number(2) else { return nil }
        year = negativeYear ? -y : y
        month = mo
        day = d
        self.isDate = isDate
        if isDate {
            hour = 0; minute = 0; second = 0
        } else {
            guard expect("T"), let h = number(2), expect(":"), let mi = number(2), expect(":"), let sec = number(2) else { return nil }
            hour = h; minute = mi
            var secondText = String(sec)
            if expect(".") {
                let frac = s.prefix(while: { $0.isASCII && $0.isNumber })
                guard !frac.isEmpty else { return nil }
                s = s.dropFirst(frac.count)
                secondText += "." + frac
            }
            guard let value = Decimal(string: secondText, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            second = value
        }
        if s.isEmpty {
            timezoneMinutes = nil
        } else if expect("Z") {
            timezoneMinutes = 0
        } else {
            let sign: Int
            if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
            guard let th = number(2), expect(":"), let tm = number(2), th <= 14, tm < 60, th * 60 + tm <= 840 else { return nil }
            timezoneMinutes = sign * (th * 60 + tm)
        }
        guard s.isEmpty, (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              minute < 60, second < 60, hour < 24 || (hour == 24 && minute == 0 && second == 0)
        else { return nil }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the civil date (proleptic Gregorian).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        CivilCalendar.dayNumber(year: y, month: m, day: d)
    }

    /// Seconds since 1970-01-01T00:00:00 in the value's own clock (timezone not applied).
    var localSeconds: Decimal {
        let days = Self.daysFromCivil(year, month, day)
        return Decimal(days * 86400 + hour * 3600 + minute * 60) + second
    }

    /// -1, 0, 1, or nil when indeterminate.
    static func compare(_ a: DateTimeValue, _ b: DateTimeValue) -> Int? {
        func order(_ x: Decimal, _ y: Decimal) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a.timezoneMinutes, b.timezoneMinutes) {
        case (let ta?, let tb?):
            return order(a.localSeconds - Decimal(ta * 60), b.localSeconds - Decimal(tb * 60))
        case (nil, nil):
            return order(a.localSeconds, b.localSeconds)
        case (let ta?, nil):
            let x = a.localSeconds - Decimal(ta * 60), y = b.localSeconds
            // b's instant lies in [y - 14h, y + 14h].
            if x < y - 50400 { return -1 }
            if x > y + 50400 { return 1 }
            return nil
        case (nil, _?):
            return compare(b, a).map { -$0 }
        }
    }

    /// The timezone as an xsd:dayTimeDuration (`PT0S`, `-PT8H`, `PT5H30M`), nil when none.
    var timezoneDuration: String? {
        guard let tz = timezoneMinutes else { return nil }
        if tz == 0 { return "PT0S" }
        let magnitude = abs(tz)
        var text = tz < 0 ? "-PT" : "PT"
        if magnitude / 60 > 0 { text += "\(magnitude / 60)H" }
        if magnitude % 60 > 0 { text += "\(magnitude % 60)M" }
        return text
    }

    /// The timezone as written by TZ(): `Z`, `-08:00`, or "" when none.
    var timezoneText: String {
        guard let tz = timezoneMinutes else { return "" }
        if tz == 0 { return "Z" }
        let magnitude = abs(tz)
        let hh = magnitude / 60 < 10 ? "0\(magnitude / 60)" : "\(magnitude / 60)"
        let mm = magnitude % 60 < 10 ? "0\(magnitude % 60)" : "\(magnitude % 60)"
        return "\(tz < 0 ? "-" : "+")\(hh):\(mm)"
    }

    /// The current instant as an xsd:dateTime literal in UTC, with milliseconds.
    static func now() -> Term {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return .literal(Literal(formatter.string(from: Date()), datatype: XSD.dateTime))
    }
}
