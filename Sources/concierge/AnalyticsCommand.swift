import ArgumentParser

/// `concierge analytics …`: the analyst side's computations over files and the store.
struct AnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Customer value and segmentation computations for the chain's analysts.",
        subcommands: [
            CustomerValueCommand.self, AnalyticsClusterCommand.self, CustomerFeaturesCommand.self,
            SegmentSnapshotsCommand.self, AnalyticsSegmentationCommand.self, AudienceCommand.self,
        ]
    )
}
