import Testing

@testable import ConciergeViews

/// The charts' geometry: bars scale to the largest value, nothing draws for zero, coordinates are POSIX decimals,
/// and the data table holds the same rows as the bars.
@Suite("Analyst charts: inline SVG geometry")
struct AnalystChartTests {
    @Test func horizontalBarsScaleToTheLargestAndZeroDrawsNothing() {
        let chart = ChartLayout.horizontal(
            id: "c", title: "t", summary: "s", caption: "cap", columns: ["Segment", "Customers"],
            items: [(label: "A", value: 40, shown: "40", cssClass: "bar-rule"),
                    (label: "B", value: 10, shown: "10", cssClass: "bar-rfm"),
                    (label: "C", value: 0, shown: "0", cssClass: "bar-ml")])
        // 640 wide, 200 for labels, 110 for the value: 330 for the longest bar.
        #expect(chart.bars.map(\.width) == ["330.0", "82.5", "0.0"])
        #expect(chart.bars.map(\.x) == ["200.0", "200.0", "200.0"])
        #expect(chart.bars.map(\.y) == ["4.0", "32.0", "60.0"], "one row of 28 per item")
        #expect(chart.height == 92 && chart.bars[0].cssClass == "bar bar-rule")
        #expect(chart.rows.map(\.header) == ["A", "B", "C"] && chart.rows.map(\.cells) == [["40"], ["10"], ["0"]])
        #expect(chart.titleID == "c-title" && chart.descID == "c-desc" && chart.tableID == "c-table")
    }

    @Test func histogramColumnsRiseFromACommonBaseline() {
        let chart = ChartLayout.histogram(id: "h", title: "t", summary: "s", caption: "cap", columns: ["Range", "Customers"],
                                          buckets: [(range: "0–50", customers: 2), (range: "50+", customers: 4)])
        #expect(chart.bars.map(\.height) == ["90.0", "180.0"])
        #expect(chart.bars.map(\.y) == ["110.0", "20.0"], "tops differ, bottoms all at 200")
        #expect(chart.bars.map(\.x) == ["4.0", "324.0"] && chart.bars.map(\.width) == ["312.0", "312.0"])
        #expect(chart.rows.map(\.cells) == [["2"], ["4"]])
    }

    @Test func anEmptyChartStillHasRoomAndNoBars() {
        let chart = ChartLayout.histogram(id: "e", title: "t", summary: "s", caption: "cap", columns: [], buckets: [])
        #expect(chart.bars.isEmpty && chart.height > 0)
        #expect(ChartLayout.number(1234.56) == "1234.6", "no grouping, a point for decimals")
        #expect(ChartLayout.shortened(String(repeating: "x", count: 31)) == String(repeating: "x", count: 29) + "…")
        #expect(ChartLayout.shortened("Champions (RFM)") == "Champions (RFM)")
    }
}
