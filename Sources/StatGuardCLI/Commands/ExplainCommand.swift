import ArgumentParser
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardJob
import StatGuardReports

/// `statguard explain`: a rule's catalog entry, or the whole catalog as the docs page.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it finds, why it matters, what to ask, its thresholds and an example message.",
        discussion: "With --pipeline, the pipeline's own rules are explained too. `explain --all --format markdown` writes docs/CHECKS.md."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: "The rule id, e.g. O01 or S02.")
    var rule: String?

    @Flag(help: "Every rule of the catalog.")
    var all = false

    @Option(help: "text (default) or markdown.")
    var format: Format = .text

    @Option(help: "A pipeline file whose own rules join the catalog.")
    var pipeline: String?

    func validate() throws {
        if rule == nil && !all { throw ValidationError("Give a rule id such as O01, or --all.") }
        if rule != nil && all { throw ValidationError("Give either a rule id or --all, not both.") }
    }

    func run() throws {
        var catalog = CheckCatalog.catalog
        if let pipeline {
            do {
                catalog = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: pipeline).findingCatalog
            } catch {
                throw CommandFailure(status: .usage, message: error.description)
            }
        }
        if all {
            print(format == .markdown ? CatalogText.markdown(catalog) : catalog.all.map(CatalogText.plain).joined(separator: "\n"),
                  terminator: "")
            return
        }
        guard let entry = catalog[RuleID(rule!)] ?? catalog[RuleID(rule!.uppercased())] else {
            let nearest = NearestName.suggestion(for: rule!, among: catalog.order.map(\.rawValue))
            throw CommandFailure(status: .usage, message: "no rule '\(rule!)' in the catalog\(nearest.map { "; did you mean '\($0)'?" } ?? "")")
        }
        if format == .markdown {
            print(CatalogText.markdown(FindingCatalog([entry])), terminator: "")
        } else {
            print(CatalogText.plain(entry), terminator: "")
        }
    }
}
