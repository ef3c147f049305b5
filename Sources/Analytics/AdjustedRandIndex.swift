/// The adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same rows: the share of row pairs on
/// which they agree (together in both, or apart in both), corrected for chance. 1 = the same partition whatever
/// the label numbers, ≈ 0 = no better than random, negative = worse than random.
///
/// Computed as scikit-learn's `adjusted_rand_score`, from the pair confusion matrix: with tp = pairs together in
/// both, tn = apart in both, fp and fn = together in one only, ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) +
/// (tp + fp)(fp + tn)), and 1 when fn = fp = 0 (including both labellings putting all rows in one cluster, or
/// every row alone). Pair counts are exact integers; only the final ratio is floating point.
public enum AdjustedRandIndex {
    public static func score(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "two labellings of the same rows")
        let (labelsA, countA) = Silhouette.compacted(a)
        let (labelsB, countB) = Silhouette.compacted(b)
        var contingency = [Int](repeating: 0, count: countA * countB)
        var sizesA = [Int](repeating: 0, count: countA)
        var sizesB = [Int](repeating: 0, count: countB)
        for (x, y) in zip(labelsA, labelsB) {
            contingency[x * countB + y] += 1
            sizesA[x] += 1
            sizesB[y] += 1
        }
        let n = a.count
        let sumSquares = contingency.reduce(0) { $0 + $1 * $1 }
        let squaresA = sizesA.reduce(0) { $0 + $1 * $1 }
        let squaresB = sizesB.reduce(0) { $0 + $1 * $1 }
        // Ordered pairs (each unordered pair twice), as scikit-learn's `pair_confusion_matrix`.
        let together = Double(sumSquares - n)
        let onlyA = Double(squaresA - sumSquares)
        let onlyB = Double(squaresB - sumSquares)
        let apart = Double(n * n - squaresA - squaresB + sumSquares)
        if onlyA == 0, onlyB == 0 { return 1 }
        return 2 * (together * apart - onlyB * onlyA)
            / ((together + onlyB) * (onlyB + apart) + (together + onlyA) * (onlyA + apart))
    }
}
