import Foundation
import Retrieval

/// Reads a directory of Markdown policy documents into chunks. File I/O lives here so `Retrieval` stays pure.
public enum PolicyDirectory {
    /// File extensions read as Markdown (plain text is valid Markdown).
    public static let extensions: Set<String> = ["md", "markdown", "mdown", "txt"]

    /// A directory that could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String

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

/// Reads the query-expansion lexicon: one file, or every `.txt` file of a directory in name order.
public enum LexiconFiles {
    public static func load(_ url: URL) throws -> Lexicon {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PolicyDirectory.LoadError(path: url.path, reason: "no such file or directory")
        }
        let files =
            isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            : [url]
        var lexicon = Lexicon.empty
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                lexicon = lexicon.merged(with: try Lexicon(parsing: text))
            } catch {
                throw PolicyDirectory.LoadError(path: file.path, reason: error.description)
            }
        }
        return lexicon
    }

    /// The default lexicon directory: `$SEEDS_DIR/lexicon`, else `Seeds/lexicon` in the working directory or
    /// one of its parents, else next to the given source file's repository (`#filePath` of the caller).
    public static func defaultLocation(callerFile: String = #filePath) -> URL? {
        var candidates: [URL] = []
        if let seeds = ProcessInfo.processInfo.environment["SEEDS_DIR"], !seeds.isEmpty {
            candidates.append(URL(fileURLWithPath: seeds).appendingPathComponent("lexicon"))
        }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("Seeds/lexicon"))
            directory.deleteLastPathComponent()
        }
        var source = URL(fileURLWithPath: callerFile).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(source.appendingPathComponent("Seeds/lexicon"))
            source.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
