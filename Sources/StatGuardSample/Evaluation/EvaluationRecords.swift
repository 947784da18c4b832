import StatGuardCore
import StatGuardIngest

/// One row of `labels.csv`.
public struct LabelRecord: Sendable, Equatable {
    /// Blank for a region label.
    public var creditCode: String
    /// `YYYY-MM`.
    public var period: String
    public var regionCode: String
    public var category: String
    public var kind: String
    public var indicator: String
    public var factor: String

    public init(creditCode: String, period: String, regionCode: String, category: String, kind: String, indicator: String = "", factor: String = "") {
        self.creditCode = creditCode
        self.period = period
        self.regionCode = regionCode
        self.category = category
        self.kind = kind
        self.indicator = indicator
        self.factor = factor
    }

    public var isRegion: Bool { creditCode.isEmpty }
}

/// One row of `negatives.csv`.
public struct NegativeRecord: Sendable, Equatable {
    public var creditCode: String
    public var period: String
    public var kind: String

    public init(creditCode: String, period: String, kind: String) {
        self.creditCode = creditCode
        self.period = period
        self.kind = kind
    }
}

/// The columns of one `alerts.csv` row (data contract 3.1) that scoring needs.
public struct AlertRecord: Sendable, Equatable {
    public var period: String
    public var scope: String
    public var creditCode: String
    public var regionCode: String
    public var ruleID: String
    public var category: String
    public var severity: String
    public var score: Double

    public init(period: String, scope: String, creditCode: String, regionCode: String, ruleID: String, category: String, severity: String, score: Double) {
        self.period = period
        self.scope = scope
        self.creditCode = creditCode
        self.regionCode = regionCode
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.score = score
    }

    /// `warning` or `error`: a finding a statistician must act on.
    public var isActionable: Bool { severity == "warning" || severity == "error" }
}

/// Why an evaluation input cannot be used.
public struct EvaluationInputError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// Reads labels, negatives and alerts with ``CSVFileStream``, finding columns by
/// their English name (case, spaces and a byte-order mark ignored), in any order.
public enum EvaluationInput {
    public static func labels(_ path: String) throws -> [LabelRecord] {
        try read(path, columns: ["credit_code", "period", "region_code", "category", "kind"], optional: ["indicator", "factor"]) { c in
            LabelRecord(creditCode: c[0], period: normalizedPeriod(c[1]), regionCode: c[2], category: c[3], kind: c[4], indicator: c[5], factor: c[6])
        }
    }

    public static func negatives(_ path: String) throws -> [NegativeRecord] {
        try read(path, columns: ["credit_code", "period", "kind"], optional: []) { c in
            NegativeRecord(creditCode: c[0], period: normalizedPeriod(c[1]), kind: c[2])
        }
    }

    public static func alerts(_ path: String) throws -> [AlertRecord] {
        try read(path, columns: ["period", "scope", "credit_code", "region_code", "rule_id", "category", "severity", "score"], optional: []) { c in
            AlertRecord(
                period: normalizedPeriod(c[0]), scope: c[1].lowercased(), creditCode: c[2], regionCode: c[3], ruleID: c[4],
                category: c[5].lowercased(), severity: c[6].lowercased(), score: Double(c[7]) ?? 0)
        }
    }

    /// `2024-03` for every contract spelling of a period; the text itself when it is none.
    static func normalizedPeriod(_ text: String) -> String {
        Period(text)?.description ?? text
    }

    private static func read<T>(
        _ path: String, columns: [String], optional: [String], make: ([String]) -> T
    ) throws -> [T] {
        var positions: [Int] = []
        var result: [T] = []
        var failure: String?
        let wanted = columns + optional
        do {
            _ = try CSVFileStream(path: path).read { row in
                if positions.isEmpty {
                    let header = row.strings.map(normalizedHeader)
                    let missing = columns.filter { !header.contains($0) }
                    if !missing.isEmpty {
                        failure = "column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", ")) not found; the header has: \(row.strings.joined(separator: ", "))"
                        return false
                    }
                    positions = wanted.map { header.firstIndex(of: $0) ?? -1 }
                    return true
                }
                if row.isBlank { return true }
                let cells = positions.map { $0 >= 0 && $0 < row.count ? trimmed(row.string($0)) : "" }
                result.append(make(cells))
                return true
            }
        } catch {
            let text = error.description
            throw EvaluationInputError(file: path, reason: text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text)
        }
        if let failure { throw EvaluationInputError(file: path, reason: failure) }
        if positions.isEmpty { throw EvaluationInputError(file: path, reason: "the file is empty: a header line is expected") }
        return result
    }

    private static func normalizedHeader(_ text: String) -> String {
        trimmed(text.replacingOccurrences(of: "\u{FEFF}", with: "")).lowercased()
    }

    private static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        // A leading ' is the formula-injection guard of the contract's CSV outputs.
        if s.first == "'" { s.removeFirst() }
        return String(s)
    }
}
