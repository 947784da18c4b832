import StatGuardCore

/// The ways a summary is broken down (data contract 3.3), in report order.
public enum Breakdown: String, CaseIterable, Sendable {
    case area, county, town, section, division, industryClass = "class", park, chain

    /// The Chinese heading.
    public var title: String {
        switch self {
        case .area: "全部"
        case .county: "分区县"
        case .town: "分乡镇（街道）"
        case .section: "分门类"
        case .division: "分行业大类"
        case .industryClass: "分行业小类"
        case .park: "分园区"
        case .chain: "分产业链"
        }
    }
}

/// Which of the two 口径 a summary row is about.
public enum SummaryView: String, CaseIterable, Sendable {
    /// 本月: the period alone (the 1-2月 period covers January and February).
    case month
    /// 本年累计: from the start of the year through the period.
    case ytd
}
