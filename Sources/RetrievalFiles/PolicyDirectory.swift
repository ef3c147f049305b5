import Foundation
import Retrieval

/// Reads a directory of Markdown policy documents into chunks. File I/O lives here so `Retrieval` stays pure.
public enum PolicyDirectory {
    /// File extensions read as Markdown (plain text is valid Markdown).
    static let extensions: Set<String> = ["md", "markdown", "mdown", "txt"]

    /// A file or directory that could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        /// The file or directory.
        public var path: String
        /// What was wrong with it.
        public var reason: String

        /// A new error for `path`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        /// "path: reason".
        public var description: String { "\(path): \(reason)" }
    }

    /// All chunks of the documents under `directory` (recursively), documents in path order.
    ///
    /// A document's id is its path relative to `directory` without the extension: the file name for a flat
    /// directory (`returns-and-refunds`), `faq/returns` for a nested one. Files that are not valid UTF-8 are
    /// decoded leniently rather than skipped.
    public static func load(_ directory: URL, chunker: MarkdownChunker = MarkdownChunker()) throws -> [PolicyChunk] {
        try documents(in: directory).flatMap { chunker.chunks(documentID: $0.id, markdown: $0.text) }
    }

    /// The documents under `directory` as (id, text), sorted by id.
    public static func documents(in directory: URL) throws -> [(id: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw LoadError(path: directory.path, reason: "not a directory") }
        guard
            let walker = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else {
            throw LoadError(path: directory.path, reason: "cannot list directory")
        }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var documents: [(id: String, text: String)] = []
        for case let file as URL in walker where extensions.contains(file.pathExtension.lowercased()) {
            let data = try Data(contentsOf: file)
            let text = String(decoding: data, as: UTF8.self)
            documents.append((id: documentID(file, root: root), text: text))
        }
        return documents.sorted { $0.id < $1.id }
    }

    private static func documentID(_ file: URL, root: String) -> String {
        let path = file.standardizedFileURL.resolvingSymlinksInPath().deletingPathExtension().path
        guard path.hasPrefix(root + "/") else { return file.deletingPathExtension().lastPathComponent }
        return String(path.dropFirst(root.count + 1))
    }
}
