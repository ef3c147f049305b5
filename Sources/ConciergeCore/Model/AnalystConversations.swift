/// The analyst chat stores its turns with the shopper chat's `ChatStore`, under the analyst's user id. Its
/// conversation ids start with `an_`, so each chat can tell its own conversations from the other's: an analyst who
/// also uses the shopper chat never sees an analyst conversation listed there, and the reverse.
public enum AnalystConversations {
    public static let prefix = "an_"

    /// Whether `conversationID` belongs to the analyst chat.
    public static func isAnalyst(_ conversationID: String) -> Bool { conversationID.hasPrefix(prefix) }
}
