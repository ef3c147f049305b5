import Analytics
import Foundation

/// The CDNOW research files (Fader & Hardie) from the `lifetimes` 0.11.3 wheel, which `script/bootstrap` unpacks
/// into `.testdata/lifetimes/` (git-ignored). When they are absent the known-answer tests fail with this error,
/// never skip: a silent skip would let CI pass without ever comparing a figure.
enum CDNOWData {
    /// The repository root, found from this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repositoryRoot.appendingPathComponent(".testdata/lifetimes")
    /// The calibration end of the papers' weeks 1–39 (1997-01-01 is day 1 of week 1).
    static let calibrationEnd = CalendarDay(year: 1997, month: 9, day: 30)!

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "The CDNOW test data \(path) is missing: run script/bootstrap (it downloads the lifetimes 0.11.3 wheel "
                + "and unpacks its datasets into .testdata/lifetimes/)."
        }
    }

    static func text(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw Missing(path: url.path) }
        return text
    }

    /// `CDNOW_sample.txt`: whitespace-separated master id, sample id (the id of the summary files), YYYYMMDD, CDs,
    /// dollars. Ids lose their leading zeros, as in the summary files.
    static func sampleTransactions() throws -> [Transaction] {
        try transactions(try text("CDNOW_sample.txt"), id: 1, date: 2, amount: 4)
    }

    /// `CDNOW_master.txt`: a header line, then id, YYYYMMDD, CDs, dollars.
    static func masterTransactions() throws -> [Transaction] {
        try transactions(try text("CDNOW_master.txt"), id: 0, date: 1, amount: 3)
    }

    /// Rows of a summary CSV (header skipped), split on commas.
    static func csvRows(_ name: String) throws -> [[String]] {
        try text(name).split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    struct BadRow: Error { var line: String }

    static func transactions(_ text: String, id: Int, date: Int, amount: Int) throws -> [Transaction] {
        try text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count > max(id, date, amount), let day = CalendarDay(compact: fields[date]) else {
                if line.contains("customer_id") { return nil }  // the master file's header
                throw BadRow(line: String(line))
            }
            guard let number = Int(fields[id]), let value = Double(fields[amount]) else {
                throw BadRow(line: String(line))
            }
            return Transaction(customerID: String(number), day: day, amount: value)
        }
    }
}
