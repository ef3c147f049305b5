import Hummingbird

/// `HEAD` answers like `GET` without the body (RFC 9110 §9.3.2): the same status and headers, `Content-Length`
/// included. Hummingbird's router matches methods exactly, so a `HEAD` on a page was a 404 (issue 13, item 9): the
/// router is built with `.autoGenerateHeadEndpoints` (a `HEAD` route runs the `GET` route and drops its body), and
/// this middleware drops the body of every other answer to a `HEAD` (the 404 page), keeping its length.
struct HeadRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .head else { return try await next(request, context) }
        var response = try await next(request, context)
        // The header first: the router's `HEAD` routes have already dropped the body and kept the `GET`'s length.
        let length = response.headers[.contentLength].flatMap { Int($0) } ?? response.body.contentLength
        response.body = ResponseBody()
        response.headers[.contentLength] = length.map(String.init)
        return response
    }
}
