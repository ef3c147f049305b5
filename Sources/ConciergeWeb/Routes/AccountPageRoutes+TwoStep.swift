import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Turning two-step verification on (a new secret, shown once; a code confirms it; recovery codes shown once) and off
/// (with the password). Posts only: the secret and the codes are never behind a GET a browser could cache or replay.
extension AccountPageRoutes {
    func startTwoStep(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        guard let enrolment = try await twoStep.start(for: signedIn.user) else { return .seeOther(Self.path) }
        let page = TwoStepEnrolPage(user: signedIn.user, csrf: signedIn.session.csrfToken, secret: enrolment.secret,
                                    uri: enrolment.uri)
        return .html(try views.render(page))
    }

    func confirmTwoStep(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: LoginCodeForm.self, context: context)
        switch try await twoStep.confirm(signedIn.user, code: form.code) {
        case .confirmed(let codes):
            let page = TwoStepCodesPage(user: signedIn.user, csrf: signedIn.session.csrfToken, codes: codes)
            return .html(try views.render(page))
        case .wrongCode:
            let page = TwoStepEnrolPage(user: signedIn.user, csrf: signedIn.session.csrfToken, secret: nil, uri: nil,
                                        error: TwoStepCopy.wrongEnrolmentCode)
            return .html(try views.render(page), status: .unprocessableContent)
        case .notEnrolling:
            return .seeOther(Self.path)
        }
    }

    func disableTwoStep(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: AccountDeletionForm.self, context: context)
        let address = transport.clientAddress(request, peer: context.peerAddress)
        if let problem = try await accounts.confirmPassword(form.password, of: signedIn.user, address: address) {
            let page = try await settingsPage(signedIn, problem: .twoStep(problem))
            return .html(try views.render(page), status: .unprocessableContent)
        }
        try await twoStep.disable(signedIn.user)
        return .seeOther("\(Self.path)?notice=\(AccountNotice.twoStepOff.rawValue)")
    }
}
