import ArgumentParser
import ConciergeApp
import Foundation
import Hummingbird

/// `concierge serve`: the application `buildWebApplication` composes, run until SIGTERM or SIGINT, which shut it
/// down gracefully (in-flight requests finish, then the store closes). The retention sweep runs beside it, at start
/// and hourly.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app (HOST, PORT, store and LLM from the configuration).",
        discussion: "PORT=0 picks a free port; the first line printed names the address actually bound.")

    @Flag(help: """
        A TLS-terminating reverse proxy of yours is in front: believe its X-Forwarded-Proto and X-Forwarded-For \
        (Secure cookies and HSTS over HTTPS, throttling by the real client address). Same as TRUST_FORWARDED_HEADERS=1.
        """)
    var behindProxy = false

    func run() async throws {
        var configuration = try CommandSupport.configuration()
        if behindProxy { configuration.trustForwardedHeaders = true }
        for line in configuration.summary { say(line) }
        let host = configuration.host
        let overrides = AppOverrides(onServerRunning: { port in say("concierge: listening on http://\(host):\(port)") })
        try await CommandSupport.withStore(configuration) { store in
            let application = try await buildWebApplication(configuration, store: store, overrides: overrides)
            let retention = RetentionScheduler(store: store, policy: configuration.retention)
            // The sweep lives as long as the server: when the application stops (SIGTERM), the sweep is cancelled.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await retention.run() }
                try await application.runService()
                group.cancelAll()
            }
        }
    }
}

/// Unbuffered, so that scripts waiting for the "listening on" line see it at once even when stdout is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
