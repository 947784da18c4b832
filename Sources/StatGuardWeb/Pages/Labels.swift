import StatGuardCore

/// The Chinese names of the enums the pages show.
enum Labels {
    static func category(_ category: FindingCategory) -> String {
        switch category {
        case .structure: "结构"
        case .consistency: "逻辑一致"
        case .under: "漏统少报"
        case .over: "虚报多报"
        case .unit: "计量单位"
        }
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}
