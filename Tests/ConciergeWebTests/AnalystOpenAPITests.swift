import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// `docs/openapi/analyst-api.json` against the running API: it lists exactly the endpoints the router registers, and
/// every answer of every endpoint (success and each error it documents) is valid against the schema it names.
@Suite("Analyst API: the OpenAPI document")
struct AnalystOpenAPITests {
    static func document() throws -> JSONValue {
        let url = RepositoryPaths.root.appendingPathComponent("docs/openapi/analyst-api.json")
        return try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    @Test func theDocumentListsExactlyTheRegisteredEndpoints() throws {
        let document = try Self.document()
        #expect(document["openapi"]?.string == "3.1.0")
        let paths = try #require(document["paths"])
        var documented = Set<String>()
        for path in paths.objectKeys {
            for method in paths[path]?.objectKeys ?? [] { documented.insert(method.uppercased() + " " + path) }
        }
        let registered = Set(AnalystEndpoint.allCases.map { $0.method.rawValue + " " + $0.path })
        #expect(documented == registered)
    }

    /// A response's problems against the schema the document names for its endpoint and status.
    static func problems(_ answer: Page, _ endpoint: AnalystEndpoint, document: JSONValue) throws -> [String] {
        let status = String(answer.status.code)
        let operation = document["paths"]?[endpoint.path]?[endpoint.method.rawValue.lowercased()]
        guard let response = operation?["responses"]?[status] else {
            return ["\(endpoint.path) does not document \(status)"]
        }
        #expect(answer.headers[.contentType] == AnalystJSON.contentType)
        let schema = try #require(response["content"]?["application/json"]?["schema"], "\(endpoint) \(status)")
        return JSONSchemaSubset(document: document).problems(try JSONValue.parse(answer.body), schema)
    }

    static func path(_ endpoint: AnalystEndpoint, id: String) -> String {
        endpoint.path.replacingOccurrences(of: "{id}", with: id)
    }

    @Test func everyAnswerOfEveryEndpointMatchesTheDocument() async throws {
        let document = try Self.document()
        let segment = AnalystWorld.segment
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let shopper = try await AnalystWorld.signedIn(.shopper, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            var checked = Set<String>()
            func check(_ answer: Page, _ endpoint: AnalystEndpoint) throws {
                let found = try Self.problems(answer, endpoint, document: document)
                #expect(found.isEmpty, "\(endpoint) \(answer.status.code): \(found)")
                checked.insert("\(endpoint) \(answer.status.code)")
            }
            func send(_ who: Browser, _ endpoint: AnalystEndpoint, id: String, token: String? = nil) async throws -> Page {
                if endpoint == .chat {
                    // The chat's "id" is the conversation: an unknown one is its 404.
                    let conversation = id == "nope" ? #","conversationID":"an_nope""# : ""
                    return try await Self.postChat(who, #"{"question":"what's our total CLV?"\#(conversation)}"#,
                                                   token: token)
                }
                if endpoint.method == .post {
                    return try await AnalystWorld.postJSON(who, Self.path(endpoint, id: id), token: token)
                }
                return try await who.get(Self.path(endpoint, id: id))
            }
            // The segmentation endpoints need a desk with runs: `SegmentationRunWebTests` checks their answers over
            // the real store; the in-memory desk answers them 503 (below).
            // The usage report is admins' (below).
            for endpoint in AnalystEndpoint.allCases where !endpoint.isSegmentation && endpoint != .usage {
                let id = endpoint == .customerFeatures ? AnalystWorld.customer : segment
                let success = try await send(analyst, endpoint, id: id, token: token)
                #expect(success.status.code / 100 == 2, "\(endpoint)")
                try check(success, endpoint)
                try check(try await send(browser, endpoint, id: id), endpoint)  // 401
                try check(try await send(shopper, endpoint, id: id, token: token), endpoint)  // 403
                if endpoint != .segments { try check(try await send(analyst, endpoint, id: "nope", token: token), endpoint) }
            }
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            try check(try await admin.get(AnalystEndpoint.usage.path), .usage)  // 200
            try check(try await browser.get(AnalystEndpoint.usage.path), .usage)  // 401
            let refused = try await analyst.get(AnalystEndpoint.usage.path)
            #expect(refused.status == .forbidden && AnalystWorld.errorCode(refused) == "forbidden")
            try check(refused, .usage)  // 403
            try check(try await AnalystWorld.postJSON(analyst, Self.path(.refreshInsight, id: segment), token: nil),
                      .refreshInsight)
            // The versions keep the one with an unsupported sentence (the refresh above wrote a newer one).
            #expect(try await analyst.get(Self.path(.insights, id: segment)).contains(InMemoryAnalystDesk.unsupportedProblem))
            try check(try await Self.postChat(analyst, #"{"question":""}"#, token: token), .chat)  // 422
            try check(try await Self.postChat(analyst, #"{"ask":"x"}"#, token: token), .chat)  // 400
            let badKey = try await Self.postChat(analyst, #"{"question":"how many?","turnKey":"not a key!"}"#, token: token)
            #expect(badKey.status == .badRequest)
            try check(badKey, .chat)
            for _ in 0..<AnalystLimits().requestsPerWindow { _ = try await analyst.get("/admin/api/segments") }
            try check(try await analyst.get("/admin/api/segments"), .segments)  // 429
            #expect(checked.contains("segments 429") && checked.contains("refreshInsight 201"))
            // Success, 401 and 403 of each endpoint, 404 of the five with an id (the chat's conversation), the
            // chat's 422 and 400, and the 429; the usage report's 200, 401 and 403.
            let expected = 29
            #expect(checked.count == expected, "\(checked.sorted())")
        }
        try await WebWorld.run(AnalystWorld.world(desk: nil)) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            // The usage report reads the store, not the desk: it has no 503 of its own.
            for endpoint in AnalystEndpoint.allCases where endpoint.method == .get && endpoint != .usage {
                let answer = try await analyst.get(Self.path(endpoint, id: segment))
                #expect(answer.status == .serviceUnavailable)
                let found = try Self.problems(answer, endpoint, document: document)
                #expect(found.isEmpty, "\(endpoint) 503: \(found)")
            }
        }
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            for endpoint in AnalystEndpoint.allCases where endpoint.isSegmentation {
                let uri = Self.path(endpoint, id: "seg-1")
                let answer = endpoint.method == .post
                    ? try await AnalystWorld.postJSON(analyst, uri, token: token) : try await analyst.get(uri)
                #expect(answer.status == .serviceUnavailable, "a desk without runs: \(endpoint)")
                #expect(try Self.problems(answer, endpoint, document: document).isEmpty, "\(endpoint) 503")
            }
        }
    }

    static func postChat(_ who: Browser, _ json: String, token: String?) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[AnalystAPIGuard.csrfHeader] = token }
        return try await who.send(AnalystEndpoint.chat.path, method: .post, headers: headers,
                                  body: ByteBuffer(string: json))
    }

    @Test func theValidatorRefusesWhatTheDocumentForbids() throws {
        let document = try Self.document()
        let validator = JSONSchemaSubset(document: document)
        let error: JSONValue = .object(["$ref": .string("#/components/schemas/Error")])
        #expect(validator.problems(try JSONValue.parse(#"{"error":"forbidden","message":"no"}"#), error).isEmpty)
        #expect(!validator.problems(try JSONValue.parse(#"{"error":"forbidden"}"#), error).isEmpty, "missing message")
        #expect(!validator.problems(try JSONValue.parse(#"{"error":"teapot","message":"no"}"#), error).isEmpty, "enum")
        #expect(!validator.problems(try JSONValue.parse(#"{"error":"csrf","message":"no","x":1}"#), error).isEmpty,
                "additional property")
        #expect(!validator.problems(try JSONValue.parse(#"{"error":"csrf","message":7}"#), error).isEmpty, "type")
        let bucket: JSONValue = .object(["$ref": .string("#/components/schemas/HistogramBucket")])
        #expect(!validator.problems(try JSONValue.parse(#"{"lowerBound":0,"customers":1.5}"#), bucket).isEmpty,
                "integer")
        let unknown: JSONValue = .object(["minimum": .number(0)])
        #expect(!validator.problems(.number(1), unknown).isEmpty, "a keyword outside the subset is refused")
    }
}
