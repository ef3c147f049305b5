import Foundation

/// Where and how `CurlLLMTransport` reaches an OpenAI-compatible server (OpenAI, Ollama, llama.cpp, vLLM, Groq,
/// OpenRouter...). Timeouts per attempt and retries belong to `RetryPolicy`, not here.
///
/// Its description, debug description and mirror never show the key (nor the URL, which may carry
/// credentials), so printing or dumping a configuration cannot leak it.
public struct CurlLLMConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// `LLM_BASE_URL`, up to and including the version segment: `https://api.openai.com/v1`,
    /// `http://127.0.0.1:11434/v1`. `/chat/completions` is appended.
    public var baseURL: String
    /// `LLM_API_KEY`, sent as `Authorization: Bearer …` when set (local servers need none).
    public var apiKey: String?
    /// The longest TCP (and TLS) connection set-up, within each attempt's timeout.
    public var connectTimeout: Duration
    /// A 2xx body larger than this is abandoned and the attempt counts as malformed.
    public var maxResponseBytes: Int
    public var userAgent: String

    public init(
        baseURL: String,
        apiKey: String? = nil,
        connectTimeout: Duration = .seconds(5),
        maxResponseBytes: Int = 1 << 20,
        userAgent: String = "concierge"
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }

    public var description: String {
        "CurlLLMConfiguration(key: \(apiKey == nil ? "none" : "set"), connect timeout: \(connectTimeout), "
            + "max response: \(maxResponseBytes) bytes)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }

    /// `{baseURL}/chat/completions`, if the base URL is an absolute http(s) URL with a host.
    func endpoint() throws(CurlLLMConfigurationError) -> String {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else { throw .invalidBaseURL }
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return trimmed + "/chat/completions"
    }
}

/// A configuration `CurlLLMTransport` cannot use. Its text names the setting, never its value.
public enum CurlLLMConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidBaseURL
    case invalidLimit

    public var description: String {
        switch self {
        case .invalidBaseURL: "LLM_BASE_URL must be an absolute http:// or https:// URL with a host"
        case .invalidLimit: "the LLM response size cap and connect timeout must be positive"
        }
    }
}
