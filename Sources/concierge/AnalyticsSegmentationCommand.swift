import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// `concierge analytics segmentation`: machine-learned segments over the configured store, gated by their
/// robustness (docs/analytics.md, "Segmentation run").
struct AnalyticsSegmentationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmentation",
        abstract: "Machine-learned customer segments on an as-of date, gated by their stability.",
        discussion: """
            Reads every shopper, order, event and shop from the configured store (pseudonymous ids, as `analytics \
            features`), clusters the buyers' standardised features (frequency, basket, recency, engagement, premium \
            and coupon shares, time of day and day of week on circles) for every k in the range, keeps the \
            silhouette's best k, tests every cluster by bootstrap, feature drop and earlier windows, and gates it: \
            tier low, too small or too large is rejected with the reason. The same store, date and seed give the \
            same bytes.
            """
    )

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date, included.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(name: .customLong("k-min"), help: "Smallest k (a product decision: the silhouette favours the coarsest).")
    var kMin: Int = SegmentationConfiguration().kMin

    @Option(name: .customLong("k-max"), help: "Largest k.")
    var kMax: Int = SegmentationConfiguration().kMax

    @Option(help: "Random seed of the fits, resamples and silhouette sample.")
    var seed: UInt64 = SegmentationConfiguration().seed

    @Flag(help: "Print the whole run as canonical JSON (segments with snapshots, rejected ones with reasons).")
    var json = false

    func validate() throws {
        _ = try CommandSupport.asOfDay(asOf)
        do { try settings.validate() } catch { throw ValidationError(error.description) }
    }

    private var settings: SegmentationConfiguration {
        SegmentationConfiguration(kMin: kMin, kMax: kMax, seed: seed)
    }

    func run() async throws {
        let day = try CommandSupport.asOfDay(asOf)
        let configuration = try CommandSupport.configuration()
        let pseudonyms = CommandSupport.pseudonyms(configuration)
        let input = try await CommandSupport.withStore(configuration) { store in
            try await SegmentationInputs.read(store, pseudonyms: pseudonyms)
        }
        let result: SegmentationResult
        do { result = try SegmentationRun(configuration: settings).run(input, asOf: day) } catch {
            CommandSupport.printError("Error: \(error.description)")
            throw ExitCode.failure
        }
        print(json ? try result.json() : SegmentationText.render(result))
    }
}
