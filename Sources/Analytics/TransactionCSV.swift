/// A transaction file that cannot be read, with the 1-based line at fault.
public struct TransactionCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// Transactions from CSV text (the file is read elsewhere): a header naming `customer_id`, `date` and `amount` (in
/// any order; other columns are ignored), then one row per transaction.
///
/// - Fields are separated by commas; a field may be double-quoted (`""` is a quote inside it) but may not span
///   lines. Spaces around a field are trimmed. Blank lines are skipped; CRLF and a UTF-8 byte-order mark are fine.
/// - `date` is an ISO calendar date, `YYYY-MM-DD`; `amount` a plain decimal number (`12`, `12.50`, `.5`), never
///   negative (refunds are not purchases: net them into the order's amount first); `customer_id` is not empty.
/// - Duplicate rows are kept: they are same-day purchases, merged into one purchase-day with the amounts summed.
/// All or nothing: the first bad line throws, naming the line.
public enum TransactionCSV {
    public static let requiredColumns = ["customer_id", "date", "amount"]

    /// The transactions of `text` in file order, or the first line's error.
    public static func parse(_ text: String) throws(TransactionCSVError) -> [Transaction] {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let separated = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var lines = separated.enumerated().map { index, line in (number: index + 1, text: line) }
        if let first = lines.first, first.text.hasPrefix("\u{FEFF}") {
            lines[0].text = first.text.dropFirst()
        }
        lines.removeAll { $0.text.allSatisfy(\.isWhitespace) }
        guard let header = lines.first else {
            throw TransactionCSVError(line: 1, reason: "empty file: expected the header customer_id,date,amount")
        }
        let columns = try columnIndexes(try fields(header.text, line: header.number), line: header.number)
        var transactions: [Transaction] = []
        transactions.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            transactions.append(try transaction(line.text, line: line.number, columns: columns))
        }
        return transactions
    }

    private static func columnIndexes(_ names: [String], line: Int) throws(TransactionCSVError)
        -> (id: Int, date: Int, amount: Int, count: Int)
    {
        var indexes: [Int] = []
        for column in requiredColumns {
            let matches = names.indices.filter { names[$0] == column }
            guard let index = matches.first else {
                throw TransactionCSVError(
                    line: line, reason: "missing column \(column): the header must name customer_id, date and amount")
            }
            guard matches.count == 1 else {
                throw TransactionCSVError(line: line, reason: "the header names column \(column) twice")
            }
            indexes.append(index)
        }
        return (indexes[0], indexes[1], indexes[2], names.count)
    }

    private static func transaction(
        _ text: Substring, line: Int, columns: (id: Int, date: Int, amount: Int, count: Int)
    ) throws(TransactionCSVError) -> Transaction {
        let values = try fields(text, line: line)
        guard values.count == columns.count else {
            throw TransactionCSVError(
                line: line, reason: "expected \(columns.count) fields like the header, found \(values.count)")
        }
        let id = values[columns.id]
        guard !id.isEmpty else { throw TransactionCSVError(line: line, reason: "empty customer_id") }
        guard let day = CalendarDay(iso: values[columns.date]) else {
            let reason = "date \(quoted(values[columns.date])) is not a calendar date in the form YYYY-MM-DD"
            throw TransactionCSVError(line: line, reason: reason)
        }
        return Transaction(customerID: id, day: day, amount: try amount(values[columns.amount], line: line))
    }

    private static func amount(_ text: String, line: Int) throws(TransactionCSVError) -> Double {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDecimal =
            !digits.isEmpty && digits != "." && parts.count <= 2
            && parts.allSatisfy { $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        guard isDecimal, let value = Double(digits), value.isFinite else {
            throw TransactionCSVError(line: line, reason: "amount \(quoted(text)) is not a decimal number")
        }
        guard !text.hasPrefix("-") || value == 0 else {
            throw TransactionCSVError(
                line: line, reason: "negative amount \(text): refunds are not purchases; net them into the order first")
        }
        return value
    }

    /// Where `fields` is within a field.
    private enum FieldState {
        case start, unquoted, quoted, closingQuote, closed
    }

    /// The fields of one line, quotes removed and unquoted fields trimmed.
    private static func fields(_ line: Substring, line number: Int) throws(TransactionCSVError) -> [String] {
        var fields: [String] = []
        var current = ""
        var state = FieldState.start
        func endField() {
            fields.append(state == .unquoted || state == .start ? trimmed(current) : current)
            current = ""
            state = .start
        }
        for character in line {
            switch (state, character) {
            case (.start, "\""): state = .quoted
            case (.start, ","), (.unquoted, ","), (.closingQuote, ","), (.closed, ","): endField()
            case (.start, _) where character.isWhitespace: break
            case (.unquoted, "\""):
                throw TransactionCSVError(line: number, reason: "a quote inside an unquoted field")
            case (.start, _), (.unquoted, _):
                current.append(character)
                state = .unquoted
            case (.quoted, "\""): state = .closingQuote
            case (.quoted, _): current.append(character)
            case (.closingQuote, "\""):  // "" inside quotes is one quote
                current.append(character)
                state = .quoted
            case (.closingQuote, _) where character.isWhitespace, (.closed, _) where character.isWhitespace:
                state = .closed
            case (.closingQuote, _), (.closed, _):
                throw TransactionCSVError(line: number, reason: "text after a closing quote")
            }
        }
        guard state != .quoted else { throw TransactionCSVError(line: number, reason: "a quoted field is not closed") }
        endField()
        return fields
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// A value for an error message: quoted, and cut to 40 characters (a broken file can have huge fields).
    private static func quoted(_ text: String) -> String {
        "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }
}
