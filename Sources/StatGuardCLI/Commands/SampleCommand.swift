import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardSample

/// `statguard sample`: writes a seeded, labelled set of contract input files.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write synthetic bureau data with labelled anomalies and hard negatives.",
        discussion: """
            Writes <out>/register/register.csv, <out>/capacity/capacity.csv and, per reporting period, \
            <out>/reports/reports_YYYYMM.csv, <out>/products/products_YYYYMM.csv and \
            <out>/admin/admin_YYYYMM.csv, plus <out>/labels.csv (the planted anomalies) and \
            <out>/negatives.csv (legitimate events that look like anomalies). January is reported \
            with February as 1-2月 (YYYY-02). Anomalies go into the last periods only. The same \
            seed always writes the same bytes.
            """
    )

    @Option(help: "Folder to write the files to (created if missing).")
    var out: String

    @Option(help: "Registered above-scale enterprises (the register and admin data hold more firms).")
    var enterprises: Int

    @Option(help: "First reporting period to write (YYYY-MM).")
    var from: String

    @Option(help: "Last reporting period to write (YYYY-MM).")
    var to: String

    @Option(help: "Seed of the random streams.")
    var seed: UInt64

    @Option(help: "File encodings: plain (UTF-8, LF) or mixed (GB18030, BOM, CRLF, English headers, quoted names).")
    var encodings: EncodingsArgument = .plain

    @Flag(help: "Add labelled structural faults that the reader must quarantine (S01-S08).")
    var dirty = false

    @Option(help: "Anomaly variation: default (one shape per kind), mild (milder magnitudes) or mixed (mild to strong, several shapes, more hard negatives).")
    var variation: VariationArgument = .default

    func validate() throws {
        guard enterprises > 0 else { throw ValidationError("--enterprises must be at least 1, got \(enterprises).") }
        guard enterprises <= 5_000_000 else { throw ValidationError("--enterprises \(enterprises) is more than 5,000,000.") }
        guard let start = Period(from) else { throw ValidationError("'\(from)' is not a period such as 2023-02.") }
        guard let end = Period(to) else { throw ValidationError("'\(to)' is not a period such as 2024-12.") }
        guard start <= end else { throw ValidationError("--from \(from) comes after --to \(to).") }
        let calendar = ReportingCalendar()
        guard calendar.isReportingPeriod(start) else {
            throw ValidationError("--from \(from) is January, which is reported with February as 1-2月; start at \(start.year)-02.")
        }
        guard start.year >= 1990, end.year <= 2100 else { throw ValidationError("Periods must lie between 1990 and 2100.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out '\(out)' is a file; give a folder.")
        }
    }

    func run() throws {
        let configuration = SampleConfiguration(
            outputDirectory: out, enterprises: enterprises, from: Period(from)!, to: Period(to)!, seed: seed,
            encodings: encodings.value, dirty: dirty, variation: variation.value)
        let started = Date()
        let summary: SampleSummary
        do {
            summary = try SampleGenerator(configuration).run()
        } catch {
            throw CommandFailure(status: .internalFailure, message: "cannot write the sample: \(error)")
        }
        let rows = summary.files.reduce(0) { $0 + $1.rows }
        let bytes = summary.files.reduce(0) { $0 + $1.bytes }
        print("wrote \(summary.files.count) files, \(rows) rows, \(bytes / 1_000) kB to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        print("firms: \(summary.firms) (\(summary.registered) in the register); anomaly window \(summary.window.first!)…\(summary.window.last!)")
        print("labels (kind: events planted/wanted, label rows):")
        for kind in AnomalyKind.allCases where summary.eventsWanted[kind] != nil {
            let planted = summary.eventsPlanted[kind] ?? 0
            let wanted = summary.eventsWanted[kind] ?? 0
            let note = planted < wanted ? "  (fewer eligible enterprises than wanted)" : ""
            print("  \(kind.rawValue): \(planted)/\(wanted), \(summary.labelRows[kind] ?? 0) rows\(note)")
        }
        let negativeKinds = NegativeKind.allCases.filter { NegativeKind.standard.contains($0) || summary.negativeRows[$0] != nil }
        print("negatives: " + negativeKinds.map { "\($0.rawValue) \(summary.negativeRows[$0] ?? 0)" }.joined(separator: ", "))
    }
}

/// The `--encodings` choices.
enum EncodingsArgument: String, ExpressibleByArgument, CaseIterable {
    case plain, utf8 = "utf-8", mixed
    var value: SampleConfiguration.Encodings { self == .mixed ? .mixed : .plain }
}

/// The `--variation` choices.
enum VariationArgument: String, ExpressibleByArgument, CaseIterable {
    case `default`, mild, mixed
    var value: SampleConfiguration.Variation {
        switch self {
        case .default: .standard
        case .mild: .mild
        case .mixed: .mixed
        }
    }
}
