@testable import ConciergeCore
import Retrieval
import Testing

/// The third trial's readings: a way to pay asked about, said listed or not from the payment policy itself, and a drink
/// of a listed kind that the menu does not list ("pumpkin spice latte"), told apart from a typo of a listed one.
@Suite("Ways to pay asked about, and drinks of a listed kind that are not listed")
struct AskedPaymentAndVarietyTests {
    static let payments = """
        # Payments

        ## Ways to pay

        For delivery and order-ahead orders we accept:

        - debit and credit cards: Visa, Mastercard, Maestro and American Express;
        - Apple Pay and Google Pay.

        In our shops we also accept cash and contactless payments. We do not accept cheques or foreign currency, and \
        cash cannot be used for delivery orders.
        """

    static func policies(_ query: String) -> [RetrievalResult] {
        let chunks = MarkdownChunker().chunks(documentID: "payments", markdown: payments)
        return PolicyRetriever(chunks: chunks).retrieve(query, top: 3)
    }

    @Test(arguments: [
        ("can I pay with UPI?", "upi"), ("do you take paypal", "paypal"), ("UPI chalega?", "upi"),
        ("can i pay in cash for delivery", "cash"), ("do you accept amex", "amex"),
    ])
    func theWayToPayAskedAbout(_ message: String, _ asked: String) {
        #expect(AskedPaymentMethod.phrase(in: MessageWords(message)) == asked, "\(message)")
    }

    @Test func noWayToPayAskedWithoutAskingForOne() {
        #expect(AskedPaymentMethod.phrase(in: MessageWords("my card was declined")) == nil)
        #expect(AskedPaymentMethod.phrase(in: MessageWords("where is my order")) == nil)
    }

    @Test func aWayThePolicyDoesNotNameIsNotListedAndKeepsTheShoppersSpelling() throws {
        let found = try #require(AskedPaymentMethod.find(in: "can I pay with UPI?", policies: Self.policies("pay")))
        #expect(found.asked == "UPI" && !found.listed && found.passage == nil)
    }

    @Test func aShorthandIsReadInThePolicysWords() throws {
        let found = try #require(AskedPaymentMethod.find(in: "do you accept amex", policies: Self.policies("accept pay")))
        #expect(found.listed && found.passage?.contains("American Express") == true, "\(found)")
    }

    /// Of the sentences naming cash, the one that shares "delivery" with the message answers it.
    @Test func theSentenceSharingMostWithTheMessageIsQuoted() throws {
        let found = try #require(AskedPaymentMethod.find(in: "can i pay in cash for delivery",
                                                         policies: Self.policies("cash delivery")))
        #expect(found.passage?.contains("cash cannot be used for delivery orders") == true, "\(found)")
    }

    /// Without a passage about paying, nothing is claimed either way.
    @Test func withoutAPaymentPassageNothingIsClaimed() {
        let other = MarkdownChunker().chunks(documentID: "delivery", markdown: "# Delivery\n\n## Areas\n\nWe deliver within 5 km.")
        let results = PolicyRetriever(chunks: other).retrieve("deliver", top: 1)
        #expect(AskedPaymentMethod.find(in: "can I pay with UPI?", policies: results) == nil)
    }

    static let menu = [MenuWishTests.item("Chai Latte", "hot-drinks", 350, [.hot, .dairy]),
                       MenuWishTests.item("Gingerbread Spiced Latte", "hot-drinks", 430, [.hot, .dairy]),
                       MenuWishTests.item("Caramel Frappé", "cold-drinks", 450, [.cold, .dairy])]

    @Test func aFlavourNoItemHasIsADrinkTheMenuDoesNotList() {
        let pumpkin = MenuLookup.find(in: "what's in the pumpkin spice latte", menu: Self.menu)
        #expect(pumpkin.map(\.phrase) == ["latte"] && pumpkin.first?.variety == "pumpkin spice", "\(pumpkin)")
        // "caramel" names the Caramel Frappé, not a latte: one drink that is not listed, not two asks.
        let caramel = MenuLookup.find(in: "is the caramel latte nice", menu: Self.menu)
        #expect(caramel.map(\.phrase) == ["latte"] && caramel.first?.variety == "caramel", "\(caramel)")
    }

    /// A list typed without commas' words ("latte, croissant") is two asks: a kind's own word is never a flavour.
    @Test func twoKindsSideBySideAreTwoAsks() {
        let menu = Self.menu + [MenuWishTests.croissant]
        let found = MenuLookup.find(in: "how much for a latte, croissant", menu: menu)
        #expect(found.map(\.phrase) == ["latte", "croissant"] && found.allSatisfy { $0.variety == nil }, "\(found)")
    }

    @Test func aTypoOrASizeIsNoNewDrink() {
        #expect(MenuLookup.find(in: "what's in the gingerbred latte", menu: Self.menu).first?.variety == nil)
        #expect(MenuLookup.find(in: "can I get a large latte", menu: Self.menu).first?.variety == nil)
        #expect(MenuLookup.find(in: "how much is a latte", menu: Self.menu).first?.variety == nil)
        #expect(MenuLookup.find(in: "do you do oat milk lattes", menu: Self.menu).first?.variety == nil)
        #expect(MenuLookup.find(in: "a soya milk latte please", menu: Self.menu).first?.variety == nil)
    }

    @Test func theItemSlotOfACaramelLatteIsALatte() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
            itemNames: ["Caramel Frappé", "Chai Latte", "Matcha Latte", "Banana Bread"], shopNames: []))
        #expect(understanding.slots(of: "is the caramel latte nice").item == "latte")
        #expect(understanding.slots(of: "is the caramel frappe nice").item == "Caramel Frappé")
        #expect(understanding.slots(of: "the banana bread was dry").item == "Banana Bread")
    }

    /// "Without sugar for my diabetic dad": asked as the policies write it, and nothing sweet is suggested.
    @Test func withoutSugarIsSugarFreeAndNotSweet() {
        #expect(MenuLookup.askedWords("do you have anything without sugar for my diabetic dad") == ["sugar", "free"])
        #expect(MenuLookup.askedWords("do you sell gift hampers for my mum") == ["gift", "hampers"])
        let wish = MenuWishReader.read("anything without sugar for my diabetic dad")
        #expect(wish.notKinds == [.sweet] && !wish.kinds.contains(.sweet))
    }

    /// "You will find it under Orders…" is quoted with the sentence "it" stands for.
    @Test func aSentenceThatLeansOnTheOneBeforeIsQuotedWithIt() {
        #expect(PolicyExcerpt.leansBack("You will find it under Orders on our website."))
        #expect(PolicyExcerpt.leansBack("It takes 3 to 5 working days."))
        #expect(!PolicyExcerpt.leansBack("Every order has an order number."))
        let text = "Every order has an order number that starts with ORD-. You will find it under Orders on our website."
        #expect(PolicyExcerpt.best(of: text, for: "where do I find it on the website")
            == "Every order has an order number that starts with ORD-. You will find it under Orders on our website.")
    }

    /// A placed order past its expected time is said to be late in the status line, as the next step says.
    @Test func aPlacedOrderPastItsTimeIsSaidToBeLate() {
        var order = ActionPlannerTests.order("<ORDER_ID_1>", status: "placed")
        #expect(!OrderAnswers.status(of: order).joined().contains("late"))
        order.isLate = true
        order.deliveryFeeRefundDue = true
        #expect(OrderAnswers.status(of: order).contains("It is running late, so the delivery fee will be refunded automatically."))
        order.deliveryFeeRefundDue = false
        #expect(OrderAnswers.status(of: order).contains("It is running late."))
    }

    /// Without the model, a menu item named with no cue at all is a question about it, not the off-topic reply.
    @Test func aMenuItemNamedWithoutACueIsAMenuQuestion() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
            itemNames: ["Tomato & Lentil Soup", "Banana Bread"], shopNames: []))
        #expect(understanding.read("what's the soup today").primary == .menu)
        #expect(understanding.read("what's the weather today").primary == .offTopic)
    }
}
