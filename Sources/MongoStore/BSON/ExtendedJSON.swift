import Foundation

/// The entity mapping: domain values go to BSON through `JSONEncoder` and come back through `JSONDecoder`.
///
/// Why JSON: every domain type is already `Codable`, so the mapping needs no per-type code and cannot drift
/// from the model; libbson parses extended JSON natively (`bson_new_from_json`) and prints it
/// (`bson_as_relaxed_extended_json`). The only type that needs help is `Date`:
///
/// - written as canonical `{"$date": {"$numberLong": "<ms>"}}`, which libbson stores as a BSON datetime, so
///   dates sort, compare (`$gt`) and drive TTL indexes on the server;
/// - read from relaxed JSON, where libbson prints `{"$date": "2025-11-21T00:00:00Z"}` (ISO-8601, with `.sss`
///   when there are milliseconds) for years 1970...9999 and `{"$date": {"$numberLong": ...}}` otherwise.
///
/// Precision: BSON datetimes hold whole milliseconds, so a `Date` round-trips exactly when it is a whole
/// number of milliseconds since 1970 (the store contract's promise). Doubles round-trip exactly: `JSONEncoder`
/// writes the shortest representation, libbson parses it with `strtod` and prints 20 significant digits.
enum ExtendedJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.container(keyedBy: Key.self)
            var wrapped = container.nestedContainer(keyedBy: Key.self, forKey: .date)
            try wrapped.encode(String(milliseconds(date)), forKey: .numberLong)
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.container(keyedBy: Key.self)
            if let text = try? container.decode(String.self, forKey: .date) {
                guard let milliseconds = ISO8601Milliseconds.parse(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .date, in: container, debugDescription: "not an extended JSON date")
                }
                return date(milliseconds: milliseconds)
            }
            let wrapped = try container.nestedContainer(keyedBy: Key.self, forKey: .date)
            let digits = try wrapped.decode(String.self, forKey: .numberLong)
            guard let milliseconds = Int64(digits) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .numberLong, in: wrapped, debugDescription: "not a $numberLong")
            }
            return date(milliseconds: milliseconds)
        }
        return decoder
    }

    /// Milliseconds since 1970, rounded to the nearest (BSON's datetime resolution).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }

    /// Encodes one value as JSON text for `bson_new_from_json`.
    static func encode(_ value: some Encodable) throws(MongoFailure) -> Data {
        do {
            return try encoder().encode(value)
        } catch {
            throw MongoFailure.encoding("value cannot be encoded")
        }
    }

    private enum Key: String, CodingKey {
        case date = "$date"
        case numberLong = "$numberLong"
    }
}

/// Parses exactly what libbson prints for relaxed dates: `yyyy-MM-ddTHH:mm:ss[.SSS]Z`, as integer arithmetic
/// (no `DateFormatter`, no time zone database, no rounding).
enum ISO8601Milliseconds {
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"),
            bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
            let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16),
            let second = number(bytes, 17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var millisecond: Int64 = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(bytes, 20..<23) else { return nil }
            millisecond = fraction
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1_000 + millisecond
    }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[range] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
