/// English function words, contractions (apostrophes already removed) and chat filler that carry no topic.
///
/// They are dropped from scoring but kept in the token stream, so lexicon phrases made only of them ("how much",
/// "where is my") can still match. Words that look like filler but carry retail meaning stay out of this list:
/// "back" (money back), "off" (25p off), "out" (sold out), "free", "open", "help".
enum StopWords {
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "anyone",
        "anything", "are", "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between",
        "both", "but", "by", "can", "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt",
        "doing", "dont", "during", "each", "either", "else", "etc", "ever", "every", "few", "for", "from",
        "further", "get", "gets", "getting", "got", "gonna", "had", "hadnt", "has", "hasnt", "have", "havent",
        "having", "he", "hello", "her", "here", "hers", "herself", "hey", "hi", "him", "himself", "his", "how",
        "hows", "i", "ie", "if", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just",
        "kind", "know", "let", "lets", "like", "may", "me", "might", "mine", "more", "most", "much", "must", "my",
        "myself", "need", "needs", "no", "nor", "not", "now", "of", "ok", "okay", "on", "once", "one", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "over", "own", "please", "pls", "plz", "really", "same",
        "shall", "she", "should", "shouldnt", "so", "some", "someone", "something", "still", "such", "sure", "tell",
        "than", "thank", "thanks", "thanx", "that", "thats", "the", "their", "theirs", "them", "themselves", "then",
        "there", "theres", "these", "they", "theyre", "thing", "things", "this", "those", "through", "thx", "to",
        "too", "u", "ur", "us", "very", "via", "want", "wanna", "wants", "was", "wasnt", "way", "we", "were",
        "werent", "weve", "what", "whats", "when", "where", "wheres", "whether", "which", "while", "who", "whom",
        "whos", "why", "will", "with", "wont", "would", "wouldnt", "yes", "yet", "you", "youd", "youll", "your",
        "youre", "yours", "yourself", "yourselves", "youve",
        // Link and markup debris that survives tokenisation of Markdown.
        "http", "https", "www", "com", "html", "nbsp",
    ]

    static func contains(_ word: String) -> Bool { english.contains(word) }
}
