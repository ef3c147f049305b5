import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Account page: download my data, delete my account")
struct AccountDataTests {
    static let ava = ("ava@example.com", "cocoa-by-the-lake")
    static let noah = ("noah.miller@example.com", "subway-latte-77")

    @Test func theDownloadIsAJSONAttachmentOfTheShoppersOwnDataOnly() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "my card is 4111 1111 1111 1111, hot chocolate?")])
            let noah = browser.another()
            _ = try await noah.logIn(Self.noah.0, Self.noah.1)
            _ = try await noah.submit(on: "/chat", to: "/chat", [("message", "where is my order?")])
            let download = try await browser.get("/account/data")
            #expect(download.status == .ok && download.headers[.contentType] == "application/json; charset=utf-8")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"concierge-my-data-") == true)
            #expect(download.headers[.cacheControl] == "no-store")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as? [String: Any])
            let ava = try await world.user(Self.ava.0)
            let profile = try #require(json["profile"] as? [String: Any])
            #expect(profile["email"] as? String == ava.email && profile["id"] as? String == ava.id)
            let orders = try #require(json["orders"] as? [[String: Any]])
            let stored = try await world.store.orders(userID: ava.id, limit: 1_000)
            #expect(orders.count == stored.count && orders.allSatisfy { $0["userID"] as? String == ava.id })
            let conversations = try #require(json["conversations"] as? [[String: Any]])
            #expect(conversations.count == 1)
            #expect(download.contains("hot chocolate?") && download.contains("Visa •••• 1111"))
            for secret in ["4111 1111 1111 1111", "\"passwordHash\"", "\"maskedText\"", "\"trace\"", "csrf",
                           "where is my order"] {
                #expect(!download.contains(secret), "the download holds \(secret)")
            }
            let noahsUser = try await world.user(Self.noah.0)
            #expect(!download.contains(noahsUser.id) && !download.contains(noahsUser.email))
            for order in try await world.store.orders(userID: noahsUser.id, limit: 1_000) {
                #expect(!download.contains(order.id))
            }
        }
    }

    @Test func signedOutVisitorsGetNoDataAndDeleteNothing() async throws {
        try await WebWorld.run { world, browser in
            #expect(try await browser.get("/account/data").location == "/login?notice=expired")
            let delete = try await browser.post("/account/delete", [("password", Self.ava.1)])
            #expect(delete.location == "/login?notice=expired")
            #expect(try await world.store.user(email: Self.ava.0) != nil)
        }
    }

    @Test func deletingNeedsThePasswordAndTheSessionsCSRFToken() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let wrong = try await browser.submit(on: "/account", to: "/account/delete", [("password", "not-hers-at-all")])
            #expect(wrong.status == .unprocessableContent && wrong.contains("not your current password"))
            #expect(wrong.contains(#"id="delete-error""#))
            let forged = try await browser.post("/account/delete", [("csrf", "forged"), ("password", Self.ava.1)])
            #expect(forged.status == .forbidden)
            #expect(try await world.store.user(email: Self.ava.0) != nil)
            #expect(try await browser.get("/account").status == .ok)
        }
    }

    @Test func deletingRemovesEverythingSignsOutEverywhereAndFreesTheEmail() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'd like a hot chocolate")])
            let phone = browser.another()
            _ = try await phone.logIn(Self.ava.0, Self.ava.1)
            let ava = try await world.user(Self.ava.0)
            let orderIDs = try await world.store.orders(userID: ava.id, limit: 1_000).map(\.id)
            #expect(!orderIDs.isEmpty)
            #expect(!(try await world.store.conversations(userID: ava.id)).isEmpty)
            let deleted = try await browser.submit(on: "/account", to: "/account/delete", [("password", Self.ava.1)])
            #expect(deleted.status == .seeOther && deleted.location == "/login?notice=account-deleted")
            #expect(deleted.cookie(SessionCookieMiddleware.cookieName)?.expired == true)
            #expect(try await browser.get(deleted.location!).contains("everything it held have been deleted"))
            #expect(try await world.store.user(id: ava.id) == nil)
            #expect(try await world.store.conversations(userID: ava.id).isEmpty)
            #expect(try await world.store.orders(userID: ava.id, limit: 1_000).isEmpty)
            for id in orderIDs { #expect(try await world.store.order(id: id)?.userID == AccountErasure.anonymousOwner) }
            #expect(try await phone.get("/chat").location == "/login?notice=expired")
            let everything = String(decoding: try JSONEncoder().encode(try await world.store.exportAll()), as: UTF8.self)
            #expect(!everything.contains(ava.id) && !everything.contains(ava.email))
            #expect(world.logs.lines(containing: ava.email).isEmpty && world.logs.lines(containing: Self.ava.1).isEmpty)
            // The address is free again: signing up with it makes a new, empty account.
            let signup = try await browser.submit(on: "/signup", to: "/signup", [
                ("name", "Ava Again"), ("email", Self.ava.0), ("password", "a second kettle on"), ("city", "London"),
                ("temperature", "hot"),
            ])
            #expect(signup.status == .seeOther)
            let again = try await world.user(Self.ava.0)
            #expect(again.id != ava.id && again.name == "Ava Again")
            #expect(try await world.store.orders(userID: again.id, limit: 10).isEmpty)
        }
    }
}
