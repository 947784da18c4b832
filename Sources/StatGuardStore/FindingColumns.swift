import Foundation
import StatGuardCore

/// A period's findings as named column BLOBs (the rows of `finding_column`), and back.
///
/// One ``ColumnCodec/zstd`` column per field of ``StoredFinding``, rows in the order the run
/// produced them: texts as ``ColumnLayout/texts`` (a missing credit code as the empty text, which no
/// credit code is), the score as decimals (bit for bit), the load as integers. Legacy texts are
/// empty for every finding stored since v2 and cost a few bytes.
enum FindingColumns {
    /// The column of each text field.
    private static var texts: [(name: String, field: KeyPath<StoredFinding, String>)] { [
        ("scope", \.scope), ("name", \.name), ("region_code", \.regionCode), ("industry_code", \.industryCode),
        ("rule_id", \.ruleID), ("variant", \.variant), ("category", \.category), ("severity", \.severity),
        ("indicator", \.indicator), ("slots", \.slots), ("observed", \.observed), ("expected", \.expected),
        ("message_zh", \.messageZh), ("message_en", \.messageEn),
    ] }

    /// The stored BLOB of each column of `findings`.
    static func encode(_ findings: [StoredFinding]) -> [(name: String, data: Data)] {
        var columns: [(String, EncodedColumn)] = [
            ("load_id", ColumnEncoder.integers(findings.map(\.loadID))),
            ("credit_code", ColumnEncoder.texts(TextColumn(findings.map { $0.creditCode ?? "" }))),
            ("score", ColumnEncoder.decimals(findings.map(\.score))),
        ]
        for (name, field) in texts { columns.append((name, ColumnEncoder.texts(TextColumn(findings.map { $0[keyPath: field] })))) }
        return columns.map { ($0.0, $0.1.data()) }
    }

    /// The rows of `column` whose value is `text`, in order.
    static func rows(of text: String, in column: TextColumn) -> [Int] {
        let target = Array(text.utf8)
        var rows: [Int] = []
        column.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (row, end) in column.ends.enumerated() {
                if end - start == target.count && bytes[start..<end].elementsEqual(target) { rows.append(row) }
                start = end
            }
        }
        return rows
    }

    /// The rows `rows` (every row when nil) of a period's stored columns, each given as its BLOB and codec.
    static func decode(
        _ columns: [String: (data: Data, codec: ColumnCodec)], rows: [Int]? = nil
    ) throws(ColumnCodecError) -> [StoredFinding] {
        func column(_ name: String) throws(ColumnCodecError) -> (data: Data, codec: ColumnCodec) {
            guard let column = columns[name] else { throw .malformed("finding column \(name) missing") }
            return column
        }
        func text(_ name: String) throws(ColumnCodecError) -> TextColumn {
            try ColumnDecoder.texts(column(name).data, codec: column(name).codec)
        }
        let loads = try ColumnDecoder.integers(column("load_id").data, codec: column("load_id").codec, as: Int64.self)
        let scores = try ColumnDecoder.decimals(column("score").data, codec: column("score").codec)
        let (codes, scope, name, region, industry) = (try text("credit_code"), try text("scope"), try text("name"), try text("region_code"), try text("industry_code"))
        let (rule, variant, category, severity, indicator) = (try text("rule_id"), try text("variant"), try text("category"), try text("severity"), try text("indicator"))
        let (slots, observed, expected, zh, en) = (try text("slots"), try text("observed"), try text("expected"), try text("message_zh"), try text("message_en"))
        let count = loads.count
        let counts = [scores.count] + [codes, scope, name, region, industry, rule, variant, category, severity, indicator, slots, observed, expected, zh, en].map(\.count)
        guard counts.allSatisfy({ $0 == count }) else { throw .malformed("finding columns of different lengths") }
        let wanted = rows ?? Array(0..<count)
        guard wanted.allSatisfy({ (0..<count).contains($0) }) else { throw .malformed("finding row beyond the columns") }
        return wanted.map { row in
            StoredFinding(
                loadID: loads[row], scope: scope[row], creditCode: codes.isEmpty(at: row) ? nil : codes[row], name: name[row],
                regionCode: region[row], industryCode: industry[row], ruleID: rule[row], variant: variant[row],
                category: category[row], severity: severity[row], score: scores[row], indicator: indicator[row], slots: slots[row],
                observed: observed[row], expected: expected[row], messageZh: zh[row], messageEn: en[row])
        }
    }
}
