import StatGuardCore
import StatGuardIngest

/// U02: an enterprise in the admin data, not 规上 in the register, whose
/// invoiced sales over the last twelve months reach the 规上 threshold (应纳未纳).
///
/// Only industrial classes (GB/T 4754 sections B, C, D) are considered. The
/// twelve-month sum is annualised when fewer months are stored; fewer than
/// `minimum_months` covered: not evaluated.
public struct U02_UnregisteredAboveThreshold: Check {
    public static let threshold = CheckParameter("threshold", default: 20_000, allowed: 1...1e9, "annual invoiced sales (千元) of the 规上 threshold")
    public static let minimumMonths = CheckParameter("minimum_months", default: 6, allowed: 1...12, "months of admin data needed")
    public static let descriptor = CheckDescriptor(
        ruleID: "U02", title: "unregistered enterprise above the threshold", titleZh: "达规模未纳入名录（应纳未纳）",
        category: .under, defaultSeverity: .warning, parameters: [threshold, minimumMonths])
    public static let needs: Set<FileKind> = [.admin]

    public init() {}

    public func evaluate(_ context: CheckContext, _ settings: CheckSettings, into result: inout CheckResult) {
        guard let admin = context.admin else { return }
        let limit = settings.value(Self.threshold)
        let registerIndex = context.register.rowIndex()
        let aboveScale = context.register[code: RegisterField.aboveScale]
        var candidates: [Int] = []
        for row in 0..<admin.count {
            guard context.catalog.contains(admin.industryCodes[row]) else { continue }
            if let r = registerIndex[admin.creditCodes[row]], aboveScale[r] == 1 { continue }
            candidates.append(row)
        }
        let invoices = TwelveMonthInvoices(
            codes: candidates.map { admin.creditCodes[$0] }, context: context, minimumMonths: Int(settings.value(Self.minimumMonths)))
        for (i, row) in candidates.enumerated() {
            let annual = invoices.annualised[i]
            guard !annual.isNaN else { result.notEvaluated("fewer admin months than required"); continue }
            guard annual >= limit else { result.pass(); continue }
            let inRegister = registerIndex[admin.creditCodes[row]] != nil
            let score = Scoring.score(
                suspicion: Scoring.suspicion(value: annual, bound: limit), deviation: annual / 12,
                total: context.countyTotals.total(.salesOutput, county: admin.regionCodes[row]))
            result.fail(context.finding(row: row, of: admin, Self.descriptor, settings, score: score, FindingText(
                indicator: "invoiced_sales", observed: Figures.amount(annual), expected: "< \(Figures.amount(limit))",
                zh: "近\(invoices.monthsCovered)个月增值税开票销售额折年\(Figures.amount(annual))千元，已达规上标准\(Figures.amount(limit))千元，但\(inRegister ? "名录中为规下企业" : "未纳入名录库")，请核实是否应纳入。",
                en: "Invoiced sales over the last \(invoices.monthsCovered) months annualise to \(Figures.amount(annual)) thousand yuan, above the \(Figures.amount(limit)) threshold, but the enterprise is \(inRegister ? "below scale in the register" : "not in the register"); check whether it must be added.")))
        }
    }
}
