import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardSample

/// `statguard evaluate`: scores alerts against the labels of a sample.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score alerts.csv files against a sample's labels: recall, precision, precision at K, hard negatives.",
        discussion: """
            A label is detected when an alert of the same period names its enterprise (or, for a \
            region label, a related region) with the label's category. Precision counts warning and \
            error alerts on labelled enterprise- or region-periods. K is the number of labelled \
            enterprise-periods. The full matching rules are printed under the table.
            """
    )

    @Option(help: "The sample's labels.csv.")
    var labels: String

    @Option(parsing: .upToNextOption, help: "One or more alerts.csv files (e.g. one per period).")
    var alerts: [String]

    @Option(help: "The sample's negatives.csv (hard negatives).")
    var negatives: String?

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
        guard !alerts.isEmpty else { throw ValidationError("Give at least one alerts file with --alerts.") }
    }

    func run() throws {
        let labelRecords: [LabelRecord]
        var alertRecords: [AlertRecord] = []
        var negativeRecords: [NegativeRecord] = []
        do {
            labelRecords = try EvaluationInput.labels(labels)
            for file in alerts { alertRecords += try EvaluationInput.alerts(file) }
            if let negatives { negativeRecords = try EvaluationInput.negatives(negatives) }
        } catch {
            throw CommandFailure(status: .unusableInput, message: "\(error)")
        }
        let evaluation = Evaluation.compute(labels: labelRecords, alerts: alertRecords, negatives: negativeRecords)
        print(evaluation.text(), terminator: "")
        if let json {
            try AtomicFile.write(Array(try evaluation.json()), to: json)
            print("JSON written to \(json)")
        }
    }
}
