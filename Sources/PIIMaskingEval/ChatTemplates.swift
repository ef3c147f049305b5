/// Carrier sentences for the chat spellings of issue 13, typed the way people type in a chat box: lower case,
/// short, an address pasted on its own lines, a phone right after a ZIP. Slots as in `Templates`, plus
/// CHATADDRESS, CHATPHONE, UKADDRESS (a postcode without its space) and the look-alikes FRACTION, WALK, SIZE,
/// YEAR, ORDERLINE.
enum ChatTemplates {
    static let sentences: [String] = [
        // Addresses
        "pls ship to {CHATADDRESS}",
        "my address is {CHATADDRESS}",
        "deliver to {CHATADDRESS} thx",
        "new addr: {CHATADDRESS}",
        "can u send it to {CHATADDRESS}?",
        "i live at {CHATADDRESS}",
        "address:\n{CHATADDRESS}",
        "{CHATADDRESS}\n{CHATPHONE}",
        "ship it to {CHATADDRESS} and text {CHATPHONE} when ur outside",
        "moved to {CHATADDRESS} last week",
        "Ship to {UKADDRESS} please.",
        "it's {CHATADDRESS}",
        // Phones
        "my cell is {CHATPHONE}",
        "call me {CHATPHONE}",
        "text {CHATPHONE} pls",
        "ph: {CHATPHONE}",
        "my number ({CHATPHONE}) changed",
        "reach me at {CHATPHONE} after {TIME}",
        "{CHATPHONE} is my mobile",
        "new mobile {CHATPHONE}, old one was {CHATPHONE}",
        "whatsapp {CHATPHONE} or email {EMAIL}",
        // Cards after a label
        "account: {CARD}",
        "pls charge acct: {CARD} for {PRICE}",
        "Account: {CARD} (the visa)",
        // Look-alikes
        "add {FRACTION} of oat milk to {ORDER}",
        "rated it {FRACTION}, open {FRACTION}?",
        "the store is a {WALK} from me, ok at {TIME}?",
        "{WALK} from {CHATADDRESS}",
        "do you have the {SIZE} bag? ordered {SIZE} on {DATE}",
        "been a customer since {YEAR}, {ORDERNO}",
        "can i get {ORDERLINE} at {TIME}",
        "{ORDERLINE} pls, pickup {TIME}",
        "i'd like {ORDERLINE}",
        "tracking {TRACKING} says {WALK} away lol",
        "my {YEAR} order {ORDERNO} had {SIZE} missing",
    ]
}
