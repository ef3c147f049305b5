import ArgumentParser

struct RetrievalBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retrieval")
}
