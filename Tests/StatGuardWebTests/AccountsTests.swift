import Foundation
import StatGuardAccounts
import StatGuardCore
import StatGuardStore
import StatGuardTestSupport
import Testing

/// Accounts: roles bounded by a region, bcrypt hashes only, names and passwords checked.
@Suite("Workbench accounts")
struct AccountsTests {
    static func store() throws -> (FixtureFolder, Store) {
        let folder = try FixtureFolder("accounts")
        return (folder, try Store(path: folder.path("store.sqlite"), access: .loading))
    }

    @Test("a password is kept only as a salted bcrypt hash; two accounts with one password get different hashes")
    func hashes() throws {
        let (_, store) = try Self.store()
        let accounts = Accounts(store: store, cost: 4)
        let a = try accounts.add(name: "王芳", role: .town, region: "511703001", password: "same-password-1")
        let b = try accounts.add(name: "李强", role: .county, region: "511703", password: "same-password-1")
        #expect(a.passwordHash.hasPrefix("$2") && !a.passwordHash.contains("same-password-1"))
        #expect(a.passwordHash != b.passwordHash)
        #expect(try accounts.authenticate(name: "王芳", password: "same-password-1")?.region == "511703001")
        #expect(try accounts.authenticate(name: "王芳", password: "same-password-2") == nil)
        #expect(try accounts.authenticate(name: "nobody", password: "same-password-1") == nil)
        try accounts.setDisabled("王芳")
        #expect(try accounts.authenticate(name: "王芳", password: "same-password-1") == nil)
        #expect(try accounts.active("王芳") == nil && accounts.active("李强") != nil)
    }

    @Test("roles, regions, names and passwords are checked before anything is stored", arguments: [
        ("a", UserRole.town, "5117030", "long-enough-1"),  // a town is 9 digits
        ("a", .county, "511703001", "long-enough-1"),     // a county is 6
        ("a", .admin, "5", "long-enough-1"),              // an admin at least a province
        ("a", .town, "51170300X", "long-enough-1"),       // digits only
        ("a b", .town, "511703001", "long-enough-1"),     // no spaces in names
        ("", .town, "511703001", "long-enough-1"),
        ("a", .town, "511703001", "short"),               // 10 characters at least
        ("a", .town, "511703001", String(repeating: "长", count: 25)),  // 75 bytes: beyond bcrypt's 72
    ])
    func refusals(name: String, role: UserRole, region: String, password: String) throws {
        let (_, store) = try Self.store()
        let accounts = Accounts(store: store, cost: 4)
        #expect(throws: AccountError.self) { try accounts.add(name: name, role: role, region: region, password: password) }
        #expect(try accounts.list().isEmpty)
    }

    @Test("a name is taken once; an unknown name cannot be disabled")
    func uniqueNames() throws {
        let (_, store) = try Self.store()
        let accounts = Accounts(store: store, cost: 4)
        _ = try accounts.add(name: "admin", role: .admin, region: "5117", password: "first-password")
        #expect(throws: AccountError.self) { try accounts.add(name: "admin", role: .admin, region: "51", password: "second-password") }
        #expect(throws: AccountError.self) { try accounts.setDisabled("ghost") }
        #expect(try accounts.list().map(\.region) == ["5117"])
    }

    @Test("the users command reads the password from standard input only, and lists no hash")
    func usersCommand() throws {
        let fixture = try WorkbenchFixture()
        let pipeline = fixture.pipeline.file
        let refused = try CommandRunner.run(["users", "add", "zhao", "--pipeline", pipeline, "--role", "town", "--region", fixture.townA])
        #expect(refused.exitCode == 2 && refused.standardError.contains("--password-stdin"))
        let added = try CommandRunner.run(
            ["users", "add", "zhao", "--pipeline", pipeline, "--role", "town", "--region", fixture.townA, "--password-stdin"],
            standardInput: "zhao-password-9\n")
        #expect(added.exitCode == 0, "\(added.standardError)")
        let badRegion = try CommandRunner.run(
            ["users", "add", "qian", "--pipeline", pipeline, "--role", "county", "--region", fixture.townA, "--password-stdin"],
            standardInput: "qian-password-9\n")
        #expect(badRegion.exitCode == 2 && badRegion.standardError.contains("6-digit"))
        let list = try CommandRunner.run(["users", "list", "--pipeline", pipeline])
        #expect(list.standardOutput.contains("zhao\ttown\t\(fixture.townA)\tenabled"))
        #expect(!list.standardOutput.contains("$2"))
        #expect(try CommandRunner.run(["users", "disable", "zhao", "--pipeline", pipeline]).exitCode == 0)
        #expect(try CommandRunner.run(["users", "list", "--pipeline", pipeline]).standardOutput.contains("zhao\ttown\t\(fixture.townA)\tdisabled"))
        #expect(try Accounts(store: fixture.store).authenticate(name: "zhao", password: "zhao-password-9") == nil)
    }
}
