import Foundation
import StatGuardCore
import StatGuardReports
import Testing

/// An independent reader: openpyxl (in .build-venv, made by scripts/ensure-python-deps.sh) opens the
/// rendered workbooks and checks what Excel users rely on, through check_xlsx.py.
@Suite struct OpenpyxlTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()
    static let venvPython = root.appendingPathComponent(".build-venv/bin/python").path

    /// python3 on PATH (or the venv's): without either the check is skipped, as the brief allows.
    static var python: String? {
        if FileManager.default.isExecutableFile(atPath: venvPython) { return venvPython }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: python != nil, "python3 is not installed: the openpyxl check of the .xlsx files is skipped"))
    func openpyxlReadsTheWorkbooks() throws {
        let folder = NSTemporaryDirectory() + "/statguard-openpyxl-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let alerts = folder + "/alerts.xlsx", summary = folder + "/summary.xlsx"
        try AtomicFile.write(
            AlertsWorkbook.render(RenderFixtures.findings, RenderFixtures.renderer, pipeline: "dazhou", period: Period(year: 2024, month: 12), periodLabel: "2024年12月"),
            to: alerts)
        try AtomicFile.write(SummaryWorkbook.render(RenderFixtures.summary(12), pipeline: "dazhou"), to: summary)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.here.appendingPathComponent("check_xlsx.py").path, alerts, summary]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let hint = process.terminationStatus == 3 ? "\nopenpyxl is missing: run scripts/ensure-python-deps.sh" : ""
        #expect(process.terminationStatus == 0, "check_xlsx.py failed:\n\(text)\(hint)")
        #expect(text.contains("ok: alerts.xlsx") && text.contains("ok: summary.xlsx"), "\(text)")
    }
}
