import StatGuardConfig

/// E-mail: the digest as a plain-text part and an HTML part of one message, sent over SMTP
/// by a ``MailTransport``. Mail has no size limit worth splitting for, so it is never cut.
///
/// Every value from input is HTML-escaped (``InertText/html(_:)``) where the HTML part
/// writes it: an enterprise named `<script>` shows as that text.
public struct EmailChannel: Sendable {
    public init() {}

    /// The message for `digest`, from `from` to `to`.
    public func message(for digest: Digest, from: String, to: [String]) -> MailMessage {
        MailMessage(from: from, to: to, subject: subject(digest), text: text(digest), html: html(digest))
    }

    /// `[StatGuard] 2024年12月 数据审核摘要：新增 12，重新打开 3`.
    func subject(_ digest: Digest) -> String {
        let totals = digest.totals
        return InertText.plain("[StatGuard] \(digest.periodLabel) 数据审核摘要：新增 \(totals.new)，重新打开 \(totals.reopened)")
    }

    func text(_ digest: Digest) -> String {
        var lines = [InertText.plain(DigestText.title(digest)), ""]
        lines.append("\(InertText.plain(digest.pipeline)) · \(DigestText.reportingRate(digest))")
        lines.append(DigestText.tally(digest.totals))
        let tallies = digest.tallies
        if !tallies.isEmpty {
            lines.append("")
            lines.append("按类别和严重程度：")
            for row in tallies {
                lines.append("  \(DigestText.category(row.category)) · \(DigestText.severity(row.severity))：\(DigestText.tally(row.tally))")
            }
        }
        lines.append("")
        lines.append(DigestText.caseListHeading(digest))
        for (index, item) in digest.cases.enumerated() {
            let code = item.creditCode.map { "，统一社会信用代码 \(InertText.plain($0))" } ?? ""
            lines.append("")
            lines.append("\(index + 1). \(InertText.plain(DigestText.clip(item.enterprise, 80)))（\(InertText.plain(DigestText.place(item)))）\(code)")
            lines.append("   \(InertText.plain(item.ruleID)) \(InertText.plain(item.ruleTitle)) · \(DigestText.severity(item.severity)) · \(DigestText.status(item.status)) · 分值 \(DigestText.score(item.score))")
            lines.append("   \(InertText.plain(DigestText.clip(item.message, 600)))")
            if let link = item.link.flatMap(InertText.link) { lines.append("   查看：\(link)") }
        }
        if let url = digest.webURL.flatMap(InertText.link) {
            lines.append("")
            lines.append("打开 StatGuard 工作台：\(url)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func html(_ digest: Digest) -> String {
        let e = InertText.html
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(e(DigestText.title(digest)))</title></head>\n"
        out += "<body style=\"font-family: sans-serif\">\n<h2>\(e(DigestText.title(digest)))</h2>\n"
        out += "<p><b>\(e(digest.pipeline))</b> · \(e(DigestText.reportingRate(digest)))<br>\(e(DigestText.tally(digest.totals)))</p>\n"
        let tallies = digest.tallies
        if !tallies.isEmpty {
            out += "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n"
            out += "<tr><th>类别</th><th>严重程度</th><th>新增</th><th>重新打开</th><th>仍未处理</th></tr>\n"
            for row in tallies {
                out += "<tr><td>\(e(DigestText.category(row.category)))</td><td>\(e(DigestText.severity(row.severity)))</td>"
                out += "<td>\(row.tally.new)</td><td>\(row.tally.reopened)</td><td>\(row.tally.stillOpen)</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h3>\(e(DigestText.caseListHeading(digest)))</h3>\n"
        if !digest.cases.isEmpty {
            out += "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n"
            out += "<tr><th>#</th><th>企业</th><th>统一社会信用代码</th><th>乡镇/街道</th><th>规则</th><th>严重程度</th><th>状态</th><th>分值</th><th>说明</th></tr>\n"
            for (index, item) in digest.cases.enumerated() {
                var name = e(DigestText.clip(item.enterprise, 80))
                if let link = item.link.flatMap(InertText.link) { name = "<a href=\"\(e(link))\">\(name)</a>" }
                out += "<tr><td>\(index + 1)</td><td>\(name)</td><td>\(e(item.creditCode ?? ""))</td><td>\(e(DigestText.place(item)))</td>"
                out += "<td>\(e(item.ruleID)) \(e(item.ruleTitle))</td><td>\(e(DigestText.severity(item.severity)))</td>"
                out += "<td>\(e(DigestText.status(item.status)))</td><td>\(e(DigestText.score(item.score)))</td>"
                out += "<td>\(e(DigestText.clip(item.message, 600)))</td></tr>\n"
            }
            out += "</table>\n"
        }
        if let url = digest.webURL.flatMap(InertText.link) {
            out += "<p><a href=\"\(e(url))\">打开 StatGuard 工作台</a></p>\n"
        }
        return out + "</body></html>\n"
    }
}
