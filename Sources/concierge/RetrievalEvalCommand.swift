import ArgumentParser

struct RetrievalEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retrieve-eval")
}
