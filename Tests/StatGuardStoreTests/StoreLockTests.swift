import Foundation
import StatGuardStore
import StatGuardTestSupport
import Testing

/// One writer at a time: the lock file refuses a second writing open at once.
@Suite("Store lock")
struct StoreLockTests {
    @Test("a second writing open while the first is alive is refused as busy; after release it opens")
    func secondWriterRefused() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        var first: Store? = try fixture.open()
        #expect(FileManager.default.fileExists(atPath: fixture.storePath + ".lock"))
        do {
            _ = try Store(path: fixture.storePath, writing: true)
            Issue.record("a second writer opened the store")
        } catch {
            guard case .busy = error.reason else {
                Issue.record("expected busy, got \(error)")
                return
            }
            #expect(error.description.contains("in use by another run"))
        }
        // Readers are not writers: `statguard history` works during a run.
        let reader = try Store(path: fixture.storePath, writing: false)
        #expect(try reader.loadedPeriods().isEmpty)
        withExtendedLifetime(first) {}
        first = nil
        let second = try Store(path: fixture.storePath, writing: true)
        #expect(try second.loadedPeriods().isEmpty)
    }

    @Test("the lock is per store: another store in the same folder opens")
    func otherStoreOpens() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let first = try fixture.open()
        let other = try Store(path: fixture.folder.path("store/other.sqlite"), writing: true)
        withExtendedLifetime((first, other)) {}
    }

    @Test("opening a store that does not exist for reading says how to make one")
    func readerWithoutStore() throws {
        let fixture = try StoreFixture()
        do {
            _ = try Store(path: fixture.storePath, writing: false)
            Issue.record("a missing store opened")
        } catch {
            guard case .unusable(let message) = error.reason else {
                Issue.record("expected unusable, got \(error)")
                return
            }
            #expect(message.contains("statguard run"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath))
    }
}

/// Regression: the lock was keyed on the path string, so a symlink let a second run in.
@Suite("Store lock on the resolved file")
struct StoreLockResolvedPathTests {
    @Test("a symlink to the store and a path with '..' take the same lock")
    func symlinkTakesTheSameLock() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let first = try fixture.open()
        let link = fixture.folder.path("linked.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.storePath)
        let folder = (fixture.storePath as NSString).deletingLastPathComponent
        let dotted = "\(folder)/../\((folder as NSString).lastPathComponent)/\((fixture.storePath as NSString).lastPathComponent)"
        for path in [link, dotted] {
            do {
                _ = try Store(path: path, writing: true)
                Issue.record("a second writer opened the store through \(path)")
            } catch {
                guard case .busy = error.reason else {
                    Issue.record("expected busy through \(path), got \(error)")
                    continue
                }
            }
        }
        withExtendedLifetime(first) {}
    }
}
