import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// `GET /orders`, `GET /orders/{id}` and `GET /offers`: the shopper's own orders and usable coupons, the pages the
/// concierge's answers link to. Read-only: this site cannot cancel or change an order, and the order page says who
/// can (Customer Care).
struct RecordRoutes<Store: OrderStore & CouponStore>: Sendable {
    let records: ShopperRecords<Store>
    let views: PageRenderer
    let preferences: BrowserPreferences
    let care: ChainProfile

    func register(on router: some RouterMethods<WebContext>) {
        router.get("/orders", use: orders)
        router.get("/orders/{id}", use: order)
        router.get("/offers", use: offers)
    }

    func orders(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let orders = try await records.orders(user: signedIn.user)
        let shops = Dictionary(orders.compactMap { records.places.shop(id: $0.shopID) }.map { ($0.id, $0) },
                               uniquingKeysWith: { first, _ in first })
        return .html(try views.render(OrdersPage(orders: orders, shops: shops, user: signedIn.user,
                                                 csrf: signedIn.session.csrfToken)))
    }

    /// Another shopper's order is a 404, the same page as an id that does not exist.
    func order(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        guard let found = try await records.order(id: try context.parameters.require("id"), user: signedIn.user) else {
            throw HTTPError(.notFound)
        }
        return .html(try views.render(OrderPage(order: found.order, shop: found.shop, decision: found.decision,
                                                user: signedIn.user, csrf: signedIn.session.csrfToken, care: care)))
    }

    func offers(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let origin = preferences.place(request)?.coordinate ?? signedIn.user.home
        let coupons = try await records.usableCoupons(user: signedIn.user, origin: origin)
        return .html(try views.render(OffersPage(coupons: coupons, user: signedIn.user, csrf: signedIn.session.csrfToken)))
    }
}
