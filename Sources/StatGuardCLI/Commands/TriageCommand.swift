import ArgumentParser
import StatGuardCore
import StatGuardWorkflow

/// `statguard triage`: records a statistician's decision on an alert key, or a whole import file.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Record a decision on an alert key (核实 status), or import a file of decisions all or nothing.",
        discussion: """
            Statuses: open 待核实, in_review 核实中, confirmed 属实 (--verified-value: the 核实数), explained 已说明 \
            (reason required; --valid-until: the last period it holds), false_alarm 误报 (reason required), corrected 已更正. \
            Every change is appended to the store's audit log. --import reads a CSV with columns alert_key,status,reason,by \
            (and optionally valid_until, verified_value), e.g. cases.csv saved from Excel; one bad row rejects the whole file. \
            A decision made while a load runs waits for the load's transaction (up to a minute).
            """
    )

    @OptionGroup var options: WorkflowOptions

    @Option(help: "The alert key, as 'statguard cases' lists it (e.g. 91511725MAD49WBA2X/U03/gross_output).")
    var key: String?

    @Option(help: "The new status.")
    var status: String?

    @Option(help: "Why (required for explained and false_alarm).")
    var reason: String = ""

    @Option(help: "Who decides.")
    var by: String?

    @Option(help: "For explained or false_alarm: the last period (YYYY-MM) the decision holds.")
    var validUntil: String?

    @Option(help: "For confirmed: the verified value (核实数).")
    var verifiedValue: Double?

    @Option(name: .customLong("import"), help: "A CSV file of decisions (alert_key,status,reason,by[,valid_until,verified_value]).")
    var importFile: String?

    func validate() throws {
        if importFile != nil {
            guard key == nil, status == nil, by == nil, validUntil == nil, verifiedValue == nil, reason.isEmpty else {
                throw ValidationError("--import takes its decisions from the file; give it alone (with --pipeline and --store).")
            }
            return
        }
        guard let key, let status, by != nil else { throw ValidationError("Give --key, --status and --by (or --import FILE).") }
        guard AlertKey(key) != nil else {
            throw ValidationError("'\(key)' is not an alert key (subject/rule/indicator, as 'statguard cases' lists it).")
        }
        _ = try TriageStatus.parsed(status)
        if let validUntil, Period(validUntil) == nil { throw ValidationError("'\(validUntil)' is not a period such as 2025-06.") }
    }

    func run() throws {
        let pipeline = try options.load()
        let triage = Triage(store: try options.open(pipeline, .deciding))
        let status = try self.status.map(TriageStatus.parsed)
        do throws(TriageError) {
            if let importFile {
                let outcome = try triage.importFile(importFile)
                print("Applied \(outcome.applied.count) decision\(outcome.applied.count == 1 ? "" : "s") from \(importFile); \(outcome.unchanged) row\(outcome.unchanged == 1 ? "" : "s") unchanged.")
                return
            }
            let decision = Decision(
                key: AlertKey(key!)!, status: status!, reason: reason, by: by!,
                validUntil: validUntil.flatMap(Period.init), verifiedValue: verifiedValue)
            if let entry = try triage.decide(decision) {
                var line = "\(entry.key) \(entry.period): \(entry.from.rawValue) → \(entry.to.rawValue) (\(entry.to.zh)), by \(entry.by)"
                if let rate = entry.errorRate { line += ", 误差率 \(String(format: "%.1f%%", rate * 100))" }
                print(line + ".")
            } else {
                print("\(decision.key) is already \(decision.status.rawValue); nothing recorded.")
            }
        } catch {
            throw CommandFailure(error)
        }
    }
}

extension CommandFailure {
    /// The documented exit code of a refused triage: bad usage 2, an unusable import file 3, the store 4.
    init(_ error: TriageError) {
        switch error {
        case .invalid: self.init(status: .usage, message: error.description)
        case .invalidImport, .unreadable: self.init(status: .unusableInput, message: error.description)
        case .store: self.init(status: .storeUnavailable, message: error.description)
        }
    }
}
