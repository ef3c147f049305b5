import Bcrypt
import ConciergeCore
import ConciergeViews
import ConciergeWeb
import CurlLLM
import Foundation
import Hummingbird
import Logging
import Seeding

/// The one place the running web application is put together: configuration → chat service (store, LLM,
/// retrieval) → templates, password rules, cities → routes. `concierge serve` runs what this returns; the web tests
/// build the same value in memory with `overrides`.
///
/// `store` is already open; whoever opened it closes it once the application has stopped.
public func buildWebApplication(_ configuration: AppConfiguration, store: any ConciergeStore,
                                overrides: AppOverrides = AppOverrides()) async throws -> some ApplicationProtocol
{
    let logger = overrides.logger ?? Logger(label: "concierge.web")
    let chat: any ChatResponder
    var degradations: [String] = []
    var runtime: ConciergeRuntime?
    var audiences = overrides.audiences
    if let scripted = overrides.chat {
        chat = scripted
    } else {
        let started = try await ConciergeRuntime.start(configuration, store: store, overrides: overrides)
        runtime = started
        chat = started.chat
        audiences = audiences ?? started.audiences
        if let reason = started.retrieval.degradation {
            // Said once here and on every /healthz, never per request.
            logger.warning("policy retrieval is lexical only", metadata: ["reason": "\(reason)"])
            degradations.append(started.retrieval.summary)
        }
        if let reason = started.understandingProblem {
            logger.warning("understanding runs on cues alone", metadata: ["reason": "\(reason)"])
            degradations.append("understanding: \(reason)")
        }
    }
    let catalog = try SeedCatalogLoader.load(seedsDirectory: configuration.seedsDirectory)
    var dependencies = WebDependencies(
        store: store, chat: chat,
        views: try await PageRenderer(directory: configuration.templatesDirectory),
        hasher: overrides.hasher ?? BcryptPasswordHasher(cost: configuration.bcryptCost),
        passwordPolicy: try PasswordPolicy(commonPasswordsFile: configuration.seedsDirectory + "/common-passwords.txt"),
        cities: catalog.cities.map {
            CityChoice(name: $0.name, latitude: $0.latitude, longitude: $0.longitude, timeZone: $0.timeZone)
        },
        clock: overrides.clock ?? SystemWallClock(), ids: overrides.ids ?? RandomIdentifierSource(),
        metrics: overrides.metrics ?? WebMetrics(), logger: logger)
    dependencies.degradations = degradations
    dependencies.shops = try await store.allShops()
    if let desk = overrides.analystDesk {
        dependencies.analystDesk = desk
    } else if !overrides.withoutAnalystDesk {
        do {
            dependencies.analystDesk = try await AnalystSetup.desk(configuration, store: store, runtime: runtime,
                                                                   clock: dependencies.clock, ids: dependencies.ids)
        } catch {
            // The shopper's side does not depend on the analyst notes: it runs, and /admin says it is not configured.
            logger.warning("the analyst side is not configured", metadata: ["reason": "\(error)"])
            dependencies.degradations.append("analyst side: \(error)")
        }
    }
    dependencies.audiences = audiences
    dependencies.mail = configuration.mail.map {
        MailDelivery(mailer: CurlSMTPMailer(settings: $0, logger: logger), publicURL: $0.publicURL)
    }
    dependencies.rules = try ConciergeRuntime.loadRules(
        URL(fileURLWithPath: configuration.seedsDirectory).appendingPathComponent("rules.json"))
    let web = WebConfiguration(
        host: configuration.host, port: configuration.port, publicDirectory: configuration.publicDirectory,
        trustForwardedHeaders: configuration.trustForwardedHeaders,
        formSigningKey: FormTokens.key(configuration.formSigningKey), signupLimits: configuration.signupLimits,
        timeouts: configuration.connectionTimeouts, analystLimits: configuration.analystLimits,
        onServerRunning: overrides.onServerRunning ?? { _ in })
    return try await buildApplication(configuration: web, dependencies: dependencies)
}
