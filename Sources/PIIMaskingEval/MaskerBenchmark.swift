import PIIMasking

/// Single-threaded masking throughput: every message in a fresh session (as `mask --jsonl` does), timed with a
/// monotonic clock; MB are 10⁶ bytes of UTF-8 input.
public enum MaskerBenchmark {
    /// Timings of one benchmark run.
    public struct Result: Sendable {
        /// Messages per pass.
        public let messages: Int
        /// UTF-8 bytes per pass.
        public let bytes: Int
        /// Best pass, in seconds.
        public let seconds: Double
        /// Size of the long message (0 when skipped).
        public let longMessageBytes: Int
        /// Time to mask the long message once.
        public let longMessageSeconds: Double

        /// Corpus throughput in messages per second.
        public var messagesPerSecond: Double { Double(messages) / seconds }
        /// Corpus throughput in MB (10⁶ bytes) of input per second.
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        /// Throughput on the single long message.
        public var longMegabytesPerSecond: Double {
            longMessageSeconds > 0 ? Double(longMessageBytes) / 1e6 / longMessageSeconds : 0
        }

        /// A short human-readable report.
        public func formatted() -> String {
            var lines = [
                "corpus: \(messages) messages, \(bytes) bytes (avg \(bytes / max(messages, 1)) B), best of passes",
                "  \(Int(messagesPerSecond)) messages/s, \(rounded(megabytesPerSecond)) MB/s (one core)",
            ]
            if longMessageBytes > 0 {
                lines.append(
                    "long message: \(longMessageBytes) bytes in \(rounded(longMessageSeconds * 1000)) ms, "
                        + "\(rounded(longMegabytesPerSecond)) MB/s")
            }
            return lines.joined(separator: "\n")
        }

        private func rounded(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            let fraction = hundredths % 100
            return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
    }

    /// Masks every message of `corpus` `passes` times (after a warm-up pass) and one long message.
    public static func run(corpus: [LabelledMessage], passes: Int, longMessageBytes: Int) -> Result {
        let texts = corpus.map(\.text)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var checksum = 0
        var best = Double.infinity
        for _ in 0..<max(passes, 1) + 1 {  // the first pass warms caches and lazy tables
            let seconds = time {
                for text in texts {
                    var session = MaskingSession()
                    checksum &+= session.mask(text).utf8.count
                }
            }
            best = min(best, seconds)
        }
        var longSeconds = 0.0
        if longMessageBytes > 0 {
            let long = longMessage(texts, bytes: longMessageBytes)
            longSeconds = time {
                var session = MaskingSession()
                checksum &+= session.mask(long).utf8.count
            }
        }
        precondition(checksum != 0)  // keeps the optimiser from dropping the work
        return Result(
            messages: texts.count, bytes: bytes, seconds: best,
            longMessageBytes: longMessageBytes > 0 ? longMessage(texts, bytes: longMessageBytes).utf8.count : 0,
            longMessageSeconds: longSeconds)
    }

    /// The corpus messages joined by newlines until `bytes` is reached.
    static func longMessage(_ texts: [String], bytes: Int) -> String {
        var long = ""
        long.reserveCapacity(bytes + 256)
        var index = 0
        while long.utf8.count < bytes, !texts.isEmpty {
            long += texts[index % texts.count]
            long += "\n"
            index += 1
        }
        return long
    }

    private static func time(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
