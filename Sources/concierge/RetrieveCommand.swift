import ArgumentParser

struct RetrieveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retrieve")
}
