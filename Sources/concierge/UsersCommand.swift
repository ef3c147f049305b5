import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage accounts.", subcommands: [Promote.self])

    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account a role (shopper, reviewer, admin).")

        @Argument(help: "The account's e-mail.")
        var email: String

        @Option(help: "shopper, reviewer or admin.")
        var role: String

        func run() async throws {
            guard let newRole = Role(rawValue: role) else { throw ValidationError("--role must be shopper, reviewer or admin") }
            let configuration = try CommandSupport.configuration()
            try await CommandSupport.withStore(configuration) { store in
                guard var user = try await store.user(email: email) else { throw ValidationError("no account with that e-mail") }
                user.role = newRole
                try await store.updateUser(user)
                print("\(user.id) is now \(newRole.rawValue)")
            }
        }
    }
}
