import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// Shared set-up for commands that touch the configured store.
enum CommandSupport {
    static func configuration() throws -> AppConfiguration {
        try AppConfiguration.fromProcess()
    }

    /// Opens the configured store, runs `body`, and closes the store whatever happens.
    static func withStore<T>(_ configuration: AppConfiguration,
                             _ body: (any ConciergeStore) async throws -> T) async throws -> T {
        let store = try await StoreFactory.open(configuration)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The configured embedding model for ingest: `nil` when it is off; a model that is configured but cannot be
    /// loaded stops the command with the reason (a corpus is never written without the vectors it was meant to have).
    static func embedder(_ configuration: AppConfiguration) async throws -> (any Embedder)? {
        switch await EmbeddingModel.load(configuration) {
        case .disabled: return nil
        case .loaded(let embedder): return embedder
        case .failed(let reason): throw ValidationError("cannot embed the policies: \(reason)")
        }
    }

    /// The analyst commands' `--as-of`: a calendar date, refused with an example otherwise.
    static func asOfDay(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw ValidationError("--as-of must be a calendar date YYYY-MM-DD, e.g. 2026-12-01")
        }
        return day
    }

    /// The configured keyed pseudonyms; without ANALYTICS_PSEUDONYM_KEY the development key, said on standard error.
    static func pseudonyms(_ configuration: AppConfiguration) -> CustomerPseudonyms {
        if configuration.analyticsPseudonymKey == nil {
            printError("note: pseudonyms use the development key; set ANALYTICS_PSEUDONYM_KEY")
        }
        return CustomerPseudonyms(key: configuration.analyticsPseudonymKey)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar: Sendable {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total)"
        FileHandle.standardError.write(Data((line + (done >= total ? "\n" : "")).utf8))
    }
}
