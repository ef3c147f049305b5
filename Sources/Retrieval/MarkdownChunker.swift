/// Cuts Markdown policy documents into `PolicyChunk`s: one per section, long sections split into overlapping
/// windows of whole sentences, list items, table rows or code blocks.
///
/// Every chunk keeps the document title and its heading path, and its `text` is a verbatim slice of the
/// document, so citations can be checked against the source. A single sentence longer than `maxChunkSize` is
/// kept whole rather than cut.
public struct MarkdownChunker: Hashable, Sendable {
    /// Largest chunk text, in UTF-8 bytes, before a section is split (about 150–180 English words).
    public var maxChunkSize: Int
    /// Most text, in UTF-8 bytes, that a window repeats from the end of the previous one.
    public var overlapSize: Int

    public init(maxChunkSize: Int = 1_000, overlapSize: Int = 160) {
        precondition(maxChunkSize > 0 && overlapSize >= 0, "chunk sizes must be positive")
        self.maxChunkSize = maxChunkSize
        self.overlapSize = overlapSize
    }

    /// The chunks of one document. `documentID` is its stable id (the file name without extension); the title
    /// comes from its first `#` heading, else front matter `title:`, else the id made readable.
    public func chunks(documentID: String, markdown: String) -> [PolicyChunk] {
        let parsed = MarkdownSections(markdown: markdown, fallbackTitle: Self.title(fromDocumentID: documentID))
        var chunks: [PolicyChunk] = []
        for section in parsed.sections {
            for window in windows(of: section.body) {
                let position = chunks.count
                chunks.append(
                    PolicyChunk(
                        id: "\(documentID)#\(position)", document: documentID, title: parsed.title,
                        headingPath: [parsed.title] + section.headings, position: position, text: String(window)))
            }
        }
        return chunks
    }

    /// "gift-cards" → "Gift cards": a readable title for documents that do not name themselves.
    public static func title(fromDocumentID id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard let first = words.first else { return id }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init))
            .joined(separator: " ")
    }

    /// Greedy windows over the section's units; each next window starts at the earliest unit that repeats at
    /// most `overlapSize` bytes of the previous one.
    func windows(of body: Substring) -> [Substring] {
        let units = TextUnits.split(body)
        guard let firstUnit = units.first, let lastUnit = units.last else { return [] }
        let utf8 = body.utf8
        guard utf8.distance(from: firstUnit.lowerBound, to: lastUnit.upperBound) > maxChunkSize else {
            return [body[firstUnit.lowerBound..<lastUnit.upperBound]]
        }
        let size = { (from: Int, to: Int) in utf8.distance(from: units[from].lowerBound, to: units[to].upperBound) }
        var windows: [Substring] = []
        var start = 0
        while start < units.count {
            var end = start
            while end + 1 < units.count && size(start, end + 1) <= maxChunkSize { end += 1 }
            windows.append(body[units[start].lowerBound..<units[end].upperBound])
            guard end + 1 < units.count else { break }
            var next = end + 1
            while next - 1 > start
                && utf8.distance(from: units[next - 1].lowerBound, to: units[end].upperBound) <= overlapSize
            {
                next -= 1
            }
            start = next
        }
        return windows
    }
}
