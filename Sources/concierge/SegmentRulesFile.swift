import Analytics
import ArgumentParser
import Foundation

/// `--rules FILE.json`, shared by `analytics features` and `analytics segments`.
enum SegmentRulesFile {
    /// The defaults without a file; a file that cannot be read or decoded stops the command with its name.
    static func load(_ path: String?) throws -> SegmentRules {
        guard let path else { return SegmentRules() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        do { return try JSONDecoder().decode(SegmentRules.self, from: data) } catch {
            throw ValidationError("\(path) is not a segment rules file: every key is an integer threshold")
        }
    }
}
