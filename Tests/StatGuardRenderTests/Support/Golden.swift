import Foundation
import Testing

/// Golden files under `Tests/StatGuardRenderTests/Golden/`: the committed bytes a
/// renderer must reproduce. `STATGUARD_UPDATE_GOLDEN=1 swift test --filter StatGuardRenderTests`
/// rewrites them; review the diff (and the PNGs, see the README note in Golden/) before committing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["STATGUARD_UPDATE_GOLDEN"] == "1" }

    /// Expects `bytes` to equal golden file `name`; when they differ, the actual bytes go to a `.actual` file beside it.
    static func check(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("No golden file \(name): run with STATGUARD_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let actualPath = url.path + ".actual"
        if [UInt8](expected) == bytes {
            try? FileManager.default.removeItem(atPath: actualPath)
        } else {
            _ = FileManager.default.createFile(atPath: actualPath, contents: Data(bytes))
            Issue.record("\(name) differs from its golden file; actual output written to \(actualPath)", sourceLocation: sourceLocation)
        }
    }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array(text.utf8), name, sourceLocation: sourceLocation)
    }
}
