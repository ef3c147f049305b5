import ConciergeCore
import Foundation
import Seeding

/// Reads the generator's inputs from `Seeds/catalog/` (the only file access the seeding path needs).
public enum SeedCatalogLoader {
    public static func load(seedsDirectory: String) throws -> SeedCatalog {
        let directory = URL(fileURLWithPath: seedsDirectory).appendingPathComponent("catalog")
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SeedError.invalidCatalog("cannot read \(url.path)")
            }
            do {
                return try JSONDecoder().decode(T.self, from: data)
            } catch {
                throw SeedError.invalidCatalog("\(name): \(DecodingProblem.describe(error))")
            }
        }
        return SeedCatalog(
            cities: try read("cities.json", as: [CitySeed].self),
            countries: try read("countries.json", as: [String: CountrySeed].self),
            names: try read("names.json", as: [String: NameSeed].self),
            menu: try read("menu.json", as: [MenuSeed].self),
            coupons: try read("coupons.json", as: [CouponSeed].self),
            personas: try read("personas.json", as: PersonaFile.self))
    }
}

/// Turns a `DecodingError` into one line naming where in the file it happened: `users[2].email: missing`.
public enum DecodingProblem {
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not valid JSON" }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): wrong type (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON"
                : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not valid JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
    }
}
