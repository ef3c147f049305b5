import ConciergeCore
import Foundation
import Geo

/// The demo's landmark shops and personas from `Seeds/catalog/personas.json`: identical for every seed, so
/// demos, documentation and golden conversations can name them.
struct PersonaBuilder {
    let catalog: SeedCatalog
    let asOf: Date

    func landmarkShops() throws -> [Shop] {
        try catalog.personas.shops.map { seed in
            guard let city = catalog.cities.first(where: { $0.name == seed.city }),
                let country = catalog.countries[city.country], let template = HoursTemplate(rawValue: seed.hours)
            else { throw SeedError.invalidCatalog("landmark shop \(seed.id): unknown city or hours") }
            return Shop(
                id: seed.id, name: seed.name,
                address: PostalAddress(line1: seed.line1, city: city.name, postcode: seed.postcode, country: city.country),
                location: Coordinate(latitude: seed.latitude, longitude: seed.longitude), timeZone: city.timeZone,
                currency: city.currency, phone: seed.phone, hours: template.hours,
                menu: catalog.menu.map { ShopBuilder.item($0, country: country) }, amenities: seed.amenities)
        }
    }

    func personas(shops: [Shop]) throws -> (users: [User], orders: [Order], coupons: [Coupon],
                                                     credentials: [PersonaCredential]) {
        var result: ([User], [Order], [Coupon], [PersonaCredential]) = ([], [], [], [])
        for seed in catalog.personas.users {
            guard let city = catalog.cities.first(where: { $0.name == seed.city }) else {
                throw SeedError.invalidCatalog("persona \(seed.id): unknown city \(seed.city)")
            }
            result.0.append(user(seed, city: city))
            result.1 += try seed.orders.map { try order($0, userID: seed.id, shops: shops) }
            result.2 += seed.coupons.map { CouponBuilder(catalog: catalog, asOf: asOf).coupon($0, owner: seed.id) }
            result.3.append(PersonaCredential(userID: seed.id, email: User.normalizedEmail(seed.email),
                                              password: seed.password, role: seed.role, name: seed.name))
        }
        return (result.0, result.1, result.2, result.3)
    }

    private func user(_ seed: PersonaSeed, city: CitySeed) -> User {
        User(id: seed.id, email: seed.email, role: seed.role, name: seed.name, phone: seed.phone,
             address: PostalAddress(line1: seed.line1, city: city.name, postcode: seed.postcode, country: city.country),
             home: Coordinate(latitude: seed.latitude, longitude: seed.longitude), timeZone: city.timeZone,
             preferences: Preferences(temperature: seed.temperature, dietary: seed.dietary,
                                      favouriteItems: seed.favourites),
             loyaltyPoints: seed.loyaltyPoints, consent: Consent(email: seed.consentEmail, sms: seed.consentSms),
             archetype: seed.archetype, createdAt: asOf.addingTimeInterval(-400 * 86_400))
    }

    private func order(_ seed: PersonaOrderSeed, userID: String, shops: [Shop]) throws -> Order {
        guard Order.isValidID(seed.id), let shop = shops.first(where: { $0.id == seed.shop }) else {
            throw SeedError.invalidCatalog("persona order \(seed.id): bad id or unknown shop")
        }
        let lines = try seed.items.map { pair -> OrderLine in
            guard pair.count == 2, case .sku(let sku) = pair[0], case .quantity(let quantity) = pair[1],
                let item = shop.menu.first(where: { $0.sku == sku })
            else { throw SeedError.invalidCatalog("persona order \(seed.id): bad item") }
            return OrderLine(sku: sku, name: item.name, quantity: quantity, unitPriceMinor: item.priceMinor)
        }
        let placedAt = asOf.addingTimeInterval(-seed.placedDaysAgo * 86_400).wholeSeconds
        let eta = placedAt.addingTimeInterval(Double(seed.etaMinutes) * 60)
        let arrived = [.delivered, .refunded].contains(seed.status) ? eta : nil
        var order = Order(id: seed.id, userID: userID, shopID: shop.id, lines: lines, currency: shop.currency,
                          status: seed.status, fulfilment: seed.fulfilment, placedAt: placedAt, eta: eta,
                          deliveredAt: arrived, payment: seed.payment)
        if seed.fulfilment == .pickup { order.collectedAt = arrived }
        if seed.status == .cancelled { order.cancelledAt = placedAt.addingTimeInterval(300) }
        order.refund = seed.refund.map { OrderRefund(state: $0, amountMinor: order.totalMinor,
                                                     updatedAt: (arrived ?? placedAt).addingTimeInterval(86_400)) }
        return order
    }
}
