import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardJob
import StatGuardReports
import StatGuardStore

/// `statguard letter`: 统计数据查询单, the written query for an enterprise's open case.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write printable query letters (查询单, Markdown and HTML) for an enterprise's findings of a loaded period.",
        discussion: """
            Reads the period's findings from the store. Writes 查询单-<credit code>.md and .html into --out \
            (default <reports>/<pipeline>/letters/<YYYY-MM>/), one per enterprise: the one given by --credit-code, \
            or the --top N with the highest total score.
            """
    )

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: "The loaded period (YYYY-MM).")
    var period: String

    @Option(name: .customLong("credit-code"), help: "The enterprise to write to.")
    var creditCode: String?

    @Option(help: "Letters for the N enterprises with the highest total score.")
    var top: Int?

    @Option(name: .customLong("letters-out"), help: "The folder the letters go to.")
    var lettersOut: String?

    @Option(help: "The bureau that signs the letter (default: the pipeline's name).")
    var bureau: String?

    @Option(help: "The letter's date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(name: .customLong("reply-days"), help: "Days the enterprise has to reply.")
    var replyDays: Int = 7

    func validate() throws {
        guard Period(period) != nil else { throw ValidationError("'\(period)' is not a period such as 2024-03.") }
        guard (creditCode == nil) != (top == nil) else { throw ValidationError("Give either --credit-code CODE or --top N.") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
        guard (1...90).contains(replyDays) else { throw ValidationError("--reply-days must be between 1 and 90.") }
        if let date, Self.day(date) == nil { throw ValidationError("'\(date)' is not a date such as 2025-01-10.") }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let loaded = Period(period)!
        let findings: [Finding]
        do {
            let store = try Store(path: pipeline.storePath, writing: false)
            guard try store.loadRecord(of: loaded) != nil else {
                throw CommandFailure(status: .usage, message: "period \(loaded) is not loaded in the store \(pipeline.storePath)")
            }
            findings = try store.findings(of: loaded)
        } catch let error as StoreError {
            throw CommandFailure(status: .storeUnavailable, message: error.description)
        }
        let day = date.flatMap(Self.day) ?? Date()
        let format = Self.formatter
        let letters: [QueryLetter]
        let arguments = (
            renderer: pipeline.findingRenderer, bureau: bureau ?? pipeline.name, label: pipeline.calendar.label(loaded),
            date: format.string(from: day), replyBy: format.string(from: day.addingTimeInterval(Double(replyDays) * 86_400)))
        if let creditCode {
            let mine = findings.filter { $0.creditCode?.description == creditCode.uppercased() && $0.scope == .enterprise }
            guard !mine.isEmpty else {
                throw CommandFailure(status: .usage, message: "no finding about '\(creditCode)' in \(loaded): nothing to query")
            }
            letters = [QueryLetter(
                findings: mine, renderer: arguments.renderer, bureau: arguments.bureau, periodLabel: arguments.label,
                date: arguments.date, replyBy: arguments.replyBy)]
        } else {
            letters = QueryLetter.letters(
                findings, renderer: arguments.renderer, bureau: arguments.bureau, periodLabel: arguments.label,
                date: arguments.date, replyBy: arguments.replyBy, top: top!)
        }
        let folder = lettersOut ?? "\(pipeline.reportsFolder)/\(pipeline.name)/letters/\(loaded)"
        do {
            for letter in letters {
                try AtomicFile.write(letter.markdown, to: "\(folder)/查询单-\(letter.creditCode).md")
                try AtomicFile.write(letter.html, to: "\(folder)/查询单-\(letter.creditCode).html")
            }
        } catch {
            throw CommandFailure(status: .reportsUnwritable, message: "cannot write the letters into \(folder): \(error)")
        }
        print("\(letters.count) letter(s) → \(folder)")
    }

    static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    static func day(_ text: String) -> Date? { formatter.date(from: text) }
}
