import ConciergeCore
import Foundation

/// The events of a streamed chat completion (`"stream": true`), read one whole event at a time: each
/// `choices[0].delta.content` is a piece of the answer, the last chunk before `data: [DONE]` carries `usage`
/// (asked for with `stream_options.include_usage`). Any event that is not such a chunk (not JSON, an `error`
/// object) fails the stream: a provider that sends garbage mid-answer has lost the thread.
struct ChatCompletionsStreamDecoder: Sendable {
    private(set) var text = ""
    private(set) var model: String?
    private(set) var usage: LLMUsage?
    /// `data: [DONE]` arrived: the answer is complete. Anything after it is ignored.
    private(set) var isDone = false
    private(set) var failure: MalformedReason?

    private struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable {
                let content: String?
            }

            let delta: Delta?
        }

        let model: String?
        let choices: [Choice]?
        let usage: ChatCompletionsResponse.Usage?
        let hasError: Bool

        enum CodingKeys: String, CodingKey {
            case model, choices, usage, error
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            model = try container.decodeIfPresent(String.self, forKey: .model)
            choices = try container.decodeIfPresent([Choice].self, forKey: .choices)
            usage = try? container.decodeIfPresent(ChatCompletionsResponse.Usage.self, forKey: .usage)
            hasError = container.contains(.error)
        }
    }

    /// Reads one event's data; returns the piece of text it adds, if any.
    mutating func consume(_ event: String) -> String? {
        guard !isDone, failure == nil else { return nil }
        if event.trimmingWhitespace() == "[DONE]" {
            isDone = true
            return nil
        }
        guard let chunk = try? JSONDecoder().decode(Chunk.self, from: Data(event.utf8)), !chunk.hasError else {
            failure = .notJSON  // not the decoder's message: it may quote the event
            return nil
        }
        model = model ?? chunk.model
        if let reported = chunk.usage?.reported { usage = reported }
        guard let piece = chunk.choices?.first?.delta?.content, !piece.isEmpty else { return nil }
        text += piece
        return piece
    }

    /// The stream could not be read further (an event beyond the size cap).
    mutating func fail(_ reason: MalformedReason) {
        failure = failure ?? reason
    }

    /// The reply once `[DONE]` arrived, or why there is none.
    func reply(status: Int) -> Result<LLMReply, MalformedReason> {
        if let failure { return .failure(failure) }
        guard text.contains(where: { !$0.isWhitespace }) else { return .failure(.emptyContent) }
        return .success(LLMReply(status: status, text: text, model: model, usage: usage))
    }
}

/// Feeds a 2xx streamed body to the SSE parser and the decoder, and hands each piece of text on as it arrives.
///
/// `@unchecked Sendable`: used only by the pool thread running the transfer (libcurl's write callback), then read
/// by the same call after `perform` returns.
final class CurlStreamReader: @unchecked Sendable {
    private var parser = ServerSentEventParser()
    private(set) var decoder = ChatCompletionsStreamDecoder()
    private let onDelta: @Sendable (String) -> Void

    init(onDelta: @escaping @Sendable (String) -> Void) {
        self.onDelta = onDelta
    }

    /// False (abort the transfer) once the stream is unreadable.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        do {
            for event in try parser.feed(bytes) {
                if let piece = decoder.consume(event) { onDelta(piece) }
                if decoder.failure != nil { return false }
            }
        } catch {
            decoder.fail(.tooLarge)
            return false
        }
        return true
    }
}
