import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Turns every error a route or middleware throws into a page with the real status code and a fixed, friendly
/// sentence. Nothing from the error itself (messages, types, paths) reaches the page; unexpected errors are
/// logged by type only. A 503 on a resendable route's plain post shows its form again (`ResendableRoute`).
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let views: PageRenderer
    let resendable: [ResendableRoute]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        var kept: (route: ResendableRoute, body: [UInt8])?
        do {
            // Buffered before anything runs (a failed session read comes before the route), and inside the `do`: a
            // body over the limit is a 413 page like any other. It is parsed only if the post fails with a 503.
            if request.method == .post, !request.wantsFragment,
                let route = resendable.first(where: { $0.path == request.uri.path }) {
                kept = (route, Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView))
            }
            return try await next(request, context)
        } catch {
            let (status, headers) = Self.classify(error)
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))",
                                                                  "status": "\(status.code)"])
            }
            let copy = ErrorCopy(status: status, detail: (error as? HTTPError)?.body)
            let resend = status == .serviceUnavailable ? kept.flatMap { $0.route.draft($0.body) } : nil
            let page = ErrorPage(status: status.code, title: copy.title, message: copy.message, resend: resend)
            var response = request.wantsFragment
                ? Response.text(copy.message, status: status)
                : Response.html(try views.render(page), status: status)
            for field in headers where field.name != .contentType && field.name != .contentLength {
                response.headers.append(field)
            }
            return response
        }
    }

    /// The status to answer with, and any headers the error asked for (`Allow`, `Retry-After`).
    static func classify(_ error: any Error) -> (HTTPResponse.Status, HTTPFields) {
        switch error {
        case let error as HTTPError: (error.status, error.headers)
        case let error as any HTTPResponseError: (error.status, [:])
        case StoreError.unavailable: (.serviceUnavailable, [.retryAfter: "30"])
        default: (.internalServerError, [:])
        }
    }
}

/// What a person reads for each status.
struct ErrorCopy {
    let title: String
    let message: String

    init(status: HTTPResponse.Status, detail: String?) {
        switch status.code {
        case 400 where detail == "invalid UTF-8":
            (title, message) = ("That form could not be read", "Some of the text was not valid UTF-8. Please retype it and send again.")
        case 400 where detail == FormEncoding.controlCharacterDetail:
            (title, message) = ("That form could not be read", "It held control characters (invisible codes such as NUL) that no field accepts. Go back, reload the page and try again.")
        case 400: (title, message) = ("That request could not be read", "Something in it was missing or malformed. Go back, reload the page and try again.")
        case 401: (title, message) = ("Please log in", "You need to be logged in for that.")
        case 403 where detail == "csrf":
            (title, message) = ("This form has expired", "For your safety we only accept forms from this site's own pages. Go back, reload the page and try again.")
        case 403: (title, message) = ("Not allowed", "Your account cannot open that.")
        case 404: (title, message) = ("Page not found", "There is nothing here. It may have moved, or the link may be mistyped.")
        case 405: (title, message) = ("Not allowed here", "That page does not accept this kind of request.")
        case 409: (title, message) = ("A run is in progress", "Your previous segmentation run is still computing. Wait a few seconds, then open the runs page again.")
        case 413: (title, message) = ("That was too much", "The form was larger than we accept. Shorten the text and try again.")
        case 415: (title, message) = ("Unsupported form", "Please send the form from this site's pages.")
        case 429: (title, message) = ("Too many attempts", "Please wait a few minutes and try again.")
        case 503 where detail == AnalystSide.notConfigured:
            (title, message) = ("The analyst side is not configured", "This server runs without the analyst side. Ask whoever runs it to configure it.")
        case 503: (title, message) = ("We will be right back", "The concierge cannot reach its data just now. Please try again in a minute.")
        case 400..<500: (title, message) = ("That did not work", "Please go back and try again.")
        default: (title, message) = ("Something went wrong", "Sorry, that failed on our side. Please try again in a moment.")
        }
    }
}
