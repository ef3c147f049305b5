import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// `concierge analytics audience`: the audience pipeline from the command line (docs/analytics.md, "Audiences").
struct AudienceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audience",
        abstract: "Customers matching a filter, ranked by a marketer's intent, with the reasons and stage counts.",
        discussion: """
            The filter file is the allow-listed JSON document {"all": [clauses]}; an unknown field or operator is \
            refused with the reason (exit 1) and nothing runs. Ranking needs the local embedding model \
            (EMBEDDING_MODEL_DIR). Ids are pseudonyms; no contact details are printed.
            """
    )

    @Option(help: ArgumentHelp("The filter document.", valueName: "FILE.json"))
    var filter: String

    @Option(help: "What the marketer is looking for, in words.")
    var intent: String

    /// Required, like every analytics command: results are functions of (data, as-of), never of today.
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date, included.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: "How many customers to print (1–500).")
    var limit = 20

    @Flag(help: "Print the result as JSON (counts, members with reasons).")
    var json = false

    func validate() throws {
        _ = try CommandSupport.asOfDay(asOf)
        guard (1...AudienceRequest.maxLimit).contains(limit) else { throw ValidationError("--limit must be 1…500") }
        guard !intent.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            intent.count <= AudienceRequest.maxIntentLength
        else { throw ValidationError("--intent must be 1 to 500 characters") }
    }

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        guard let data = FileManager.default.contents(atPath: filter) else {
            throw ValidationError("cannot read \(filter)")
        }
        let pseudonyms = CommandSupport.pseudonyms(configuration)
        let result = try await CommandSupport.withStore(configuration) { store -> AudienceResult? in
            // The filter is checked before the model is loaded: a refusal costs nothing and needs no model.
            let categories = Set(try await store.allShops().flatMap { $0.menu.map(\.category) })
            let parsed: AudienceFilter
            do {
                parsed = try AudienceFilter.parse(data, categories: categories)
            } catch let refusal as AudienceFilterError {
                CommandSupport.printError("refused: \(filter): \(refusal.reason)")
                return nil
            }
            guard case .loaded(let embedder) = await EmbeddingModel.load(configuration) else {
                CommandSupport.printError("refused: ranking needs the embedding model (run script/bootstrap)")
                return nil
            }
            let discovery = AudienceDiscovery(embeddings: EmbeddingCache(embedder), pseudonyms: pseudonyms)
            return try await discovery.discover(store, filter: parsed, intent: intent, limit: limit,
                                                asOf: try CommandSupport.asOfDay(asOf))
        }
        guard let result else { throw ExitCode(1) }
        print(json ? try Self.json(result) : Self.text(result))
    }

    static func json(_ result: AudienceResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    static func text(_ result: AudienceResult) -> String {
        let counts = result.counts
        var lines = ["as of \(result.asOf), filter \(result.filter), intent \"\(result.intent)\"",
                     "customers \(counts.allCustomers) → store filter \(counts.afterStoreFilter) → filter "
                         + "\(counts.afterFilter) → ranked \(counts.ranked) → returned \(counts.returned)"]
        for (index, member) in result.members.enumerated() {
            lines.append("\(index + 1). \(member.customer) \(String(format: "%.4f", member.score)): "
                + member.topFacts.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
