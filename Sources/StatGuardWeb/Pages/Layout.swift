import Foundation
import StatGuardCore

/// Who is looking at a page, and which period: what every page's frame shows.
struct Viewer: Sendable {
    var account: UserAccount
    var csrfToken: String
    var period: Period
    var periods: [Period]
}

/// The frame every page shares: Chinese first with English beside the headings, the navigation,
/// the period picker and the sign-out form. Styles are inline (the intranet has no CDN) and
/// there is no script at all.
enum Layout {
    /// Escapes text from input (names, parks, 说明, reasons) for HTML.
    static func h(_ text: String) -> String { HTMLText.escape(text) }

    static func page(title: String, viewer: Viewer?, path: String, body: String) -> String {
        var html = """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) · StatGuard</title>
            <style>\(style)</style></head><body>
            """
        if let viewer {
            let q = "?period=\(viewer.period)"
            let links = [("/", "概览 Overview"), ("/cases", "核实队列 Cases"), ("/summary", "汇总 Summary"), ("/quality", "数据质量 Quality")]
                .map { "<a href=\"\($0.0)\(q)\"\($0.0 == path ? " class=\"here\"" : "")>\($0.1)</a>" }.joined()
            let options = viewer.periods.reversed().map {
                "<option value=\"\($0)\"\($0 == viewer.period ? " selected" : "")>\($0)</option>"
            }.joined()
            html += """
                <header><strong>StatGuard 统计数据质量工作台</strong><nav>\(links)</nav>
                <form method="get" action="\(h(path))" class="period"><label>报告期 <select name="period">\(options)</select></label><button>查看</button></form>
                <form method="post" action="/logout" class="who"><span>\(h(viewer.account.name)) · \(viewer.account.role.zh) · \(h(viewer.account.region))</span>
                <input type="hidden" name="csrf_token" value="\(h(viewer.csrfToken))"><button>退出 Sign out</button></form></header>
                """
        }
        html += "<main>\(body)</main></body></html>\n"
        return html
    }

    /// A table with escaped header cells; `rows` are already HTML.
    static func table(_ headers: [String], _ rows: [[String]], numericFrom: Int = Int.max) -> String {
        let head = headers.enumerated().map { "<th\($0.offset >= numericFrom ? " class=\"n\"" : "")>\(h($0.element))</th>" }.joined()
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\($0.offset >= numericFrom ? " class=\"n\"" : "")>\($0.element)</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    /// A bilingual heading: `zh` large, `en` beside it.
    static func heading(_ zh: String, _ en: String, level: Int = 2) -> String {
        "<h\(level)>\(h(zh)) <small>\(h(en))</small></h\(level)>"
    }

    /// A query string from pairs, leaving out empty values; values are percent-encoded.
    static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static let style = """
        body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.6em 1.2em;background:#1f4e79;color:#fff}
        header a{color:#dfe9f5;margin-right:1em;text-decoration:none}header a.here{color:#fff;font-weight:bold;border-bottom:2px solid #fff}
        header form{margin:0}header .who{margin-left:auto}header button{margin-left:.5em}
        main{padding:1em 1.5em;max-width:1400px}h2 small,h3 small{color:#667;font-weight:normal;font-size:.7em}
        table{border-collapse:collapse;background:#fff;margin:.5em 0 1.5em}th,td{border:1px solid #d5dae0;padding:.3em .6em;vertical-align:top}
        th{background:#eef2f6;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .cards{display:flex;flex-wrap:wrap;gap:1em}.card{background:#fff;border:1px solid #d5dae0;padding:.8em 1.2em;min-width:12em}
        .card b{display:block;font-size:1.5em}.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#a15c00}.sev-info{color:#555}
        .status-open,.status-in_review{background:#fff3cd}.muted{color:#667}.note{background:#fff;border-left:4px solid #1f4e79;padding:.5em 1em}
        form.triage{display:flex;flex-wrap:wrap;gap:.4em;align-items:end;margin:.3em 0}form.triage label{display:flex;flex-direction:column;font-size:.85em}
        form.filters{display:flex;flex-wrap:wrap;gap:.6em;align-items:end;background:#fff;padding:.6em;border:1px solid #d5dae0}
        form.filters label{display:flex;flex-direction:column;font-size:.85em}.flash{background:#d4edda;padding:.5em 1em}.error{background:#f8d7da;padding:.5em 1em}
        svg{background:#fff;border:1px solid #d5dae0;max-width:100%;height:auto}.pager a{margin-right:1em}
        """
}
