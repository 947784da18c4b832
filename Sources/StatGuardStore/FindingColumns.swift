import Foundation
import StatGuardCore

/// A period's findings as named column BLOBs (the rows of `finding_column`), and those columns
/// decoded: texts kept as bytes and ends, a row made a ``StoredFinding`` only when asked for.
///
/// One ``ColumnCodec/zstd`` column per field of ``StoredFinding``, rows in the order the run
/// produced them: texts as ``ColumnLayout/texts`` (a missing credit code as the empty text, which no
/// credit code is), the score as decimals (bit for bit), the load as integers. Legacy texts are
/// empty for every finding stored since v2 and cost a few bytes.
struct FindingColumns: Sendable {
    /// The text fields besides the credit code, each a column.
    private enum TextField: Int, CaseIterable {
        case scope, name, regionCode, industryCode, ruleID, variant, category, severity, indicator, slots
        case observed, expected, messageZh, messageEn

        /// The stored column's name (the v1/v2 table's column).
        var column: String {
            switch self {
            case .scope: "scope"
            case .name: "name"
            case .regionCode: "region_code"
            case .industryCode: "industry_code"
            case .ruleID: "rule_id"
            case .variant: "variant"
            case .category: "category"
            case .severity: "severity"
            case .indicator: "indicator"
            case .slots: "slots"
            case .observed: "observed"
            case .expected: "expected"
            case .messageZh: "message_zh"
            case .messageEn: "message_en"
            }
        }

        /// The field's text in `finding`.
        func value(in finding: StoredFinding) -> String {
            switch self {
            case .scope: finding.scope
            case .name: finding.name
            case .regionCode: finding.regionCode
            case .industryCode: finding.industryCode
            case .ruleID: finding.ruleID
            case .variant: finding.variant
            case .category: finding.category
            case .severity: finding.severity
            case .indicator: finding.indicator
            case .slots: finding.slots
            case .observed: finding.observed
            case .expected: finding.expected
            case .messageZh: finding.messageZh
            case .messageEn: finding.messageEn
            }
        }
    }

    /// The stored BLOB of each column of `findings`.
    static func encode(_ findings: [StoredFinding]) -> [(name: String, data: Data)] {
        // Every text column filled in one pass over the findings, each finding read in place.
        var creditCodes = TextColumn()
        var texts = TextField.allCases.map { _ in TextColumn() }
        for finding in findings {
            creditCodes.append(finding.creditCode ?? "")
            for field in TextField.allCases { texts[field.rawValue].append(field.value(in: finding)) }
        }
        var columns: [(String, EncodedColumn)] = [
            ("load_id", ColumnEncoder.integers(findings.map(\.loadID))),
            ("credit_code", ColumnEncoder.texts(creditCodes)),
            ("score", ColumnEncoder.decimals(findings.map(\.score))),
        ]
        for field in TextField.allCases { columns.append((field.column, ColumnEncoder.texts(texts[field.rawValue]))) }
        return columns.map { ($0.0, $0.1.data()) }
    }

    /// The rows of `column` whose value is `text`, in order. A value of the same length is compared
    /// from its last byte (a credit code's most varied) before the rest.
    static func rows(of text: String, in column: TextColumn) -> [Int] {
        let target = Array(text.utf8)
        var rows: [Int] = []
        column.bytes.withUnsafeBufferPointer { bytes in
            target.withUnsafeBufferPointer { target in
                var start = 0
                for (row, end) in column.ends.enumerated() {
                    if end - start == target.count
                        && (target.isEmpty
                            || bytes[end - 1] == target[target.count - 1] && memcmp(bytes.baseAddress! + start, target.baseAddress!, target.count) == 0) {
                        rows.append(row)
                    }
                    start = end
                }
            }
        }
        return rows
    }

    let count: Int
    let creditCodes: TextColumn
    private let loads: [Int64]
    private let scores: [Double]
    /// The other text columns, by ``TextField``.
    private let texts: [TextColumn]

    /// Decodes a period's stored columns, each given as its BLOB and codec.
    init(decoding columns: [String: (data: Data, codec: ColumnCodec)]) throws(ColumnCodecError) {
        func column(_ name: String) throws(ColumnCodecError) -> (data: Data, codec: ColumnCodec) {
            guard let column = columns[name] else { throw .malformed("finding column \(name) missing") }
            return column
        }
        loads = try ColumnDecoder.integers(column("load_id").data, codec: column("load_id").codec, as: Int64.self)
        scores = try ColumnDecoder.decimals(column("score").data, codec: column("score").codec)
        creditCodes = try ColumnDecoder.texts(column("credit_code").data, codec: column("credit_code").codec)
        var texts: [TextColumn] = []
        for text in TextField.allCases { texts.append(try ColumnDecoder.texts(column(text.column).data, codec: column(text.column).codec)) }
        self.texts = texts
        count = loads.count
        guard ([scores.count, creditCodes.count] + texts.map(\.count)).allSatisfy({ $0 == count }) else {
            throw .malformed("finding columns of different lengths")
        }
    }

    /// The region code of each row.
    var regionCodes: TextColumn { texts[TextField.regionCode.rawValue] }

    /// The finding in row `row` (0 ..< ``count``).
    subscript(row: Int) -> StoredFinding {
        func text(_ field: TextField) -> String { texts[field.rawValue][row] }
        return StoredFinding(
            loadID: loads[row], scope: text(.scope), creditCode: creditCodes.isEmpty(at: row) ? nil : creditCodes[row],
            name: text(.name), regionCode: text(.regionCode), industryCode: text(.industryCode), ruleID: text(.ruleID),
            variant: text(.variant), category: text(.category), severity: text(.severity), score: scores[row],
            indicator: text(.indicator), slots: text(.slots), observed: text(.observed), expected: text(.expected),
            messageZh: text(.messageZh), messageEn: text(.messageEn))
    }
}
