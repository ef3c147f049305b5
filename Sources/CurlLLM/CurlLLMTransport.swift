import BlockingThreads
import CCurl
import ConciergeCore
import Foundation
import Logging

/// One OpenAI-compatible chat-completions attempt over libcurl, per call: the `LLMTransport` that
/// `RetryingLLMClient` drives in production.
///
/// - `POST {baseURL}/chat/completions`, JSON body from `JSONEncoder`, `Authorization: Bearer …` when a key is set;
///   http and https only, redirects never followed (the key must not follow one);
/// - `CURLOPT_NOSIGNAL` (threaded process), total timeout = the attempt's timeout minus its time queued for a
///   thread, connect timeout = the smaller of that and `connectTimeout`;
/// - `curl_easy_perform` runs on `BlockingThreadPool.curlTransfers`, never on a Swift concurrency thread; cancelling the task
///   aborts the transfer within about a second;
/// - logs one line per attempt with static text and metadata (attempt, outcome, status, latency, curl code):
///   never the body, the prompt, the reply, the URL or the key.
public struct CurlLLMTransport: LLMTransport, CustomStringConvertible, CustomReflectable {
    private let endpoint: Redacted<String>
    private let authorization: Redacted<String>?
    private let connectTimeout: Duration
    private let maxResponseBytes: Int
    private let userAgent: String
    private let logger: Logger
    private let pool: BlockingThreadPool

    /// Checks the configuration (absolute http(s) base URL, positive limits). Initialises libcurl on first use.
    public init(
        configuration: CurlLLMConfiguration, logger: Logger = Logger(label: "concierge.llm")
    ) throws(CurlLLMConfigurationError) {
        guard configuration.maxResponseBytes > 0, configuration.connectTimeout > .zero else { throw .invalidLimit }
        endpoint = Redacted(try configuration.endpoint())
        _ = LibCurl.isInitialized  // here, while the composition root builds the client, not on a pool thread
        authorization = configuration.apiKey.map { Redacted("Authorization: Bearer \($0)") }
        connectTimeout = configuration.connectTimeout
        maxResponseBytes = configuration.maxResponseBytes
        userAgent = configuration.userAgent
        self.logger = logger
        pool = .curlTransfers
    }

    public var description: String { "CurlLLMTransport" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    public func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        await perform(request, number: number, timeout: timeout, onDelta: nil)
    }

    /// The streaming mode (`"stream": true`): each `choices[0].delta.content` goes to `onDelta` from the transfer's
    /// thread as soon as its event is whole. The attempt is a reply only if the stream ended with `data: [DONE]`;
    /// one that stops before it is `truncated`, one that sends anything but chunks is `malformed`, and a broken
    /// connection is its transport kind, all after whatever deltas had arrived (the caller decides about those).
    public func streamAttempt(
        _ request: LLMRequest, number: Int, timeout: Duration, onDelta: @escaping @Sendable (String) -> Void
    ) async -> LLMAttemptResult {
        await perform(request, number: number, timeout: timeout, onDelta: onDelta)
    }

    private func perform(
        _ request: LLMRequest, number: Int, timeout: Duration, onDelta: (@Sendable (String) -> Void)?
    ) async -> LLMAttemptResult {
        let started = ContinuousClock.now
        let body: Data
        do {
            body = try ChatCompletionsBody(request, streaming: onDelta != nil).encoded()
        } catch {
            logger.error("llm request could not be encoded", metadata: ["llm.attempt": "\(number)"])
            return .transportError(.other)
        }
        let transfer = CurlTransfer(
            endpoint: endpoint, authorization: authorization, userAgent: userAgent, body: body,
            connectTimeout: connectTimeout, deadline: started + timeout, isStreaming: onDelta != nil)
        let sink = CurlResponseSink(limit: maxResponseBytes, stream: onDelta.map { CurlStreamReader(onDelta: $0) })
        let end: CurlTransfer.End
        do {
            end = try await withTaskCancellationHandler {
                try await pool.run { transfer.perform(into: sink) }
            } onCancel: {
                sink.cancel()
            }
        } catch {
            logger.error("llm transfer pool unavailable", metadata: ["llm.attempt": "\(number)"])
            return .transportError(.other)
        }
        let (result, detail) = Self.classify(end)
        log(result, detail: detail, number: number, latency: started.duration(to: .now))
        return result
    }

    /// Maps the end of a transfer to an attempt result, plus log metadata explaining failures.
    static func classify(_ end: CurlTransfer.End) -> (LLMAttemptResult, Logger.Metadata) {
        switch end.code {
        case CURLE_OK where (200...299).contains(end.status) && end.stream != nil:
            return classifyStream(end)
        case CURLE_WRITE_ERROR where end.stream?.failure != nil && !end.overflowed:
            return (.malformed, ["llm.malformed": "\(end.stream?.failure?.rawValue ?? "")"])
        case CURLE_OK where (200...299).contains(end.status):
            switch ChatCompletionsResponse.reply(status: end.status, body: end.body) {
            case .success(let reply): return (.reply(reply), [:])
            case .failure(let reason): return (.malformed, ["llm.malformed": "\(reason.rawValue)"])
            }
        case CURLE_OK:
            let wait = RetryAfter.parse(retryAfter: end.retryAfter, retryAfterMilliseconds: end.retryAfterMilliseconds)
            return (.httpError(status: end.status, retryAfter: wait), [:])
        case CURLE_WRITE_ERROR where end.overflowed:
            return (.malformed, ["llm.malformed": "\(MalformedReason.tooLarge.rawValue)"])
        default:
            return (.transportError(LibCurl.kind(of: end.code)), ["curl.code": "\(end.code.rawValue)"])
        }
    }

    /// A streamed 2xx that ended cleanly: complete only with `[DONE]`.
    private static func classifyStream(_ end: CurlTransfer.End) -> (LLMAttemptResult, Logger.Metadata) {
        guard let stream = end.stream else { return (.malformed, [:]) }
        if let failure = stream.failure { return (.malformed, ["llm.malformed": "\(failure.rawValue)"]) }
        guard stream.isDone else { return (.transportError(.truncated), ["llm.stream": "no-done"]) }
        switch stream.reply(status: end.status) {
        case .success(let reply): return (.reply(reply), [:])
        case .failure(let reason): return (.malformed, ["llm.malformed": "\(reason.rawValue)"])
        }
    }

    private func log(_ result: LLMAttemptResult, detail: Logger.Metadata, number: Int, latency: Duration) {
        var metadata = detail
        metadata["llm.attempt"] = "\(number)"
        metadata["llm.outcome"] = "\(result.outcome)"
        metadata["llm.latency_ms"] = "\(latency.wholeMilliseconds)"
        switch result.outcome {
        case .ok(let status), .http(let status): metadata["http.status"] = "\(status)"
        case .transport, .malformed: break
        }
        if let retryAfter = result.retryAfter { metadata["llm.retry_after_ms"] = "\(retryAfter.wholeMilliseconds)" }
        switch result {
        case .reply: logger.info("llm attempt succeeded", metadata: metadata)
        case .transportError(.cancelled): logger.debug("llm attempt cancelled", metadata: metadata)
        default: logger.warning("llm attempt failed", metadata: metadata)
        }
    }
}

/// A value that never shows up in a description, debug description or mirror (`dump`, string interpolation of
/// a containing value): the key and the URL live in these.
struct Redacted<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: Value

    init(_ value: Value) { self.value = value }

    var description: String { "<redacted>" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension BlockingThreadPool {
    /// The pool of every `CurlLLMTransport`, process-wide and never shut down (transports are built and dropped
    /// freely, threads are not). 16 transfers in flight at once; later ones queue, and their queueing time counts
    /// against their attempt timeout.
    static let curlTransfers = BlockingThreadPool(label: "concierge.curl", maxThreads: 16)
}
