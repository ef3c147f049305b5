/// An index as the server reports it (`listIndexes`): for health checks, the CLI and tests.
public struct MongoIndex: Sendable, Hashable {
    /// One indexed field and its direction (1 ascending, -1 descending, 0 for special kinds such as "text").
    public struct Key: Sendable, Hashable {
        public var field: String
        public var direction: Int

        public init(field: String, direction: Int) {
            self.field = field
            self.direction = direction
        }
    }

    public var name: String
    public var keys: [Key]
    public var unique: Bool
    /// Set on TTL indexes.
    public var expireAfterSeconds: Int?

    public init(name: String, keys: [Key], unique: Bool = false, expireAfterSeconds: Int? = nil) {
        self.name = name
        self.keys = keys
        self.unique = unique
        self.expireAfterSeconds = expireAfterSeconds
    }
}

extension MongoIndex {
    /// Reads one `listIndexes` document.
    init(_ document: OpaquePointer) throws(MongoFailure) {
        guard let fields = BSONIterator(document) else { throw .encoding("malformed index document") }
        self.init(name: "", keys: [])
        while fields.next() {
            switch fields.key {
            case "name": name = fields.string ?? ""
            case "unique": unique = fields.bool
            case "expireAfterSeconds": expireAfterSeconds = fields.integer
            case "key": keys = Self.keys(of: fields)
            default: continue
            }
        }
    }

    private static func keys(of parent: BSONIterator) -> [Key] {
        guard let child = BSONIterator(childOf: parent) else { return [] }
        var keys: [Key] = []
        while child.next() { keys.append(Key(field: child.key, direction: child.integer)) }
        return keys
    }
}
