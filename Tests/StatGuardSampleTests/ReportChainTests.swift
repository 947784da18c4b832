import Foundation
import StatGuardCore
import StatGuardIngest
import Testing
@testable import StatGuardSample

/// 本年累计 chains, 1-2月 and 上年同期 hold in what the sample writes, except where a label says otherwise.
@Suite struct ReportChainTests {
    struct Row {
        var gross: Double, grossYTD: Double, grossLastYear: Double, sales: Double, salesYTD: Double, export: Double
    }

    static func reports(_ configuration: SampleConfiguration) throws -> [Period: [CreditCode: Row]] {
        var result: [Period: [CreditCode: Row]] = [:]
        for file in SampleFixture.contractFiles(configuration) where file.kind == .reports {
            let table = try SampleFixture.read(file).table
            var rows: [CreditCode: Row] = [:]
            for i in 0..<table.count {
                rows[table.creditCodes[i]] = Row(
                    gross: table[ReportField.grossOutput][i], grossYTD: table[ReportField.grossOutputYTD][i],
                    grossLastYear: table[ReportField.grossOutputLastYear][i], sales: table[ReportField.salesOutput][i],
                    salesYTD: table[ReportField.salesOutputYTD][i], export: table[ReportField.exportDelivery][i])
            }
            result[file.period!] = rows
        }
        return result
    }

    static func labelKinds(_ configuration: SampleConfiguration) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for label in try EvaluationInput.labels(configuration.outputDirectory + "/labels.csv") where !label.isRegion {
            result[label.period + "|" + label.creditCode, default: []].insert(label.kind)
        }
        return result
    }

    @Test func cumulativeChainsHoldExceptLabelledBreaks() throws {
        let configuration = SampleFixture.mixedDirty.0
        let reports = try Self.reports(configuration)
        let labels = try Self.labelKinds(configuration)
        let calendar = configuration.calendar
        let chainKinds: Set<String> = ["broken_ytd_chain", "unit_x10", "unit_x1000", "unit_div10"]
        var checked = 0
        var unlabelledBreaks: [String] = []
        var labelledBreaks = 0
        for period in configuration.writtenPeriods {
            for (code, row) in reports[period]! {
                let here = labels[period.description + "|" + code.description] ?? []
                if calendar.opensYear(period) {
                    if abs(row.grossYTD - row.gross) > 0.05 && here.isDisjoint(with: chainKinds) { unlabelledBreaks.append("\(code) \(period) 1-2月") }
                    continue
                }
                let previous = calendar.previous(period)
                guard let last = reports[previous]?[code] else { continue }
                let before = labels[previous.description + "|" + code.description] ?? []
                checked += 1
                let holds = abs(last.grossYTD + row.gross - row.grossYTD) < 0.05 && abs(last.salesYTD + row.sales - row.salesYTD) < 0.05
                if holds { continue }
                if !here.isDisjoint(with: chainKinds) || !before.isDisjoint(with: chainKinds.subtracting(["broken_ytd_chain"])) {
                    labelledBreaks += 1
                } else {
                    unlabelledBreaks.append("\(code) \(period)")
                }
            }
        }
        #expect(checked > 1_000)
        #expect(labelledBreaks > 0)
        #expect(unlabelledBreaks.isEmpty, "\(unlabelledBreaks.prefix(5))")
    }

    @Test func lastYearFiguresAreWhatWasReported() throws {
        let configuration = SampleFixture.plain.0
        let reports = try Self.reports(configuration)
        let labels = try Self.labelKinds(configuration)
        var compared = 0
        for period in configuration.writtenPeriods {
            guard let lastYear = reports[period.adding(months: -12)] else { continue }
            for (code, row) in reports[period]! {
                guard let then = lastYear[code] else { continue }
                compared += 1
                if labels[period.description + "|" + code.description]?.contains("lowered_base") == true {
                    #expect(row.grossLastYear < then.gross)
                } else {
                    #expect(row.grossLastYear == then.gross, "\(code) \(period)")
                }
            }
        }
        #expect(compared > 300)
    }

    @Test func exportNeverExceedsSalesUnlessLabelled() throws {
        let configuration = SampleFixture.plain.0
        let reports = try Self.reports(configuration)
        let labels = try Self.labelKinds(configuration)
        var ratios: [Double] = []
        for (period, rows) in reports {
            for (code, row) in rows {
                if row.export > row.sales {
                    #expect(labels[period.description + "|" + code.description]?.contains("export_exceeds_sales") == true)
                }
                if row.gross > 0 && labels[period.description + "|" + code.description] == nil { ratios.append(row.sales / row.gross) }
            }
        }
        let inBand = ratios.filter { $0 >= 0.9 && $0 <= 1.05 }.count
        #expect(Double(inBand) / Double(ratios.count) > 0.9)
    }
}
