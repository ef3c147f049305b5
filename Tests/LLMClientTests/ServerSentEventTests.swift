import ConciergeCore
@testable import CurlLLM
import Foundation
import Testing

/// The SSE parser and the chat-completions stream decoder, fed a real stream cut at every byte.
@Suite("Server-sent events")
struct ServerSentEventTests {
    /// An OpenAI-style stream with CRLF and LF line ends, a comment, a two-byte and a four-byte UTF-8 character, a
    /// placeholder, a usage chunk and `[DONE]`.
    static let stream: [UInt8] = {
        let lines: [String] = [
            ": keep-alive\r\n\r\n",
            "data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\r\n\r\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"Café 🍫 for \"}}]}\n\n",
            "event: message\nid: 3\ndata: {\"choices\":[{\"delta\":{\"content\":\"<ORDER_ID_1>.\"}}]}\n\n",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":5}}\n\n",
            "data: [DONE]\n\n",
        ]
        return Array(lines.joined().utf8)
    }()

    static func decode(_ pieces: [ArraySlice<UInt8>]) throws -> (ChatCompletionsStreamDecoder, [String]) {
        var parser = ServerSentEventParser()
        var decoder = ChatCompletionsStreamDecoder()
        var deltas: [String] = []
        for piece in pieces {
            for event in try parser.feed(piece) {
                if let delta = decoder.consume(event) { deltas.append(delta) }
            }
        }
        return (decoder, deltas)
    }

    @Test("split at every byte (inside lines, CRLF pairs, data: prefixes and UTF-8 sequences) the result is the same")
    func everySplitPoint() throws {
        let whole = try Self.decode([Self.stream[...]])
        #expect(whole.1 == ["Café 🍫 for ", "<ORDER_ID_1>."])
        #expect(whole.0.isDone && whole.0.failure == nil && whole.0.model == "m")
        #expect(whole.0.usage == LLMUsage(promptTokens: 7, completionTokens: 5))
        for cut in 1..<Self.stream.count {
            let (decoder, deltas) = try Self.decode([Self.stream[..<cut], Self.stream[cut...]])
            #expect(deltas == whole.1, "cut at byte \(cut)")
            #expect(decoder.text == "Café 🍫 for <ORDER_ID_1>." && decoder.isDone, "cut at byte \(cut)")
        }
        // And one byte at a time.
        let (decoder, deltas) = try Self.decode(Self.stream.indices.map { Self.stream[$0...$0] })
        #expect(deltas == whole.1 && decoder.usage == whole.0.usage)
    }

    @Test("an event is decoded only when its blank line has arrived")
    func nothingHalfParsed() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.feed(Array("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n".utf8)).isEmpty)
        #expect(try parser.feed(Array("\n".utf8)) == ["{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}"])
        #expect(try parser.feed(Array("data: a\ndata: b\n\n".utf8)) == ["a\nb"])
    }

    @Test("garbage, an error object or an oversized event fail the stream; nothing after [DONE] counts")
    func failures() throws {
        var garbage = ChatCompletionsStreamDecoder()
        #expect(garbage.consume("{\"choices\":[{\"delta\":{\"content\":\"ok \"}}]}") == "ok ")
        #expect(garbage.consume("{\"choices\": [{\"delta\": {\"content\": \"unterminated") == nil)
        #expect(garbage.failure == .notJSON)
        #expect(garbage.consume("{\"choices\":[{\"delta\":{\"content\":\"more\"}}]}") == nil)
        var errorObject = ChatCompletionsStreamDecoder()
        _ = errorObject.consume("{\"error\":{\"message\":\"overloaded\"}}")
        #expect(errorObject.failure == .notJSON)
        var parser = ServerSentEventParser(maxEventBytes: 64)
        #expect(throws: ServerSentEventParser.EventTooLarge.self) {
            _ = try parser.feed(Array(("data: " + String(repeating: "x", count: 100)).utf8))
        }
        var done = ChatCompletionsStreamDecoder()
        _ = done.consume("{\"choices\":[{\"delta\":{\"content\":\"all\"}}]}")
        _ = done.consume("[DONE]")
        #expect(done.consume("{\"choices\":[{\"delta\":{\"content\":\" late\"}}]}") == nil)
        #expect(done.text == "all")
    }
}
