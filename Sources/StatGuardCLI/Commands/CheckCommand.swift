import ArgumentParser
import Foundation
import StatGuardCore
import StatGuardIngest
import StatGuardReports

/// `statguard check`: validates contract files without a store.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate contract CSV files and write the rows that fail to quarantine.csv.",
        discussion: """
            Each file is read in full: rows failing a structural rule (S01-S11) are \
            quarantined with their line and reason; the rest would be loaded. A file \
            that cannot be used at all (unreadable, not CSV, a required column missing, \
            undecodable bytes) is reported in one line and the other files go on. \
            Exit code 0 when every file was usable, 3 when one was not.
            """
    )

    @Argument(help: "Contract CSV files to check.")
    var files: [String]

    @Option(help: "The contract file kind; inferred from the file name or header when omitted.")
    var kind: FileKindArgument?

    @Option(help: "The load's period (YYYY-MM): rows of another period fail S07. Default: from the file name.")
    var period: String?

    @Option(help: "Folder to write quarantine.csv to. Without it nothing is written.")
    var out: String?

    @Option(help: "Encoding pin: utf-8 or gb18030. Default: detected per file.")
    var encoding: String?

    func validate() throws {
        if let period, Period(period) == nil { throw ValidationError("'\(period)' is not a period such as 2024-03.") }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("Encoding '\(encoding)' is not supported; use utf-8 or gb18030.")
        }
    }

    func run() throws {
        var options = ReadOptions(period: period.flatMap(Period.init), encoding: encoding.flatMap(TextEncoding.init(name:)))
        options.retainsRows = false  // counts and the quarantine only: memory stays flat whatever the file size
        options.readsOnTwoCores = true
        let reader = ContractFileReader(kind: kind?.kind, options: options)
        var quarantine: [QuarantinedRow] = []
        var unusable = 0
        for file in files {
            do {
                let result = try reader.read(path: file)
                print(FileCheckText.render(result))
                quarantine += result.quarantined
            } catch {
                unusable += 1
                FileHandle.standardError.write(Data("statguard: \(error)\n".utf8))
            }
        }
        if let out {
            let path = (out as NSString).appendingPathComponent("quarantine.csv")
            try AtomicFile.write(QuarantineCSV.render(quarantine), to: path)
            print("quarantine: \(quarantine.count) rows written to \(path)")
        } else if !quarantine.isEmpty {
            print("quarantine: \(quarantine.count) rows (pass --out DIR to write quarantine.csv)")
        }
        if unusable > 0 {
            throw CommandFailure(status: .unusableInput, message: "\(unusable) of \(files.count) files could not be used")
        }
    }
}

/// The `--kind` choices.
enum FileKindArgument: String, ExpressibleByArgument, CaseIterable {
    case reports, products, register, capacity, admin
    var kind: FileKind { FileKind(rawValue: rawValue)! }
}
