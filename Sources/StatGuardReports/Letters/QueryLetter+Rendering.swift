import StatGuardCore

extension QueryLetter {
    /// The letter as Markdown, every value from input escaped.
    public var markdown: String {
        let e = MarkdownText.escape
        var md = "# 统计数据查询单\n\n"
        md += "编号：\(e(reference))　　日期：\(date)\n\n"
        md += "**致：\(e(enterprise))**（统一社会信用代码 \(e(creditCode))，区划 \(e(regionCode))）\n\n"
        md += "\(e(bureau))在审核贵单位报送的\(e(periodLabel))规模以上工业统计报表时，发现下列数据需要核实。"
        md += "请对照原始记录、统计台账和财务报表逐项核实，于 **\(replyBy)** 前书面说明情况；数据有误的，请更正后重新报送。\n\n"
        md += "| 序号 | 规则 | 指标 | 报送数 | 比对依据 | 疑问 |\n| ---: | --- | --- | ---: | --- | --- |\n"
        for (i, item) in items.enumerated() {
            md += "| \(i + 1) | \(e(item.ruleID.rawValue)) \(e(item.title)) | \(e(item.indicator)) | \(e(item.observed)) | \(e(item.expected)) | \(e(item.message)) |\n"
        }
        md += "\n企业说明：\n\n" + String(repeating: "____________________________________________________________\n\n", count: 4)
        md += "填报人：__________　联系电话：__________　单位负责人（签字）：__________\n\n"
        md += "（单位盖章）　　　　日期：______年____月____日\n"
        return md
    }

    /// The letter as a printable one-page HTML file (no external assets), every value from input escaped.
    public var html: String {
        let e = HTMLText.escape
        var rows = ""
        for (i, item) in items.enumerated() {
            rows += "<tr><td>\(i + 1)</td><td>\(e(item.ruleID.rawValue)) \(e(item.title))</td><td>\(e(item.indicator))</td>"
            rows += "<td class=\"n\">\(e(item.observed))</td><td>\(e(item.expected))</td><td>\(e(item.message))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>统计数据查询单 \(e(reference))</title>
            <style>
            @page { size: A4; margin: 18mm; }
            body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; line-height: 1.5; }
            h1 { text-align: center; font-size: 18pt; margin: 0 0 8pt; }
            table { border-collapse: collapse; width: 100%; margin: 8pt 0; font-size: 9.5pt; }
            th, td { border: 1px solid #444; padding: 3pt 4pt; vertical-align: top; }
            th { white-space: nowrap; background: #f2f2f2; }
            td.n { text-align: right; white-space: nowrap; }
            .line { border-bottom: 1px solid #444; height: 20pt; }
            .meta { display: flex; justify-content: space-between; }
            </style></head><body>
            <h1>统计数据查询单</h1>
            <p class="meta"><span>编号：\(e(reference))</span><span>日期：\(date)</span></p>
            <p><b>致：\(e(enterprise))</b>（统一社会信用代码 \(e(creditCode))，区划 \(e(regionCode))）</p>
            <p>\(e(bureau))在审核贵单位报送的\(e(periodLabel))规模以上工业统计报表时，发现下列数据需要核实。请对照原始记录、统计台账和财务报表逐项核实，于 <b>\(replyBy)</b> 前书面说明情况；数据有误的，请更正后重新报送。</p>
            <table><thead><tr><th>序号</th><th>规则</th><th>指标</th><th>报送数</th><th>比对依据</th><th>疑问</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            <p>企业说明：</p>
            <div class="line"></div><div class="line"></div><div class="line"></div><div class="line"></div>
            <p>填报人：__________　联系电话：__________　单位负责人（签字）：__________</p>
            <p>（单位盖章）　　　　日期：______年____月____日</p>
            </body></html>

            """
    }
}
