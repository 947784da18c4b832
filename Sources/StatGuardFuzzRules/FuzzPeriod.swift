import StatGuardChecks
import StatGuardCore
import StatGuardIngest

/// The small fixed period every fuzz input is evaluated over: six enterprises in
/// two towns, three classes and two parks, with figures at the edges (zeros of
/// both signs, blanks, subnormals, past Int64, the largest doubles) and history
/// one period and one year back, in 1-2月 so the combined first period is used.
enum FuzzPeriod {
    static let period = Period(year: 2024, month: 2)

    /// Per enterprise: every numeric field takes its row of these figures in turn.
    static let figures: [[Double]] = [
        [1000, 980, 3000, 50, 100],
        [0, -0.0, 0, 0, 1],
        [.nan, 1, .nan, 2, .nan],
        [1e308, .greatestFiniteMagnitude, -1e308, 1e19, 12],
        [.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNonzeroMagnitude, 1e-300, 0],
        [999_999_999_999.9, 1e15, -1e19, 7, 3],
    ]

    static let context: CheckContext = {
        let calendar = ReportingCalendar()
        let history = PeriodHistory(
            period: period, calendar: calendar, reports: [1: table(shift: 1), 12: table(shift: 2)], admin: [:])
        return CheckContext(
            period: period, calendar: calendar, reports: table(shift: 0), register: ColumnTable(kind: .register, count: 0, creditCodes: []),
            products: nil, capacity: nil, admin: nil, history: history, quarantinedCodes: [])
    }()

    /// The enterprises' report table; `shift` rotates their figures for history.
    static func table(shift: Int) -> ColumnTable {
        let rows = figures.indices
        var numbers: [Int: [Double]] = [:]
        for (index, field) in ReportField.allCases.enumerated() {
            switch field.spec.type {
            case .decimal, .count:
                numbers[field.rawValue] = rows.map { row in
                    let values = figures[(row + shift) % figures.count]
                    return values[(index + row) % values.count]
                }
            default: break
            }
        }
        return ColumnTable(
            kind: .reports, count: rows.count,
            creditCodes: rows.map { row in
                CreditCode.completing(Array("91510402\(String(repeating: "0", count: 8))\(row)".utf8).map { byte in
                    UInt8(CreditCode.alphabet.firstIndex(of: byte)!)
                })
            },
            regionCodes: rows.map { RegionCode(value: (510402001 + UInt64($0 % 2)) * 1000 + 1) },
            industryCodes: rows.map { IndustryCode(value: [2521, 3110, 2750][$0 % 3]) },
            numbers: numbers,
            texts: [
                ReportField.name.rawValue: TextColumn(rows.map { "企业\($0)" }),
                ReportField.park.rawValue: TextColumn(rows.map { ["", "园区1", "园区2"][$0 % 3] }),
            ])
    }
}
