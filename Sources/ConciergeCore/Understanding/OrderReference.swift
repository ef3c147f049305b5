import Foundation

/// Order ids as shoppers type them: `ORD-` and 8 letters or digits, any case.
enum OrderReference {
    static func first(in text: String) -> String? {
        guard let range = text.range(of: #"(?i)\bORD-[A-Z0-9]{8}\b"#, options: .regularExpression) else { return nil }
        return text[range].uppercased()
    }
}
