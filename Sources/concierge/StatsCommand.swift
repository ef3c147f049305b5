import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Print record counts per collection.")

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let counts = try await CommandSupport.withStore(configuration) { try await $0.counts() }
        print(StatsFormatter.table(counts))
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole store as canonical JSON (sorted keys, stable order, no password hashes or tokens)."
    )

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let bytes = try await CommandSupport.withStore(configuration) { try await DataExporter.export($0) }
        FileHandle.standardOutput.write(bytes)
    }
}

enum StatsFormatter {
    static func table(_ counts: CollectionCounts) -> String {
        DataCollection.allCases.map { collection in
            collection.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + String(counts[collection])
        }.joined(separator: "\n")
    }

    static func inline(_ counts: CollectionCounts) -> String {
        DataCollection.allCases.filter { counts[$0] > 0 }.map { "\($0.rawValue) \(counts[$0])" }
            .joined(separator: ", ")
    }
}
