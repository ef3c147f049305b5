import Foundation
import Testing

@testable import RetrievalFiles

@Suite("HTML to Markdown")
struct HTMLConverterTests {
    private func markdown(_ html: String) throws -> String {
        try HTMLConverter.markdown(from: Array(html.utf8))
    }

    @Test("headings, paragraphs, list items and table rows keep their structure")
    func structure() throws {
        let html = """
            <h1>Returns</h1><p>Within <b>30</b> days.</p>
            <h2>Exceptions</h2><ul><li>Gas <i>canisters</i></li><li><p>Engraved</p> items</li></ul>
            <h6>Deep</h6><table><tr><th>Service</th><th>Price</th></tr><tr><td>Next day</td><td>£6.95</td></tr></table>
            """
        #expect(
            try markdown(html) == """
                # Returns

                Within 30 days.

                ## Exceptions

                - Gas canisters
                - Engraved items

                ###### Deep

                | Service | Price |
                | Next day | £6.95 |

                """)
    }

    @Test("scripts, styles, navigation and the page's header and footer are dropped; an article's are kept")
    func boilerplate() throws {
        let html = """
            <html><head><title>T</title><style>p { color: red }</style><script>if (a < b) "</p>";</script></head>
            <body><header>Site logo</header><nav><ul><li>Menu</li></ul></nav>
            <main><article><header><h2>Kept heading</h2></header><p>Body</p><footer>Reviewed 2026</footer></article>
            </main><noscript>Enable JS</noscript><svg><title>icon</title><text>svg text</text></svg>
            <footer>© Shop<script src="x.js"></script></footer><button>Add to basket</button></body></html>
            """
        let text = try markdown(html)
        #expect(text == "# T\n\n## Kept heading\n\nBody\n\nReviewed 2026\n")
    }

    @Test("entities: named, numeric, hexadecimal, no-break spaces; unknown ones stay as written")
    func entities() throws {
        let text = try markdown(
            "<p>Fish &amp; chips&nbsp;&nbsp;for &pound;5 &#8211; &#x20AC;6 &eacute;t&eacute; &yuml; &bogus; &amp "
                + "&#0; &#xD800; &#99999999999; co&shy;operate</p>")
        #expect(text == "Fish & chips for £5 – €6 été ÿ &bogus; &amp \u{FFFD} \u{FFFD} \u{FFFD} cooperate\n")
    }

    @Test("the title is the <title>, else the first h1, which is not repeated")
    func title() throws {
        #expect(try markdown("<title>Page title</title><h1>Heading</h1><p>x</p>") == "# Page title\n\n# Heading\n\nx\n")
        #expect(try markdown("<title> Same </title><h1>Same</h1><p>x</p>") == "# Same\n\nx\n")
        #expect(try markdown("<title>Same</title><h2>Same</h2><p>x</p><h2>Same</h2>") == "# Same\n\nx\n\n## Same\n")
        #expect(try markdown("<h2>First</h2><p>x</p><h1>Main</h1><p>y</p>") == "# Main\n\n## First\n\nx\n\ny\n")
        #expect(try markdown("<p>no headings</p>") == "no headings\n")
    }

    @Test("paragraph text the chunker would misread as a heading, fence or rule is escaped")
    func escaping() throws {
        #expect(try markdown("<p># of items</p><p>```</p><p>---</p>") == "\\# of items\n\n\\```\n\n\\---\n")
    }

    @Test("malformed HTML degrades to text: unclosed tags, comments, quotes, stray '<' and end tags")
    func malformed() throws {
        #expect(try markdown("<p>Open <b>bold <i>never closed") == "Open bold never closed\n")
        #expect(try markdown("<p>a < b and 3<4</p></div></span>") == "a < b and 3<4\n")
        #expect(try markdown("<p>before<!-- never closed <p>hidden") == "before\n")
        #expect(try markdown("<p>x</p><a href=\"unclosed>text") == "x\n")
        #expect(try markdown("<p>x</p><div") == "x\n")
        #expect(try markdown("<nav>menu<p>unclosed nav<main><p>content</p></main>") == "content\n")
        #expect(try markdown("<template><article>inert</article></template><p>shown</p>") == "shown\n")
        #expect(
            try markdown("<td>cell without row</td><li>item without list")
                == "| cell without row |\n\n- item without list\n")
        #expect(try markdown("<h2>heading <p>with block</p> inside</h2>") == "## heading with block inside\n")
        #expect(try markdown("<script>never closed <p>hidden") == "")
        #expect(try markdown("</>< p>text<!>x<?php echo ?>y<!---->z</ 3>") == "< p>textxyz\n")
    }

    @Test("a huge attribute value, deep nesting and a 1 MB page convert in linear time")
    func largeInputs() throws {
        let attribute = "<p title=\"" + String(repeating: "a>", count: 500_000) + "\">after</p>"
        #expect(try markdown(attribute) == "after\n")
        let unquoted = "<p title=" + String(repeating: "x", count: 1_000_000) + ">after</p>"
        #expect(try markdown(unquoted) == "after\n")
        let nested = String(repeating: "<div><span>", count: 100_000) + "deep"
        #expect(try markdown(nested) == "deep\n")
        let section =
            "<h2>Section</h2><p>" + String(repeating: "Refunds take five days &amp; more. ", count: 30)
            + "</p><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\n"
        let page = String(repeating: section, count: 1_048_576 / section.utf8.count + 1)
        let pathological =
            String(repeating: "<", count: 300_000) + String(repeating: "&#", count: 300_000)
            + String(repeating: "<!--", count: 100_000)
        let clock = ContinuousClock()
        let started = clock.now
        let converted = try markdown(page)
        let degraded = try markdown(pathological)
        let elapsed = clock.now - started
        #expect(converted.components(separatedBy: "## Section").count > 100)
        #expect(!degraded.isEmpty)
        #expect(elapsed < .seconds(20), "linear time: took \(elapsed)")
    }

    @Test("invalid UTF-8 and UTF-16 are clear errors; a UTF-8 byte-order mark is fine")
    func encodings() throws {
        #expect(throws: HTMLConverter.NotUTF8(offset: 6)) {
            try HTMLConverter.markdown(from: Array("<p>ok ".utf8) + [0xC3, 0x28] + Array("</p>".utf8))
        }
        let error = #expect(throws: HTMLConverter.NotUTF8.self) {
            try HTMLConverter.markdown(from: [0xFF, 0xFE, 0x3C, 0x00])
        }
        #expect(error?.description == "the file is UTF-16; save it as UTF-8")
        #expect(try HTMLConverter.markdown(from: [0xEF, 0xBB, 0xBF] + Array("<p>ü</p>".utf8)) == "ü\n")
    }

    @Test("a page declaring Latin-1 or Windows-1252 is read as Windows-1252; other legacy charsets are an error")
    func legacyCharsets() throws {
        let latin1 =
            Array("<meta http-equiv=Content-Type content='text/html; CHARSET=ISO-8859-1'><p>caf".utf8)
            + [0xE9, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x93, 0x6F, 0x6B, 0x94] + Array("</p>".utf8)
        #expect(try HTMLConverter.markdown(from: latin1) == "café – €5 “ok”\n")
        let declaredButUTF8 = Array("<meta charset=\"iso-8859-1\"><p>café</p>".utf8)
        #expect(try HTMLConverter.markdown(from: declaredButUTF8) == "café\n")
        let shiftJIS = Array("<meta charset=shift_jis><p>".utf8) + [0x82, 0xA0] + Array("</p>".utf8)
        let error = #expect(throws: HTMLConverter.NotUTF8.self) { try HTMLConverter.markdown(from: shiftJIS) }
        #expect(error?.description == "the page is in shift_jis, which is not read; save it as UTF-8")
        #expect(HTMLCharset.declared(in: Array("<p>no declaration</p>".utf8)) == nil)
    }
}
