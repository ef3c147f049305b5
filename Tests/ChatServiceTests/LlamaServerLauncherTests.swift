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

    /// Exited and reaped (by Foundation's `Process` or by us), or a zombie we can reap now.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        return reaped == pid || (reaped == -1 && errno == ECHILD)
    }
}
