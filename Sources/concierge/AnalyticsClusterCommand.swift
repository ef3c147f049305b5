import Analytics
import ArgumentParser
import Foundation

/// `concierge analytics cluster`: k-means segments of any numeric feature table (see docs/analytics.md,
/// "Clustering"). Reads the file, hands it to `ClusterAnalysis`, prints the report.
struct AnalyticsClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Cluster the rows of a feature CSV with k-means and pick k by the silhouette.",
        discussion: """
            FILE.csv has a header `id,<feature>,…` and a number in every feature cell. For each k from --k-min to \
            --k-max: k-means++ with --restarts seedings (the lowest inertia wins) and the mean silhouette (exact up \
            to 5,000 rows, over a fixed-seed sample of 5,000 above). The chosen k has the highest silhouette (the \
            smaller k on a tie); its labels are numbered by first appearance in file order. --bootstrap B refits \
            the chosen k on B resamples and reports the mean adjusted Rand index against the full-data labels. The \
            same --seed gives the same output on any machine.
            """
    )

    @Option(name: .customLong("features"), help: ArgumentHelp("The feature CSV.", valueName: "FILE.csv"))
    var featuresPath: String

    @Option(name: .customLong("k-min"), help: "Smallest k to try (at least 2).")
    var kMin: Int

    @Option(name: .customLong("k-max"), help: "Largest k to try.")
    var kMax: Int

    @Option(help: "Random seed for the seedings, the silhouette sample and the resamples.")
    var seed: UInt64

    @Option(help: "k-means++ seedings per k (and per bootstrap refit).")
    var restarts: Int = 20

    @Option(help: "Bootstrap resamples for the stability measure (0 skips it).")
    var bootstrap: Int = 20

    @Flag(help: "Z-score every feature with its population SD first (a constant column is then an error).")
    var standardize = false

    @Flag(help: "Print JSON: chosenK, perK [{k, inertia, silhouette}], labels {id: label}, bootstrapARI.")
    var json = false

    private var analysis: ClusterAnalysis {
        ClusterAnalysis(
            kMin: kMin, kMax: kMax, seed: seed, restarts: restarts, bootstrapResamples: bootstrap,
            standardize: standardize)
    }

    func validate() throws {
        do { try analysis.validateOptions() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let features = try readFeatures()
        let report: ClusterReport
        do { report = try analysis.run(features) } catch { throw AnalyticsCommandError(error.description) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]  // the labels object in id order: same bytes every run
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            print(ClusterReportText.render(report, features: features, analysis: analysis))
        }
    }

    private func readFeatures() throws -> FeatureMatrix {
        guard FileManager.default.fileExists(atPath: featuresPath) else {
            throw AnalyticsCommandError("--features \(featuresPath): no such file")
        }
        let text: String
        do {
            text = try String(contentsOfFile: featuresPath, encoding: .utf8)
        } catch {
            throw AnalyticsCommandError("--features \(featuresPath): cannot read the file as UTF-8 text")
        }
        do { return try FeatureCSV.parse(text) } catch { throw AnalyticsCommandError("\(featuresPath): \(error)") }
    }
}

/// A failure of an analytics command that is not a usage mistake: printed as `Error: <message>`, exit status 1.
struct AnalyticsCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
