import ConciergeCore
import Foundation
import Seeding

/// The real seed catalog from `Seeds/catalog`, decoded once per process.
public enum CatalogFixture {
    public static let catalog: SeedCatalog = {
        let directory = RepositoryPaths.seeds.appendingPathComponent("catalog")
        func read<T: Decodable>(_ name: String) -> T {
            do {
                return try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
            } catch {
                fatalError("Seeds/catalog/\(name) does not decode: \(error)")
            }
        }
        return SeedCatalog(cities: read("cities.json"), countries: read("countries.json"), names: read("names.json"),
                           menu: read("menu.json"), coupons: read("coupons.json"), personas: read("personas.json"))
    }()
}
