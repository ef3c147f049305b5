/// One value the conversation has masked: its placeholder and what un-masking gives back.
public struct VaultEntry: Sendable, Codable, Hashable {
    /// `<EMAIL_1>`.
    public let placeholder: String
    /// The value's type.
    public let type: PIIType
    /// The number in the placeholder, counted per type from 1.
    public let number: Int
    /// The normalised value (e-mail lower-cased, phone digits, …). Personal data: never log it.
    public let key: String
    /// The spelling first seen in this conversation, restored by `unmask`. Personal data: never log it.
    public let original: String

    public init(type: PIIType, number: Int, key: String, original: String) {
        self.placeholder = PlaceholderSyntax.format(type, number)
        self.type = type
        self.number = number
        self.key = key
        self.original = original
    }
}

/// The per-conversation map between values and placeholders.
///
/// Entries are kept in issue order (an array); nothing depends on `Dictionary` iteration order, so snapshots and
/// outputs are deterministic. A conversation usually holds a handful of values, so lookups scan the array; the
/// hash indexes are built only once a vault outgrows `linearLimit` (a 10 MB message may hold thousands).
struct Vault: Sendable {
    private struct ValueID: Hashable {
        var type: PIIType
        var key: String
    }

    private static let linearLimit = 12
    private(set) var entries: [VaultEntry] = []
    private var byValue: [ValueID: Int] = [:]
    private var byPlaceholder: [String: Int] = [:]
    /// Next number per type (index: `PIIType.ordinal`), allocated on first use.
    private var next: [Int] = []
    /// Placeholders the shopper typed themselves before we issued them: never issued, so un-masking cannot
    /// turn their literal text into a value.
    private(set) var reserved: Set<String> = []

    init() {}

    init(entries: [VaultEntry], reserved: [String]) throws(MaskingSessionError) {
        for placeholder in reserved { self.reserved.insert(placeholder) }
        for entry in entries {
            guard entry.number >= 1, index(type: entry.type, key: entry.key) == nil,
                index(placeholder: entry.placeholder) == nil
            else { throw .invalidSnapshot("duplicate or invalid vault entry \(entry.placeholder)") }
            insert(entry)
        }
    }

    /// The placeholder for a value, issuing the next free number of its type on first sight.
    mutating func placeholder(type: PIIType, key: String, original: @autoclosure () -> String) -> String {
        if let index = index(type: type, key: key) { return entries[index].placeholder }
        if next.isEmpty { next = [Int](repeating: 1, count: PIIType.allCases.count) }
        var number = next[type.ordinal]
        while !reserved.isEmpty, reserved.contains(PlaceholderSyntax.format(type, number)) { number += 1 }
        let entry = VaultEntry(type: type, number: number, key: key, original: original())
        insert(entry)
        return entry.placeholder
    }

    private mutating func insert(_ entry: VaultEntry) {
        entries.append(entry)
        if next.isEmpty { next = [Int](repeating: 1, count: PIIType.allCases.count) }
        next[entry.type.ordinal] = max(next[entry.type.ordinal], entry.number + 1)
        if entries.count > Self.linearLimit {
            if byValue.isEmpty {
                for (position, existing) in entries.enumerated() { addIndexes(existing, position) }
            } else {
                addIndexes(entry, entries.count - 1)
            }
        }
    }

    private mutating func addIndexes(_ entry: VaultEntry, _ position: Int) {
        byValue[ValueID(type: entry.type, key: entry.key)] = position
        byPlaceholder[entry.placeholder] = position
    }

    private func index(type: PIIType, key: String) -> Int? {
        if entries.count <= Self.linearLimit { return entries.firstIndex { $0.type == type && $0.key == key } }
        return byValue[ValueID(type: type, key: key)]
    }

    private func index(placeholder: String) -> Int? {
        if entries.count <= Self.linearLimit { return entries.firstIndex { $0.placeholder == placeholder } }
        return byPlaceholder[placeholder]
    }

    /// Records a placeholder-shaped token found in the shopper's text that this vault did not issue.
    mutating func reserve(_ placeholder: String) {
        if index(placeholder: placeholder) == nil { reserved.insert(placeholder) }
    }

    func entry(forPlaceholder placeholder: String) -> VaultEntry? {
        index(placeholder: placeholder).map { entries[$0] }
    }

    func contains(type: PIIType, key: String) -> Bool { index(type: type, key: key) != nil }
}

/// Errors from restoring a session.
public enum MaskingSessionError: Error, Equatable, Sendable {
    /// The snapshot is from an unknown version or holds contradictory entries. The message names no values.
    case invalidSnapshot(String)
}
