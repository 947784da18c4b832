/// Sample quantiles, with the rule named (checks report which one they used).
public enum QuantileRule: Int, Sendable {
    /// R's default (type 7): h = (n − 1)p + 1, linear interpolation.
    case type7 = 7
    /// Banff's and Minitab's (n + 1)p rule (R type 6).
    case type6 = 6

    public var name: String {
        switch self {
        case .type7: "R type 7, (n−1)p+1"
        case .type6: "(n+1)p (R type 6, Banff)"
        }
    }

    /// The p-quantile of `sorted` (ascending, non-empty).
    public func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let n = Double(sorted.count)
        let h: Double
        switch self {
        case .type7: h = (n - 1) * p + 1
        case .type6: h = min(max((n + 1) * p, 1), n)
        }
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        if lower >= sorted.count { return sorted[sorted.count - 1] }
        return sorted[lower - 1] + fraction * (sorted[lower] - sorted[lower - 1])
    }
}

/// The median of `values` (NaN when empty).
/// By selection (``selectMedian(_:)``) on a copy: the same middle values a sort gives, in O(n).
public func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    guard values.contains(where: \.isNaN) else {
        var copy = values
        return selectMedian(&copy)
    }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// Median and scaled median absolute deviation (1.4826 × MAD, consistent with σ for normal data).
public func medianAndScaledMAD(_ values: [Double]) -> (median: Double, scale: Double) {
    let m = median(values)
    return (m, 1.4826 * median(values.map { abs($0 - m) }))
}

/// The median of the positive values among four (NaN when none is positive), without allocating:
/// for per-row medians over an enterprise's history.
@inline(__always)
public func positiveMedian(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
    // Non-positive and NaN values sort last as +infinity and are not counted.
    let n = (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0) + (c > 0 ? 1 : 0) + (d > 0 ? 1 : 0)
    var w = a > 0 ? a : .infinity, x = b > 0 ? b : .infinity, y = c > 0 ? c : .infinity, z = d > 0 ? d : .infinity
    if w > x { swap(&w, &x) }
    if y > z { swap(&y, &z) }
    if w > y { swap(&w, &y) }
    if x > z { swap(&x, &z) }
    if x > y { swap(&x, &y) }
    switch n {
    case 0: return .nan
    case 1: return w
    case 2: return (w + x) / 2
    case 3: return x
    default: return (x + y) / 2
    }
}

/// The median of `values` (non-empty, no NaN), reordering them: Hoare's selection, O(n) expected
/// where a sort is O(n log n) (national columns of half a million values).
public func selectMedian(_ values: inout [Double]) -> Double {
    let n = values.count
    precondition(n > 0, "the median of nothing")
    let k = n / 2
    values.withUnsafeMutableBufferPointer { v in
        var (low, high) = (0, n - 1)
        while low < high {
            // Median of three as the pivot, then Hoare's partition.
            let mid = low + (high - low) / 2
            if v[mid] < v[low] { v.swapAt(mid, low) }
            if v[high] < v[low] { v.swapAt(high, low) }
            if v[high] < v[mid] { v.swapAt(high, mid) }
            let pivot = v[mid]
            var (i, j) = (low, high)
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j {
                    v.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
    }
    guard n % 2 == 0 else { return values[k] }
    // values[..<k] are all ≤ values[k]: the lower middle is their largest.
    var lower = -Double.infinity
    for i in 0..<k where values[i] > lower { lower = values[i] }
    return (lower + values[k]) / 2
}
