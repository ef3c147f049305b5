import Foundation

/// What shoppers ask the chat to do with their account, and how this website does it. The chain's policies describe
/// menus of an app ("Settings, then Privacy"); this website does each of these on one page, so the answer and the
/// next step name that page and its section, not the policy's menus.
public enum AccountTask: String, Codable, CaseIterable, Sendable {
    case deleteAccount = "delete-account"
    case changePassword = "change-password"
    case downloadData = "download-data"
    case twoStep = "two-step"
    case logOutEverywhere = "log-out-everywhere"

    /// ("Reset" is left out of the password's verbs: it means a forgotten one, which the login page's "Forgot
    /// password" resets, and the account page needs the current password.)
    /// The tasks a message asks about, in the order of `allCases`. A task needs its object and, where the object
    /// alone is ambiguous ("my data" in a privacy question), its verb: "how long do you keep my data" is not a
    /// download.
    /// "I want my data" asks for a copy, but "I want my data deleted" asks to delete it: a wish for one's data is a
    /// download only when no deletion is asked.
    static func asked(in text: String) -> [AccountTask] {
        let words = MessageWords(text).words
        let tasks = allCases.filter { task in task.phrases.contains { Self.matches($0, in: words) } }
        guard !tasks.contains(.deleteAccount), !tasks.contains(.downloadData),
            Self.wishForData.contains(where: { Self.matches($0, in: words) }) else { return tasks }
        return allCases.filter { tasks.contains($0) || $0 == .downloadData }
    }

    private static func matches(_ phrase: String, in words: [String]) -> Bool {
        let parts = phrase.split(separator: "+")
            .map { $0.split(separator: "|").map { $0.split(separator: " ").map(String.init) } }
        guard parts.count == 2 else { return parts.allSatisfy { Self.spans(of: $0, in: words).isEmpty == false } }
        return Self.together(parts[0], parts[1], in: words)
    }

    /// One's data, as shoppers name it ("everything you have on me"): the object of a deletion or of a download.
    private static let personalData = "data|my data|personal data|my personal data|all my data|my info|my information"
        + "|everything you have on me|everything you have about me|everything you hold on me"
        + "|everything you know about me"
        + "|datos|mis datos|mera data|mera sara data"
    /// Asking for one's data without a download word ("i want my data", "quiero mis datos", "mera data chahiye").
    private static let wishForData = ["want|need|request|give me|send me|quiero|necesito|chahiye|do|dedo+"
        + personalData]

    /// A verb and its object only count next to each other (either order: "delete my account", "mera account delete
    /// karo"), with nothing but filler words between: "cancel the order on my account" asks to cancel an order,
    /// and "remove my card from my account" to remove a card — neither is a request to delete the account.
    static func together(_ verbs: [[String]], _ objects: [[String]], in words: [String]) -> Bool {
        let verbSpans = spans(of: verbs, in: words)
        let objectSpans = spans(of: objects, in: words)
        for verb in verbSpans {
            for object in objectSpans {
                let gap = verb.upperBound <= object.lowerBound ? verb.upperBound..<object.lowerBound
                    : object.upperBound <= verb.lowerBound ? object.upperBound..<verb.lowerBound : nil
                guard let gap, gap.count <= 3 else { continue }
                if words[gap].allSatisfy(fillers.contains) { return true }
            }
        }
        return false
    }

    /// Words that may stand between a verb and its object without changing what is asked.
    static let fillers: Set<String> = [
        "my", "the", "this", "your", "our", "a", "an", "entire", "whole", "please", "pls", "plz", "mi", "la", "el", "mera",
        "meri", "ko", "online", "me", "all", "of", "to", "want", "wanna", "karna", "hai",
    ]

    /// Where any of the (multi-word) choices occurs in the folded words.
    static func spans(of choices: [[String]], in words: [String]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for choice in choices where !choice.isEmpty && choice.count <= words.count {
            for start in 0...(words.count - choice.count) where Array(words[start..<start + choice.count]) == choice {
                found.append(start..<start + choice.count)
            }
        }
        return found
    }

    /// Each phrase is `verb+object`: one of the `|` choices of every part must be in the message.
    private var phrases: [String] {
        switch self {
        case .deleteAccount:
            // Deleting one's data is done by deleting the account (the privacy policy's "Your rights").
            ["delete|close|remove|cancel|deactivate|erase|borrar|eliminar|cerrar|band karna|delete karna|delete karo"
                + "+account|my account|profile|cuenta|mi cuenta",
             "delete|deleted|delte|erase|erased|wipe|wiped|remove|removed|forget|borrar|borra|borren|eliminar|elimina"
                + "|delete karo|delete kar do|mita do|hata do+" + Self.personalData]
        case .changePassword:
            ["change|update|new|cambiar|badalna|badal+password|pasword|passwrd|contrasena"]
        case .downloadData:
            ["download|copy|export|get a copy|descargar|copia+my data|data|datos|mis datos"]
        case .twoStep:
            ["two step|2 step|two factor|2 factor|2fa|two step verification|authenticator|verificacion en dos pasos"]
        case .logOutEverywhere:
            ["log out|logout|sign out|signout|log me out|sign me out+everywhere|all devices|every device|other devices"]
        }
    }

    /// The section of the account page that does it, as the page heads it.
    var section: String {
        switch self {
        case .deleteAccount: "Delete my account"
        case .changePassword: "Change password"
        case .downloadData: "Download my data"
        case .twoStep: "Turn on two-step verification"
        case .logOutEverywhere: "Log out everywhere"
        }
    }

    /// How the account page does it, in one sentence, true to what the page's form does.
    var how: String {
        let page = "your account page (\(AccountPage.path))"
        return switch self {
        case .deleteAccount:
            "You can delete your account yourself on \(page): choose \"Delete my account\" and confirm with your "
                + "password. It deletes your account and conversations at once, and points and coupons are lost, so "
                + "spend them first."
        case .changePassword:
            "You can change your password on \(page) under \"Change password\": enter your current password and the "
                + "new one; every other device is then logged out."
        case .downloadData:
            "You can download a copy of everything we hold about you on \(page): \"Download my data\" gives you a "
                + "file straight away."
        case .twoStep:
            "You can turn on two-step verification on \(page) with \"Turn on two-step verification\"; logging in then "
                + "also asks for a code from an authenticator app."
        case .logOutEverywhere:
            "You can log out on every device on \(page) with \"Log out everywhere\"."
        }
    }
}

extension AccountTask {
    /// Whether the account page answers the message first: the main ask read is a policy question or nothing of the
    /// chain's, or a menu ask alone that names nothing of the menu ("erase everything you have on me" is read by
    /// meaning as a menu question, but asks for no item, diet or menu word).
    static func leads(_ context: PromptContext) -> Bool {
        guard !context.account.isEmpty, let main = context.intents.first.flatMap(Intent.init(rawValue:)) else {
            return false
        }
        // A payment reading too: "quiero mis datos" read as card details, with the sentence model.
        if [.policyQuestion, .offTopic, .payment].contains(main) { return true }
        return main == .menu && context.intents.count == 1 && context.slots.item == nil && context.slots.diet.isEmpty
    }
}

/// An account task the message asks about, as the context carries it: where it is done and how.
public struct AccountTaskFacts: Codable, Hashable, Sendable {
    public var task: String
    /// The page of this website that does it.
    public var page: String
    /// The button or section of that page.
    public var section: String
    public var how: String

    init(_ task: AccountTask) {
        self.task = task.rawValue
        page = AccountPage.path
        section = task.section
        how = task.how
    }
}
