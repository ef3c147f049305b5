import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation

/// Builds the analyst side of the running application from the configuration: the workbench over the store, the
/// analyst notes (retrieved with the same embedding model as the policies when it is loaded) and the insight writer
/// (the configured model, or the deterministic mock in mock mode).
enum AnalystSetup {
    static func desk(_ configuration: AppConfiguration, store: any ConciergeStore, runtime: ConciergeRuntime?,
                     clock: any WallClock, ids: any IdentifierSource) async throws -> WorkbenchAnalystDesk {
        let pseudonyms = CustomerPseudonyms(key: configuration.analyticsPseudonymKey)
        let workbench = AnalystWorkbench(store: store, pseudonyms: pseudonyms, clock: clock)
        let notes = try await AnalystNoteLibrary.load(directory: configuration.seedsDirectory + "/analyst-notes",
                                                      embedder: runtime?.embedder ?? .disabled)
        // Without a runtime (a web test with a scripted chat) there is no model to ask, and the chat's mock client
        // answers chat prompts only: the mock writer writes in both cases.
        // Each writer records its calls under its own purpose (the usage page tells insights from chat).
        func writer(_ purpose: LLMPurpose) -> SegmentInsightService.Writer {
            runtime.map {
                .configured(llm: $0.llm(for: purpose), usesMockLLM: $0.usesMockLLM || $0.llm is MockLLMClient,
                            model: configuration.llmModel)
            } ?? .mock
        }
        let insights = SegmentInsightService(store: store, notes: notes, writer: writer(.segmentInsight), clock: clock)
        let runs = SegmentationRunService(store: store, workbench: workbench, pseudonyms: pseudonyms, notes: notes,
                                          clock: clock)
        // The chat phrases with the same writer: the model when one is configured, else the mock's draft as is.
        let chat = AnalystChatService(store: store, writer: writer(.analystChat), clock: clock, ids: ids)
        return WorkbenchAnalystDesk(workbench: workbench, insights: insights, runs: runs, chat: chat)
    }
}
