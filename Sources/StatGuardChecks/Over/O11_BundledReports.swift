import StatGuardCore

/// O11: several enterprises reporting identical figures in the same month (打捆重复报送).
///
/// Among reports with output ≥ `minimum_output`, two enterprises match when at least
/// `minimum_matches` (default 3) of their four main figures — gross output, sales output,
/// electricity, employees — are equal and positive: one business reported several times
/// need not copy every figure, and three equal figures are as impossible by chance as four.
/// Every member of a group is flagged, its message naming the figures it shares. Any
/// three of the four include gross or sales output, so candidates are the reports whose
/// gross or sales output another report repeats exactly; only they are compared pairwise.
/// - Complexity: O(n log n) to sort by gross and by sales output, then pairs within each
///   run of equal values (a handful).
public struct O11_BundledReports: Check {
    public static let minimumOutput = CheckParameter("minimum_output", default: 1000, allowed: 0...1e9, "output (千元) from which identical figures count")
    public static let minimumMatches = CheckParameter("minimum_matches", default: 3, allowed: 3...4, "how many of the four main figures must be equal")
    public static let entry = RuleEntry(
        "O11", category: .over, severity: .warning,
        title: Bilingual(zh: "多家企业数据雷同（疑似打捆重复报送）", en: "identical figures from several enterprises"),
        meaning: Bilingual(
            zh: "同一期内多家企业的总产值、销售产值、用电量和从业人员四项中至少三项完全相同。",
            en: "Several enterprises report exactly the same values in at least three of gross output, sales output, electricity and employees in one period."),
        why: Bilingual(
            zh: "不同企业三项以上指标偶然完全相同几乎不可能；常见于同一业务拆分多户重复报送或代填代报。",
            en: "Independent enterprises cannot match on three figures by chance; one business reported several times, or reports filled in for others, can."),
        ask: Bilingual(
            zh: "请分别核实这些企业的财务报表和生产台账，确认是否为同一业务。",
            en: "Check each enterprise's statements and ledgers and whether they are one business."),
        parameters: [minimumOutput, minimumMatches],
        messages: ["": FindingMessage(
            zh: "{fields:list}与其他{others_count:int}家企业完全相同（{others}），疑似打捆重复报送，请核实。",
            en: "{fields:list} identical to {others_count:int} other enterprise(s) ({others}); possibly one business reported several times.",
            observed: "{output:千元}", expected: "figures of its own",
            example: ["fields": "gross_output+sales_output+electricity", "others_count": 1, "others": "91110000101623741K 某某焦化有限公司", "output": 12_000])])

    /// How many of the other members a message names.
    static let namesListed = 5
    static let fields: [ReportField] = [.grossOutput, .salesOutput, .electricity, .employees]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let minimum = settings.value(Self.minimumOutput)
        let needed = settings.count(Self.minimumMatches)
        let columns = Self.fields.map { context.current($0) }
        let x = columns[0]
        var eligible: [Int] = []
        for row in 0..<context.reports.count {
            if x[row] >= minimum { eligible.append(row) } else { result.notEvaluated("output below minimum") }
        }
        // Pairs sharing gross or sales output, then how many of the four figures they share.
        var partners: [Int: [(row: Int, shared: UInt8)]] = [:]
        for key in 0..<2 {
            let values = columns[key]
            let sorted = eligible.filter { values[$0] > 0 }.sorted { (values[$0], $0) < (values[$1], $1) }
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count && values[sorted[end]] == values[sorted[start]] { end += 1 }
                if end - start > 1 {
                    for i in start..<end {
                        for j in (i + 1)..<end {
                            let (a, b) = (sorted[i], sorted[j])
                            // Each pair once: through gross output, or through sales when gross differs.
                            if key == 1 && columns[0][a] == columns[0][b] { continue }
                            var shared: UInt8 = 0
                            for (f, column) in columns.enumerated() where column[a] > 0 && column[a] == column[b] { shared |= 1 << f }
                            guard shared.nonzeroBitCount >= needed else { continue }
                            partners[a, default: []].append((b, shared))
                            partners[b, default: []].append((a, shared))
                        }
                    }
                }
                start = end
            }
        }
        for row in eligible {
            guard let others = partners[row] else { result.pass(); continue }
            let ordered = others.sorted { $0.row < $1.row }
            let named = ordered.prefix(Self.namesListed)
                .map { "\(context.reports.creditCodes[$0.row]) \(context.reports[text: ReportField.name][$0.row])" }
            let list = named.joined(separator: "; ") + (ordered.count > named.count ? "; …" : "")
            // The figures it shares with all of those others it names (at least three with each).
            let common = ordered.reduce(UInt8(0b1111)) { $0 & $1.shared }
            let sharedMask = common.nonzeroBitCount >= needed ? common : ordered[0].shared
            let fields = Self.fields.indices.filter { sharedMask & (1 << $0) != 0 }.map { Self.fields[$0].spec.name }.joined(separator: "+")
            let score = Scoring.score(
                suspicion: Scoring.capped(Double(ordered.count + 1)), deviation: x[row],
                total: context.countyTotals.total(.grossOutput, county: context.reports.regionCodes[row]))
            result.fail(context.finding(reportRow: row, Self.entry, settings, score: score, FindingFacts(indicator: fields, [
                "fields": .text(fields), "others_count": .number(Double(ordered.count)), "others": .text(list), "output": .number(x[row]),
            ])))
        }
    }
}
