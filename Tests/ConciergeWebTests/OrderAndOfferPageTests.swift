import ConciergeCore
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// `/orders`, `/orders/{id}` and `/offers`: the shopper's own records, the pages the answers' actions open. Another
/// shopper's order is a 404 exactly like an unknown one, and a payment shows as brand and last four only.
@Suite("Order and offers pages")
struct OrderAndOfferPageTests {
    @Test func theOrderPageShowsTheShoppersOwnOrderWithWhatCanStillBeDone() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/orders/ORD-AVA10002")
            #expect(page.status == .ok)
            #expect(page.contains("Order ORD-AVA10002") && page.contains(#"id="order-status">Delivered<"#))
            #expect(page.contains("Visa •••• 4242"), "brand and last four only")
            #expect(page.contains("What you can still do") && page.contains("report a problem with fresh food or drinks until"))
            #expect(page.contains("Lakeside Café") && page.contains("1 Outer Circle, Regent&#39;s Park"))
            #expect(page.contains(#"href="https://www.openstreetmap.org/search?query=1%20Outer%20Circle%2C%20Regent%27s%20Park%2C%20London%20NW1%204NU%2C%20GB" rel="noopener noreferrer""#))
            let travelling = try await browser.get("/orders/ORD-AVA10001")
            #expect(travelling.contains("On its way") && travelling.contains("Expected"))
            #expect(!travelling.contains("Cancel order"), "the site cannot cancel, so it offers no button for it")
        }
    }

    @Test func anotherShoppersOrderIsA404LikeAnUnknownOne() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let theirs = try await browser.get("/orders/ORD-RAJ10001")
            let unknown = try await browser.get("/orders/ORD-ZZZZZZZZ")
            let malformed = try await browser.get("/orders/%3Cscript%3E")
            #expect(theirs.status == .notFound && unknown.status == .notFound && malformed.status == .notFound)
            #expect(theirs.body == unknown.body, "nothing hints that the id exists")
            #expect(!theirs.contains("RAJ10001") && !malformed.contains("<script>"))
            let list = try await browser.get("/orders")
            #expect(list.contains(#"href="/orders/ORD-AVA10001""#) && list.contains("ORD-AVA10003"))
            #expect(!list.contains("ORD-RAJ"))
        }
    }

    @Test func theOrderPagesNeedASignedInShopper() async throws {
        try await WebWorld.run { _, browser in
            for path in ["/orders", "/orders/ORD-AVA10001", "/offers"] {
                let page = try await browser.get(path)
                #expect(page.location?.hasPrefix("/login") == true, "\(path)")
            }
        }
    }

    @Test func theOffersPageListsTheShoppersUsableCouponsWithWhereAndUntil() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/offers")
            #expect(page.status == .ok)
            #expect(page.contains(#"<code class="coupon-code">AVA20COCOA</code>"#) && page.contains("20% off"))
            #expect(page.contains("All our shops") && page.contains("Until"))
            #expect(page.contains("<dd>Oat Hot Chocolate</dd>"), "an item coupon names its item")
            #expect(page.contains(#"class="secondary copy-code" data-code="AVA20COCOA" hidden"#), "the copy button waits for the script")
            #expect(page.contains(#"class="copy-status" role="status""#))
            #expect(!page.contains("NOAH5OFF") && !page.contains("NOAHOLD"), "another shopper's coupons stay theirs")
        }
    }
}
