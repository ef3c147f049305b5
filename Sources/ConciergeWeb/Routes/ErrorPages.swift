import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Turns every error a route or middleware throws into a page with the real status code and a fixed, friendly
/// sentence. Nothing from the error itself (messages, types, paths) reaches the page; unexpected errors are
/// logged by type only.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let views: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        var draft: ResendForm?
        do {
            // Inside the `do`: a body over the limit is a 413 page like any other (and is never read twice).
            draft = try await Self.chatDraft(&request, context: context)
            return try await next(request, context)
        } catch {
            let (status, headers) = Self.classify(error)
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))",
                                                                  "status": "\(status.code)"])
            }
            let copy = ErrorCopy(status: status, detail: (error as? HTTPError)?.body)
            let page = ErrorPage(status: status.code, title: copy.title, message: copy.message,
                                 resend: status == .serviceUnavailable ? draft : nil)
            var response = request.wantsFragment
                ? Response.text(copy.message, status: status)
                : Response.html(try views.render(page), status: status)
            for field in headers where field.name != .contentType && field.name != .contentLength {
                response.headers.append(field)
            }
            return response
        }
    }

    /// A plain (script-less) chat post is read here first, so that if the store is down its text can be shown
    /// again on the 503 page: nothing the shopper typed is lost. The body stays readable for the routes.
    static func chatDraft(_ request: inout Request, context: Context) async throws -> ResendForm? {
        guard request.method == .post, request.uri.path == "/chat", !request.wantsFragment else { return nil }
        let body = Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard let message = FormEncoding.field("message", in: body), let csrf = FormEncoding.field("csrf", in: body)
        else { return nil }
        return ResendForm(message: message, csrf: csrf, conversation: FormEncoding.field("conversation", in: body) ?? "",
                          turn: FormEncoding.field("turn", in: body) ?? "")
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
        case 400: (title, message) = ("That request could not be read", "Something in it was missing or malformed. Go back, reload the page and try again.")
        case 401: (title, message) = ("Please log in", "You need to be logged in for that.")
        case 403 where detail == "csrf":
            (title, message) = ("This form has expired", "For your safety we only accept forms from this site's own pages. Go back, reload the page and try again.")
        case 403: (title, message) = ("Not allowed", "Your account cannot open that.")
        case 404: (title, message) = ("Page not found", "There is nothing here. It may have moved, or the link may be mistyped.")
        case 405: (title, message) = ("Not allowed here", "That page does not accept this kind of request.")
        case 413: (title, message) = ("That was too much", "The form was larger than we accept. Shorten the text and try again.")
        case 415: (title, message) = ("Unsupported form", "Please send the form from this site's pages.")
        case 429: (title, message) = ("Too many attempts", "Please wait a few minutes and try again.")
        case 503: (title, message) = ("We will be right back", "The concierge cannot reach its data just now. Please try again in a minute.")
        case 400..<500: (title, message) = ("That did not work", "Please go back and try again.")
        default: (title, message) = ("Something went wrong", "Sorry, that failed on our side. Please try again in a moment.")
        }
    }
}
