import PIIMasking

extension ScoreReport {
    /// A plain-text table of the figures.
    public func formatted() -> String {
        var lines = [
            "\(messages) messages", pad("type", 10) + pad("gold", 7) + pad("pred", 7) + pad("recall", 9) + "precision",
        ]
        for score in types {
            lines.append(
                pad(score.type.rawValue, 10) + pad("\(score.gold)", 7) + pad("\(score.predicted)", 7)
                    + pad(percent(score.recall), 9) + percent(score.precision))
        }
        lines.append(pad("all", 24) + pad(percent(recall), 9) + percent(precision))
        lines.append("")
        lines.append(pad("hard negative", 16) + pad("planted", 9) + pad("masked", 8) + "FP rate")
        for negative in negatives {
            lines.append(
                pad(negative.kind.rawValue, 16) + pad("\(negative.total)", 9) + pad("\(negative.flagged)", 8)
                    + percent(negative.rate))
        }
        lines.append(pad("all", 33) + percent(falsePositiveRate))
        for example in examples {
            lines.append("")
            lines.append("#\(example.id): \(example.text.debugDescription)")
            for span in example.missed { lines.append("  missed   \(span.type.rawValue) \(quote(example.text, span))") }
            for span in example.spurious {
                lines.append("  spurious \(span.type.rawValue) \(quote(example.text, span))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private func quote(_ text: String, _ span: LabelledSpan) -> String {
        let bytes = Array(text.utf8)[span.utf8Range]
        return String(decoding: bytes, as: UTF8.self).debugDescription
    }
}
