import StatGuardChecks
import StatGuardCore

extension UserRules {
    /// What a pipeline's own rules may read from earlier periods: with `lag()` and `ly()`
    /// any figure at any lag, so every numeric report field at every lag once a rule is on.
    public static func history(of rules: [RuleDefinition]) -> HistoryNeeds {
        guard rules.contains(where: \.enabled) else { return .none }
        let figures = ReportField.allCases.compactMap { field -> String? in
            switch field.spec.type {
            case .decimal, .count: field.spec.name
            default: nil
            }
        }
        return .reports(figures, lags: PeriodHistory.reportLags)
    }
}
