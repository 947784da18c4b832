/// Reported figures a statistician confirmed wrong (属实): per period, enterprise and
/// contract field. The checks leave them out of the history they compare against.
public struct ConfirmedFigures: Sendable, Equatable {
    private var fields: [Period: [CreditCode: Set<String>]] = [:]

    public init() {}

    /// Marks `field` of `code` in `period` as confirmed wrong.
    public mutating func insert(period: Period, creditCode: CreditCode, field: String) {
        fields[period, default: [:]][creditCode, default: []].insert(field)
    }

    /// The enterprises with confirmed figures in `period`, and which fields.
    public func figures(in period: Period) -> [CreditCode: Set<String>] { fields[period] ?? [:] }

    public var isEmpty: Bool { fields.isEmpty }

    /// How many figures are marked.
    public var count: Int { fields.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }
}

extension PeriodHistory {
    /// The history with every confirmed figure served as missing (NaN), so class medians,
    /// Hidiroglou-Berthelot ratios and an enterprise's own baselines never rest on a figure
    /// a statistician found wrong. Only the columns holding such a figure are copied.
    public func excluding(_ confirmed: ConfirmedFigures) -> PeriodHistory {
        guard !confirmed.isEmpty else { return self }
        var masked = reports
        for (lag, table) in reports {
            let figures = confirmed.figures(in: period(lag: lag))
            guard !figures.isEmpty else { continue }
            masked[lag] = table.masking(figures)
        }
        var history = PeriodHistory(
            period: period, calendar: calendar, reports: masked, admin: admin, needs: needs)
        history.revisions = revisions
        return history
    }
}

extension ColumnTable {
    /// The table with the given enterprises' fields blank (NaN); text and code fields are left as they are.
    func masking(_ figures: [CreditCode: Set<String>]) -> ColumnTable {
        var table = self
        let index = kind.fields.enumerated().reduce(into: [String: Int]()) { $0[$1.element.name] = $1.offset }
        for (row, code) in creditCodes.enumerated() {
            guard let names = figures[code] else { continue }
            for name in names {
                guard let field = index[name], table.numbers[field].count == count else { continue }
                table.numbers[field][row] = .nan
            }
        }
        return table
    }
}
