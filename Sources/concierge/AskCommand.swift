import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation
import Geo

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Run one concierge turn for a shopper and print the answer.")

    @Option(help: "The shopper's e-mail.") var user: String
    @Option(help: "Continue this conversation (default: a new one).") var conversation: String?
    @Option(help: "Pin the clock for this turn (ISO 8601).") var at: String?
    @Option(parsing: .unconditional, help: "Latitude of the shopper.") var lat: Double?
    @Option(parsing: .unconditional, help: "Longitude of the shopper.") var lon: Double?
    @Flag(help: "Print the answer and the whole trace as JSON.") var json = false
    @Argument(help: "The message.") var message: String

    func validate() throws {
        // Like every form field: no control characters (a message may hold line breaks and tabs).
        if ControlCharacters.contained(in: user) || ControlCharacters.contained(in: conversation ?? "")
            || ControlCharacters.contained(in: message, allowingLineBreaks: true)
        {
            throw ValidationError("--user, --conversation and the message cannot hold control characters")
        }
        guard (lat == nil) == (lon == nil) else { throw ValidationError("give both --lat and --lon, or neither") }
        if let lat, let lon, !Coordinate(latitude: lat, longitude: lon).isValid {
            throw ValidationError("--lat/--lon out of range")
        }
    }

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let clock: any WallClock = try at.map { FixedWallClock(try NearestCommand.parseInstant($0)) } ?? SystemWallClock()
        let turn = try await CommandSupport.withStore(configuration) { store in
            guard let shopper = try await store.user(email: user) else { throw ValidationError("no account with that e-mail") }
            let runtime = try await ConciergeRuntime.start(configuration, store: store, overrides: AppOverrides(clock: clock))
            let location = lat.flatMap { lat in lon.map { Coordinate(latitude: lat, longitude: $0) } }
            return try await runtime.chat.respond(ChatInput(userID: shopper.id, conversationID: conversation,
                                                            text: message, location: location))
        }
        if json {
            FileHandle.standardOutput.write(try AskOutput.json(turn))
        } else {
            print(turn.reply.text)
            if turn.source == .fallback {
                CommandSupport.printError("note: the model was unavailable or its answer failed the guard; "
                    + "this is the deterministic answer")
            }
        }
    }
}

enum AskOutput {
    struct Payload: Encodable {
        var conversationID: String
        var answer: String
        var source: String
        var quota: QuotaStatus
        var trace: TurnTrace?
    }

    static func json(_ turn: ChatTurn) throws -> Data {
        var data = try CanonicalJSON.encoder().encode(Payload(
            conversationID: turn.conversationID, answer: turn.reply.text, source: turn.source.rawValue,
            quota: turn.quota, trace: turn.reply.trace))
        data.append(0x0A)
        return data
    }
}
