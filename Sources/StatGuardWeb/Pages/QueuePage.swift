import StatGuardCore
import StatGuardReports

/// The case queue: the period's cases in the user's region, filtered and ranked by score,
/// a page at a time (a national period has tens of thousands).
enum QueuePage {
    /// The filter values as the request gave them, to fill the form and the pager's links.
    struct Query: Sendable {
        var town = "", category = "", rule = "", severity = "", status = "queue"
        var page = 1
        static let pageSize = 50
    }

    static func render(viewer: Viewer, cases: [AlertCase], query: Query, renderer: FindingRenderer, towns: [String]) -> String {
        let h = Layout.h
        var body = Layout.heading("\(viewer.period) 核实队列", "Case queue")
        body += filters(viewer: viewer, query: query, renderer: renderer, towns: towns)
        let pages = max(1, (cases.count + Query.pageSize - 1) / Query.pageSize)
        let page = min(max(query.page, 1), pages)
        let shown = cases.dropFirst((page - 1) * Query.pageSize).prefix(Query.pageSize)
        body += "<p>共 \(cases.count) 个案例，第 \(page)/\(pages) 页。 \(cases.count) cases, page \(page) of \(pages).</p>"
        let rows = shown.enumerated().map { offset, alertCase -> [String] in
            let top = alertCase.lines[0]
            let subject: String
            if let code = alertCase.creditCode {
                subject = "<a href=\"/enterprises/\(code)?period=\(viewer.period)\">\(h(alertCase.name))</a><br><span class=\"muted\">\(code)</span>"
            } else {
                subject = h(renderer.regions.nameOrCode(alertCase.regionCode)) + "<br><span class=\"muted\">\(h(alertCase.regionCode))</span>"
            }
            return [
                String((page - 1) * Query.pageSize + offset + 1), subject, h(renderer.regions.nameOrCode(alertCase.town)),
                NumberText.score(alertCase.score),
                "<span class=\"sev-\(top.finding.severity.rawValue)\">\(Labels.severity(top.finding.severity))</span>",
                h(top.finding.ruleID.rawValue), "<span class=\"status-\(top.status.status.rawValue)\">\(h(top.status.label))</span>",
                h(renderer.message(top.finding, .zh)) + (alertCase.lines.count > 1 ? " <span class=\"muted\">（另\(alertCase.lines.count - 1)项）</span>" : ""),
                alertCase.explanation.isEmpty ? "" : "有说明",
            ]
        }
        body += Layout.table(
            ["#", "企业 Enterprise", "乡镇 Town", "得分 Score", "级别", "规则 Rule", "状态 Status", "问题 Finding", "说明"], rows)
        body += pager(viewer: viewer, query: query, page: page, pages: pages)
        return Layout.page(title: "核实队列", viewer: viewer, path: "/cases", body: body)
    }

    static func filters(viewer: Viewer, query: Query, renderer: FindingRenderer, towns: [String]) -> String {
        let h = Layout.h
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String) -> String {
            let items = options.map { "<option value=\"\(h($0.0))\"\($0.0 == chosen ? " selected" : "")>\(h($0.1))</option>" }.joined()
            return "<label>\(label)<select name=\"\(name)\">\(items)</select></label>"
        }
        let statuses = [("queue", "待核实与核实中 open"), ("all", "全部 all")] + TriageStatus.allCases.map { ($0.rawValue, "\($0.zh) \($0.rawValue)") }
        let rules = renderer.catalog.all.map { ($0.ruleID.rawValue, "\($0.ruleID) \($0.title.zh)") }
        return """
            <form method="get" action="/cases" class="filters"><input type="hidden" name="period" value="\(viewer.period)">
            \(select("town", "乡镇 Town", [("", "全部")] + towns.map { ($0, renderer.regions.nameOrCode($0)) }, query.town))
            \(select("category", "类别 Category", [("", "全部")] + FindingCategory.allCases.map { ($0.rawValue, Labels.category($0)) }, query.category))
            \(select("rule", "规则 Rule", [("", "全部")] + rules, query.rule))
            \(select("severity", "级别 Severity", [("", "全部")] + Severity.allCases.map { ($0.rawValue, Labels.severity($0)) }, query.severity))
            \(select("status", "状态 Status", statuses, query.status))
            <button>筛选 Filter</button></form>
            """
    }

    static func pager(viewer: Viewer, query: Query, page: Int, pages: Int) -> String {
        func link(_ to: Int, _ text: String) -> String {
            let q = Layout.query([
                ("period", viewer.period.description), ("town", query.town), ("category", query.category), ("rule", query.rule),
                ("severity", query.severity), ("status", query.status), ("page", String(to)),
            ])
            return "<a href=\"/cases\(q)\">\(text)</a>"
        }
        var parts: [String] = []
        if page > 1 { parts.append(link(page - 1, "← 上一页")) }
        if page < pages { parts.append(link(page + 1, "下一页 →")) }
        return "<p class=\"pager\">" + parts.joined() + "</p>"
    }
}
