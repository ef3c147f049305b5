import Foundation
import Retrieval

/// Reads a directory of policy documents — Markdown, HTML and PDF — into chunks. File I/O lives here so
/// `Retrieval` stays pure.
///
/// HTML (`HTMLConverter`) and PDF (`PopplerPDFReader`) are first converted to the Markdown the chunker reads, with
/// their headings kept, so their chunks cite heading paths just as a Markdown file's do.
public enum PolicyDirectory {
    /// The formats read, by file extension (any case).
    enum Format {
        case markdown, html, pdf

        init?(pathExtension: String) {
            switch pathExtension.lowercased() {
            case "md", "markdown", "mdown", "txt": self = .markdown  // plain text is valid Markdown
            case "html", "htm": self = .html
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

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

    /// All chunks of the documents under `directory` (recursively), documents in id order.
    ///
    /// A document's id is its path relative to `directory` without the extension: the file name for a flat
    /// directory (`returns-and-refunds`), `faq/returns` for a nested one. All or nothing: a file that cannot be
    /// read or converted throws a `LoadError` naming it, and nothing is returned.
    public static func load(
        _ directory: URL, chunker: MarkdownChunker = MarkdownChunker(), pdfReader: PopplerPDFReader = PopplerPDFReader()
    ) throws -> [PolicyChunk] {
        try documents(in: directory, pdfReader: pdfReader).flatMap {
            chunker.chunks(documentID: $0.id, markdown: $0.text)
        }
    }

    /// The documents under `directory` as (id, Markdown text), sorted by id.
    ///
    /// Markdown files that are not valid UTF-8 are decoded leniently rather than skipped; an HTML file must be
    /// UTF-8. Two files with one id (`returns.md` and `returns.pdf`) are an error: their chunk ids would clash.
    public static func documents(
        in directory: URL, pdfReader: PopplerPDFReader = PopplerPDFReader()
    ) throws -> [(id: String, text: String)] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var documents: [(id: String, text: String, file: URL)] = []
        for (file, format) in try files(in: directory) {
            documents.append((documentID(file, root: root), try text(of: file, format: format, pdfReader), file))
        }
        documents.sort { $0.id < $1.id || ($0.id == $1.id && $0.file.path < $1.file.path) }
        for (first, second) in zip(documents, documents.dropFirst()) where first.id == second.id {
            throw LoadError(
                path: second.file.path,
                reason: "same document id '\(first.id)' as \(first.file.lastPathComponent); rename one of them")
        }
        return documents.map { ($0.id, $0.text) }
    }

    /// The readable files under `directory`, hidden ones skipped.
    private static func files(in directory: URL) throws -> [(URL, Format)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw LoadError(path: directory.path, reason: "not a directory") }
        guard
            let walker = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else {
            throw LoadError(path: directory.path, reason: "cannot list directory")
        }
        var files: [(URL, Format)] = []
        for case let file as URL in walker {
            guard let format = Format(pathExtension: file.pathExtension),
                (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true  // "old.md/" is no file
            else { continue }
            files.append((file, format))
        }
        return files
    }

    /// The document's Markdown: the file itself, or the HTML or PDF converted.
    private static func text(of file: URL, format: Format, _ pdfReader: PopplerPDFReader) throws -> String {
        do {
            switch format {
            case .markdown:
                return String(decoding: try Data(contentsOf: file), as: UTF8.self)
            case .html:
                let markdown = try HTMLConverter.markdown(from: try Data(contentsOf: file))
                guard markdown.contains(where: \.isLetter) else {
                    throw LoadError(path: file.path, reason: "no text in the page (save it after it has rendered)")
                }
                return markdown
            case .pdf:
                return try pdfReader.markdown(of: file)
            }
        } catch let error as LoadError {
            throw error
        } catch let error as HTMLConverter.NotUTF8 {
            throw LoadError(path: file.path, reason: error.description)
        } catch let error as PopplerPDFReader.ReadError {
            throw LoadError(path: file.path, reason: error.description)
        } catch {
            throw LoadError(path: file.path, reason: error.localizedDescription)
        }
    }

    private static func documentID(_ file: URL, root: String) -> String {
        let path = file.standardizedFileURL.resolvingSymlinksInPath().deletingPathExtension().path
        guard path.hasPrefix(root + "/") else { return file.deletingPathExtension().lastPathComponent }
        return String(path.dropFirst(root.count + 1))
    }
}
