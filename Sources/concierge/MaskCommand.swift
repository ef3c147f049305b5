import ArgumentParser
import ConciergeApp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `concierge mask "text"` prints the masked text; `concierge mask --jsonl` masks a JSONL stream
/// (`{"id", "text"}` per line → `{"id", "masked"}` per line, each line its own conversation).
struct MaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mask",
        abstract: "Mask personal data (e-mails, phones, cards, IBANs, IPs, addresses, order ids) in text.",
        discussion: """
            With --jsonl, reads one JSON object per line on stdin, {"id": ..., "text": ...} (optional "profile" \
            and "allow" objects), and writes {"id": ..., "masked": ...} per line; a bad line gets \
            {"id": ..., "error": ...} and the stream continues.
            """
    )

    @Flag(name: .long, help: "Read JSON lines from stdin and write masked JSON lines.")
    var jsonl = false

    @Argument(help: "Text to mask (omit with --jsonl).")
    var text: [String] = []

    func validate() throws {
        if jsonl, !text.isEmpty { throw ValidationError("Pass either text or --jsonl, not both.") }
        if !jsonl, text.isEmpty { throw ValidationError("Pass the text to mask, or --jsonl to read stdin.") }
    }

    func run() throws {
        guard jsonl else {
            print(JSONLMasker.mask(text: text.joined(separator: " ")))
            return
        }
        // One answer per line, flushed at once: a caller may write a line and wait for its answer.
        while let line = readLine(strippingNewline: true) {
            print(JSONLMasker.process(line: line))
            fflush(nil)  // nil: every output stream (the global `stdout` is not concurrency-safe to name)
        }
    }
}
