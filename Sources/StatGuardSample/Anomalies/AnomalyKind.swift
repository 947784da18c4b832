import StatGuardCore

/// Every kind of planted anomaly, with the category a check should report it under
/// (`labels.csv` columns `category` and `kind`).
public enum AnomalyKind: String, CaseIterable, Sendable, Comparable {
    // over: 虚报, 多报
    case inflation, yearEndPush = "year_end_push", overCapacity = "over_capacity", taxMismatch = "tax_mismatch"
    case gridMismatch = "grid_mismatch", loweredBase = "lowered_base", shellEnterprise = "shell_enterprise"
    case stoppedButReporting = "stopped_but_reporting", duplicateBundling = "duplicate_bundling"
    // under: 漏报, 少报, 应纳未纳
    case deflation, missingReport = "missing_report", unregisteredAboveThreshold = "unregistered_above_threshold"
    case taxUnder = "tax_under", zeroOutput = "zero_output"
    // unit: 元/千元/万元
    case unitX10 = "unit_x10", unitX1000 = "unit_x1000", unitDiv10 = "unit_div10"
    // consistency
    case copiedFigures = "copied_figures", brokenYTDChain = "broken_ytd_chain", exportExceedsSales = "export_exceeds_sales"
    // region level
    case townInflation = "town_inflation", townGrowthHandedDown = "town_growth_handed_down"
    // structure (--dirty)
    case badCheckCharacter = "bad_check_character", excelMangledCode = "excel_mangled_code"
    case missingRequired = "missing_required", nonIndustrialClass = "non_industrial_class"
    case negativeValue = "negative_value", duplicateRow = "duplicate_row", wrongPeriod = "wrong_period"
    case badNumber = "bad_number", badRegionCode = "bad_region_code"

    /// The category a check should report the anomaly under.
    public var category: FindingCategory {
        switch self {
        case .inflation, .yearEndPush, .overCapacity, .taxMismatch, .gridMismatch, .loweredBase,
             .shellEnterprise, .stoppedButReporting, .duplicateBundling, .townInflation, .townGrowthHandedDown:
            return .over
        case .deflation, .missingReport, .unregisteredAboveThreshold, .taxUnder, .zeroOutput:
            return .under
        case .unitX10, .unitX1000, .unitDiv10:
            return .unit
        case .copiedFigures, .brokenYTDChain, .exportExceedsSales:
            return .consistency
        case .badCheckCharacter, .excelMangledCode, .missingRequired, .nonIndustrialClass, .negativeValue,
             .duplicateRow, .wrongPeriod, .badNumber, .badRegionCode:
            return .structure
        }
    }

    /// The S rule ``ContractFileReader`` must quarantine a structural fault with.
    public var structureRule: String? {
        switch self {
        case .badCheckCharacter, .excelMangledCode: "S02"
        case .missingRequired: "S01"
        case .nonIndustrialClass: "S03"
        case .badRegionCode: "S04"
        case .badNumber: "S05"
        case .negativeValue: "S06"
        case .wrongPeriod: "S07"
        case .duplicateRow: "S08"
        default: nil
        }
    }

    /// Whether the anomaly is planted on every enterprise of a town, with a region label row.
    public var isRegionLevel: Bool { self == .townInflation || self == .townGrowthHandedDown }

    /// Kinds planted without `--dirty`.
    public static var content: [AnomalyKind] { allCases.filter { $0.category != .structure } }
    /// Kinds planted only with `--dirty`.
    public static var structural: [AnomalyKind] { allCases.filter { $0.category == .structure } }

    public static func < (lhs: AnomalyKind, rhs: AnomalyKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
