import SeededRandom

/// One k-means++ seeding and Lloyd run at a time over fixed data (see `KMeans` for the algorithm). The loops index
/// raw buffers: they are the whole cost of a clustering run, and bounds checks in them cost a third of it.
struct LloydFitter {
    private let data: [Double]
    private let rows: Int
    private let columns: Int
    private let clusterCount: Int
    private let maxIterations: Int
    private let shiftTolerance: Double

    init(data: FeatureMatrix, clusterCount: Int, maxIterations: Int, shiftTolerance: Double) {
        self.data = data.values
        self.rows = data.rowCount
        self.columns = data.columnCount
        self.clusterCount = clusterCount
        self.maxIterations = maxIterations
        self.shiftTolerance = shiftTolerance
    }

    func fitOnce(using random: inout SplitMix64) -> KMeansFit {
        var centroids = seed(using: &random)
        var labels = [Int](repeating: 0, count: rows)
        var distances = [Double](repeating: 0, count: rows)
        var inertia = assign(centroids, labels: &labels, distances: &distances)
        var iterations = 0
        var converged = false
        while iterations < maxIterations, !converged {
            iterations += 1
            let previous = centroids
            centroids = update(labels: labels, distances: distances, previous: previous)
            let shift = squaredDistance(previous, 0, centroids, 0, count: previous.count)
            let previousLabels = labels
            inertia = assign(centroids, labels: &labels, distances: &distances)
            // Same labels: the next update would give the same centres. A tiny shift: scikit-learn's `tol` stop.
            converged = labels == previousLabels || shift <= shiftTolerance
        }
        return KMeansFit(
            clusterCount: clusterCount, centroids: centroids, labels: labels, inertia: inertia,
            iterations: iterations, converged: converged
        )
    }

    // MARK: - Seeding

    /// Greedy k-means++: each centre is the best of `2 + ⌊ln k⌋` D²-weighted candidates.
    private func seed(using random: inout SplitMix64) -> [Double] {
        var centroids = [Double](repeating: 0, count: clusterCount * columns)
        let first = Self.index(below: rows, using: &random)
        centroids.replaceSubrange(0..<columns, with: data[first * columns..<(first + 1) * columns])
        var closest = distancesToRow(first)
        var potential = closest.reduce(0, +)
        let trials = 2 + Self.floorOfNaturalLog(clusterCount)
        var cumulative = [Double](repeating: 0, count: rows)
        for centre in 1..<max(1, clusterCount) {
            var running = 0.0
            for row in 0..<rows {
                running += closest[row]
                cumulative[row] = running
            }
            var best: (row: Int, potential: Double, closest: [Double])?
            for _ in 0..<trials {
                let row = potential > 0
                    ? Self.firstIndex(in: cumulative, above: random.unit() * potential)
                    : Self.index(below: rows, using: &random)
                var candidate = distancesToRow(row)
                var total = 0.0
                for index in 0..<rows {
                    candidate[index] = min(candidate[index], closest[index])
                    total += candidate[index]
                }
                if best.map({ total < $0.potential }) ?? true { best = (row, total, candidate) }
            }
            let chosen = best!
            centroids.replaceSubrange(
                centre * columns..<(centre + 1) * columns, with: data[chosen.row * columns..<(chosen.row + 1) * columns]
            )
            (closest, potential) = (chosen.closest, chosen.potential)
        }
        return centroids
    }

    /// The squared distance of every row to row `target`.
    private func distancesToRow(_ target: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
            for row in 0..<rows {
                buffer[row] = squaredDistance(data, row * columns, data, target * columns, count: columns)
            }
            initialized = rows
        }
    }

    /// The first index whose running total exceeds `threshold` (a row of weight 0 is never picked).
    private static func firstIndex(in cumulative: [Double], above threshold: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > threshold { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// ⌊ln k⌋ by counting powers of e, without a libm call whose last bit could differ between platforms.
    static func floorOfNaturalLog(_ k: Int) -> Int {
        var power = 2.718281828459045
        var result = 0
        while power <= Double(k) {
            power *= 2.718281828459045
            result += 1
        }
        return result
    }

    /// Uniform in 0..<bound from 53 random bits (the bias, at most bound / 2⁵³, does not matter here).
    static func index(below bound: Int, using random: inout SplitMix64) -> Int {
        min(bound - 1, Int(random.unit() * Double(bound)))
    }

    // MARK: - Lloyd steps

    /// Labels every row with its nearest centre (the lower index on a tie), stores the squared distances and
    /// returns their sum, the inertia.
    private func assign(_ centroids: [Double], labels: inout [Int], distances: inout [Double]) -> Double {
        var inertia = 0.0
        data.withUnsafeBufferPointer { points in
            centroids.withUnsafeBufferPointer { centres in
                for row in 0..<rows {
                    var nearest = 0
                    var nearestDistance = Double.infinity
                    for centre in 0..<clusterCount {
                        let distance = squaredDistance(points, row * columns, centres, centre * columns, count: columns)
                        if distance < nearestDistance { (nearest, nearestDistance) = (centre, distance) }
                    }
                    labels[row] = nearest
                    distances[row] = nearestDistance
                    inertia += nearestDistance
                }
            }
        }
        return inertia
    }

    /// Every centre moved to the mean of its rows; a centre without rows moves to the row farthest from its own
    /// centre (the farthest for the first empty cluster, the next farthest for the second…; ties to the lower row).
    private func update(labels: [Int], distances: [Double], previous: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: clusterCount * columns)
        var counts = [Int](repeating: 0, count: clusterCount)
        data.withUnsafeBufferPointer { points in
            sums.withUnsafeMutableBufferPointer { sums in
                for row in 0..<rows {
                    let label = labels[row]
                    counts[label] += 1
                    for column in 0..<columns { sums[label * columns + column] += points[row * columns + column] }
                }
            }
        }
        var empty: [Int] = []
        for centre in 0..<clusterCount {
            guard counts[centre] > 0 else {
                empty.append(centre)
                continue
            }
            let count = Double(counts[centre])
            for column in 0..<columns { sums[centre * columns + column] /= count }
        }
        guard !empty.isEmpty else { return sums }
        let farthest = (0..<rows).sorted { (distances[$0], $1) > (distances[$1], $0) }
        for (centre, row) in zip(empty, farthest) {
            let source = distances[row] > 0 ? data[row * columns..<(row + 1) * columns]
                : previous[centre * columns..<(centre + 1) * columns]
            sums.replaceSubrange(centre * columns..<(centre + 1) * columns, with: source)
        }
        return sums
    }
}

/// The squared Euclidean distance between `count` values of `a` from `aStart` and of `b` from `bStart`.
@inline(__always)
func squaredDistance<A: RandomAccessCollection<Double>, B: RandomAccessCollection<Double>>(
    _ a: A, _ aStart: Int, _ b: B, _ bStart: Int, count: Int
) -> Double where A.Index == Int, B.Index == Int {
    var total = 0.0
    for offset in 0..<count {
        let difference = a[aStart + offset] - b[bStart + offset]
        total += difference * difference
    }
    return total
}
