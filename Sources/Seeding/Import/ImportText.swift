import ConciergeCore
import Foundation

/// Control characters in an import file's records, found in the raw JSON (where `\u0000` and its kin are legal
/// escapes) before anything is decoded or stored: at any depth, in keys and values. No record field needs one, and
/// a NUL would be cut by the SQLite bindings or compared as the prefix before it.
public enum ImportText {
    /// The collections of an import file, by their JSON names, in file order.
    static let collections = ["users", "stores", "orders", "coupons"]

    /// One problem per record holding a control character, naming the first field path where it was found.
    public static func controlCharacterProblems(in data: Data) -> [ImportProblem] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var problems: [ImportProblem] = []
        for collection in collections {
            guard let records = root[collection] as? [Any] else { continue }
            for (index, record) in records.enumerated() {
                guard let path = firstControlCharacter(in: record, path: "") else { continue }
                let fields = record as? [String: Any]
                let key = ((fields?["id"] ?? fields?["code"]) as? String).map { ControlCharacters.removed(from: $0) }
                problems.append(ImportProblem(collection: collection, index: index, key: key ?? "?",
                                              reason: "\(path.isEmpty ? "a value" : path) contains control characters"))
            }
        }
        return problems
    }

    private static func firstControlCharacter(in value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return ControlCharacters.contained(in: text) ? path : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if ControlCharacters.contained(in: key) {
                    return path.isEmpty ? "a field name" : path + " (a field name)"
                }
                let child = path.isEmpty ? key : path + "." + key
                if let found = firstControlCharacter(in: object[key] as Any, path: child) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstControlCharacter(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
