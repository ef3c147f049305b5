import Foundation
import Testing

@testable import RetrievalFiles

@Suite("PDF through Poppler's pdftotext")
struct PopplerPDFReaderTests {
    static let fixture = FixtureFiles.url("returns-policy.pdf")

    private func headings(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
    }

    @Test("the fixture's three heading sizes come back as #, ## and ###, its text as paragraphs and list items")
    func fixture() throws {
        let markdown = try PopplerPDFReader().markdown(of: Self.fixture)
        #expect(
            headings(markdown) == [
                "# Returns and refunds", "## Returning an item", "### Items that cannot be returned",
                "### How to send an item back", "## Refunds", "### When your refund arrives", "### Store credit",
                "## Faulty and damaged goods", "## Exchanges",
            ])
        #expect(
            markdown.contains("\n- gas canisters, stove fuel and firelighters;\n- personalised or engraved items;\n"))
        #expect(markdown.contains("We refund the original payment method within five working days"))
        #expect(!markdown.contains("returns policy"), "the running footer is dropped")
        #expect(!markdown.contains("-2-"), "the page number is dropped")
    }

    @Test("without pdftotext the error names the package to install")
    func missingTool() {
        let reader = PopplerPDFReader(executable: URL(fileURLWithPath: "/nonexistent/pdftotext"))
        let error = #expect(throws: PopplerPDFReader.ReadError.self) { try reader.markdown(of: Self.fixture) }
        #expect(error?.description.contains("poppler-utils") == true)
    }

    @Test("a file that is not a PDF fails with pdftotext's own message")
    func damaged() throws {
        let file = try FixtureFiles.scratchDirectory("damaged").appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\nthis is not really a PDF".utf8).write(to: file)
        let error = #expect(throws: PopplerPDFReader.ReadError.self) { try PopplerPDFReader().markdown(of: file) }
        #expect(error?.description.hasPrefix("pdftotext failed (exit 1): ") == true, "\(String(describing: error))")
    }

    @Test("a pdftotext that hangs is killed at the deadline, its children too")
    func timeout() throws {
        // The script waits for `sleep`, a grandchild that must die too or it would hold the pipes open.
        let reader = PopplerPDFReader(executable: FixtureFiles.fakeTool("hangs"), timeout: .milliseconds(300))
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: PopplerPDFReader.ReadError.self) { try reader.markdown(of: Self.fixture) }
        #expect(error?.description == "pdftotext took longer than 0.3 s and was stopped")
        #expect(clock.now - started < .seconds(10))
    }

    @Test("a child writing megabytes to standard error does not stall; a killed or textless one is an error")
    func misbehavingTools() throws {
        let chatty = PopplerPDFReader(executable: FixtureFiles.fakeTool("chatty"))
        #expect(try chatty.markdown(of: Self.fixture).hasPrefix("# Returns and refunds"))

        let killed = FixtureFiles.fakeTool("killed")
        let killedError = #expect(throws: PopplerPDFReader.ReadError.self) {
            try PopplerPDFReader(executable: killed).markdown(of: Self.fixture)
        }
        #expect(killedError?.description == "pdftotext was killed by signal 9")

        let textless = FixtureFiles.fakeTool("textless")
        let textlessError = #expect(throws: PopplerPDFReader.ReadError.self) {
            try PopplerPDFReader(executable: textless).markdown(of: Self.fixture)
        }
        #expect(textlessError?.description == "no text in the PDF (a scanned PDF needs OCR first)")
    }
}
