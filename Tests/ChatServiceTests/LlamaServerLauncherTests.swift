import ConciergeCore
import CurlLLM
import Foundation
import Testing
import TestSupport

@Suite("Real LLM server launcher")
struct LlamaServerLauncherTests {
    @Test func withoutTheVenvTheErrorSaysToRunBootstrap() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/.venv-llm")
        #expect {
            _ = try LlamaServer.interpreter(venv: missing)
        } throws: { error in
            "\(error)".contains("script/bootstrap")
        }
    }

    /// No orphan: if the test process dies without its exit hooks, the kernel closes the launcher's stdin and the
    /// launcher (with llama.cpp's server threads inside it) exits. Its own server, so not behind the shared gate.
    @Test(.timeLimit(.minutes(5)))
    func theServerExitsWhenItsStdinCloses() async throws {
        let server = try await LlamaServer.launchPrivate()
        let health = try await LoopbackHTTP.request("GET", port: server.port, path: "/s/x/health")
        #expect(health.status == 200 && String(decoding: health.body, as: UTF8.self).contains("ok"))
        server.closeStdin()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, !Self.hasExited(server.pid) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let exited = Self.hasExited(server.pid)
        if !exited { kill(server.pid, SIGKILL) }
        #expect(exited)
    }

    /// What the other real-model tests rely on (their reply cache too): with the prompt cache off, seed fixed and
    /// temperature 0, the same request gives the same text, and the server reports the tokens it used.
    @Test(.timeLimit(.minutes(20)))
    func theSameRequestGivesTheSameAnswerAndReportsUsage() async throws {
        try await LlamaServer.exclusively { session in
            let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL))
            let request = LLMRequest(model: "smollm2", messages: [
                .system("You are a coffee shop assistant. Answer in one short sentence."),
                .user("Is hot chocolate a good idea when it is cold outside?"),
            ], temperature: 0, maxTokens: 24)
            let first = await transport.attempt(request, number: 1, timeout: .seconds(240))
            let second = await transport.attempt(request, number: 2, timeout: .seconds(240))
            guard case .reply(let one) = first, case .reply(let two) = second else {
                Issue.record("the real server did not answer: \(first.outcome), \(second.outcome)")
                return
            }
            #expect(one.text == two.text)
            #expect((one.usage?.promptTokens ?? 0) > 10 && (one.usage?.completionTokens ?? 0) > 0)
            #expect(one.usage == two.usage)
            let bodies = try await session.recordedBodies()
            #expect(bodies.count == 2 && bodies.allSatisfy { $0.contains("\"temperature\":0") })
        }
    }

    /// Exited and reaped (by Foundation's `Process` or by us), or a zombie we can reap now.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        return reaped == pid || (reaped == -1 && errno == ECHILD)
    }
}
