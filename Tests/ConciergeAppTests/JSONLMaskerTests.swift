import ConciergeApp
import Testing

/// `concierge mask --jsonl`, one line at a time.
@Suite("JSONL masking")
struct JSONLMaskerTests {
    @Test func jsonlEchoesIdsWithTheirJSONType() {
        #expect(
            JSONLMasker.process(line: #"{"id": 7, "text": "mail a@b.com"}"#)
                == #"{"id":7,"masked":"mail <EMAIL_1>"}"#)
        #expect(JSONLMasker.process(line: #"{"text": "x", "id": "m-1"}"#) == #"{"id":"m-1","masked":"x"}"#)
        #expect(JSONLMasker.process(line: #"{"id": 7.50, "text": "x"}"#) == #"{"id":7.50,"masked":"x"}"#)
        #expect(JSONLMasker.process(line: #"{"id": null, "text": "x"}"#) == #"{"id":null,"masked":"x"}"#)
    }

    @Test func jsonlEscapesAndUnescapes() {
        let line = #"{"id":1,"text":"line\none \"q\" \u00e9 \ud83d\ude00 tab\t 07700 900123"}"#
        #expect(JSONLMasker.process(line: line) == #"{"id":1,"masked":"line\none \"q\" é 😀 tab\t <PHONE_1>"}"#)
    }

    @Test func jsonlEachLineIsItsOwnConversation() {
        let first = JSONLMasker.process(line: #"{"id":1,"text":"b@b.com"}"#)
        let second = JSONLMasker.process(line: #"{"id":2,"text":"a@a.com b@b.com"}"#)
        #expect(first == #"{"id":1,"masked":"<EMAIL_1>"}"#)
        #expect(second == #"{"id":2,"masked":"<EMAIL_1> <EMAIL_2>"}"#)
    }

    @Test func jsonlProfileAndAllowList() {
        let line =
            #"{"id":1,"text":"I'm Jane Doe, store 020 7946 0000","profile":{"name":"Jane Doe"},"#
            + #""allow":{"phones":["+44 20 7946 0000"]}}"#
        #expect(JSONLMasker.process(line: line) == #"{"id":1,"masked":"I'm <NAME_1>, store 020 7946 0000"}"#)
    }

    /// What Foundation's reader alone would not give: the id as written wherever it sits and however its name is
    /// spelled, lone surrogates read as U+FFFD, and a line ending in CR.
    @Test func jsonlRawIdsSurrogatesAndCarriageReturns() {
        let cases: [(line: String, output: String)] = [
            (#"{"id":{"a":[1,"}"]} , "text":"x"}"#, #"{"id":{"a":[1,"}"]},"masked":"x"}"#),
            (#"{"\u0069d":9,"text":"x"}"#, #"{"id":9,"masked":"x"}"#),
            (#"{"id":"\u0069d-1","text":"x"}"#, #"{"id":"\u0069d-1","masked":"x"}"#),
            (
                #"{"id":1,"text":"a \udc00 b \ud800\u0041 c \ud83d\ude00"}"#,
                #"{"id":1,"masked":"a \#u{FFFD} b \#u{FFFD}A c 😀"}"#
            ),
            (#"{"id":1,"text":"a\\ud800"}"#, #"{"id":1,"masked":"a\\ud800"}"#),
            ("{\"id\":\"cr\",\"text\":\"x\"}\r", #"{"id":"cr","masked":"x"}"#),
        ]
        for (line, output) in cases {
            #expect(JSONLMasker.process(line: line) == output, "\(line)")
        }
    }

    @Test(arguments: [
        "", "   ", "not json", "[1,2]", #"{"id": 3}"#, #"{"id": 3, "text": 5}"#, #"{"id":1,"text":"x""#,
        #"{"id":1,"text":"x"} trailing"#, #"{"text":"\ud800"}"#,
    ])
    func jsonlBadLinesYieldAnErrorObject(_ line: String) {
        let output = JSONLMasker.process(line: line)
        if line.contains(#"\ud800"#) {
            #expect(output == #"{"id":null,"masked":"\#u{FFFD}"}"#)
        } else {
            #expect(output.hasPrefix(#"{"id":"#))
            #expect(output.contains(#""error":"#))
        }
    }
}
