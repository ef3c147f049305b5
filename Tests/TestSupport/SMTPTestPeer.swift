import Foundation

/// The SMTP test peer (`Tests/smtp-peer/smtp_peer.py`, aiosmtpd): a real SMTP server on 127.0.0.1 that writes every
/// accepted message to its own directory. Tests read what was sent from there, never from a log.
public struct SMTPTestPeer: Sendable {
    public let process: TestServerProcess
    public let directory: URL

    public var port: Int { process.port }

    /// A peer of its own, with a fresh mail directory.
    public static func launch() async throws -> SMTPTestPeer {
        let directory = RepositoryPaths.scratch.appendingPathComponent("smtp-peer-\(UUID().uuidString)")
        let script = RepositoryPaths.root.appendingPathComponent("Tests/smtp-peer/smtp_peer.py")
        let process = try await TestServerProcess.launch(
            executable: "/usr/bin/python3", arguments: ["-u", script.path, "--maildir", directory.path])
        return SMTPTestPeer(process: process, directory: directory)
    }

    /// One captured message: the envelope the peer saw, the headers and the body (CRLF turned into LF).
    public struct Message: Sendable {
        public let recipients: [String]
        public let raw: String

        public func header(_ name: String) -> String? {
            let head = raw.components(separatedBy: "\n\n").first ?? ""
            return head.split(separator: "\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }

        public var body: String { raw.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") }
    }

    /// Every message accepted so far, in the order they arrived.
    public func messages() throws -> [Message] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let numbered = names.filter { $0.hasSuffix(".eml") }.compactMap { name in
            Int(name.dropLast(4)).map { ($0, name) }
        }.sorted { $0.0 < $1.0 }
        return try numbered.map { _, name in
            let raw = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n")
            let recipients = raw.split(separator: "\n").first { $0.hasPrefix("X-Peer-Rcpt-To:") }
                .map { $0.dropFirst("X-Peer-Rcpt-To:".count).split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                } } ?? []
            return Message(recipients: recipients, raw: raw)
        }
    }

    /// Waits until at least `count` messages have arrived (mail is sent off the request), at most `timeout`.
    public func waitForMessages(_ count: Int, timeout: Duration = .seconds(10)) async throws -> [Message] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = try messages()
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SMTPTestPeerError.timedOut(expected: count, got: try messages().count)
    }
}

public enum SMTPTestPeerError: Error {
    case timedOut(expected: Int, got: Int)
}
