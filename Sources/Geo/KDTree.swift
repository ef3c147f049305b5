/// One indexed point on the unit sphere, with the position of its element in the caller's array.
struct KDPoint: Sendable {
    var x: Double
    var y: Double
    var z: Double
    var index: Int32
    /// Splitting axis when this point is the median of a node (0 = x, 1 = y, 2 = z); unused in leaves.
    var axis: UInt8 = 0

    @inline(__always)
    func coordinate(_ axis: UInt8) -> Double {
        switch axis {
        case 0: x
        case 1: y
        default: z
        }
    }
}

/// An implicit, balanced 3-D k-d tree over unit vectors.
///
/// The node for the range `lo..<hi` is the median `mid = lo + (hi - lo) / 2`; its children are `lo..<mid` and
/// `mid + 1..<hi`. Nothing but the point array is stored, so a million points take 32 MB and the layout is
/// cache-friendly. Euclidean distance between unit vectors (the chord) is monotonic in great-circle distance,
/// so nearest-by-chord is exactly nearest-by-arc, with no special case at the antimeridian or the poles.
struct KDTree: Sendable {
    /// Ranges at most this long are scanned linearly: cheaper than descending further.
    static let leafSize = 8

    private(set) var points: [KDPoint]

    init(points input: [KDPoint]) {
        var points = input
        points.withUnsafeMutableBufferPointer { buffer in
            var pending = [(lo: 0, hi: buffer.count)]
            while let (lo, hi) = pending.popLast() {
                guard hi - lo > Self.leafSize else { continue }
                let axis = Self.widestAxis(buffer, lo, hi)
                let mid = lo + (hi - lo) / 2
                Self.select(buffer, lo, hi, nth: mid, axis: axis)
                buffer[mid].axis = axis
                pending.append((lo, mid))
                pending.append((mid + 1, hi))
            }
        }
        self.points = points
    }

    /// Splitting on the widest axis keeps cells compact for clustered data (shops gather in cities).
    private static func widestAxis(_ buffer: UnsafeMutableBufferPointer<KDPoint>, _ lo: Int, _ hi: Int) -> UInt8 {
        var low = (Double.infinity, Double.infinity, Double.infinity)
        var high = (-Double.infinity, -Double.infinity, -Double.infinity)
        for i in lo..<hi {
            let p = buffer[i]
            low = (min(low.0, p.x), min(low.1, p.y), min(low.2, p.z))
            high = (max(high.0, p.x), max(high.1, p.y), max(high.2, p.z))
        }
        let spread = (high.0 - low.0, high.1 - low.1, high.2 - low.2)
        if spread.0 >= spread.1 && spread.0 >= spread.2 { return 0 }
        return spread.1 >= spread.2 ? 1 : 2
    }

    /// Hoare quickselect: afterwards `buffer[nth]` holds the value that sorting would put there, with nothing
    /// greater before it and nothing smaller after it. Median-of-three pivots keep sorted input linear.
    private static func select(
        _ buffer: UnsafeMutableBufferPointer<KDPoint>, _ lo: Int, _ hi: Int, nth: Int, axis: UInt8
    ) {
        var left = lo
        var right = hi - 1
        while right > left {
            let middle = left + (right - left) / 2
            let a = buffer[left].coordinate(axis)
            let b = buffer[middle].coordinate(axis)
            let c = buffer[right].coordinate(axis)
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = left
            var j = right
            while i <= j {
                while buffer[i].coordinate(axis) < pivot { i += 1 }
                while buffer[j].coordinate(axis) > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if nth <= j {
                right = j
            } else if nth >= i {
                left = i
            } else {
                return
            }
        }
    }
}

/// The best `capacity` candidates seen so far, sorted by (squared chord, element index).
///
/// Ties on distance go to the lower element index so equal inputs always give equal answers.
struct NearestCandidates {
    let capacity: Int
    let radiusChordSquared: Double
    private(set) var entries: [(distance: Double, index: Int32)] = []

    init(capacity: Int, radiusChordSquared: Double) {
        self.capacity = capacity
        self.radiusChordSquared = radiusChordSquared
        entries.reserveCapacity(capacity + 1)
    }

    /// The squared chord beyond which nothing can enter: the radius, or the worst kept entry once full.
    @inline(__always)
    var bound: Double {
        entries.count < capacity ? radiusChordSquared : min(radiusChordSquared, entries[entries.count - 1].distance)
    }

    @inline(__always)
    func admits(_ distance: Double, _ index: Int32) -> Bool {
        guard distance <= radiusChordSquared else { return false }
        guard entries.count == capacity, let worst = entries.last else { return true }
        return (distance, index) < (worst.distance, worst.index)
    }

    mutating func insert(_ distance: Double, _ index: Int32) {
        var position = entries.count
        while position > 0, (distance, index) < (entries[position - 1].distance, entries[position - 1].index) {
            position -= 1
        }
        entries.insert((distance, index), at: position)
        if entries.count > capacity { entries.removeLast() }
    }
}

extension KDTree {
    /// Collects the nearest points to `query` accepted by `accept`, into `candidates`.
    func search(
        _ query: (x: Double, y: Double, z: Double), into candidates: inout NearestCandidates,
        accept: (Int32) -> Bool
    ) {
        points.withUnsafeBufferPointer { buffer in
            Self.visit(buffer, 0, buffer.count, query, &candidates, accept)
        }
    }

    private static func visit(
        _ buffer: UnsafeBufferPointer<KDPoint>, _ lo: Int, _ hi: Int, _ query: (x: Double, y: Double, z: Double),
        _ candidates: inout NearestCandidates, _ accept: (Int32) -> Bool
    ) {
        if hi - lo <= leafSize {
            for i in lo..<hi { consider(buffer[i], query, &candidates, accept) }
            return
        }
        let mid = lo + (hi - lo) / 2
        let split = buffer[mid]
        let queryValue = split.axis == 0 ? query.x : (split.axis == 1 ? query.y : query.z)
        let offset = queryValue - split.coordinate(split.axis)
        consider(split, query, &candidates, accept)
        // Near side first so the bound shrinks before deciding on the far side; `<=` keeps exact ties reachable.
        let (near, far) = offset < 0 ? ((lo, mid), (mid + 1, hi)) : ((mid + 1, hi), (lo, mid))
        visit(buffer, near.0, near.1, query, &candidates, accept)
        if offset * offset <= candidates.bound {
            visit(buffer, far.0, far.1, query, &candidates, accept)
        }
    }

    @inline(__always)
    private static func consider(
        _ point: KDPoint, _ query: (x: Double, y: Double, z: Double), _ candidates: inout NearestCandidates,
        _ accept: (Int32) -> Bool
    ) {
        let dx = point.x - query.x
        let dy = point.y - query.y
        let dz = point.z - query.z
        let distance = dx * dx + dy * dy + dz * dz
        if candidates.admits(distance, point.index) && accept(point.index) {
            candidates.insert(distance, point.index)
        }
    }
}
