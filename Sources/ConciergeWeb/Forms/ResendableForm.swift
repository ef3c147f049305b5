import ConciergeViews
import Foundation
import Hummingbird

/// A form whose text must not be lost when the server cannot handle it: on a 503 the error page offers it again.
protocol ResendableForm: Decodable, Sendable {
    /// The form as the error page shows it again; `nil` when there is nothing to give back.
    var resend: ResendForm? { get }
}

/// A POST route whose form is resendable, declared beside the route (`ChatRoutes.resendable`) and handed to the error
/// middleware by the router, so that the middleware never names a route or a field.
struct ResendableRoute: Sendable {
    let path: String
    /// The draft in a failed post's body (already checked as UTF-8 by the form guard, or refused).
    let draft: @Sendable ([UInt8]) -> ResendForm?

    init<Form: ResendableForm>(path: String, form: Form.Type) {
        self.path = path
        draft = { body in
            guard let text = FormEncoding.validatedText(body) else { return nil }
            return (try? URLEncodedFormDecoder().decode(Form.self, from: text))?.resend
        }
    }
}
