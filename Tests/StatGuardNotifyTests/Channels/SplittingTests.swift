import Foundation
import StatGuardConfig
@testable import StatGuardNotify
import Testing

/// A digest larger than a service takes goes in numbered parts: each within the limit, none
/// cutting a character or a line, and together exactly the whole digest.
@Suite("Digests split at the services' size limits")
struct SplittingTests {
    static let big = DigestFixture.digest(cases: DigestFixture.cases(100, messageLength: 240))

    func whole(_ kind: ChannelKind) -> String {
        let markdown: ChatMarkdown
        switch kind {
        case .wecom: markdown = ChatMarkdown(heading: { "### " + $0 })
        case .dingtalk: markdown = ChatMarkdown(lineEnd: "  \n", heading: { "#### " + $0 })
        default: markdown = ChatMarkdown()
        }
        return markdown.blocks(Self.big).joined()
    }

    @Test("WeCom: every part's content is at most 4096 bytes; the parts reassemble to the whole")
    func wecom() {
        let messages = WeComChannel().messages(for: Self.big)
        #expect(messages.count > 10)
        #expect(messages.allSatisfy { $0.text.utf8.count <= 4096 })
        #expect(messages.map(\.body).joined() == whole(.wecom))
        #expect(messages.enumerated().allSatisfy { $0.element.part == $0.offset + 1 && $0.element.of == messages.count })
        #expect(messages[1].label == "（第 2/\(messages.count) 部分）\n" && messages[1].text.hasPrefix(messages[1].label))
        expectWholeLines(messages, whole: whole(.wecom))
    }

    @Test("DingTalk and Feishu: every request body is at most 20000 bytes", arguments: [ChannelKind.dingtalk, .feishu])
    func bodies(kind: ChannelKind) {
        let chat = Notifier.chatChannel(for: kind)!
        let messages = chat.messages(for: Self.big)
        #expect(messages.count > 1)
        for message in messages {
            let request = chat.request(for: message, webhook: "https://x.test/hook?access_token=t", secret: "s3cr3t-value", milliseconds: 1_700_000_000_000)
            #expect(request.body.count <= 20_000, "part \(message.part) is \(request.body.count) bytes")
            #expect((try? JSONSerialization.jsonObject(with: Data(request.body))) != nil)
        }
        #expect(messages.map(\.body).joined() == whole(kind))
        #expect(messages.last!.title.hasSuffix("(\(messages.count)/\(messages.count))"))
        expectWholeLines(messages, whole: whole(kind))
    }

    @Test("a small digest is one message without a part label")
    func single() {
        let messages = WeComChannel().messages(for: DigestFixture.digest())
        #expect(messages.count == 1 && messages[0].label.isEmpty && messages[0].of == 1)
    }

    @Test("a line longer than a part is cut between characters only, never inside one")
    func longLine() {
        let line = String(repeating: "统计😀é", count: 200) + "\n"
        let parts = MessageSplitter.split(["标题\n", line, "尾\n"], budget: 100, measure: MessageSplitter.utf8Size)
        #expect(parts.joined() == "标题\n" + line + "尾\n")
        #expect(parts.allSatisfy { $0.utf8.count <= 100 })
        #expect(parts.allSatisfy { part in part.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" } })
        #expect(parts.count >= line.utf8.count / 100)
    }

    /// Every line of the whole text lies within one part (cases are short enough never to be cut).
    private func expectWholeLines(_ messages: [ChatMessage], whole: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: true)
        let partLines = Set(messages.flatMap { $0.body.split(separator: "\n", omittingEmptySubsequences: true) })
        let missing = lines.filter { !partLines.contains($0) }
        #expect(missing.isEmpty, "lines cut between parts: \(missing.prefix(3))", sourceLocation: sourceLocation)
    }
}
