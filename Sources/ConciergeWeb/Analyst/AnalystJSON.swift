import Analytics
import Foundation
import Hummingbird

/// The API's JSON: canonical (sorted keys, no escaped slashes), so equal answers are equal bytes, and the same
/// encoder for success and error bodies.
enum AnalystJSON {
    static let contentType = "application/json; charset=utf-8"

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok,
                         headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder().encode(value))))
    }
}

/// Every refusal of the API: a stable machine code and a sentence for people. Nothing from the error itself.
struct APIErrorBody: Codable, Sendable, Equatable {
    let error: String
    let message: String

    init(status: HTTPResponse.Status, detail: String?) {
        switch status.code {
        case 401: (error, message) = ("unauthorized", "Log in first: the analyst API uses the site's session cookie.")
        case 403 where detail == "csrf":
            (error, message) = ("csrf", "Send the session's CSRF token in X-CSRF-Token, from this site's pages only.")
        case 403 where detail == ModelUsageReader.adminsOnly:
            (error, message) = ("forbidden", "Only admins may see what the model costs.")
        case 403: (error, message) = ("forbidden", "Only analysts and admins may use the analyst API.")
        case 404: (error, message) = ("not-found", "Nothing has that id.")
        case 400 where detail?.hasPrefix(SegmentationAPI.reasonPrefix) == true:
            (error, message) = ("bad-request", String(detail!.dropFirst(SegmentationAPI.reasonPrefix.count)))
        case 405: (error, message) = ("method-not-allowed", "This endpoint does not accept that method.")
        case 409: (error, message) = ("conflict", "A segmentation run of yours is still in progress: wait for it.")
        case 422: (error, message) = ("unprocessable", "The question is empty, too long or holds control characters.")
        case 429: (error, message) = ("rate-limited", "Too many requests: wait for the seconds in Retry-After.")
        case 503 where detail == AnalystSide.notConfigured:
            (error, message) = ("not-configured", "The analyst side is not configured on this server.")
        case 503: (error, message) = ("unavailable", "The analyst side cannot reach its data just now.")
        case 400..<500: (error, message) = ("bad-request", "The request could not be handled.")
        default: (error, message) = ("internal", "That failed on our side.")
        }
    }
}

/// `GET /admin/api/segments/{id}/insights`.
struct InsightVersions: Codable, Sendable {
    let segmentID: String
    /// Newest first.
    let insights: [SegmentInsight]
}

/// `POST /admin/api/segments/{id}/refresh-insight`.
struct RefreshedInsight: Codable, Sendable {
    let insight: SegmentInsight
}
