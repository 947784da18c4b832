import Foundation
import StatGuardCore

/// The words and figures every renderer shares, so that a chat and a mail say the same thing.
enum DigestText {
    static func title(_ digest: Digest) -> String {
        "StatGuard 数据审核摘要 · \(digest.periodLabel)"
    }

    static func category(_ category: FindingCategory) -> String {
        switch category {
        case .structure: "结构问题"
        case .consistency: "逻辑不一致"
        case .under: "疑似少报漏报"
        case .over: "疑似多报虚报"
        case .unit: "疑似单位错误"
        }
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    static func status(_ status: DigestCase.Status) -> String {
        switch status {
        case .new: "新增"
        case .reopened: "重新打开"
        }
    }

    /// `报送率 96.3%（已报 260 / 应报 270）`, or a sentence saying it is not known.
    static func reportingRate(_ digest: Digest) -> String {
        guard let rate = digest.reportingRate else { return "报送率：无应报企业数据" }
        return "报送率 \(percent(rate.reported, of: rate.due))（已报 \(rate.reported) / 应报 \(rate.due)）"
    }

    /// `part / whole` as a percentage with one decimal, in integer arithmetic (no trap, no rounding drift).
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0, part >= 0, part <= Int.max / 1000 else { return "—" }
        let permille = (part * 1000 + whole / 2) / whole
        return "\(permille / 10).\(permille % 10)%"
    }

    /// A score with three significant digits; `—` for a value that is not a finite number.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.3g", value)
    }

    /// `新增 12，重新打开 3，仍未处理 45`.
    static func tally(_ tally: CaseTally) -> String {
        "新增 \(tally.new)，重新打开 \(tally.reopened)，仍未处理 \(tally.stillOpen)"
    }

    /// The heading of the case list, saying how many of how many are listed.
    static func caseListHeading(_ digest: Digest) -> String {
        let news = digest.totals.new + digest.totals.reopened
        if digest.cases.isEmpty { return "本期没有新增或重新打开的线索。" }
        if news > digest.cases.count {
            return "新增或重新打开的线索（按影响排序，列出前 \(digest.cases.count) 条，共 \(news) 条）"
        }
        return "新增或重新打开的线索（按影响排序，共 \(digest.cases.count) 条）"
    }

    /// The place of a case: `东城街道 510402001`, or the code alone.
    static func place(_ item: DigestCase) -> String {
        item.townName.isEmpty ? item.townCode : "\(clip(item.townName, 20)) \(item.townCode)"
    }

    /// `text` cut to `limit` characters (whole characters, never a half UTF-8 sequence) with `…`.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static let enterpriseLimit = 40
    static let titleLimit = 40
    static let messageLimit = 240
}
