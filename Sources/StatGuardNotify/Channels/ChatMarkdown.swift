/// The digest in the Markdown the three chat services share: bold, links and plain lines
/// (WeCom and DingTalk know headings, Feishu's `lark_md` does not, none knows tables).
///
/// Every value from input passes ``InertText/chatMarkdown(_:)``; links pass ``InertText/link(_:)``.
struct ChatMarkdown {
    /// What ends a line: `\n` for WeCom and Feishu; DingTalk needs Markdown's hard break, two spaces first.
    var lineEnd = "\n"
    /// A heading line put before everything (WeCom, DingTalk); nil when the service shows the title elsewhere.
    var heading: ((String) -> String)?

    /// The digest as blocks, each ending with a line break; a case is one block, so parts never split it.
    func blocks(_ digest: Digest) -> [String] {
        var blocks: [String] = []
        if let heading { blocks.append(heading(InertText.chatMarkdown(DigestText.title(digest))) + "\n") }
        blocks.append(
            line("**\(InertText.chatMarkdown(digest.pipeline))** · \(DigestText.reportingRate(digest))")
                + line(DigestText.tally(digest.totals)) + "\n")
        let tallies = digest.tallies
        if !tallies.isEmpty {
            blocks.append(tallies.map { row in
                line("· \(DigestText.category(row.category)) · \(DigestText.severity(row.severity))：\(DigestText.tally(row.tally))")
            }.joined() + "\n")
        }
        blocks.append(line("**\(DigestText.caseListHeading(digest))**"))
        for (index, item) in digest.cases.enumerated() {
            blocks.append(caseBlock(item, number: index + 1))
        }
        if let url = digest.webURL.flatMap(InertText.link) {
            blocks.append("\n" + line("[打开 StatGuard 工作台](\(url))"))
        }
        return blocks
    }

    private func caseBlock(_ item: DigestCase, number: Int) -> String {
        let name = InertText.chatMarkdown(DigestText.clip(item.enterprise, DigestText.enterpriseLimit))
        let place = InertText.chatMarkdown(DigestText.place(item))
        let title = InertText.chatMarkdown(DigestText.clip(item.ruleTitle, DigestText.titleLimit))
        let rule = InertText.chatMarkdown(item.ruleID)
        let link = item.link.flatMap(InertText.link).map { " [查看](\($0))" } ?? ""
        let message = InertText.chatMarkdown(DigestText.clip(item.message, DigestText.messageLimit))
        return line("\(number). **\(name)**（\(place)）")
            + line("　\(rule) \(title) · \(DigestText.severity(item.severity)) · \(DigestText.status(item.status)) · 分值 \(DigestText.score(item.score))\(link)")
            + line("　\(message)")
    }

    private func line(_ text: String) -> String { text + lineEnd }

    /// The blocks as messages within `limit` units of `measure`, numbered when there are several.
    /// Each part's label (`（第 2/3 部分）`) is counted against the limit.
    static func messages(
        blocks: [String], title: String, limit: Int, measure: (Substring) -> Int, lineEnd: String = "\n"
    ) -> [ChatMessage] {
        let whole = blocks.joined()
        if measure(whole[...]) <= limit {
            return [ChatMessage(title: title, label: "", body: whole, part: 1, of: 1)]
        }
        let widest = label(part: 999, of: 999, lineEnd: lineEnd)
        let chunks = MessageSplitter.split(blocks, budget: limit - measure(widest[...]), measure: measure)
        return chunks.enumerated().map { index, chunk in
            ChatMessage(
                title: "\(title) (\(index + 1)/\(chunks.count))", label: label(part: index + 1, of: chunks.count, lineEnd: lineEnd),
                body: chunk, part: index + 1, of: chunks.count)
        }
    }

    static func label(part: Int, of total: Int, lineEnd: String) -> String {
        "（第 \(part)/\(total) 部分）" + lineEnd
    }
}
