import ArgumentParser
import Bcrypt
import ConciergeApp
import ConciergeCore
import ConciergeViews
import ConciergeWeb
import Foundation
import Hummingbird
import Logging

/// `concierge serve`: composes ConciergeApp's runtime (store, LLM, chat service) with ConciergeWeb's application
/// and runs it until SIGTERM or SIGINT, which shut it down gracefully (in-flight requests finish, the store closes).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app (HOST, PORT, store and LLM from the configuration).",
        discussion: "PORT=0 picks a free port; the first line printed names the address actually bound.")

    @Flag(help: """
        A TLS-terminating reverse proxy of yours is in front: believe its X-Forwarded-Proto and X-Forwarded-For \
        (Secure cookies and HSTS over HTTPS, throttling by the real client address).
        """)
    var behindProxy = false

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        try await CommandSupport.withStore(configuration) { store in
            let app = try await Self.application(configuration, store: store, behindProxy: behindProxy)
            try await app.runService()
        }
    }

    static func application(_ configuration: AppConfiguration, store: any ConciergeStore, behindProxy: Bool)
        async throws -> some ApplicationProtocol
    {
        let runtime = try await ConciergeRuntime.start(configuration, store: store)
        let catalog = try SeedCatalogLoader.load(seedsDirectory: configuration.seedsDirectory)
        let dependencies = WebDependencies(
            store: store, chat: runtime.chat,
            views: try await PageRenderer(directory: configuration.templatesDirectory),
            hasher: BcryptPasswordHasher(cost: configuration.bcryptCost),
            passwordPolicy: try PasswordPolicy(commonPasswordsFile: configuration.seedsDirectory + "/common-passwords.txt"),
            cities: catalog.cities.map {
                CityChoice(name: $0.name, latitude: $0.latitude, longitude: $0.longitude, timeZone: $0.timeZone)
            },
            dailyMessageLimit: configuration.dailyMessageLimit, logger: Logger(label: "concierge.web"))
        let host = configuration.host
        for line in configuration.summary { say(line) }
        let web = WebConfiguration(
            host: host, port: configuration.port, publicDirectory: configuration.publicDirectory,
            trustForwardedHeaders: behindProxy,
            onServerRunning: { port in say("concierge: listening on http://\(host):\(port)") })
        return try await buildApplication(configuration: web, dependencies: dependencies)
    }
}

/// Unbuffered, so that scripts waiting for the "listening on" line see it at once even when stdout is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
