import ConciergeCore
import Foundation

/// The OpenAI-compatible `POST /chat/completions` body. Optional fields are left out when nil, so a provider's
/// defaults apply.
struct ChatCompletionsBody: Encodable {
    struct Message: Encodable {
        let role: String
        let content: String
    }

    let model: String
    let messages: [Message]
    let temperature: Double?
    let maxTokens: Int?
    /// `true` for a streamed attempt; left out otherwise.
    let stream: Bool?
    /// `{"include_usage": true}` with `stream`: the last chunk then reports the tokens, as a whole response does.
    let streamOptions: [String: Bool]?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
        case streamOptions = "stream_options"
    }

    init(_ request: LLMRequest, streaming: Bool = false) {
        model = request.model
        messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.content) }
        temperature = request.temperature
        maxTokens = request.maxTokens
        stream = streaming ? true : nil
        streamOptions = streaming ? ["include_usage": true] : nil
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Why a 2xx response was unusable; a static label, safe to log.
enum MalformedReason: String, Error {
    case notJSON = "not-json"
    case noContent = "no-content"
    case emptyContent = "empty-content"
    case tooLarge = "too-large"
}

/// The parts of a chat-completions response the concierge reads: `model`, `choices[0].message.content` and
/// `usage`. Everything else (finish reason, tool calls) is ignored.
struct ChatCompletionsResponse: Decodable {
    /// `usage`: read only when both counts are there and not negative; anything else is "not reported", never
    /// a reason to drop a good answer.
    struct Usage: Decodable {
        let promptTokens: Int?
        let completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            promptTokens = try? container.decodeIfPresent(Int.self, forKey: .promptTokens)
            completionTokens = try? container.decodeIfPresent(Int.self, forKey: .completionTokens)
        }

        var reported: LLMUsage? {
            guard let promptTokens, let completionTokens, promptTokens >= 0, completionTokens >= 0 else { return nil }
            return LLMUsage(promptTokens: promptTokens, completionTokens: completionTokens)
        }
    }

    struct Choice: Decodable {
        struct Message: Decodable {
            let content: String?
        }

        let message: Message?
    }

    let model: String?
    let choices: [Choice]?
    let usage: Usage?

    enum CodingKeys: String, CodingKey {
        case model, choices, usage
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices)
        usage = try? container.decodeIfPresent(Usage.self, forKey: .usage)  // a malformed usage is "not reported"
    }

    /// The reply in a 2xx body, or why there is none.
    static func reply(status: Int, body: [UInt8]) -> Result<LLMReply, MalformedReason> {
        let response: ChatCompletionsResponse
        do {
            response = try JSONDecoder().decode(ChatCompletionsResponse.self, from: Data(body))
        } catch {
            return .failure(.notJSON)  // not the decoder's message: it may quote the body
        }
        guard let content = response.choices?.first?.message?.content else {
            return .failure(.noContent)
        }
        guard content.contains(where: { !$0.isWhitespace }) else {
            return .failure(.emptyContent)
        }
        return .success(LLMReply(status: status, text: content, model: response.model, usage: response.usage?.reported))
    }
}
