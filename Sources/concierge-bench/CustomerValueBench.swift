import Analytics
import ArgumentParser
import Foundation

/// `concierge-bench analytics-clv`: summarise + fit + score on the full CDNOW master file (23,570 customers, the
/// whole 1997 Q1 cohort) from `.testdata/lifetimes/` (script/bootstrap puts it there).
struct CustomerValueBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics-clv",
        abstract: "Time the customer-value pipeline (summary, both fits, scoring) on the CDNOW master file."
    )

    @Option(help: "The CDNOW master file (whitespace columns: id, YYYYMMDD, CDs, dollars; one header line).")
    var file = ".testdata/lifetimes/CDNOW_master.txt"

    @Option(help: "Calibration end (YYYY-MM-DD): the papers' weeks 1–39.")
    var calibrationEnd = "1997-09-30"

    @Option(help: "Timed runs (the median is reported).")
    var runs = 3

    func run() throws {
        guard let end = CalendarDay(iso: calibrationEnd) else { throw ValidationError("bad --calibration-end") }
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        let readStart = ContinuousClock.now
        let transactions = try Self.read(file)
        let readTime = ContinuousClock.now - readStart
        let settings = CustomerValueSettings(calibrationEnd: end)

        var stages: [[Duration]] = []
        var report: CustomerValueReport?
        for _ in 0..<runs {
            let (times, result) = try Self.timedRun(transactions, settings)
            stages.append(times)
            report = result
        }
        guard let report else { return }
        let median = { (index: Int) in stages.map { $0[index] }.sorted()[stages.count / 2] }
        let p = report.bgnbd.parameters
        let g = report.gammaGamma.parameters
        print(
            """
            \(transactions.count) transactions, \(report.customers.count) customers \
            (\(report.gammaGamma.customerCount) repeat), calibration end \(end); read + parse \(Self.format(readTime))
            BG/NBD r \(Self.decimals(p.r)) alpha \(Self.decimals(p.alpha)) a \(Self.decimals(p.a)) \
            b \(Self.decimals(p.b)) LL \(Self.decimals(report.bgnbd.logLikelihood, 2)) \
            (\(report.bgnbd.evaluations) evaluations); Gamma-Gamma p \(Self.decimals(g.p)) q \(Self.decimals(g.q)) \
            gamma \(Self.decimals(g.gamma)) LL \(Self.decimals(report.gammaGamma.logLikelihood, 2))
            median of \(runs): summary \(Self.format(median(0))), BG/NBD fit \(Self.format(median(1))), \
            Gamma-Gamma fit \(Self.format(median(2))), scoring \(Self.format(median(3))); \
            summarise + fit + score (CustomerValue.analyse) \(Self.format(median(4))), \
            CPU time \(Self.format(median(5))) (one thread: on a busy machine the CPU time is the uncontended figure)
            """)
    }

    /// The stages one by one, then the whole pipeline as the command runs it.
    private static func timedRun(_ transactions: [Transaction], _ settings: CustomerValueSettings) throws
        -> ([Duration], CustomerValueReport)
    {
        let clock = ContinuousClock()
        var summaries: [CustomerSummary] = []
        var bgnbd: BGNBDFit?
        var gammaGamma: GammaGammaFit?
        let summary = clock.measure {
            summaries = TransactionSummary.summarize(transactions, calibrationEnd: settings.calibrationEnd)
        }
        let bgnbdTime = clock.measure { bgnbd = BGNBD.fit(summaries) }
        let gammaGammaTime = clock.measure { gammaGamma = GammaGamma.fit(summaries) }
        guard let p = bgnbd?.parameters, let g = gammaGamma?.parameters else { throw ExitCode.failure }
        var total = 0.0
        let scoring = clock.measure {
            for s in summaries {
                let spend = GammaGamma.expectedMeanSpend(g, x: s.repeatCount, meanSpend: s.meanRepeatSpend) ?? 0
                total += BGNBD.probabilityAlive(p, x: s.repeatCount, tX: s.tX, T: s.T)
                total += BGNBD.expectedPurchases(p, weeks: settings.horizonWeeks, x: s.repeatCount, tX: s.tX, T: s.T)
                    ?? 0
                total += CustomerValue.lifetimeValue(
                    p, s, expectedSpend: spend, horizonWeeks: settings.horizonWeeks,
                    monthlyDiscountRate: settings.monthlyDiscountRate) ?? 0
            }
        }
        guard total.isFinite else { throw ExitCode.failure }
        var report: CustomerValueReport?
        let cpuStart = processCPUNanoseconds()
        let whole = try clock.measure { report = try CustomerValue.analyse(transactions, settings: settings) }
        let cpu = Duration.nanoseconds(processCPUNanoseconds() - cpuStart)
        guard let report else { throw ExitCode.failure }
        return ([summary, bgnbdTime, gammaGammaTime, scoring, whole, cpu], report)
    }

    /// CDNOW_master.txt: a header line, then whitespace-separated id, YYYYMMDD, number of CDs, dollar value.
    private static func read(_ path: String) throws -> [Transaction] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ValidationError("cannot read \(path): run script/bootstrap, or pass --file") }
        return try text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 4, let id = Int(fields[0]), let day = CalendarDay(compact: fields[1]),
                let amount = Double(fields[3])
            else { throw ValidationError("not a CDNOW master row: \(line)") }
            return Transaction(customerID: String(id), day: day, amount: amount)
        }
    }

    /// CPU time of this process (all threads; the pipeline uses one), in nanoseconds.
    private static func processCPUNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    private static func decimals(_ value: Double, _ places: Int = 4) -> String {
        String(format: "%.\(places)f", value)
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1e3)
    }
}
