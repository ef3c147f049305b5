import ArgumentParser

/// `concierge-bench`: benchmarks and evaluations that print figures (time them on a release build). Never used by
/// tests; the only executable that links the evaluation modules (labelled corpora, scorers).
@main
struct ConciergeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge-bench",
        abstract: "Measure the concierge's building blocks and print figures.",
        subcommands: [
            MaskerBench.self, RetrievalBench.self, RetrievalEvalBench.self, HybridEvalBench.self, HybridLatencyBench.self,
            NearestBench.self,
            EmbedBench.self, UnderstandingEvalBench.self,
            CustomerValueBench.self,
            AnalyticsClusterBench.self, AnalyticsSegmentationBench.self,
        ]
    )
}
