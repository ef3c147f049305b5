import Foundation
import Retrieval
import Testing

@testable import RetrievalFiles

@Suite("Policy directories of Markdown, HTML and PDF")
struct PolicyDirectoryTests {
    static let markdown = Data("# Gift cards\n\n## Expiry\n\nGift cards expire after two years.\n".utf8)

    static func mixedDirectory() throws -> URL {
        try FixtureFiles.policyDirectory(
            "mixed", fixtures: ["returns-policy.pdf", "delivery-and-collection.html"],
            extra: [
                "gift-cards.md": markdown, "faq/Opening-Hours.HTM": Data("<h1>Opening hours</h1><p>9 to 5.</p>".utf8),
                "notes.docx": Data("ignored".utf8), ".draft.md": Data("# Hidden\n\nignored".utf8),
                "archive.html/readme.txt": Data("A directory named like a page is walked, not read.".utf8),
            ])
    }

    @Test("files are picked by extension, ids are relative paths without extension, in a deterministic order")
    func mixed() throws {
        let directory = try Self.mixedDirectory()
        let documents = try PolicyDirectory.documents(in: directory)
        #expect(
            documents.map(\.id) == [
                "archive.html/readme", "delivery-and-collection", "faq/Opening-Hours", "gift-cards", "returns-policy",
            ])
        let chunks = try PolicyDirectory.load(directory)
        #expect(chunks == (try PolicyDirectory.load(directory)))
        let titles = Dictionary(chunks.map { ($0.document, $0.title) }, uniquingKeysWith: { first, _ in first })
        #expect(
            titles == [
                "archive.html/readme": "Archive.html/readme", "delivery-and-collection": "Delivery & collection",
                "faq/Opening-Hours": "Opening hours", "gift-cards": "Gift cards", "returns-policy": "Returns and refunds",
            ])
    }

    @Test("a question about the PDF retrieves its section first, cited by heading path")
    func retrievesFromPDF() throws {
        let retriever = PolicyRetriever(chunks: try PolicyDirectory.load(try Self.mixedDirectory()))
        let top = try #require(retriever.retrieve("how long until my refund shows on my bank statement", top: 3).first)
        #expect(top.citation.document == "returns-policy")
        #expect(top.citation.heading == "Returns and refunds > Refunds > When your refund arrives")
        let gas = try #require(retriever.retrieve("can I send back a gas canister", top: 3).first)
        #expect(gas.citation.heading == "Returns and refunds > Returning an item > Items that cannot be returned")
        #expect(gas.chunk.text.contains("- gas canisters, stove fuel and firelighters;"))
    }

    @Test("a question about the HTML page retrieves its section first, cited by heading path")
    func retrievesFromHTML() throws {
        let retriever = PolicyRetriever(chunks: try PolicyDirectory.load(try Self.mixedDirectory()))
        let price = try #require(retriever.retrieve("what does next day delivery cost", top: 3).first)
        #expect(price.citation.document == "delivery-and-collection")
        #expect(price.citation.heading == "Delivery & collection > Delivery options > Prices and times")
        #expect(price.chunk.text.contains("| Next day | Order by 2 pm | £6.95 |"))
        let collect = try #require(
            retriever.retrieve("what ID do I need to collect my order in the shop", top: 3).first)
        #expect(collect.citation.heading == "Delivery & collection > Click & collect")
        for result in retriever.retrieve("analytics consent logo breadcrumb privacy", top: 5) {
            #expect(result.citation.document != "delivery-and-collection", "page furniture was indexed")
        }
    }

    @Test("a file that cannot be converted fails the whole load with its name")
    func failingFile() throws {
        let directory = try FixtureFiles.policyDirectory(
            "failing", fixtures: ["returns-policy.pdf"],
            extra: ["gift-cards.md": Self.markdown, "broken.html": Data([0x3C, 0x70, 0x3E, 0xC3, 0x28])])
        let error = #expect(throws: PolicyDirectory.LoadError.self) { try PolicyDirectory.load(directory) }
        #expect(error?.path.hasSuffix("/broken.html") == true)
        #expect(error?.reason == "not valid UTF-8 (byte 3); save the page as UTF-8")
    }

    @Test("a PDF without pdftotext installed fails the load, naming the file and the package")
    func missingTool() throws {
        let directory = try FixtureFiles.policyDirectory("no-tool", fixtures: ["returns-policy.pdf"])
        let reader = PopplerPDFReader(executable: URL(fileURLWithPath: "/nonexistent/pdftotext"))
        let error = #expect(throws: PolicyDirectory.LoadError.self) {
            try PolicyDirectory.load(directory, pdfReader: reader)
        }
        #expect(error?.path.hasSuffix("/returns-policy.pdf") == true)
        #expect(error?.reason.contains("apt-get install poppler-utils") == true)
    }

    @Test("two files with one document id are an error, as is an HTML page without text")
    func clashesAndEmptyPages() throws {
        let clash = try FixtureFiles.policyDirectory(
            "clash", fixtures: [], extra: ["returns.md": Self.markdown, "returns.html": Data("<p>Returns</p>".utf8)])
        let error = #expect(throws: PolicyDirectory.LoadError.self) { try PolicyDirectory.load(clash) }
        #expect(error?.reason == "same document id 'returns' as returns.html; rename one of them")

        let empty = try FixtureFiles.policyDirectory(
            "empty", fixtures: [], extra: ["app.html": Data("<div id=app></div><script>render()</script>".utf8)])
        #expect(throws: PolicyDirectory.LoadError.self) { try PolicyDirectory.load(empty) }
    }
}
