import Foundation
import StatGuardAccounts
import StatGuardChecks
import StatGuardConfig
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
@testable import StatGuardWeb

/// A bureau's store for the workbench's tests: sample data for 2024-09..2024-12 (two periods
/// loaded), one enterprise renamed to markup, and accounts for two towns, a county and an admin.
/// The loaded store is made once; each fixture works on its own copy.
final class WorkbenchFixture: @unchecked Sendable {
    static let password = "test-only-password-42"
    /// The name given to one enterprise, to prove names are escaped.
    static let markupName = "<script>alert(1)</script>钢铁厂"

    let folder: FixtureFolder
    let pipeline: PipelineDefinition
    let store: Store
    /// Two towns with cases, the first with the most.
    let townA: String, townB: String
    /// An enterprise with a case in each town.
    let enterpriseA: String, enterpriseB: String
    /// The renamed enterprise.
    let markupEnterprise: String

    init() throws {
        let template = try Self.template.get()
        folder = try FixtureFolder("workbench")
        try FileManager.default.copyItem(atPath: template.folder.path("store.sqlite"), toPath: folder.path("store.sqlite"))
        try folder.write("p.yaml", text: try String(contentsOfFile: template.folder.path("p.yaml"), encoding: .utf8)
            .replacingOccurrences(of: template.folder.path("store.sqlite"), with: folder.path("store.sqlite")))
        pipeline = try PipelineLoader(knownChecks: CheckCatalog.entries).load(path: folder.path("p.yaml"))
        store = try Store(path: pipeline.storePath, access: .deciding)
        (townA, townB, enterpriseA, enterpriseB, markupEnterprise) =
            (template.townA, template.townB, template.enterpriseA, template.enterpriseB, template.markupEnterprise)
        let accounts = Accounts(store: store, cost: 4)
        _ = try accounts.add(name: "town-a", role: .town, region: townA, password: Self.password)
        _ = try accounts.add(name: "town-b", role: .town, region: townB, password: Self.password)
        _ = try accounts.add(name: "county", role: .county, region: String(townA.prefix(6)), password: Self.password)
        _ = try accounts.add(name: "other-county", role: .county, region: "999999", password: Self.password)
        _ = try accounts.add(name: "admin", role: .admin, region: String(townA.prefix(4)), password: Self.password)
    }

    /// A workbench over the fixture's store; `clock` and `pause` let tests move time and see throttling.
    func workbench(clock: @escaping @Sendable () -> Date = Date.init, pause: @escaping @Sendable (TimeInterval) async -> Void = { _ in })
        throws -> Workbench
    {
        try Workbench(settings: Workbench.Settings(pipeline: pipeline), clock: clock, pause: pause)
    }

    /// The store made once: sample data, the markup rename, two periods loaded.
    struct Template: @unchecked Sendable {
        let folder: FixtureFolder
        let townA: String, townB: String, enterpriseA: String, enterpriseB: String, markupEnterprise: String
    }

    static let template: Result<Template, any Error> = Result { try makeTemplate() }

    /// The template's folder: a static is never released, so its ``FixtureFolder`` is removed when the process exits.
    nonisolated(unsafe) private static var templatePath: String?

    private static func makeTemplate() throws -> Template {
        let folder = try FixtureFolder("workbench-template")
        templatePath = folder.path
        atexit { if let path = WorkbenchFixture.templatePath { try? FileManager.default.removeItem(atPath: path) } }
        let sample = try CommandRunner.run([
            "sample", "--out", folder.path("data"), "--enterprises", "160", "--from", "2024-09", "--to", "2024-12", "--seed", "14",
        ])
        guard sample.exitCode == 0 else { throw FixtureFailure(description: sample.standardError) }
        // One enterprise of the register is renamed to markup everywhere its name appears.
        let register = try String(contentsOfFile: folder.path("data/register/register.csv"), encoding: .utf8)
        let second = register.split(separator: "\n")[1].split(separator: ",")
        let (code, name) = (String(second[0]), String(second[1]))
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path("data")) where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: folder.path("data/" + file), encoding: .utf8)
            try text.replacingOccurrences(of: name, with: markupName).write(toFile: folder.path("data/" + file), atomically: true, encoding: .utf8)
        }
        let yaml = try String(contentsOfFile: Self.repository + "/Pipelines/monthly-industry.yaml", encoding: .utf8)
            .replacingOccurrences(of: "folder: ../SampleData", with: "folder: \(folder.path("data"))")
            .replacingOccurrences(of: "store: ../Reports/store/monthly-industry.sqlite", with: "store: \(folder.path("store.sqlite"))")
            .replacingOccurrences(of: "reports_folder: ../Reports", with: "reports_folder: \(folder.path("out"))")
        try folder.write("p.yaml", text: yaml)
        let run = try CommandRunner.run(["run", "--pipeline", folder.path("p.yaml"), "--from", "2024-11", "--to", "2024-12", "--quiet"])
        guard run.exitCode == 0 else { throw FixtureFailure(description: run.standardError) }
        let store = try Store(path: folder.path("store.sqlite"), access: .reading)
        let findings = try store.findings(of: Period("2024-12")!).filter { $0.creditCode != nil }
        let byTown = Dictionary(grouping: findings) { RegionCode.townCode(of: $0.regionCode) }.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }
        guard byTown.count >= 2 else { throw FixtureFailure(description: "the sample has findings in fewer than two towns") }
        return Template(
            folder: folder, townA: byTown[0].key, townB: byTown[1].key,
            enterpriseA: byTown[0].value[0].creditCode!.description, enterpriseB: byTown[1].value[0].creditCode!.description,
            markupEnterprise: code)
    }

    /// The repository's root, from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}

/// Why the fixture's store could not be made.
struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
}
