import ArgumentParser

/// The `concierge` command: a thin shell that parses arguments and calls into ConciergeApp.
@main
struct Concierge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge",
        abstract: "A privacy-first retail customer concierge.",
        subcommands: [
            SeedCommand.self, ServeCommand.self, IngestCommand.self, AskCommand.self, NearestCommand.self, ExportCommand.self, StatsCommand.self, UsersCommand.self,
            MaskCommand.self, RetrieveCommand.self, RetentionCommand.self, AnalyticsCommand.self,
        ]
    )
}
