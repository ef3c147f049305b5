import ArgumentParser

/// `concierge-bench`: benchmarks that print figures (run them on a release build). Never used by tests.
@main
struct ConciergeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge-bench",
        abstract: "Measure the concierge's building blocks and print figures.",
        subcommands: [MaskerBench.self, RetrievalBench.self, NearestBench.self]
    )
}
