import Foundation
import Retrieval

/// Reads the query-expansion lexicon: one file, or every `.txt` file of a directory in name order.
public enum LexiconFiles {
    /// The lexicon in the file or directory at `url`.
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

    /// The lexicon a command line asks for: the file or directory at `path` when given, else the default
    /// directory (`$SEEDS_DIR/lexicon`, else `Seeds/lexicon` in the working directory, a parent of it, or the
    /// repository of the caller's source file); `nil` when there is neither, and commands then warn and run
    /// without expansion, so any corpus can be tried.
    public static func load(path: String?, callerFile: String = #filePath) throws -> Lexicon? {
        if let path { return try load(URL(fileURLWithPath: path)) }
        guard let location = defaultLocation(callerFile: callerFile) else { return nil }
        return try load(location)
    }

    /// What `--lexicon` / `--no-lexicon` ask for, for the command lines that take them (`concierge retrieve`,
    /// `concierge-bench retrieve-eval`): none when `off`; without a lexicon anywhere, a warning on standard error and
    /// none, so any corpus can be run.
    public static func commandLine(path: String?, off: Bool, callerFile: String = #filePath) throws -> Lexicon {
        if off { return .empty }
        guard let found = try load(path: path, callerFile: callerFile) else {
            FileHandle.standardError.write(Data("warning: no Seeds/lexicon found; query expansion is off\n".utf8))
            return .empty
        }
        return found
    }

    /// The default lexicon directory: `$SEEDS_DIR/lexicon`, else `Seeds/lexicon` in the working directory or
    /// one of its parents, else next to the given source file's repository (`#filePath` of the caller).
    static func defaultLocation(callerFile: String) -> URL? {
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
