import Analytics
import Testing

@Suite("feature CSV")
struct FeatureCSVTests {
    @Test("reads ids and numbers; CRLF, a byte-order mark, quotes, spaces and blank lines are fine")
    func reads() throws {
        let text = "\u{FEFF}customer_id,recency, spend\r\n\"a,1\", 1.5 ,-2e3\r\n\r\nb,+0,\"7\"\r\n"
        let matrix = try FeatureCSV.parse(text)
        #expect(matrix.ids == ["a,1", "b"])
        #expect(matrix.featureNames == ["recency", "spend"])
        #expect(matrix.values == [1.5, -2000, 0, 7])
    }

    @Test("bad input names the line or column", arguments: [
        ("", FeatureCSVError.noHeader),
        ("id\na\n", .noFeatureColumns),
        ("id,x\n", .noRows),
        ("id,x,x\na,1,2\n", .duplicateColumn("x")),
        ("id,,y\na,1,2\n", .emptyColumnName(line: 1)),
        ("id,x\na,1\nb,2,3\n", .raggedRow(line: 3, found: 3, expected: 2)),
        ("id,x,y\na,1\n", .raggedRow(line: 2, found: 2, expected: 3)),
        ("id,x\na,1\n,2\n", .emptyID(line: 3)),
        ("id,x\na,1\nb,2\na,3\n", .duplicateID("a", line: 4, firstLine: 2)),
        ("id,x\na,\n", .emptyCell(line: 2, column: "x")),
        ("id,x\na,1\nb,twelve\n", .notANumber(line: 3, column: "x", text: "twelve")),
        ("id,x\na,0x1p3\n", .notANumber(line: 2, column: "x", text: "0x1p3")),
        ("id,x\na,1.2.3\n", .notANumber(line: 2, column: "x", text: "1.2.3")),
        ("id,x\na,NaN\n", .notFinite(line: 2, column: "x", text: "NaN")),
        ("id,x\na,-inf\n", .notFinite(line: 2, column: "x", text: "-inf")),
        ("id,x\na,1e999\n", .notFinite(line: 2, column: "x", text: "1e999")),
        ("id,x\n\"a,1\n", .badQuote(line: 2)),
        ("id,x\n\"a\"b,1\n", .badQuote(line: 2)),
    ])
    func rejects(text: String, expected: FeatureCSVError) {
        #expect(throws: expected) { try FeatureCSV.parse(text) }
    }

    @Test("error messages say where")
    func messages() {
        #expect(FeatureCSVError.notANumber(line: 3, column: "x", text: "twelve").description
            == "line 3, column \"x\": \"twelve\" is not a number")
        #expect(FeatureCSVError.raggedRow(line: 3, found: 3, expected: 2).description
            == "line 3: 3 fields, but the header has 2")
    }

    @Test("standardising z-scores with the population SD and refuses a constant column")
    func standardizes() throws {
        let matrix = try FeatureCSV.parse("id,x,y\na,1,10\nb,2,10\nc,3,10.5\nd,6,10\n")
        let scaled = try FeatureMatrix(ids: matrix.ids, featureNames: ["x"], values: [1, 2, 3, 6]).standardized()
        // mean 3, population SD √3.5
        #expect(scaled.values.map { ($0 * 3.5.squareRoot() * 1e12).rounded() / 1e12 } == [-2, -1, 0, 3])
        #expect(throws: FeatureMatrixError.constantColumn("y")) {
            try FeatureCSV.parse("id,x,y\na,1,0.1\nb,2,0.1\nc,3,0.1\n").standardized()
        }
        #expect(matrix.distinctRowCount() == 4)
        #expect(FeatureMatrix(ids: ["a", "b", "c"], featureNames: ["x"], values: [1, 1, 2]).distinctRowCount() == 2)
    }
}
