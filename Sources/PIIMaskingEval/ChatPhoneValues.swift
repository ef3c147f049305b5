import SeededRandom

/// Phone numbers as people type them into a chat box (issue 13): a slash after the US area code, `+1` and
/// UK-mobile spellings with mixed separators, the trunk `(0)` and the `00` prefix.
enum ChatPhoneValues {
    static func phone(_ rng: inout SplitMix64) -> String {
        switch rng.below(3) {
        case 0: slash(&rng)
        case 1: northAmerican(&rng)
        default: ukMobile(&rng)
        }
    }

    /// "503/555-0134" and its relatives.
    static func slash(_ rng: inout SplitMix64) -> String {
        let (a, b, c) = NumberValues.nanp(&rng)
        return rng.pick([
            "\(a)/\(b)-\(c)", "\(a)/\(b)-\(c)", "\(a)/\(b) \(c)", "\(a)/\(b).\(c)", "\(a)/\(b)\(c)",
            "1 \(a)/\(b)-\(c)", "+1 \(a)/\(b)-\(c)", "1-\(a)/\(b)-\(c)",
        ])
    }

    /// "+1 (503) 555 0134", "+1.503.555.0134", "1-503-555-0134"…
    static func northAmerican(_ rng: inout SplitMix64) -> String {
        let (a, b, c) = NumberValues.nanp(&rng)
        return rng.pick([
            "+1 (\(a)) \(b) \(c)", "+1.\(a).\(b).\(c)", "1-\(a)-\(b)-\(c)", "+1 \(a)-\(b)-\(c)",
            "+1 (\(a)) \(b).\(c)", "1 (\(a)) \(b) \(c)", "+1-\(a)-\(b)-\(c)", "+1 \(a).\(b).\(c)", "1.\(a).\(b).\(c)",
            "+1 (\(a))\(b)-\(c)", "1 \(a) \(b) \(c)", "+1\(a)\(b)\(c)", "(\(a)) \(b) \(c)", "(\(a)) \(b).\(c)",
        ])
    }

    /// "07700 900123", "07700-900-123", "+44 (0)7700 900123", "0044 7700 900123"…
    static func ukMobile(_ rng: inout SplitMix64) -> String {
        let m = "7\(rng.int(1...9))\(rng.digits(2))"
        let (x, y) = (rng.digits(3), rng.digits(3))
        return rng.pick([
            "0\(m) \(x)\(y)", "0\(m)-\(x)-\(y)", "0\(m) \(x) \(y)", "+44 \(m) \(x)\(y)", "+44 (0)\(m) \(x)\(y)",
            "0044 \(m) \(x)\(y)", "+44 \(m) \(x) \(y)", "+44 (0) \(m) \(x)\(y)", "(+44) \(m) \(x)\(y)",
            "+44\(m)\(x)\(y)", "0\(m).\(x).\(y)", "+44-\(m)-\(x)\(y)", "0\(m)-\(x)\(y)", "0044 (0)\(m) \(x) \(y)",
            "+44 0\(m) \(x)\(y)", "(0\(m)) \(x)\(y)",
        ])
    }
}
