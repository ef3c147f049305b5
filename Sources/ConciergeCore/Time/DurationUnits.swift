/// `Duration` in the units traces, logs, timeouts and benchmarks print: the one conversion, instead of one per file.
extension Duration {
    /// Whole milliseconds, rounded down; 0 for negative durations, `Int.max` past it (the unit of traces and
    /// timeouts).
    public var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1_000)
        guard !milliseconds.overflow else { return seconds < 0 ? 0 : Int.max }
        return max(0, Int(milliseconds.partialValue + attoseconds / 1_000_000_000_000_000))
    }

    /// Milliseconds with their fraction (request logs, stage timings).
    public var milliseconds: Double { Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15 }

    /// Seconds with their fraction (benchmarks, progress).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
