import Foundation
import StatGuardCore

/// How far areas (towns or counties) of enterprises depart from their own history in a few
/// ratios, compared with the other areas, month by month: G02's statistic.
///
/// Input per ratio and month: each member's departure d_i (its ratio then over its ratio a
/// year before this period, net of its class).
/// Per area, month and ratio: ln D = the mean of ln d_i over the n members within a factor of
/// ``outlierFactor`` of their own history, each ln d_i held within ``clip`` typical spreads σ
/// of the area's median (σ: the robust spread of all members' ln d that month), so one
/// member's own inflation cannot carry its area; its standard error SE = σ / √n. Every member
/// weighs the same: weighted by size, one large member that kept to the truth hid a town whose
/// other members all inflated (the town's summed ratio moved by half the inflation, within its
/// usual wobble). Areas need `minimumMembers` such members. Then z = ln(D / median over areas)
/// / √(SE² + `floor`²), the ratios' z of a month combined (Stouffer); with fewer than
/// ``minimumAreas`` areas to compare, no z (``comparable`` is false).
/// - Complexity: O(n) per ratio and month (selections, no sorts); no allocation per row.
struct AreaDepartures {
    /// Members further than this factor from their own history do not count.
    static let outlierFactor = 3.0
    /// The furthest a member's log departure counts from its area's median, in typical spreads.
    static let clip = 2.5
    /// Areas needed to compare one with the others.
    static let minimumAreas = 5
    /// The correlation of an area's z between months: each compares a month with the same year-ago month.
    static let monthCorrelation = 0.5

    /// D per month, ratio and area (NaN when not measured).
    let departures: [[[Double]]]
    /// z per month and area (NaN when not measured).
    let z: [[Double]]
    /// Whether there were enough areas to compare this month.
    let comparable: Bool
    /// Per month, the median log D over the areas, per ratio (NaN when not measured).
    private let centers: [[Double]]

    /// Each member's log departure per ratio and month (NaN when it does not count) and the month's σ:
    /// computed once, for towns and counties alike.
    struct Members {
        /// Per ratio, per month (this one first): ln d_i, NaN for a member without one or more than
        /// ``AreaDepartures/outlierFactor`` off.
        let logs: [[[Double]]]
        /// Per ratio, per month: the robust spread of the members' ln d.
        let sigma: [[Double]]

        init(logs: [[[Double]]]) {
            let limit = log(AreaDepartures.outlierFactor)
            var kept = logs, sigma: [[Double]] = []
            var scratch: [Double] = []
            for r in kept.indices {
                var ratioSigma: [Double] = []
                for month in kept[r].indices {
                    scratch.removeAll(keepingCapacity: true)
                    kept[r][month].withUnsafeMutableBufferPointer { l in
                        for row in l.indices {
                            if !(abs(l[row]) < limit) { l[row] = .nan } else { scratch.append(l[row]) }
                        }
                    }
                    var scale = Double.nan
                    if !scratch.isEmpty {
                        let center = selectMedian(&scratch)
                        for i in scratch.indices { scratch[i] = abs(scratch[i] - center) }
                        scale = 1.4826 * selectMedian(&scratch)
                    }
                    ratioSigma.append(scale)
                }
                sigma.append(ratioSigma)
            }
            self.logs = kept
            self.sigma = sigma
        }
    }

    /// - Parameters:
    ///   - members: the members' log departures and spreads.
    ///   - rowsOfArea: the report rows of each area.
    init(_ members: Members, rowsOfArea: [[Int]], minimumMembers: Int, floor: Double) {
        let areas = rowsOfArea.count
        let ratios = members.logs.count, months = members.logs.first?.count ?? 0
        var departures = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: .nan, count: areas), count: ratios), count: months)
        var errors = departures
        var scratch: [Double] = []
        for r in 0..<ratios {
            for month in 0..<months {
                let logs = members.logs[r][month], sigma = members.sigma[r][month]
                guard !sigma.isNaN else { continue }
                for a in 0..<areas {
                    scratch.removeAll(keepingCapacity: true)
                    for row in rowsOfArea[a] where !logs[row].isNaN { scratch.append(logs[row]) }
                    guard scratch.count >= minimumMembers else { continue }
                    let center = selectMedian(&scratch)
                    let (low, high) = (center - Self.clip * sigma, center + Self.clip * sigma)
                    var sum = 0.0
                    for row in rowsOfArea[a] where !logs[row].isNaN { sum += max(low, min(high, logs[row])) }
                    let n = Double(scratch.count)
                    departures[month][r][a] = exp(sum / n)
                    errors[month][r][a] = sigma / n.squareRoot()
                }
            }
        }
        var z = [[Double]](repeating: [Double](repeating: .nan, count: areas), count: months)
        var comparable = true
        var centers = [[Double]](repeating: [Double](repeating: .nan, count: ratios), count: months)
        for month in 0..<months {
            var sums = [Double](repeating: 0, count: areas), counts = [Int](repeating: 0, count: areas)
            for r in 0..<ratios {
                let logs = departures[month][r].compactMap { $0.isNaN ? nil : log($0) }
                guard logs.count >= Self.minimumAreas else {
                    if month == 0 && r == 0 { comparable = false }
                    continue
                }
                var sortable = logs
                let center = selectMedian(&sortable)
                centers[month][r] = center
                for a in 0..<areas where !departures[month][r][a].isNaN {
                    let error = errors[month][r][a]
                    sums[a] += (log(departures[month][r][a]) - center) / (error * error + floor * floor).squareRoot()
                    counts[a] += 1
                }
            }
            for a in 0..<areas where counts[a] > 0 { z[month][a] = sums[a] / Double(counts[a]).squareRoot() }
        }
        self.departures = departures
        self.z = z
        self.comparable = comparable
        self.centers = centers
    }

    /// This month's departure of area `a`: the geometric mean of its ratios' D (NaN when none was measured).
    func own(_ a: Int) -> Double {
        let measured = departures[0].map { $0[a] }.filter { !$0.isNaN }
        return measured.isEmpty ? .nan : exp(measured.map(log).reduce(0, +) / Double(measured.count))
    }

    /// The departure of area `a` over the other areas' in its first `months` months, this one first (at least this
    /// one): the geometric mean over those months and the ratios of D / the areas' median. A run is judged as a whole:
    /// a month of it that noise pulled down a little does not end it.
    func excess(_ a: Int, months: Int = 1) -> Double {
        var logs = 0.0, k = 0
        for month in 0..<max(1, min(months, departures.count)) {
            for (r, ratio) in departures[month].enumerated() where !ratio[a].isNaN && !centers[month][r].isNaN {
                logs += log(ratio[a]) - centers[month][r]
                k += 1
            }
        }
        return k == 0 ? .nan : exp(logs / Double(k))
    }

    /// The run of consecutive months, this one first, whose z exceeds `threshold`, and the evidence
    /// accumulated over it: Σ z / √(m + m(m − 1)ρ) for m months (Stouffer's sum for z correlated by ρ).
    func run(_ a: Int, above threshold: Double) -> (months: Int, z: Double) {
        var months = 0, sum = 0.0
        while months < z.count, z[months][a] > threshold {
            sum += z[months][a]
            months += 1
        }
        let m = Double(months)
        return (months, months > 0 ? sum / (m + m * (m - 1) * Self.monthCorrelation).squareRoot() : 0)
    }
}
