import Analytics
import Testing

@Suite("Transaction CSV")
struct TransactionCSVTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test("columns in any order, extra columns, quotes, BOM, CRLF, blank lines and spaces are read")
    func readsAWellFormedFile() throws {
        let text = "\u{FEFF}amount,store,customer_id,date\r\n12.50,north,42,2024-01-05\r\n\r\n"
            + " 3 , \"south, by the river\" , \"a \"\"quoted\"\" id\" ,2024-02-29\n.5,x,7,1997-01-01"
        let transactions = try TransactionCSV.parse(text)
        #expect(transactions == [
            Transaction(customerID: "42", day: Self.day("2024-01-05"), amount: 12.5),
            Transaction(customerID: "a \"quoted\" id", day: Self.day("2024-02-29"), amount: 3),
            Transaction(customerID: "7", day: Self.day("1997-01-01"), amount: 0.5),
        ])
    }

    @Test("duplicate rows are kept and merge as same-day purchases (amounts summed)")
    func duplicateRows() throws {
        let text = """
            customer_id,date,amount
            1,2024-01-01,10
            1,2024-01-08,5
            1,2024-01-08,5
            """
        let transactions = try TransactionCSV.parse(text)
        #expect(transactions.count == 3)
        let summary = TransactionSummary.summarize(transactions, calibrationEnd: Self.day("2024-01-31"))
        #expect(summary == [CustomerSummary(id: "1", repeatCount: 1, tX: 1, T: 30.0 / 7, meanRepeatSpend: 10)])
    }

    static let badFiles: [(text: String, error: TransactionCSVError)] = [
        ("", TransactionCSVError(line: 1, reason: "empty file: expected the header customer_id,date,amount")),
        (
            "customer_id,date,total\n1,2024-01-01,3",
            TransactionCSVError(
                line: 1, reason: "missing column amount: the header must name customer_id, date and amount")
        ),
        (
            "customer_id,date,amount,date\n1,2024-01-01,3,x",
            TransactionCSVError(line: 1, reason: "the header names column date twice")
        ),
        (
            "customer_id,date,amount\n1,2024-01-01,3\n2,2024-13-01,4",
            TransactionCSVError(
                line: 3, reason: "date \"2024-13-01\" is not a calendar date in the form YYYY-MM-DD")
        ),
        (
            "customer_id,date,amount\n1,01/02/2024,3",
            TransactionCSVError(
                line: 2, reason: "date \"01/02/2024\" is not a calendar date in the form YYYY-MM-DD")
        ),
        (
            "customer_id,date,amount\n\n1,2024-01-01,-3.50",
            TransactionCSVError(
                line: 3, reason: "negative amount -3.50: refunds are not purchases; net them into the order first")
        ),
        (
            "customer_id,date,amount\n1,2024-01-01,nan",
            TransactionCSVError(line: 2, reason: "amount \"nan\" is not a decimal number")
        ),
        (
            "customer_id,date,amount\n1,2024-01-01,1e3",
            TransactionCSVError(line: 2, reason: "amount \"1e3\" is not a decimal number")
        ),
        (
            "customer_id,date,amount\n1,2024-01-01,",
            TransactionCSVError(line: 2, reason: "amount \"\" is not a decimal number")
        ),
        (
            "customer_id,date,amount\n1,2024-01-01",
            TransactionCSVError(line: 2, reason: "expected 3 fields like the header, found 2")
        ),
        ("customer_id,date,amount\n ,2024-01-01,3", TransactionCSVError(line: 2, reason: "empty customer_id")),
        (
            "customer_id,date,amount\n\"1,2024-01-01,3",
            TransactionCSVError(line: 2, reason: "a quoted field is not closed")
        ),
        (
            "customer_id,date,amount\n\"1\"x,2024-01-01,3",
            TransactionCSVError(line: 2, reason: "text after a closing quote")
        ),
        (
            "customer_id,date,amount\n1\"2,2024-01-01,3",
            TransactionCSVError(line: 2, reason: "a quote inside an unquoted field")
        ),
    ]

    @Test("a bad file is refused with the line at fault", arguments: badFiles.indices)
    func refusesBadInput(index: Int) {
        let (text, expected) = Self.badFiles[index]
        #expect(throws: expected) { try TransactionCSV.parse(text) }
    }

    @Test("the error message starts with the line")
    func messageNamesTheLine() {
        #expect(TransactionCSVError(line: 7, reason: "empty customer_id").description == "line 7: empty customer_id")
    }
}
