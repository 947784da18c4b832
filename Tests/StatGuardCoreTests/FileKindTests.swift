import StatGuardCore
import Testing

/// The five contract files and their columns (data contract section 2).
@Suite struct FileKindTests {
    @Test func fileNames() {
        let march = Period(year: 2024, month: 3)
        #expect(FileKind.reports.fileName(for: march) == "reports_202403.csv")
        #expect(FileKind.products.fileName(for: march) == "products_202403.csv")
        #expect(FileKind.admin.fileName(for: march) == "admin_202403.csv")
        #expect(FileKind.register.fileName(for: march) == "register.csv")
        #expect(FileKind.capacity.fileName(for: nil) == "capacity.csv")
    }

    @Test func inferredFromFileNames() {
        #expect(FileKind.inferred(fromFileName: "reports_202403.csv") == .reports)
        #expect(FileKind.inferred(fromFileName: "Reports_202403.CSV") == .reports)
        #expect(FileKind.inferred(fromFileName: "register.csv") == .register)
        #expect(FileKind.inferred(fromFileName: "admin_202403.csv") == .admin)
        #expect(FileKind.inferred(fromFileName: "data.csv") == nil)
    }

    @Test func columnsFollowTheContract() {
        #expect(FileKind.reports.fields.count == 19)
        #expect(FileKind.products.fields.count == 7)
        #expect(FileKind.register.fields.count == 9)
        #expect(FileKind.capacity.fields.count == 5)
        #expect(FileKind.admin.fields.count == 7)
        let optionalReports = FileKind.reports.fields.filter { !$0.required }.map(\.name)
        #expect(optionalReports == ["gross_output_ly", "gross_output_ytd_ly", "export_delivery", "energy", "park", "explanation"])
        #expect(FileKind.register.fields.filter { !$0.required }.map(\.name) == ["exited", "park"])
        #expect(FileKind.allCases.allSatisfy { $0.fields.first?.type == .creditCode })
        #expect(FileKind.allCases.filter { $0.hasPeriod } == [.reports, .products, .admin])
    }

    @Test func fieldRawValuesIndexTheirFile() {
        for field in ReportField.allCases { #expect(FileKind.reports.fields[field.rawValue] == field.spec) }
        for field in ProductField.allCases { #expect(FileKind.products.fields[field.rawValue] == field.spec) }
        for field in RegisterField.allCases { #expect(FileKind.register.fields[field.rawValue] == field.spec) }
        for field in CapacityField.allCases { #expect(FileKind.capacity.fields[field.rawValue] == field.spec) }
        for field in AdminField.allCases { #expect(FileKind.admin.fields[field.rawValue] == field.spec) }
    }

    @Test func onlyProfitMayBeNegative() {
        let signed = FileKind.allCases.flatMap(\.fields).filter { $0.type == .decimal(allowsNegative: true) }
        #expect(signed.map(\.name) == ["profit_ytd"])
    }
}

@Suite struct SeverityTests {
    @Test func ordering() {
        #expect(Severity.info < Severity.warning)
        #expect(Severity.warning < Severity.error)
        #expect(Severity.allCases.max() == .error)
        #expect(FindingCategory.allCases.map(\.rawValue) == ["structure", "consistency", "under", "over", "unit"])
    }
}
