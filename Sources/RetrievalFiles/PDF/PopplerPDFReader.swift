import Foundation

/// Reads PDF policies with Poppler's `pdftotext` (Debian and Ubuntu: `poppler-utils`; macOS: `brew install
/// poppler`) and recovers their headings from font sizes (`PDFHeadings`).
///
/// Why the command-line tool rather than a system-library target over `poppler-glib`: it is one process per file
/// with a deadline — a PDF that crashes Poppler or makes it loop costs a child process, never ours; there is no
/// GLib/GObject lifetime to manage; it builds everywhere without headers; and `-bbox-layout` gives in one run the
/// text in Poppler's reading order, grouped into blocks and lines, with every word's box (hence its size).
///
/// Runs `pdftotext -bbox-layout -enc UTF-8 FILE -` (no `-layout`: reading order, not columns of spaces) with
/// the arguments passed directly, never through a shell, and the file as an absolute path so no name can be read
/// as an option. Blocking: see `ChildProcess`.
public struct PopplerPDFReader: Sendable {
    /// A PDF that could not be read; `description` says why in words a user can act on.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `pdftotext` to run; `nil` looks it up on `PATH` when a PDF is read.
    public var executable: URL?
    /// How long one file may take before `pdftotext` is killed.
    public var timeout: Duration

    public init(executable: URL? = nil, timeout: Duration = .seconds(60)) {
        self.executable = executable
        self.timeout = timeout
    }

    /// The PDF at `file` as Markdown with `#` headings.
    public func markdown(of file: URL) throws(ReadError) -> String {
        let markdown = PDFHeadings.markdown(from: try layout(of: file))
        guard markdown.contains(where: \.isLetter) else {
            throw ReadError(description: "no text in the PDF (a scanned PDF needs OCR first)")
        }
        return markdown
    }

    /// The words of the PDF at `file` in Poppler's reading order, with their sizes.
    func layout(of file: URL) throws(ReadError) -> PDFLayout {
        guard let tool = executable ?? Self.onPath("pdftotext"),
            FileManager.default.isExecutableFile(atPath: tool.path)
        else {
            throw ReadError(
                description: "pdftotext not found: install Poppler's command-line tools, the poppler-utils package "
                    + "(apt-get install poppler-utils)")
        }
        let output: ChildProcess.Output
        do {
            let arguments = ["-bbox-layout", "-enc", "UTF-8", file.standardizedFileURL.path, "-"]
            output = try ChildProcess.run(tool, arguments: arguments, timeout: timeout)
        } catch let timedOut as ChildProcess.TimedOut {
            let seconds = String(format: "%g", timedOut.seconds)
            throw ReadError(description: "pdftotext took longer than \(seconds) s and was stopped")
        } catch {
            throw ReadError(description: "pdftotext could not be started (\(error.localizedDescription))")
        }
        guard output.status == 0, !output.signalled else {
            let how = output.signalled ? "was killed by signal \(output.status)" : "failed (exit \(output.status))"
            throw ReadError(description: "pdftotext \(how)" + Self.lastLine(of: output.standardError))
        }
        return PDFLayout(bboxLayout: Array(output.standardOutput))
    }

    /// ": " and the last line pdftotext wrote to standard error ("Syntax Error: Couldn't read xref table"), cut
    /// to 200 characters; empty when it wrote nothing.
    private static func lastLine(of standardError: Data) -> String {
        let lines = String(decoding: standardError.suffix(4_096), as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        return ": " + MarkdownWriter.singleLine(String(last.prefix(200)))
    }

    /// The first executable called `name` in a directory of `PATH`.
    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
