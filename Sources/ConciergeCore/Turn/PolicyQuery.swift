/// The policies' own words for an ask, searched for too when the message shares none with them: "UPI chalega?" or
/// "kal mera order late aaya tha, refund milega?" was read as a payment or refund question, yet the retriever judged
/// every passage weak and the answer had no policy at all. The words are the retail vocabulary of the ask, not any
/// one chain's, and they are searched for lexically only (the message's vector would judge the passage weak again).
enum PolicyQuery {
    static func words(for intent: Intent) -> String? {
        switch intent {
        case .payment: "ways to pay payment accept"
        case .refund: "refund money back"
        case .orderStatus: "order tracking late delivery"
        case .orderChange: "change or cancel an order"
        case .receipt: "receipt invoice"
        case .loyalty: "loyalty points rewards"
        case .offers: "coupons promotions"
        case .dietary: "allergens dietary options"
        case .openNow: "opening hours"
        case .complaint: "problem with your order complaint"
        case .handoff: "contact customer care"
        default: nil
        }
    }
}
