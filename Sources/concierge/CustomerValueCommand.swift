import Analytics
import ArgumentParser
import Foundation

/// `concierge analytics clv`: BG/NBD + Gamma-Gamma customer value from a transaction CSV (docs/analytics.md).
struct CustomerValueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Fit BG/NBD and Gamma-Gamma to a transaction file; print each customer's P(alive), expected "
            + "purchases and CLV.",
        discussion: """
            The file has the header customer_id,date,amount (ISO dates, amounts never negative). Same-day purchases \
            are one purchase; transactions after --calibration-end are not seen by the models. A bad line is named \
            and nothing is printed on standard output; fewer than 10 repeat customers is refused.
            """
    )

    @Option(help: "CSV file with the columns customer_id, date (YYYY-MM-DD) and amount.")
    var transactions: String

    @Option(help: "Last day of the calibration period, included (YYYY-MM-DD).")
    var calibrationEnd: String

    @Option(help: """
        Last day read, included (YYYY-MM-DD); later rows are skipped, and the text output compares the purchases \
        between the two ends with the model's forecast. Default: read every row.
        """)
    var observationEnd: String?

    @Option(help: "Forecast horizon for expected purchases and CLV, in weeks (at most 520).")
    var horizonWeeks: Double = 39

    @Option(help: "Discount rate per month of 4.345 weeks (0.01 is 1 % a month).")
    var monthlyDiscountRate: Double = CustomerValueSettings.defaultMonthlyDiscountRate

    @Flag(help: "Print JSON: {\"bgnbd\": {…}, \"gammaGamma\": {…}, \"customers\": […]}.")
    var json = false

    func validate() throws {
        _ = try Self.day(calibrationEnd, option: "--calibration-end")
        _ = try observationEnd.map { try Self.day($0, option: "--observation-end") }
    }

    func run() throws {
        let settings = CustomerValueSettings(
            calibrationEnd: try Self.day(calibrationEnd, option: "--calibration-end"),
            observationEnd: try observationEnd.map { try Self.day($0, option: "--observation-end") },
            horizonWeeks: horizonWeeks, monthlyDiscountRate: monthlyDiscountRate)
        guard let data = FileManager.default.contents(atPath: transactions) else {
            CommandSupport.printError("cannot read \(transactions)")
            throw ExitCode.failure
        }
        guard let text = String(data: data, encoding: .utf8) else {
            CommandSupport.printError("\(transactions) is not UTF-8 text")
            throw ExitCode.failure
        }
        do {
            let report = try CustomerValue.analyse(try TransactionCSV.parse(text), settings: settings)
            print(json ? report.json() : report.text(), terminator: "")
        } catch let error as TransactionCSVError {
            CommandSupport.printError("\(transactions): \(error)")
            throw ExitCode.failure
        } catch let error as CustomerValueError {
            CommandSupport.printError("refused: \(error)")
            throw ExitCode.failure
        }
    }

    private static func day(_ text: String, option: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw ValidationError("\(option) must be a calendar date YYYY-MM-DD, e.g. 1997-09-30")
        }
        return day
    }
}
