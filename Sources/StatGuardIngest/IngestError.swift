import StatGuardCore

/// A whole-file error: the file cannot be used at all, so only that file stops.
///
/// Data problems inside a usable file are never thrown: they become quarantined
/// rows. The ``description`` is the one line an operator reads.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    /// What made the file unusable.
    public enum Reason: Sendable, Equatable {
        /// The file could not be opened or read (the system's message).
        case unreadable(String)
        /// The file has no header line.
        case empty
        /// The bytes are not a CSV file (what they look like instead).
        case notCSV(String)
        /// The kind of file could not be told from its name or header.
        case unknownKind(header: [String])
        /// Required columns are absent: their headers, and the header that was seen.
        case missingColumns([String], seenHeader: [String])
        /// Two columns of the header map to the same contract field.
        case duplicateColumn(field: String, headers: [String])
        /// Bytes at this line decode in no supported encoding.
        case undecodable(line: Int, tried: String)
        /// A quoted field opened at this line never closes: in the header, or in a row of a
        /// file that cannot be read again to resynchronise (a pipe). In a data row of a file it
        /// only quarantines that row (S11).
        case unterminatedQuote(line: Int)
    }

    /// The file's path as given.
    public let file: String
    public let reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        "\(file): " + {
            switch reason {
            case .unreadable(let message):
                return "cannot read the file: \(message)"
            case .empty:
                return "the file is empty: a header line is expected"
            case .notCSV(let what):
                return "not a CSV file: \(what)"
            case .unknownKind(let header):
                return "cannot tell which contract file this is from its name or header (\(header.prefix(6).joined(separator: ", "))); name it reports_YYYYMM.csv, products_YYYYMM.csv, register.csv, capacity.csv or admin_YYYYMM.csv, or pass --kind"
            case .missingColumns(let names, let seen):
                let list = names.map { "'\($0)'" }.joined(separator: ", ")
                return "required column\(names.count > 1 ? "s" : "") \(list) missing; the header has: \(seen.joined(separator: ", "))"
            case .duplicateColumn(let field, let headers):
                return "columns \(headers.map { "'\($0)'" }.joined(separator: " and ")) both mean '\(field)'; keep one"
            case .undecodable(let line, let tried):
                return "line \(line): bytes that are neither UTF-8 nor GB18030 (\(tried)); re-save the file as UTF-8 or GB18030"
            case .unterminatedQuote(let line):
                return "line \(line): a quoted field opens here and never closes; the rest of the file cannot be read"
            }
        }()
    }
}
