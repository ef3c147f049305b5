import Foundation

/// A small least-recently-used map from text to vector, so a shopper repeating a message (or the app embedding the
/// same query twice in a turn) skips the model. Keys are the texts' UTF-8 bytes: `String` equality is canonical
/// equivalence, and two texts that only look alike are not promised the same tokens.
///
/// `@unchecked Sendable`: `entries`, `slots` and the list links are touched only under `lock` (an `NSLock`, as
/// elsewhere in the project, so ThreadSanitizer sees it).
final class VectorCache: @unchecked Sendable {
    /// Texts longer than this are not cached: a long document is rarely embedded twice, and its key would pin
    /// its whole text in memory.
    static let maximumKeyBytes = 4_096

    private struct Slot {
        var key: [UInt8]
        var vector: [Float]
        var newer: Int?
        var older: Int?
    }

    let capacity: Int
    private let lock = NSLock()
    private var entries: [[UInt8]: Int] = [:]
    private var slots: [Slot] = []
    private var newest: Int?
    private var oldest: Int?

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func vector(for text: String) -> [Float]? {
        guard let key = Self.key(text) else { return nil }
        return withLock {
            guard let slot = entries[key] else { return nil }
            moveToFront(slot)
            return slots[slot].vector
        }
    }

    func insert(_ vector: [Float], for text: String) {
        guard capacity > 0, let key = Self.key(text) else { return }
        withLock {
            if let slot = entries[key] {
                slots[slot].vector = vector
                moveToFront(slot)
                return
            }
            let slot: Int
            if slots.count < capacity {
                slot = slots.count
                slots.append(Slot(key: key, vector: vector))
            } else {
                // Full: the oldest slot is reused for the new entry.
                slot = oldest!
                unlink(slot)
                entries[slots[slot].key] = nil
                slots[slot] = Slot(key: key, vector: vector)
            }
            entries[key] = slot
            linkAtFront(slot)
        }
    }

    var count: Int { withLock { entries.count } }

    private static func key(_ text: String) -> [UInt8]? {
        text.utf8.count <= maximumKeyBytes ? Array(text.utf8) : nil
    }

    private func moveToFront(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private func unlink(_ slot: Int) {
        let (newer, older) = (slots[slot].newer, slots[slot].older)
        if let newer { slots[newer].older = older } else { newest = older }
        if let older { slots[older].newer = newer } else { oldest = newer }
        slots[slot].newer = nil
        slots[slot].older = nil
    }

    private func linkAtFront(_ slot: Int) {
        slots[slot].older = newest
        if let newest { slots[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }

    private func withLock<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
