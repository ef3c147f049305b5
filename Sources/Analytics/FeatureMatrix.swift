/// Rows of numeric features, one per id, stored row-major in one flat array (the k-means and silhouette loops
/// walk rows, and one allocation keeps them cache-friendly).
public struct FeatureMatrix: Sendable, Equatable {
    /// One id per row, in the order of the rows.
    public let ids: [String]
    /// One name per column.
    public let featureNames: [String]
    /// `rowCount × columnCount` values, row after row.
    public let values: [Double]

    public var rowCount: Int { ids.count }
    public var columnCount: Int { featureNames.count }

    /// A matrix over `values` (row-major); the caller guarantees the sizes agree.
    public init(ids: [String], featureNames: [String], values: [Double]) {
        precondition(values.count == ids.count * featureNames.count, "values must be rows × columns")
        self.ids = ids
        self.featureNames = featureNames
        self.values = values
    }

    /// The value in `row`, `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * columnCount + column] }

    /// The rows at `indices`, in that order (repeats allowed), keeping their ids.
    public func rows(_ indices: [Int]) -> FeatureMatrix {
        var picked: [Double] = []
        picked.reserveCapacity(indices.count * columnCount)
        for row in indices {
            picked.append(contentsOf: values[row * columnCount..<(row + 1) * columnCount])
        }
        return FeatureMatrix(ids: indices.map { ids[$0] }, featureNames: featureNames, values: picked)
    }

    /// A column's mean and population variance (divisor n), in two passes (mean, then squared deviations): no
    /// cancellation for columns far from zero. (0, 0) for no rows.
    public func columnMoments(_ column: Int) -> (mean: Double, variance: Double) {
        guard rowCount > 0 else { return (0, 0) }
        let n = Double(rowCount)
        var sum = 0.0
        for row in 0..<rowCount { sum += self[row, column] }
        let mean = sum / n
        var squares = 0.0
        for row in 0..<rowCount {
            let deviation = self[row, column] - mean
            squares += deviation * deviation
        }
        return (mean, squares / n)
    }

    /// Every column z-scored: minus its mean, divided by its population standard deviation (divisor n, as
    /// scikit-learn's `StandardScaler`). A constant column has no spread to divide by and is an error.
    public func standardized() throws(FeatureMatrixError) -> FeatureMatrix {
        guard rowCount > 0 else { return self }
        var means = [Double](repeating: 0, count: columnCount)
        var deviations = [Double](repeating: 0, count: columnCount)
        for column in 0..<columnCount {
            let (mean, variance) = columnMoments(column)
            means[column] = mean
            deviations[column] = variance.squareRoot()
            // Equal values can leave a rounding residue in the mean: a spread that small is no spread.
            guard deviations[column] > 1e-12 * abs(mean), deviations[column] > 0 else {
                throw .constantColumn(featureNames[column])
            }
        }
        var scaled = values
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let index = row * columnCount + column
                scaled[index] = (values[index] - means[column]) / deviations[column]
            }
        }
        return FeatureMatrix(ids: ids, featureNames: featureNames, values: scaled)
    }

    /// How many rows differ from every other row (exact equality of all their values).
    public func distinctRowCount() -> Int {
        guard rowCount > 1 else { return rowCount }
        let order = (0..<rowCount).sorted { lexicographicallyPrecedes($0, $1) }
        var distinct = 1
        for (previous, next) in zip(order, order.dropFirst()) where !sameRow(previous, next) {
            distinct += 1
        }
        return distinct
    }

    private func lexicographicallyPrecedes(_ a: Int, _ b: Int) -> Bool {
        for column in 0..<columnCount where self[a, column] != self[b, column] {
            return self[a, column] < self[b, column]
        }
        return a < b
    }

    private func sameRow(_ a: Int, _ b: Int) -> Bool {
        (0..<columnCount).allSatisfy { self[a, $0] == self[b, $0] }
    }
}

/// Why a feature matrix cannot be used as asked.
public enum FeatureMatrixError: Error, Equatable, CustomStringConvertible {
    /// `--standardize` met a column whose values are all equal (its standard deviation is 0).
    case constantColumn(String)

    public var description: String {
        switch self {
        case .constantColumn(let name):
            "column \"\(name)\" is constant: it has no standard deviation to divide by (drop the column)"
        }
    }
}
