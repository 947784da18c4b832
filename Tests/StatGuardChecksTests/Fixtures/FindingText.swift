import StatGuardChecks
import StatGuardCore
import StatGuardReports

/// A finding's texts as the reports write them from the built-in catalog, for assertions on messages.
extension Finding {
    static let renderer = FindingRenderer(catalog: CheckCatalog.catalog)

    var messageZh: String { Self.renderer.message(self, .zh) }
    var messageEn: String { Self.renderer.message(self, .en) }
    var observed: String { Self.renderer.observed(self) }
    var expected: String { Self.renderer.expected(self) }
}
