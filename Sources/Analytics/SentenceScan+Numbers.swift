import Foundation

/// Reading the numbers of a sentence: `1,234`, `12.5`, `.5`, `42%`, `42 percent`, `£1,234.37`, `GBP 12`, `12 EUR`,
/// `2.3x`, `x2`, `2.3 times the…`, and the parts of a date written with a month name.
extension SentenceScan {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// The month (1–12) a word names, in full or as a three-letter abbreviation (plus "sept").
    static func month(of word: String) -> Int? {
        let lowered = word.lowercased()
        if lowered == "sept" { return 9 }
        if let full = months.firstIndex(of: lowered) { return full + 1 }
        guard lowered.count == 3, lowered != "may" || word == "May" else { return nil }
        return months.firstIndex { $0.hasPrefix(lowered) }.map { $0 + 1 }
    }

    /// The figures left once everything else was taken. Date parts next to a month name (`30 November 2026`,
    /// `November 30`) and the as-of year standing alone are checked against the as-of dates here and taken.
    /// A number glued to a preceding letter is part of a word (`Q4`, `v1`, `insight-v1`) and not read, except the
    /// multiplication sign of `x2`.
    mutating func takeNumbers(asOf: [CalendarDate], currencies: Set<String>) -> [WrittenNumber] {
        var numbers: [WrittenNumber] = []
        var index = 0
        while index < chars.count {
            let startsNumber = isDigit(index) || (chars[index] == "." && isDigit(index + 1) && !isDigit(index - 1))
            guard startsNumber, !taken[index] else { index += 1; continue }
            var multiplied = false
            if isLetter(index - 1) {
                let sign = chars[index - 1]
                guard "xX×".contains(sign), !isLetter(index - 2) else {
                    while isWordCharacter(index) { index += 1 }
                    continue
                }
                multiplied = true
            }
            let number = read(from: index, multiplied: multiplied, currencies: currencies)
            let span = (multiplied ? index - 1 : index)..<number.end
            if !number.value.isMultiple, number.value.currency == nil, !number.value.isPercentage,
                number.value.decimals == 0, isDatePart(number.value, at: span, asOf: asOf)
            {
                take(span)
                index = number.end
                continue
            }
            take(span)
            numbers.append(number.value)
            index = number.end
        }
        return numbers
    }

    /// The number starting at `start` with what is written around it.
    private func read(from start: Int, multiplied: Bool, currencies: Set<String>)
        -> (value: WrittenNumber, end: Int)
    {
        var end = start
        var digits = ""
        while isDigit(end) { digits.append(chars[end]); end += 1 }
        // Thousands groups: a comma followed by exactly three digits ("1,234"; "1,23" or "3, 4" are not one number).
        while end + 3 < chars.count, chars[end] == ",", isDigit(end + 1), isDigit(end + 2), isDigit(end + 3),
            !isDigit(end + 4)
        {
            digits += String(chars[(end + 1)...(end + 3)])
            end += 4
        }
        var decimals = 0
        if end < chars.count, chars[end] == ".", isDigit(end + 1) {
            digits.append(".")
            end += 1
            while isDigit(end) { digits.append(chars[end]); decimals += 1; end += 1 }
        }
        var number = WrittenNumber(text: "", value: Double(digits) ?? 0, decimals: decimals)
        var textStart = multiplied ? start - 1 : start
        number.isMultiple = multiplied
        if let (code, from) = currencyBefore(start, currencies: currencies) {
            number.currency = code
            textStart = from
        }
        end = readSuffix(into: &number, at: end, currencies: currencies)
        number.text = String(chars[textStart..<end]).trimmingSpaces
        return (number, end)
    }

    /// `%`, "percent", "per cent", `x`/`×`, "times the"/"times as", a currency code after the number.
    private func readSuffix(into number: inout WrittenNumber, at position: Int, currencies: Set<String>) -> Int {
        var end = position
        if end < chars.count, chars[end] == "%" { number.isPercentage = true; return end + 1 }
        if end < chars.count, "x×".contains(chars[end]), !isLetter(end + 1) {
            number.isMultiple = true
            return end + 1
        }
        let after = String(lower[min(end, chars.count)...])
        for (words, kind) in [(" percent", 0), (" per cent", 0), (" times the", 1), (" times as", 1)]
        where after.hasPrefix(words) {
            if kind == 0 { number.isPercentage = true; return end + words.count }
            number.isMultiple = true
            return end + " times".count
        }
        if end + 4 <= chars.count, chars[end] == " " {
            let code = String(chars[(end + 1)..<(end + 4)])
            if currencies.contains(code), !isLetter(end + 4) { number.currency = code; end += 4 }
        }
        return end
    }

    /// `£`, `$`, `€`, `₹` right before the number, or a currency code and a space.
    private func currencyBefore(_ start: Int, currencies: Set<String>) -> (code: String, from: Int)? {
        if start >= 1, let match = MetricDisplay.symbols.first(where: { $0.symbol == chars[start - 1] }) {
            return (match.code, start - 1)
        }
        guard start >= 4, chars[start - 1] == " ", !isLetter(start - 5) else { return nil }
        let code = String(chars[(start - 4)..<(start - 1)])
        return currencies.contains(code) ? (code, start - 4) : nil
    }

    /// A day or year next to a month name, or the as-of year alone. A date part that is not the as-of date's is
    /// reported here (and still counts as read: it is a date, not a figure).
    private mutating func isDatePart(_ number: WrittenNumber, at span: Range<Int>, asOf: [CalendarDate]) -> Bool {
        let value = Int(number.value)
        let month = monthWord(before: span.lowerBound) ?? monthWord(after: span.upperBound)
        if month == nil {
            return number.text.count == 4 && asOf.contains { $0.year == value }
        }
        let fits = asOf.contains { date in
            date.month == month && (number.text.count == 4 ? date.year == value : date.day == value)
        }
        if !fits { report("the date '\(number.text)' with that month is not the as-of date") }
        return true
    }

    private func monthWord(before index: Int) -> Int? {
        var end = index
        while end > 0, chars[end - 1] == " " || chars[end - 1] == "," { end -= 1 }
        var start = end
        while isLetter(start - 1) { start -= 1 }
        return start < end ? Self.month(of: String(chars[start..<end])) : nil
    }

    private func monthWord(after index: Int) -> Int? {
        var start = index
        while start < chars.count, chars[start] == " " { start += 1 }
        var end = start
        while isLetter(end) { end += 1 }
        return start < end ? Self.month(of: String(chars[start..<end])) : nil
    }
}

/// The parts of a `YYYY-MM-DD` as-of date.
struct CalendarDate: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }
}
