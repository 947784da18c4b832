import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import StatGuardCore
import Testing
@testable import StatGuardWeb

/// A load writing the store does not hold the pages up: they read the last committed period.
@Suite("Workbench beside a running load")
struct ConcurrentLoadTests {
    @Test("while a load's transaction writes tens of megabytes, pages and the API answer at once with the committed data")
    func readsDuringWrite() async throws {
        let fixture = try WorkbenchFixture()
        let app = Application(router: try fixture.workbench().router())
        try await app.test(.router) { client in
            let session = try #require(try await TestSession.login(client, "admin"))
            let before = try await session.get(client, "/api/cases?period=2024-12").text
            // A second connection, as `statguard run` holds it: an open write transaction with more
            // written than SQLite's page cache holds (a rollback journal would lock readers out here).
            let writer = try DatabaseQueue(path: fixture.pipeline.storePath)
            let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            let load = Thread {
                try? writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        for index in 0..<48 {
                            try db.execute(
                                sql: "INSERT INTO period_column (period, kind, name, data) VALUES ('2025-01', 'reports', ?, zeroblob(1048576))",
                                arguments: ["filler\(index)"])
                        }
                        entered.signal()
                        release.wait()
                        return .rollback
                    }
                }
            }
            load.start()
            entered.wait()
            let started = Date()
            let during = try await session.get(client, "/api/cases?period=2024-12")
            let page = try await session.get(client, "/cases?period=2024-12")
            let waited = Date().timeIntervalSince(started)
            release.signal()
            #expect(during.status == .ok && page.status == .ok)
            #expect(during.text == before)
            #expect(waited < 5, "the pages waited \(waited) s for the load")
        }
    }
}
