import PIIMasking

/// "TYPE:value" for every span the detector finds in `text`, in order.
func found(_ text: String, profile: MaskingProfile = .empty, allowList: AllowList = .empty) -> [String] {
    PIIDetector(profile: profile, allowList: allowList).matches(in: text).map {
        "\($0.type.rawValue):\(text[$0.range(in: text)])"
    }
}

/// `text` masked in a fresh conversation.
func masked(_ text: String, profile: MaskingProfile = .empty, allowList: AllowList = .empty) -> String {
    var session = MaskingSession(profile: profile, allowList: allowList)
    return session.mask(text)
}

/// A detector table row: the text and the spans expected in it.
struct DetectionCase: Sendable, CustomStringConvertible {
    let text: String
    let expected: [String]

    init(_ text: String, _ expected: String...) {
        self.text = text
        self.expected = expected
    }

    var description: String { text }
}
