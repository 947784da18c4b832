import StatGuardCharts
import StatGuardCore
import StatGuardReports

/// One enterprise: its last 25 periods charted, its figures, every finding of the period with
/// the catalog's explanation, its 说明, the keys' status history, and the triage form.
enum EnterprisePage {
    /// How many periods the charts cover.
    static let periodsCharted = 25

    /// Everything the page shows, read by the route.
    struct Content: Sendable {
        var code: CreditCode
        var name: String
        var regionCode: String
        var points: [EnterpriseHistory.Point]
        var figures: [(field: String, value: Double)]
        var findings: [Finding]
        var lines: [AlertCase.Line]
        var explanation: String
        var audit: [AuditEntry]
        var flash: String?
    }

    static func render(viewer: Viewer, content c: Content, renderer: FindingRenderer) -> String {
        let h = Layout.h
        var body = "<h2>\(h(c.name)) <small>\(c.code) · \(h(renderer.regions.label(c.regionCode)))</small></h2>"
        if let flash = c.flash { body += "<p class=\"flash\">\(h(flash))</p>" }
        if !c.explanation.isEmpty {
            body += "<div class=\"note\"><b>企业填报说明 Enterprise's note:</b> \(h(c.explanation))</div>"
        }
        body += Layout.heading("核实 Triage", "one decision per alert key", level: 3)
        body += c.lines.isEmpty ? "<p class=\"muted\">本期没有需核实的预警。 No alert keys this period.</p>"
            : c.lines.map { triageForm($0, viewer: viewer, renderer: renderer) }.joined()
        body += Layout.heading("本期发现", "Findings of \(viewer.period)", level: 3)
        body += c.findings.isEmpty ? "<p class=\"muted\">无 None.</p>" : c.findings.map { finding($0, renderer: renderer) }.joined()
        body += Layout.heading("近期走势", "Last \(c.points.count) periods", level: 3)
        body += charts(c.points)
        body += Layout.heading("本期报表", "Figures of \(viewer.period)", level: 3)
        body += c.figures.isEmpty ? "<p class=\"muted\">本期未报送。 Not reported this period.</p>"
            : Layout.table(["指标 Field", "", "数值 Value"], c.figures.map {
                [h(FieldLabels.label($0.field, .zh)), "<span class=\"muted\">\(h($0.field))</span>", NumberText.amount($0.value)]
            }, numericFrom: 2)
        body += Layout.heading("状态记录", "Status history", level: 3)
        body += c.audit.isEmpty ? "<p class=\"muted\">尚无记录。 No decisions yet.</p>" : Layout.table(
            ["时间 At", "报告期", "预警 Key", "变更 Change", "人 By", "理由 Reason", "有效至", "核实数"],
            c.audit.map { e in
                [h(e.at), e.period.description, h(e.key.description), "\(e.from.zh) → \(e.to.zh)", h(e.by), h(e.reason),
                 e.validUntil?.description ?? "", e.verifiedValue.map(NumberText.amount) ?? ""]
            })
        return Layout.page(title: c.name, viewer: viewer, path: "/enterprises/\(c.code)", body: body)
    }

    static func triageForm(_ line: AlertCase.Line, viewer: Viewer, renderer: FindingRenderer) -> String {
        let h = Layout.h
        let options = TriageStatus.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == line.status.status ? " selected" : "")>\($0.zh) \($0.rawValue)</option>"
        }.joined()
        return """
            <form method="post" action="/triage" class="triage">
            <input type="hidden" name="csrf_token" value="\(h(viewer.csrfToken))"><input type="hidden" name="alert_key" value="\(h(line.key.description))">
            <input type="hidden" name="period" value="\(viewer.period)">
            <div><b>\(h(line.key.ruleID.rawValue)) \(h(FieldLabels.label(line.key.indicator, .zh)))</b><br>
            <span class="status-\(line.status.status.rawValue)">\(h(line.status.label))</span> <span class="muted">\(h(line.status.reason))</span></div>
            <label>状态 Status<select name="status">\(options)</select></label>
            <label>理由 Reason<input name="reason" size="30"></label>
            <label>有效至 Valid until<input name="valid_until" placeholder="2025-06" size="8"></label>
            <label>核实数 Verified value<input name="verified_value" size="10"></label>
            <button>保存 Save</button></form>
            """
    }

    static func finding(_ f: Finding, renderer: FindingRenderer) -> String {
        let h = Layout.h
        var html = "<div class=\"note\"><p><span class=\"sev-\(f.severity.rawValue)\">\(Labels.severity(f.severity))</span> "
            + "<b>\(h(f.ruleID.rawValue)) \(h(renderer.title(f.ruleID, .zh)))</b> · 得分 \(NumberText.score(f.score))</p>"
            + "<p>\(h(renderer.message(f, .zh)))<br><span class=\"muted\">\(h(renderer.message(f, .en)))</span></p>"
            + "<p>实际 Observed: \(h(renderer.observed(f))) · 参照 Expected: \(h(renderer.expected(f)))</p>"
        if let entry = renderer.catalog[f.ruleID] {
            html += "<p class=\"muted\">含义：\(h(entry.meaning.zh)) 为何重要：\(h(entry.why.zh)) 核实要点：\(h(entry.ask.zh))</p>"
        }
        return html + "</div>"
    }

    static func charts(_ points: [EnterpriseHistory.Point]) -> String {
        let categories = points.map { $0.period.description }
        let money = LineChart(
            title: "产值、销售与开票 Output, sales, invoices", unit: "千元", categories: categories,
            series: [
                LineChart.Series(name: "工业总产值 gross output", values: points.map(\.grossOutput), emphasised: true),
                LineChart.Series(name: "工业销售产值 sales", values: points.map(\.salesOutput)),
                LineChart.Series(name: "开票销售额 invoiced sales", values: points.map(\.invoicedSales)),
            ], includesZero: true)
        let power = LineChart(
            title: "用电与电网售电 Electricity and the grid meter", unit: "万千瓦时", categories: categories,
            series: [
                LineChart.Series(name: "工业用电量 reported", values: points.map(\.electricity), emphasised: true),
                LineChart.Series(name: "电网售电量 grid meter", values: points.map(\.gridElectricity)),
            ], includesZero: true)
        return money.svg() + power.svg()
    }
}
