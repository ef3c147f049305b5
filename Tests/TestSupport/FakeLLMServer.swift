import Foundation

/// The fake OpenAI-compatible server (`Tests/LLMClientTests/FakeLLMServer/fake_llm_server.py`): one process per
/// test process, started on first use, killed at exit. Each test takes its own `FakeLLMSession`, with its own
/// script and recorded requests, so tests run in parallel against the one server.
///
/// Script entries (one consumed per chat request, then the default): `"200"`, `"200:text=hello"`,
/// `"429:retry-after=2"`, `"503:retry-after-ms=150"`, `"500"`, `"400"`, `"hang"`, `"hang:ms=500"`, `"reset"`,
/// `"truncated"`, `"malformed"`, `"empty"`, `"huge"`; any entry may add `delay-ms=` (`"200:delay-ms=2000"`, a slow
/// model; see the script's docstring).
public enum FakeLLMServer {
    static let script = RepositoryPaths.root.appendingPathComponent("Tests/LLMClientTests/FakeLLMServer")
        .appendingPathComponent("fake_llm_server.py")

    /// A new session: its base URL answers from `responses`, then `default`. With `apiKey`, requests without
    /// `Authorization: Bearer <apiKey>` get a 401.
    public static func session(
        responses: [String] = [], default defaultResponse: String = "200", apiKey: String? = nil
    ) async throws -> FakeLLMSession {
        let port = try await Launch.shared.port()
        let session = FakeLLMSession(id: UUID().uuidString.lowercased(), port: port)
        try await session.script(responses, default: defaultResponse, apiKey: apiKey)
        return session
    }

    /// Starts the server once; concurrent first callers await the same launch, and a failed launch is
    /// remembered so every later test fails at once with the same error.
    private actor Launch {
        static let shared = Launch()
        private var launch: Task<TestServerProcess, any Error>?

        func port() async throws -> Int {
            if let launch { return try await launch.value.port }
            let started = Task {
                try await TestServerProcess.launch(executable: "/usr/bin/python3", arguments: ["-u", script.path])
            }
            launch = started
            return try await started.value.port
        }
    }
}

/// One test's view of the fake server.
public struct FakeLLMSession: Sendable {
    public let id: String
    public let port: Int

    /// The `LLM_BASE_URL` of this session (`/chat/completions` is appended by the client).
    public var baseURL: String { "http://127.0.0.1:\(port)/s/\(id)/v1" }

    /// Replaces this session's script.
    public func script(_ responses: [String], default defaultResponse: String = "200", apiKey: String? = nil)
        async throws
    {
        var control: [String: Any] = ["responses": responses, "default": defaultResponse]
        control["apiKey"] = apiKey
        let body = try JSONSerialization.data(withJSONObject: control)
        _ = try await call("POST", "_control/script", body: body)
    }

    /// Every request this session received, in order.
    public func recordedRequests() async throws -> [FakeLLMRecordedRequest] {
        try JSONDecoder().decode([FakeLLMRecordedRequest].self, from: try await call("GET", "_control/requests"))
    }

    /// The body of every request this session received, in order: what a provider would have seen.
    public func recordedBodies() async throws -> [String] {
        try await recordedRequests().map(\.body)
    }

    private func call(_ method: String, _ path: String, body: Data = Data()) async throws -> Data {
        let response = try await LoopbackHTTP.request(method, port: port, path: "/s/\(id)/\(path)", body: body)
        guard response.status == 200 else { throw FakeLLMServerError.control(path) }
        return response.body
    }
}

/// A request the fake server received. The `Authorization` value is never recorded: only whether it was
/// `missing`, `valid` (the session's key) or `invalid`.
public struct FakeLLMRecordedRequest: Decodable, Hashable, Sendable {
    /// The path below the session, such as `/v1/chat/completions`.
    public var path: String
    public var body: String
    public var contentType: String?
    public var authorization: String
}

/// A control call to the fake server failed.
public enum FakeLLMServerError: Error, CustomStringConvertible {
    case control(String)

    public var description: String {
        switch self {
        case .control(let path): "the fake LLM server refused control call \(path)"
        }
    }
}
