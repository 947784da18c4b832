import StatGuardChecks
import StatGuardCore
import StatGuardIngest

/// One enterprise's figures for a rule test: this period, and optionally last period and last year.
struct Firm {
    var number: Int
    var industry: UInt16 = 2521
    var town: UInt64 = 510402001
    var now: [ReportField: Double]
    var lastPeriod: [ReportField: Double]? = nil
    var lastYear: [ReportField: Double]? = nil
    var park = ""

    var code: CreditCode {
        let digits = Array(String(format: "91510402%09d", number).utf8).map { CreditCode.alphabet.firstIndex(of: $0).map(UInt8.init)! }
        return CreditCode.completing(digits)
    }
}

/// Builds a check context for one period from a few firms.
enum RuleFixture {
    static let defaults: [ReportField: Double] = [
        .grossOutput: 1000, .grossOutputYTD: 3000, .salesOutput: 980, .salesOutputYTD: 2950, .revenueYTD: 3100,
        .profitYTD: 100, .electricity: 50, .employees: 100,
    ]

    static func table(_ firms: [Firm], _ figures: (Firm) -> [ReportField: Double]?) -> ColumnTable? {
        let present = firms.filter { figures($0) != nil }
        var numbers: [Int: [Double]] = [:]
        for field in ReportField.allCases {
            switch field.spec.type {
            case .decimal, .count:
                numbers[field.rawValue] = present.map { firm in
                    let values = defaults.merging(figures(firm)!) { _, new in new }
                    return values[field] ?? .nan
                }
            default: break
            }
        }
        return ColumnTable(
            kind: .reports, count: present.count, creditCodes: present.map(\.code),
            regionCodes: present.map { RegionCode(value: $0.town * 1000 + 1) },
            industryCodes: present.map { IndustryCode(value: $0.industry) }, numbers: numbers,
            texts: [ReportField.name.rawValue: TextColumn(present.map { "企业\($0.number)" }),
                    ReportField.park.rawValue: TextColumn(present.map(\.park))])
    }

    static func context(_ firms: [Firm], period: Period = Period(year: 2024, month: 5),
                        calendar: ReportingCalendar = ReportingCalendar()) -> CheckContext {
        let current = table(firms) { $0.now }!
        var history: [Int: ColumnTable] = [:]
        if firms.contains(where: { $0.lastPeriod != nil }) { history[1] = table(firms) { $0.lastPeriod } }
        if firms.contains(where: { $0.lastYear != nil }) { history[12] = table(firms) { $0.lastYear } }
        let register = ColumnTable(kind: .register, count: 0, creditCodes: [])
        return CheckContext(
            period: period, calendar: calendar, reports: current, register: register, products: nil, capacity: nil,
            admin: nil, history: PeriodHistory(period: period, calendar: calendar, reports: history, admin: [:]),
            quarantinedCodes: [])
    }
}
