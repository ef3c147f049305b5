import ConciergeCore
import CurlLLM
import Foundation
import PIIMasking
import TestSupport

/// A `ChatWorld` whose model is the real one: `RetryingLLMClient` over the real `CurlLLMTransport`, talking to
/// llama.cpp's server with SmolLM2-135M-Instruct (`LlamaServer`) through its recording proxy.
///
/// The transport is wrapped to pin temperature 0 (the prompt builder asks for 0.2; greedy decoding plus the server's
/// fixed seed and disabled prompt cache make a request's answer repeat exactly) and, for the mangled-placeholder
/// tests, to rewrite each real reply before the client sees it.
enum RealModelWorld {
    /// The attempt timeout is generous: one thread, and a shared 2-core machine that may be building meanwhile.
    static let policy = RetryPolicy(
        maxAttempts: 2, baseDelay: .milliseconds(50), maxDelay: .milliseconds(200), attemptTimeout: .seconds(240),
        deadline: .seconds(480))

    static func make(_ session: LlamaSession, rewrite: (@Sendable (String) -> String)? = nil,
                     cache: ReplyCache? = nil) async throws -> ChatWorld
    {
        let curl = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL))
        let transport = RealModelTransport(base: curl, rewrite: rewrite, cache: cache)
        return try await ChatWorld.make(llm: RetryingLLMClient(transport: transport, policy: policy))
    }

    /// What the deterministic responder answers to the last of `conversation` (in a world whose model always fails,
    /// after the earlier messages of the same conversation, so a follow-up is read as one).
    static func deterministicAnswer(_ email: String, conversation messages: [String]) async throws -> String {
        let world = try await ChatWorld.make(llm: OutageLLM())
        var conversation: String?
        var answer = ""
        for text in messages {
            let turn = try await world.ask(email, text, conversation: conversation)
            conversation = turn.conversationID
            answer = turn.reply.text
        }
        try await world.close()
        return answer
    }
}

/// Pins temperature 0, caps the answer's length and optionally rewrites the real reply (test-only: what a model
/// that mangles placeholders would have sent). With a cache, identical requests are answered once by the server:
/// the worlds are identical copies with pinned ids and clock, so the same message yields the same request, and
/// greedy decoding the same reply.
struct RealModelTransport<Base: LLMTransport>: LLMTransport {
    static var maxTokens: Int { 96 }
    let base: Base
    let rewrite: (@Sendable (String) -> String)?
    let cache: ReplyCache?

    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        let pinned = Self.pinned(request)
        var result: LLMAttemptResult
        if let cached = await cache?.result(for: pinned) {
            result = cached
        } else {
            result = await base.attempt(pinned, number: number, timeout: timeout)
            if case .reply = result { await cache?.store(result, for: pinned) }
        }
        if let rewrite, case .reply(var reply) = result {
            reply.text = rewrite(reply.text)
            result = .reply(reply)
        }
        return result
    }

    /// Streamed through the real transport (`"stream": true`, usage in the last chunk) when the reply is neither
    /// cached nor rewritten; otherwise, as before streaming, one ordinary attempt handed over as one delta (a
    /// cached or rewritten reply has no pieces of its own).
    func streamAttempt(
        _ request: LLMRequest, number: Int, timeout: Duration, onDelta: @escaping @Sendable (String) -> Void
    ) async -> LLMAttemptResult {
        guard rewrite == nil, cache == nil else {
            let result = await attempt(request, number: number, timeout: timeout)
            if case .reply(let reply) = result { onDelta(reply.text) }
            return result
        }
        return await base.streamAttempt(Self.pinned(request), number: number, timeout: timeout, onDelta: onDelta)
    }

    static func pinned(_ request: LLMRequest) -> LLMRequest {
        var pinned = request
        pinned.temperature = 0
        // The server's own n_predict does not cap a request's max_tokens (300 from the prompt builder): capped
        // here, a rambling answer costs seconds, not a minute, on one thread. Long enough for a full answer.
        pinned.maxTokens = min(request.maxTokens ?? maxTokens, maxTokens)
        return pinned
    }
}

/// Real replies by request, shared by the tests of one suite.
actor ReplyCache {
    private var results: [LLMRequest: LLMAttemptResult] = [:]

    func result(for request: LLMRequest) -> LLMAttemptResult? { results[request] }
    func store(_ result: LLMAttemptResult, for request: LLMRequest) { results[request] = result }
}

/// What the shopper must never see, whatever the model wrote.
enum ShopperFacing {
    /// Placeholders, canonical or mangled, of our types (`<EMAIL_1>`, `ORDER_ID_1`, `<Order_ID_1>`): none may reach
    /// the shopper, issued or not.
    static func placeholders(in text: String) -> [String] {
        let canonical = text.matches(of: /<[A-Z][A-Z_]*_[0-9]+>/).map { String($0.output) }
        return canonical + (NearMissPlaceholders.canonicalize(text).repaired > 0 ? ["(mangled)"] : [])
    }

    static func orderIDs(in text: String) -> Set<String> {
        Set(text.matches(of: /ORD-[A-Z0-9]{8}/).map { String($0.output) })
    }

    static func emails(in text: String) -> Set<String> {
        Set(text.matches(of: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/).map { String($0.output).lowercased() })
    }
}
