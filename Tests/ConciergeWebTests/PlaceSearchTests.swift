import ConciergeCore
import Foundation
import Geo
import Hummingbird
import Testing

@testable import ConciergeWeb

/// Location by place: a city, a postcode or a shop's name from the chain's own data, named in words on the page,
/// confirmed beside the form; an unknown place gets a clear error with suggestions and keeps what was typed.
@Suite("Location by place")
struct PlaceSearchTests {
    static func set(_ browser: Browser, _ fields: [(String, String)]) async throws -> Page {
        let sent = try await browser.submit(on: "/chat", to: "/location", fields)
        #expect(sent.status == .seeOther && sent.location == "/chat?located=1#location-feedback")
        return try await browser.get("/chat?located=1")
    }

    @Test(arguments: [
        ("manchester", "Manchester (city centre)"),
        ("w1d 5jr", "Near W1D 5JR, London"),
        ("W1D", "Near W1D 5JR, London"),
        ("night owl", "At Night Owl Coffee, Old Compton Street, London"),
        ("Lakeside Cafe", "At Lakeside Café, Outer Circle, Regent&#39;s Park, London"),
    ])
    func aPlaceIsFoundByCityPostcodeOrShopNameAndConfirmedInWords(typed: String, words: String) async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await Self.set(browser, [("place", typed)])
            #expect(page.contains(#"<p id="location-current">\#(words)</p>"#), "\(typed)")
            #expect(page.contains(#"role="status" id="location-confirmation">Location set: \#(words)."#))
            let later = try await browser.get("/chat")
            #expect(later.contains(words) && !later.contains("Location set"), "confirmed once, named always")
        }
    }

    @Test func theBrowsersPositionIsNamedInWordsNotCoordinates() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            // Lakeside Café's own position (Seeds/catalog/personas.json): its street names the place.
            let page = try await Self.set(browser, [("place", ""), ("latitude", "51.5262"), ("longitude", "-0.1560")])
            #expect(page.contains("Near Outer Circle, Regent&#39;s Park, London"))
            #expect(!page.contains("51.526") && !page.contains("-0.156"))
            let far = try await Self.set(browser, [("latitude", "0.0"), ("longitude", "-30.0")])
            #expect(far.contains("Where your browser placed you (no shop of ours nearby)"))
        }
    }

    @Test func anUnknownPlaceIsAClearErrorWithSuggestionsBesideTheForm() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let typo = try await browser.submit(on: "/chat", to: "/location", [("place", "Manchestre")])
            #expect(typo.status == .unprocessableContent)
            #expect(typo.contains(#"role="alert" id="location-error">We don&#39;t know that place."#))
            #expect(typo.contains("for example Manchester"))
            #expect(typo.contains(#"id="location-feedback" tabindex="-1""#) && typo.contains(#"action="/location#location-feedback""#))
            #expect(typo.contains(#"value="Manchestre""#), "what was typed is kept")
            let hostile = try await browser.submit(on: "/chat", to: "/location", [("place", "<Atlantis>")])
            #expect(hostile.status == .unprocessableContent && !hostile.contains("<Atlantis>"))
            let empty = try await browser.submit(on: "/chat", to: "/location", [("place", "  ")])
            #expect(empty.status == .unprocessableContent && empty.contains("Type a city, a postcode"))
            #expect(typo.cookie(CookieJar.place) == nil && empty.cookie(CookieJar.place) == nil)
        }
    }

    @Test func severalShopsMatchingIsAChoiceNotAGuess() {
        let directory = PlaceDirectory(cities: CityDirectory([]), shops: [
            Self.shop("st_1", "Canary Wharf Coffee House"), Self.shop("st_2", "Soho Coffee House")])
        #expect(directory.search("coffee house") == .ambiguous(["Canary Wharf Coffee House", "Soho Coffee House"]))
        #expect(directory.search("soho coffee") == .found(.shop(Self.shop("st_2", "Soho Coffee House"))))
    }

    @Test func aForgedShopOrPostcodeCookieIsNoPlace() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            for forged in ["shop:c3Rfbm9uZQ", "postcode:Wlog", "shop:", "postcode:%%%"] {
                browser.setCookie(CookieJar.place, forged)
                #expect(try await browser.get("/chat").contains("Home (London)"), "\(forged)")
            }
        }
    }

    static func shop(_ id: String, _ name: String) -> Shop {
        Shop(id: id, name: name, address: PostalAddress(line1: "1 High Street", city: "London", postcode: "E1 6QR", country: "GB"),
             location: Coordinate(latitude: 51.5, longitude: -0.1), timeZone: "Europe/London", currency: "GBP",
             phone: "+44 20 7946 0999", hours: WeeklyHours(ranges: []), menu: [], amenities: [])
    }
}
