import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// `POST /location` (a city, coordinates, or back to home) and `POST /debug` (reviewers and admins only: the
/// route group's authorization policy answers 403 to everyone else, before the handler runs).
struct PreferenceRoutes<Store: ChatStore & UsageStore & HandoffStore>: Sendable {
    let loader: ChatPageLoader<Store>
    let views: PageRenderer
    let preferences: BrowserPreferences

    func register(on router: some RouterMethods<WebContext>) {
        router.post("/location", use: location)
        router.group("/debug")
            .add(middleware: AuthorizationPolicyMiddleware(
                ClosureAuthorizationPolicy<SignedIn> { identity, _ in identity.user.role.maySeeDebugTrace },
                context: WebContext.self))
            .post(use: debug)
    }

    func location(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: LocationForm.self, context: context)
        let conversation = try await loader.ownedConversation(form.conversation, user: signedIn.user)
        // Back to the location panel, which confirms the change in words (`ChatRoutes.page` reads `located`).
        var response = Response.seeOther(ChatLocation.path(conversation: conversation, located: true))
        switch LocationChange(form, places: preferences.places) {
        case .reset:
            response.setCookie(preferences.jar(request).expired(CookieJar.place))
        case .set(let choice):
            response.setCookie(preferences.jar(request).make(CookieJar.place, PlaceCookie.encode(choice)))
        case .invalid(let reason):
            var input = try await loader.input(for: signedIn, selection: conversation.map { .specific($0) } ?? .new,
                                               place: preferences.place(request),
                                               debug: preferences.debug(request, user: signedIn.user))
            input.locationError = reason
            input.locationTyped = ControlCharacters.removed(from: form.place ?? form.city ?? "", allowingLineBreaks: false)
            return .html(try views.render(ChatPage(input)), status: .unprocessableContent)
        }
        return response
    }

    func debug(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: DebugForm.self, context: context)
        let conversation = try await loader.ownedConversation(form.conversation, user: signedIn.user)
        var response = Response.seeOther(ChatLocation.path(conversation: conversation))
        let jar = preferences.jar(request)
        response.setCookie(form.show == "1" ? jar.make(CookieJar.debug, "1") : jar.expired(CookieJar.debug))
        return response
    }
}
