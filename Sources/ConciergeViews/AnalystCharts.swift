import Foundation

/// A chart drawn on the server as inline SVG (`chart.mustache`): no script, no inline style (colours come from
/// classes in `app.css`, so the CSP's `style-src 'self'` holds). Every chart names itself with `<title>` and `<desc>`
/// and comes with a table of the same numbers, for screen readers and for anyone who wants the figures.
struct SVGChart: Sendable {
    /// Unique on the page: the ids of the title, description and table derive from it.
    let id: String
    let title: String
    let summary: String
    let width: Int
    let height: Int
    let bars: [Bar]
    /// The data table alternative.
    let caption: String
    let columns: [String]
    let rows: [TableRow]
    /// Stored, not computed: Mustache reads a model through `Mirror`, which sees stored properties only.
    let titleID: String
    let descID: String
    let tableID: String

    init(id: String, title: String, summary: String, width: Int, height: Int, bars: [Bar], caption: String,
         columns: [String], rows: [TableRow]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.width = width
        self.height = height
        self.bars = bars
        self.caption = caption
        self.columns = columns
        self.rows = rows
        titleID = id + "-title"
        descID = id + "-desc"
        tableID = id + "-table"
    }

    /// A row of the data table: its heading cell and the figures.
    struct TableRow: Sendable {
        let header: String
        let cells: [String]
    }

    /// One bar and its labels, in SVG user units (numbers pre-formatted so the template does no arithmetic).
    struct Bar: Sendable {
        let x: String
        let y: String
        let width: String
        let height: String
        let label: String
        let labelX: String
        let labelY: String
        let value: String
        let valueX: String
        let valueY: String
        /// `bar`, plus a modifier class (`bar-rule`, `bar-rfm`, `bar-active`…) for its colour.
        let cssClass: String
    }
}

/// Builds the two chart shapes the analyst pages use: horizontal bars (one labelled row per item) and a histogram
/// (vertical bars over contiguous buckets).
enum ChartLayout {
    static let width = 640
    private static let labelWidth = 200.0
    private static let valueWidth = 110.0
    private static let rowHeight = 28.0
    private static let barThickness = 18.0

    /// One horizontal bar per item, scaled to the largest value (a zero or negative value draws no bar). Scaling to
    /// the maximum is right for a picture of sizes; it is never used as a score.
    static func horizontal(id: String, title: String, summary: String, caption: String,
                           columns: [String], items: [(label: String, value: Double, shown: String, cssClass: String)])
        -> SVGChart
    {
        let largest = items.map(\.value).max() ?? 0
        let span = Double(width) - labelWidth - valueWidth
        let bars = items.enumerated().map { index, item in
            let top = Double(index) * rowHeight + 4
            let length = largest > 0 ? max(0, item.value) / largest * span : 0
            return SVGChart.Bar(
                x: number(labelWidth), y: number(top), width: number(length), height: number(barThickness),
                label: shortened(item.label), labelX: number(labelWidth - 8), labelY: number(top + 13),
                value: item.shown, valueX: number(labelWidth + length + 6), valueY: number(top + 13),
                cssClass: "bar " + item.cssClass)
        }
        let rows = items.map { SVGChart.TableRow(header: $0.label, cells: [$0.shown]) }
        return SVGChart(id: id, title: title, summary: summary, width: width,
                        height: Int(Double(max(items.count, 1)) * rowHeight + 8), bars: bars, caption: caption,
                        columns: columns, rows: rows)
    }

    /// One vertical bar per bucket, left to right, heights scaled to the fullest bucket; each bar is labelled with
    /// its range below and its count above.
    static func histogram(id: String, title: String, summary: String, caption: String, columns: [String],
                          buckets: [(range: String, customers: Int)]) -> SVGChart {
        let plotHeight = 180.0
        let top = 20.0
        let slot = Double(width) / Double(max(buckets.count, 1))
        let fullest = Double(buckets.map(\.customers).max() ?? 0)
        let bars = buckets.enumerated().map { index, bucket in
            let height = fullest > 0 ? Double(bucket.customers) / fullest * plotHeight : 0
            let left = Double(index) * slot + 4
            let barTop = top + plotHeight - height
            return SVGChart.Bar(
                x: number(left), y: number(barTop), width: number(max(slot - 8, 1)), height: number(height),
                label: bucket.range, labelX: number(left + (slot - 8) / 2), labelY: number(top + plotHeight + 16),
                value: AnalystFormat.count(bucket.customers), valueX: number(left + (slot - 8) / 2),
                valueY: number(barTop - 4), cssClass: "bar bar-histogram")
        }
        let rows = buckets.map { SVGChart.TableRow(header: $0.range, cells: [AnalystFormat.count($0.customers)]) }
        return SVGChart(id: id, title: title, summary: summary, width: width, height: Int(top + plotHeight + 28),
                        bars: bars, caption: caption, columns: columns, rows: rows)
    }

    /// A bar's label fits its 200 units at 12px: longer names end in "…" there; the title and the table keep them whole.
    static func shortened(_ label: String, to length: Int = 30) -> String {
        label.count <= length ? label : String(label.prefix(length - 1)) + "…"
    }

    /// SVG coordinates with at most one decimal, in the POSIX locale (a comma decimal would break the attribute).
    static func number(_ value: Double) -> String {
        String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
