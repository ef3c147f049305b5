/// Reads a feature table from CSV text: a header `id,<feature>,…`, then one row per id with a number in every
/// feature column.
///
/// The first column holds the ids whatever its header says (`id`, `customer_id`…); ids must be unique. Every other
/// cell must be a finite decimal number (`12`, `-0.5`, `3e-4`); empty cells, words, `NaN` and `inf` are errors.
/// Fields may be double-quoted (`"a,b"`, `""` for a quote), but not across lines. Line endings may be LF or CRLF, a
/// UTF-8 byte-order mark is ignored and blank lines are skipped. Every error names the 1-based line it is on.
public enum FeatureCSV {
    public static func parse(_ text: String) throws(FeatureCSVError) -> FeatureMatrix {
        var header: [String]?
        var ids: [String] = []
        var values: [Double] = []
        var lineOfID: [String: Int] = [:]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = try split(line, lineNumber: lineNumber)
            guard let columns = header else {
                header = try checkedHeader(fields, lineNumber: lineNumber)
                continue
            }
            guard fields.count == columns.count else {
                throw .raggedRow(line: lineNumber, found: fields.count, expected: columns.count)
            }
            let id = fields[0]
            guard !id.isEmpty else { throw .emptyID(line: lineNumber) }
            if let first = lineOfID[id] { throw .duplicateID(id, line: lineNumber, firstLine: first) }
            lineOfID[id] = lineNumber
            ids.append(id)
            for (column, field) in zip(columns.dropFirst(), fields.dropFirst()) {
                values.append(try number(field, column: column, lineNumber: lineNumber))
            }
        }
        guard let columns = header else { throw .noHeader }
        guard !ids.isEmpty else { throw .noRows }
        return FeatureMatrix(ids: ids, featureNames: Array(columns.dropFirst()), values: values)
    }

    private static func checkedHeader(_ fields: [String], lineNumber: Int) throws(FeatureCSVError) -> [String] {
        guard fields.count >= 2 else { throw .noFeatureColumns }
        var seen: Set<String> = []
        for name in fields {
            guard !name.isEmpty else { throw .emptyColumnName(line: lineNumber) }
            guard seen.insert(name).inserted else { throw .duplicateColumn(name) }
        }
        return fields
    }

    /// A cell as a finite number. Only decimal notation counts: Swift's `Double(_:)` would also take hexadecimal
    /// (`0x1p3`), `nan` and `inf`, which a spreadsheet export never means as data.
    private static func number(_ field: String, column: String, lineNumber: Int) throws(FeatureCSVError) -> Double {
        guard !field.isEmpty else { throw .emptyCell(line: lineNumber, column: column) }
        let lowered = field.lowercased().trimmingPrefix { $0 == "+" || $0 == "-" }
        if ["nan", "inf", "infinity"].contains(String(lowered)) {
            throw .notFinite(line: lineNumber, column: column, text: field)
        }
        let decimal = field.unicodeScalars.allSatisfy { "0123456789+-.eE".unicodeScalars.contains($0) }
        guard decimal, let value = Double(field) else {
            throw .notANumber(line: lineNumber, column: column, text: field)
        }
        guard value.isFinite else { throw .notFinite(line: lineNumber, column: column, text: field) }
        return value
    }

    /// The fields of one line, unquoted, with spaces around unquoted fields trimmed.
    private static func split(_ line: Substring, lineNumber: Int) throws(FeatureCSVError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character != "\"" {
                    current.append(character)
                } else if let following = characters.next() {
                    if following == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        guard following == "," else { throw .badQuote(line: lineNumber) }
                        fields.append(current)
                        (current, wasQuoted) = ("", false)
                    }
                } else {
                    quoted = false
                }
            } else if character == "," {
                fields.append(wasQuoted ? current : trimmed(current))
                (current, wasQuoted) = ("", false)
            } else if character == "\"", trimmed(current).isEmpty, !wasQuoted {
                (current, quoted, wasQuoted) = ("", true, true)
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw .badQuote(line: lineNumber) }
        fields.append(wasQuoted ? current : trimmed(current))
        return fields
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// A feature CSV that cannot be read, with the line (1-based) or column it is about.
public enum FeatureCSVError: Error, Equatable, CustomStringConvertible {
    case noHeader
    case noFeatureColumns
    case noRows
    case emptyColumnName(line: Int)
    case duplicateColumn(String)
    case badQuote(line: Int)
    case raggedRow(line: Int, found: Int, expected: Int)
    case emptyID(line: Int)
    case duplicateID(String, line: Int, firstLine: Int)
    case emptyCell(line: Int, column: String)
    case notANumber(line: Int, column: String, text: String)
    case notFinite(line: Int, column: String, text: String)

    public var description: String {
        switch self {
        case .noHeader: "the file is empty: expected a header line `id,<feature>,…`"
        case .noFeatureColumns: "line 1: the header needs an id column and at least one feature column"
        case .noRows: "the file has a header but no rows"
        case .emptyColumnName(let line): "line \(line): a column in the header has no name"
        case .duplicateColumn(let name): "line 1: the column \"\(name)\" appears twice in the header"
        case .badQuote(let line): "line \(line): a quoted field is not closed, or text follows its closing quote"
        case .raggedRow(let line, let found, let expected):
            "line \(line): \(found) fields, but the header has \(expected)"
        case .emptyID(let line): "line \(line): the id is empty"
        case .duplicateID(let id, let line, let firstLine):
            "line \(line): the id \"\(id)\" already appears on line \(firstLine)"
        case .emptyCell(let line, let column): "line \(line), column \"\(column)\": the cell is empty"
        case .notANumber(let line, let column, let text):
            "line \(line), column \"\(column)\": \"\(text)\" is not a number"
        case .notFinite(let line, let column, let text):
            "line \(line), column \"\(column)\": \"\(text)\" is not a finite number (NaN and infinity are not allowed)"
        }
    }
}
