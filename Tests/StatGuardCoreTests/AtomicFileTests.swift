import Foundation
import StatGuardCore
import StatGuardTestSupport
import Testing

/// Atomic writes: whole files only, parent folders created.
@Suite struct AtomicFileTests {
    @Test func writesIntoNewFolders() throws {
        let folder = try FixtureFolder("atomic")
        let path = folder.path("Reports/demo/2024-03/summary.md")
        try AtomicFile.write("汇总\n", to: path)
        #expect(try folder.read("Reports/demo/2024-03/summary.md") == Array("汇总\n".utf8))
    }

    @Test func replacesTheWholeFileAndLeavesNoTemporaryFile() throws {
        let folder = try FixtureFolder("atomic")
        let path = folder.path("out.csv")
        try AtomicFile.write(Array(repeating: 0x41, count: 10_000), to: path)
        try AtomicFile.write([0x42, 0x0A], to: path)
        #expect(try folder.read("out.csv") == [0x42, 0x0A])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }
}
