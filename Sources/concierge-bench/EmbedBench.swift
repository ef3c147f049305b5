import ArgumentParser
import Foundation
import Retrieval
import RetrievalFiles
import SentenceEmbedding

/// `concierge-bench embed`: the in-process sentence embedder (all-MiniLM-L6-v2 over OpenBLAS) — latency of one
/// shopper message, throughput over the seed policies' chunks, and peak memory. Cache off: every call computes.
struct EmbedBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Benchmark sentence embedding: p50/p95 per short message, chunk throughput, peak RSS (release)."
    )

    @Option(help: "Model directory (default: $EMBEDDING_MODEL_DIR, else .models/all-MiniLM-L6-v2).")
    var model: String?

    @Option(help: "Directory of Markdown policies whose chunks form the throughput batch.")
    var policies: String = "Seeds/policies"

    @Option(help: "Timed single-message calls.")
    var calls = 400

    @Option(help: "Timed passes over the chunk batch (the best is reported; 0 skips it).")
    var passes = 3

    @Option(help: "OpenBLAS threads per matrix product.")
    var blasThreads = 1

    @Option(help: "Most tokens packed into one forward pass.")
    var tokensPerPass = 512

    func run() async throws {
        let directory = model ?? ProcessInfo.processInfo.environment[SentenceEmbedder.environmentKey]
            ?? SentenceEmbedder.defaultDirectory
        let loadStart = ContinuousClock.now
        let embedder = try SentenceEmbedder(
            directory: URL(fileURLWithPath: directory), cacheCapacity: 0, tokensPerPass: tokensPerPass)
        let loadTime = ContinuousClock.now - loadStart
        SentenceEmbedder.setOpenBLASThreads(blasThreads)
        print("model \(embedder.modelID) loaded in \(format(loadTime)); OpenBLAS \(SentenceEmbedder.openBLASCore) "
              + "kernels, \(blasThreads) thread(s), "
              + "≤ \(tokensPerPass) tokens per pass")

        try await messageLatency(embedder)
        try await megabyteTexts(embedder)
        if passes > 0 {
            let chunks = try PolicyDirectory.load(URL(fileURLWithPath: policies)).map(\.text)
            try await chunkThroughput(embedder, chunks: chunks)
        }
        print("peak RSS \(peakResidentMegabytes()) MB")
    }

    /// Sequential single-text calls, as the chat turn makes them: wall time (what a shopper waits, including any
    /// wait for a core on a busy machine) and the process's CPU time per call (the work itself).
    private func messageLatency(_ embedder: SentenceEmbedder) async throws {
        let mixed = ShopperMessages.all
        for message in mixed.prefix(20) { _ = try await embedder.embed([message]) }  // warm-up
        try await time(embedder, label: "one shopper message", messages: mixed)
        try await time(embedder, label: "one long message", messages: [ShopperMessages.long])
    }

    private func time(_ embedder: SentenceEmbedder, label: String, messages: [String]) async throws {
        let tokens = messages.map { embedder.tokenIDs($0).count }
        var wall: [Duration] = []
        var cpu: [Duration] = []
        for call in 0..<calls {
            let (startWall, startCPU) = (ContinuousClock.now, processCPUTime())
            _ = try await embedder.embed([messages[call % messages.count]])
            wall.append(ContinuousClock.now - startWall)
            cpu.append(processCPUTime() - startCPU)
        }
        wall.sort()
        cpu.sort()
        let tokenRange = tokens.min()! == tokens.max()! ? "\(tokens[0])" : "\(tokens.min()!)–\(tokens.max()!)"
        print("\(label) (\(tokenRange) tokens incl. [CLS]/[SEP]), \(calls) calls: "
              + "p50 \(format(percentile(wall, 0.5))), p95 \(format(percentile(wall, 0.95))); "
              + "CPU p50 \(format(percentile(cpu, 0.5))), p95 \(format(percentile(cpu, 0.95)))")
    }

    /// A megabyte of prose (truncated after 254 tokens) and a megabyte with no space or punctuation at all (one
    /// run the normalizer must read whole before it can tell it is a single [UNK]).
    private func megabyteTexts(_ embedder: SentenceEmbedder) async throws {
        let prose = String(repeating: ShopperMessages.long + " ", count: (1 << 20) / ShopperMessages.long.utf8.count)
        for (label, text) in [("prose", prose), ("one word", String(repeating: "é", count: 1 << 19))] {
            let start = ContinuousClock.now
            _ = try await embedder.embed([text])
            print("1 MB text (\(label)): \(format(ContinuousClock.now - start))")
        }
    }

    private func processCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private func chunkThroughput(_ embedder: SentenceEmbedder, chunks: [String]) async throws {
        let tokens = chunks.reduce(0) { $0 + embedder.tokenIDs($1).count }
        var packed: Duration = .seconds(1_000)
        var single: Duration = .seconds(1_000)
        for _ in 0..<passes {
            var start = ContinuousClock.now
            _ = try await embedder.embed(chunks)
            packed = min(packed, ContinuousClock.now - start)
            start = ContinuousClock.now
            for chunk in chunks { _ = try await embedder.embed([chunk]) }
            single = min(single, ContinuousClock.now - start)
        }
        for (label, time) in [("packed batch", packed), ("one by one", single)] {
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
            print("\(chunks.count) policy chunks (\(tokens) tokens), \(label): \(format(time)), "
                  + String(format: "%.0f chunks/s, %.0f tokens/s", Double(chunks.count) / seconds,
                           Double(tokens) / seconds))
        }
    }

    private func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    private func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.2f ms", seconds * 1e3)
    }

    private func peakResidentMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return usage.ru_maxrss / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return usage.ru_maxrss / (1024 * 1024)  // bytes on macOS
        #endif
    }
}

/// Short messages of the kind the concierge answers (7 to 36 tokens, 13.8 on average).
private enum ShopperMessages {
    static let all = [
        "Where is the nearest shop?", "Is the shop on King Street open now?", "what time do you close on sunday",
        "Can I get my money back for a cold latte?", "Do you have oat milk?", "My order never arrived.",
        "How do I reset my password?", "I'd like to cancel my order, please.", "Are your croissants vegan?",
        "Can I bring my dog inside?", "Is there step-free access at the station kiosk?", "Do you sell gift cards?",
        "How long does a refund take to reach my card?", "The app keeps crashing when I pay",
        "Can I change my delivery address after ordering?", "wher is teh nerest shoppe??", "refnd polcy pls",
        "i recieved the wrong drink, wat do i do", "bhai mera order kab aayega? 30 min ho gaye",
        "¿Dónde está la tienda más cercana? Necesito un café con leche.", "order arrived 😡😡 cold and late",
        "Order #123-456-789 was charged twice: €4.50 + €4.50 = €9.00, please refund one of them",
        "Is the 10% student discount valid on 24/12/2026 at 07:30 in the Manchester Piccadilly shop?",
        "Do your hot chocolates contain nuts? My son has a severe peanut allergy and I want to be sure.",
    ]

    /// 39 tokens: the longest a shopper message is expected to be.
    static let long = "Hi, I ordered two oat flat whites and a cheese toastie for delivery to my office about an hour "
        + "ago and nothing has arrived yet, can you tell me where it is?"
}
