import PIIMasking
import Testing

/// Issue 13: street addresses as typed in a chat box (all in lower case, on one line or two, with or without
/// unit, city, state and ZIP), UK postcodes without their space, and the look-alikes that must stay.
@Suite("Address spellings from chat")
struct ChatAddressTests {
    static let positives: [DetectionCase] = [
        // US, one line
        .init("742 evergreen terrace", "ADDRESS:742 evergreen terrace"),
        .init("ship to 55 w 46th st apt 4b", "ADDRESS:55 w 46th st apt 4b"),
        .init(
            "1600 pennsylvania ave nw, washington, dc 20500",
            "ADDRESS:1600 pennsylvania ave nw, washington, dc 20500"),
        .init(
            "ship to 742 evergreen terrace springfield il 62704",
            "ADDRESS:742 evergreen terrace springfield il 62704"),
        .init(
            "i live at 731 sunset trl nw ste 376 beaverton, or 97005",
            "ADDRESS:731 sunset trl nw ste 376 beaverton, or 97005"),
        .init("deliver to 18 oak lane apt 2 thx", "ADDRESS:18 oak lane apt 2"),
        .init("it's 75 4th cir honolulu hi 96813", "ADDRESS:75 4th cir honolulu hi 96813"),
        .init("8323 juniper dr, # 210, des moines, call me", "ADDRESS:8323 juniper dr, # 210, des moines"),
        // US, two lines
        .init(
            "963 s willow st., apt 11b\nann arbor, mi 48104", "ADDRESS:963 s willow st., apt 11b\nann arbor, mi 48104"),
        .init("address:\n140 willow ct, apt. 4\n07239 763932", "ADDRESS:140 willow ct, apt. 4", "PHONE:07239 763932"),
        .init("new addr: 10208 chestnut trl\naustin tx 78701", "ADDRESS:10208 chestnut trl\naustin tx 78701"),
        // UK
        .init("221b baker street london nw1 6xe", "ADDRESS:221b baker street london nw1 6xe"),
        .init("flat 3, 12 elm road, leeds ls1 4ap", "ADDRESS:flat 3, 12 elm road, leeds ls1 4ap"),
        .init("flat 1b, 27 baker rd\nexeter\nex43sr", "ADDRESS:flat 1b, 27 baker rd\nexeter\nex43sr"),
        .init("10 downing st london sw1a2aa", "ADDRESS:10 downing st london sw1a2aa"),
        .init("pls ship to 14 manor close, norwich", "ADDRESS:14 manor close, norwich"),
        .init("my address is 3 kings way", "ADDRESS:3 kings way"),
        .init("i live at 12 elm road leeds.", "ADDRESS:12 elm road leeds"),
        // UK postcodes without their space, and capitalised towns outside the gazetteer
        .init("10 Downing St, London NW14SH", "ADDRESS:10 Downing St, London NW14SH"),
        .init("46 Clarence Grove Derby W92AZ", "ADDRESS:46 Clarence Grove Derby W92AZ"),
        .init("151 Grosvenor Grove Carlisle CO14 6PU, not there", "ADDRESS:151 Grosvenor Grove Carlisle CO14 6PU"),
        .init("53 Orchard Walk Carlisle, M9 7QB", "ADDRESS:53 Orchard Walk Carlisle, M9 7QB"),
        .init("361 FAIRVIEW BOULEVARD, EL PASO, TX 79901", "ADDRESS:361 FAIRVIEW BOULEVARD, EL PASO, TX 79901"),
        .init("send to #4, 65 Wexford Road please", "ADDRESS:#4, 65 Wexford Road"),
        .init("deliver to 788 Beacon Hill Circle\nDayton", "ADDRESS:788 Beacon Hill Circle\nDayton"),
        // "au" ends an e-mail here: it is no French "at" before an address
        .init("a@optusnet.com.au 2 rocky road brownies", "EMAIL:a@optusnet.com.au"),
        // Followed by a phone on the same line
        .init(
            "portland or 97205 503/555-0134 is me", "PHONE:503/555-0134"),
        .init(
            "it's 320 highland terrace boise, id 83702-0393 1-844-449-6376",
            "ADDRESS:320 highland terrace boise, id 83702-0393", "PHONE:1-844-449-6376"),
    ]

    static let negatives = [
        "the store is a 5 min walk from me", "it's a 10 minute walk", "a 2 min drive away", "a 3 hour park",
        "a 2 mile loop", "i'd like 2 rocky road brownies", "1 rocky road and 2 lattes", "can i get 3 milky way bars",
        "2 park lane mugs pls", "a 12 oz flat white", "4 way adapters", "250g", "500 ml", "3/4 cup of oat milk",
        "12/05 at 9:30", "since 2019", "near SW1A1AA", "my postcode is NW14SH", "zip 97205",
        "is there a store near 94103?",
        "ok at 9:30?", "order #4155, thanks", "room 204", "it's 12 elm close", "i'm on 3 green", "it's a 1 way street",
        "had 250g missing gate 4", "had 200 g missing reach me",
    ]

    @Test(arguments: positives)
    func findsAddress(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresLookAlike(_ text: String) {
        #expect(found(text).isEmpty)
    }

    @Test func lowerAndCapitalSpellingsShareOnePlaceholder() {
        var session = MaskingSession()
        #expect(session.mask("221B Baker Street / 221b baker street") == "<ADDRESS_1> / <ADDRESS_1>")
    }
}
