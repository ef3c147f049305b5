/// Derivative-free minimisation by the Nelder–Mead simplex (Lagarias et al. 1998 conventions: reflection 1,
/// expansion 2, contraction ½, shrink ½), deterministic: no randomness, ties broken by vertex index.
///
/// The simplex starts at `start` plus `initialStep` along each axis. A run stops when every vertex is within
/// `pointTolerance` of the best (largest coordinate difference) and every value within `valueTolerance` of the best,
/// or after `maxIterations`. The search is then restarted from the best point with a fresh simplex, because a
/// collapsed simplex can stall short of the minimum; it ends when a restart improves the value by no more than
/// `valueTolerance`, or after `maxRestarts` restarts. A non-finite value counts as +∞ (the simplex moves away).
public struct NelderMead: Sendable {
    public var initialStep: Double
    public var pointTolerance: Double
    public var valueTolerance: Double
    public var maxIterations: Int
    public var maxRestarts: Int

    public init(
        initialStep: Double = 0.5, pointTolerance: Double = 1e-9, valueTolerance: Double = 1e-12,
        maxIterations: Int = 5_000, maxRestarts: Int = 10
    ) {
        self.initialStep = initialStep
        self.pointTolerance = pointTolerance
        self.valueTolerance = valueTolerance
        self.maxIterations = maxIterations
        self.maxRestarts = maxRestarts
    }

    public struct Result: Sendable {
        /// The best point found and its value.
        public var point: [Double]
        public var value: Double
        /// Simplex iterations over all runs, and objective evaluations.
        public var iterations: Int
        public var evaluations: Int
        /// Whether the last run met both tolerances and the last restart no longer improved the value.
        public var converged: Bool
    }

    /// The minimum of `objective` near `start`, with the work it took.
    public func minimize(from start: [Double], _ objective: ([Double]) -> Double) -> Result {
        var evaluations = 0
        let counted: ([Double]) -> Double = { point in
            evaluations += 1
            let value = objective(point)
            return value.isNaN ? .infinity : value
        }
        var best = run(from: start, counted)
        var iterations = best.iterations
        var converged = false
        for _ in 0..<maxRestarts where best.converged {
            let next = run(from: best.point, counted)
            iterations += next.iterations
            let improvement = best.value - next.value
            if next.value < best.value { best = next }
            if improvement <= valueTolerance {
                converged = best.converged
                break
            }
        }
        return Result(
            point: best.point, value: best.value, iterations: iterations, evaluations: evaluations,
            converged: converged)
    }

    /// One run from a fresh simplex around `start`.
    private func run(from start: [Double], _ f: ([Double]) -> Double)
        -> (point: [Double], value: Double, iterations: Int, converged: Bool)
    {
        var simplex = [start] + start.indices.map { axis in
            var vertex = start
            vertex[axis] += initialStep
            return vertex
        }
        var values = simplex.map(f)
        for iteration in 0..<maxIterations {
            let order = simplex.indices.sorted { (values[$0], $0) < (values[$1], $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if hasConverged(simplex, values) { return (simplex[0], values[0], iteration, true) }
            step(&simplex, &values, f)
        }
        let best = values.indices.min { (values[$0], $0) < (values[$1], $1) } ?? 0
        return (simplex[best], values[best], maxIterations, false)
    }

    private func hasConverged(_ simplex: [[Double]], _ values: [Double]) -> Bool {
        let spread = simplex.dropFirst().map { vertex in
            zip(vertex, simplex[0]).map { abs($0 - $1) }.max() ?? 0
        }.max() ?? 0
        let valueSpread = values.dropFirst().map { abs($0 - values[0]) }.max() ?? 0
        return spread <= pointTolerance && valueSpread <= valueTolerance
    }

    /// One iteration on a simplex sorted best first: reflect, expand, contract or shrink the worst vertex.
    private func step(_ simplex: inout [[Double]], _ values: inout [Double], _ f: ([Double]) -> Double) {
        let worst = simplex.count - 1
        let centroid = simplex.dropLast().reduce(into: [Double](repeating: 0, count: simplex[0].count)) { sum, vertex in
            for axis in vertex.indices { sum[axis] += vertex[axis] / Double(worst) }
        }
        // Points on the line from the centroid through the worst vertex: c + t·(c − worst).
        let worstVertex = simplex[worst]
        let along = { (t: Double) in zip(centroid, worstVertex).map { c, w in c + t * (c - w) } }
        let reflected = along(1)
        let reflectedValue = f(reflected)
        if reflectedValue < values[0] {
            let expanded = along(2)
            let expandedValue = f(expanded)
            (simplex[worst], values[worst]) =
                expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
        } else if reflectedValue < values[worst - 1] {
            (simplex[worst], values[worst]) = (reflected, reflectedValue)
        } else {
            let outside = reflectedValue < values[worst]
            let contracted = along(outside ? 0.5 : -0.5)
            let contractedValue = f(contracted)
            if outside ? contractedValue <= reflectedValue : contractedValue < values[worst] {
                (simplex[worst], values[worst]) = (contracted, contractedValue)
            } else {
                for index in 1...worst {
                    simplex[index] = zip(simplex[0], simplex[index]).map { b, v in b + 0.5 * (v - b) }
                    values[index] = f(simplex[index])
                }
            }
        }
    }
}
