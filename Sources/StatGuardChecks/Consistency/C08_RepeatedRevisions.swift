import StatGuardCore

/// C08: a figure revised again and again, or revised onto a round target or a round
/// growth rate (重复修改: bureaus query it as a sign of figures set, not measured).
///
/// Looks only at the enterprises whose figures this load changes against the period's
/// previous load (a resubmission), field by field over the money figures and electricity:
/// - `repeated`: this is at least the `repeat_count`-th revision of the same figure of the
///   same period (earlier reloads' revisions come from the store's revision log);
/// - `growth`: gross output (本月 or 本年累计) revised so that its growth on the enterprise's
///   own report a year ago lies within `growth_tolerance` percentage points of a whole
///   percent, where the figure before did not (a growth rate handed down);
/// - `round`: a money figure revised onto a multiple of `round_unit` 千元 that it was not before.
/// One finding per field, the first signal in that order. Enterprises without a revised figure
/// are not evaluated; `growth` needs the report a year ago.
public struct C08_RepeatedRevisions: Check {
    public static let repeatCount = CheckParameter(
        "repeat_count", default: 2, allowed: 2...10, "the revision of one figure that counts as repeated (2 = the second)")
    public static let roundUnit = CheckParameter(
        "round_unit", default: 1000, allowed: 10...1_000_000, "千元: a revised money figure landing on a multiple of this is a round target")
    public static let growthTolerance = CheckParameter(
        "growth_tolerance", default: 0.005, allowed: 0...0.05, "percentage points from a whole percent that count as a round growth rate")
    public static let entry = RuleEntry(
        "C08", category: .consistency, severity: .warning,
        title: Bilingual(zh: "重复修改或改到整数目标（疑似按目标修改）", en: "figure revised repeatedly or onto a round target"),
        meaning: Bilingual(
            zh: "企业重报时，同一数据被反复修改，或修改后恰为整数目标或整数增速。",
            en: "On resubmission a figure was revised again, or revised onto a round amount or a round growth rate."),
        why: Bilingual(
            zh: "更正应以账簿为据，一次即可；反复修改、改到整数目标或指令增速，往往是按下达的数修改而非如实更正。",
            en: "A correction from the books is made once; repeated revisions, or revisions onto round targets or dictated growth rates, suggest figures set from above."),
        ask: Bilingual(
            zh: "请企业说明每次修改的依据，并提供对应的财务报表和原始凭证。",
            en: "Ask for the grounds of each revision, with the statements and source documents."),
        parameters: [repeatCount, roundUnit, growthTolerance],
        messages: [
            "": FindingMessage(
                zh: "{field:field}本期第{count:int}次修改（{old:千元}→{new:千元}），同一数据反复修改，请核实修改依据。",
                en: "{field:Field} has now been revised {count:int} times for this period ({old:千元} → {new:千元}); repeated revisions of one figure need their grounds.",
                observed: "{count:int} revisions", expected: "fewer than {limit:int} revisions",
                example: ["field": "gross_output", "count": 2, "old": 12_000, "new": 15_000, "limit": 2]),
            "growth": FindingMessage(
                zh: "{field:field}由{old:千元}千元改为{new:千元}千元，同比恰为{growth:%}（修改前{old_growth:%}），疑似按下达的增速修改，请核实修改依据。",
                en: "{field:Field} revised from {old:千元} to {new:千元} thousand yuan, making growth exactly {growth:%} (it was {old_growth:%}); possibly revised to a dictated rate.",
                observed: "{growth:%}", expected: "not a round growth rate",
                example: ["field": "gross_output", "old": 10_512.3, "new": 10_800, "growth": 0.08, "old_growth": 0.0512]),
            "round": FindingMessage(
                zh: "{field:field}由{old:千元}千元改为{new:千元}千元，恰为{unit:千元}千元的整数倍，疑似按目标数修改，请核实修改依据。",
                en: "{field:Field} revised from {old:千元} to {new:千元} thousand yuan, a multiple of {unit:千元}; possibly revised to a target.",
                observed: "{new:千元}", expected: "not a multiple of {unit:千元}",
                example: ["field": "gross_output", "old": 18_734.6, "new": 20_000, "unit": 1_000]),
        ])

    /// The figures looked at: those whose county totals scores are weighed against.
    static let fields = CountyTotals.fields
    /// The money figures (千元), which may land on a round target.
    static let moneyFields: Set<ReportField> = [.grossOutput, .grossOutputYTD, .salesOutput, .salesOutputYTD, .exportDelivery, .revenueYTD]
    /// The figures whose growth on last year's report is looked at.
    static let growthFields: [ReportField: ReportField] = [.grossOutput: .grossOutput, .grossOutputYTD: .grossOutputYTD]

    public static let history: HistoryNeeds = HistoryNeeds.reports(["gross_output", "gross_output_ytd"], lags: [12]).union(.revisionLog)

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        let revised = Set(context.revisions.map(\.creditCode))
        for code in context.reports.creditCodes where !revised.contains(code) { result.notEvaluated("no figure revised") }
        guard !revised.isEmpty else { return }
        let limit = settings.count(Self.repeatCount)
        let unit = settings.value(Self.roundUnit)
        let tolerance = settings.value(Self.growthTolerance)
        let earlier = Dictionary(grouping: context.history.revisions) { "\($0.creditCode)/\($0.field)" }.mapValues(\.count)
        let rowOf = Dictionary(context.reports.creditCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let lastYear = Self.growthFields.keys.reduce(into: [ReportField: [Double]]()) { $0[$1] = context.lagged($1, 12) }
        let byEnterprise = Dictionary(grouping: context.revisions, by: \.creditCode)
        for code in byEnterprise.keys.sorted() {
            guard let row = rowOf[code] else { continue }
            var found: [Finding] = []
            for revision in byEnterprise[code]! {
                guard let field = Self.fields.first(where: { $0.spec.name == revision.field }) else { continue }
                let count = (earlier["\(code)/\(revision.field)"] ?? 0) + 1
                let base = lastYear[field]?[row] ?? .nan
                let facts: FindingFacts
                let suspicion: Double
                if count >= limit {
                    suspicion = Scoring.capped(Scoring.plainSuspicion + Double(count - limit) * 0.5)
                    facts = FindingFacts(indicator: revision.field, [
                        "field": .text(revision.field), "count": .number(Double(count)), "old": .number(revision.old),
                        "new": .number(revision.new), "limit": .number(Double(limit)),
                    ])
                } else if Self.growthFields[field] != nil, base > 0,
                          Self.isRoundGrowth(revision.new / base - 1, tolerance), !Self.isRoundGrowth(revision.old / base - 1, tolerance) {
                    suspicion = Scoring.contradictionSuspicion
                    facts = FindingFacts(indicator: revision.field, variant: "growth", [
                        "field": .text(revision.field), "old": .number(revision.old), "new": .number(revision.new),
                        "growth": .number(revision.new / base - 1), "old_growth": .number(revision.old / base - 1),
                    ])
                } else if Self.moneyFields.contains(field), Self.isMultiple(revision.new, of: unit), !Self.isMultiple(revision.old, of: unit) {
                    suspicion = Scoring.contradictionSuspicion
                    facts = FindingFacts(indicator: revision.field, variant: "round", [
                        "field": .text(revision.field), "old": .number(revision.old), "new": .number(revision.new), "unit": .number(unit),
                    ])
                } else {
                    continue
                }
                let deviation = revision.old.isNaN ? revision.new : revision.new - revision.old
                let score = Scoring.score(
                    suspicion: suspicion, deviation: deviation, total: context.countyTotals.total(field, county: context.reports.regionCodes[row]))
                found.append(context.finding(reportRow: row, Self.entry, settings, score: score, facts))
            }
            result.record(found)
        }
    }

    /// Whether `growth` (a share) lies within `tolerance` percentage points of a whole percent.
    static func isRoundGrowth(_ growth: Double, _ tolerance: Double) -> Bool {
        guard growth.isFinite else { return false }
        let percent = growth * 100
        return abs(percent - percent.rounded()) <= tolerance + 1e-9
    }

    /// Whether `value` is a positive multiple of `unit`.
    static func isMultiple(_ value: Double, of unit: Double) -> Bool {
        guard value > 0, value.isFinite else { return false }
        let quotient = value / unit
        return abs(quotient - quotient.rounded()) < 1e-9
    }
}
