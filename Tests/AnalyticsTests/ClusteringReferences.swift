import Analytics
import Foundation

/// scikit-learn's answers on the committed fixtures (`Fixtures/make_references.py` wrote them, see its header),
/// and the CDNOW sample's log-RFM features for the one reference on real data.
struct ClusteringReferences: Decodable {
    struct Inertia: Decodable {
        var k: Int
        var inertia: Double
    }

    struct Labelling: Decodable {
        var name: String
        var labels: [Int]
        var silhouette: Double
    }

    struct ARICase: Decodable {
        var name: String
        var a: [Int]
        var b: [Int]
        var ari: Double
    }

    struct DataSet: Decodable {
        var name: String
        var file: String
        var perK: [Inertia]
        var perKStandardized: [Inertia]
        var silhouettes: [Labelling]
        var ari: [ARICase]

        func features() throws -> FeatureMatrix {
            try FeatureCSV.parse(String(contentsOf: ClusteringReferences.fixtures.appendingPathComponent(file),
                                        encoding: .utf8))
        }
    }

    struct CDNOW: Decodable {
        var asOf: String
        var rows: Int
        var perK: [Inertia]
    }

    var datasets: [DataSet]
    var cdnow: CDNOW

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> ClusteringReferences {
        try JSONDecoder().decode(
            ClusteringReferences.self, from: Data(contentsOf: fixtures.appendingPathComponent("references.json")))
    }
}

/// The CDNOW sample (from the `lifetimes` wheel that script/bootstrap unpacks into `.testdata/lifetimes/`) as the
/// features `make_references.py` derives: per customer, log1p of days since the last purchase as of 1998-07-01,
/// of the number of purchase days and of the total spend, z-scored. The data is not committed; a missing file
/// fails the test (never a skip: CI would pass without ever comparing).
enum CDNOWFeatures {
    static let file = ClusteringReferences.repositoryRoot.appendingPathComponent(".testdata/lifetimes/CDNOW_sample.txt")

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(file.path) is missing: run script/bootstrap" }
    }

    static func load() throws -> FeatureMatrix {
        guard FileManager.default.fileExists(atPath: file.path) else { throw Missing() }
        // Columns: master id, sample id, date (yyyymmdd), CDs bought, dollars.
        var days: [Int: Set<Int>] = [:]
        var spend: [Int: Double] = [:]
        for line in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 5, let customer = Int(fields[1]), let date = Int(fields[2]),
                let dollars = Double(fields[4])
            else { continue }
            days[customer, default: []].insert(dayNumber(date / 10_000, date / 100 % 100, date % 100))
            spend[customer, default: 0] += dollars
        }
        let asOf = dayNumber(1998, 7, 1)
        let customers = days.keys.sorted()
        var values: [Double] = []
        for customer in customers {
            let purchaseDays = days[customer]!
            values += [log1p(Double(asOf - purchaseDays.max()!)), log1p(Double(purchaseDays.count)),
                       log1p(spend[customer]!)]
        }
        return try FeatureMatrix(
            ids: customers.map(String.init), featureNames: ["recency", "frequency", "monetary"], values: values
        ).standardized()
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
