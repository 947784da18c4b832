import StatGuardCore

/// What one load tells the statisticians: built once after the store commit, then
/// filtered per channel (``filtered(for:)``) and rendered per service.
///
/// A plain value: it holds no SQL, no rule logic and no secrets. Every figure and
/// case carries its region code so that a channel routed to a few towns gets the
/// counts, reporting rate and cases of those towns only. Carried-over decisions
/// (a key decided earlier whose figures did not move) are not news: the builder
/// leaves them out of ``cases`` and counts them nowhere.
public struct Digest: Sendable, Equatable {
    /// The pipeline's name, e.g. `monthly-industry`.
    public var pipeline: String
    public var period: Period
    /// How users name the period, e.g. `2024年1-2月` (``ReportingCalendar/label(_:)``).
    public var periodLabel: String
    /// Cases by region, category and severity; the renderers sum them.
    public var counts: [DigestCount]
    /// Enterprises due and reported, by region (报送率 = reported / due).
    public var reporting: [ReportingCount]
    /// The new and reopened cases, any order; channels rank them by score.
    public var cases: [DigestCase]
    /// The workbench's address (`web_url:`), linked from the digest; nil: no link.
    public var webURL: String?

    /// A digest of one load.
    ///
    /// - Parameters:
    ///   - pipeline: the pipeline's name.
    ///   - period: the period loaded.
    ///   - periodLabel: how users name it; nil gives `2024年3月` (pass `calendar.label(period)` for `1-2月`).
    ///   - counts: one row per region, category and severity with its new, reopened and still-open cases.
    ///   - reporting: one row per region with the enterprises due and those that reported.
    ///   - cases: the new and reopened cases (not carried-over ones).
    ///   - webURL: the workbench's address from the pipeline file.
    public init(
        pipeline: String, period: Period, periodLabel: String? = nil, counts: [DigestCount], reporting: [ReportingCount],
        cases: [DigestCase], webURL: String? = nil
    ) {
        self.pipeline = pipeline
        self.period = period
        self.periodLabel = periodLabel ?? "\(period.year)年\(period.month)月"
        self.counts = counts
        self.reporting = reporting
        self.cases = cases
        self.webURL = webURL
    }
}

/// How many cases of one category and severity a region has after the load.
public struct DigestCount: Sendable, Equatable {
    /// The region the cases lie in: a 12-digit code or a town's or county's code.
    public var regionCode: String
    public var category: FindingCategory
    public var severity: Severity
    /// Cases that fired for the first time.
    public var new: Int
    /// Cases decided earlier whose figures moved, so they are open again.
    public var reopened: Int
    /// Cases open before this load and still open (not news, but the workload).
    public var stillOpen: Int

    public init(regionCode: String, category: FindingCategory, severity: Severity, new: Int, reopened: Int, stillOpen: Int) {
        self.regionCode = regionCode
        self.category = category
        self.severity = severity
        self.new = new
        self.reopened = reopened
        self.stillOpen = stillOpen
    }
}

/// Enterprises due to report in a region, and how many did (data contract 3.4: 报送率 = reported / due).
public struct ReportingCount: Sendable, Equatable {
    public var regionCode: String
    public var due: Int
    public var reported: Int

    public init(regionCode: String, due: Int, reported: Int) {
        self.regionCode = regionCode
        self.due = due
        self.reported = reported
    }
}

/// One new or reopened case as a digest lists it: who, where, which rule, and the catalog's sentence.
public struct DigestCase: Sendable, Equatable {
    /// Why the case is news.
    public enum Status: String, Sendable, CaseIterable {
        /// The key fired for the first time.
        case new
        /// A decided key whose figures moved.
        case reopened
    }

    /// The enterprise's name (or the region's, for a region-level case), as the input gave it.
    public var enterprise: String
    /// The enterprise's 统一社会信用代码; nil for a region-level case.
    public var creditCode: String?
    /// The full region code (12 digits, or the region's own code); routing matches its prefix.
    public var regionCode: String
    /// The town's code (first 9 digits of the region code).
    public var townCode: String
    /// The town's name (乡镇/街道), empty when unknown.
    public var townName: String
    public var ruleID: String
    /// The rule's Chinese title from the check catalog.
    public var ruleTitle: String
    public var category: FindingCategory
    public var severity: Severity
    /// How much the case matters to the totals (the ranking key).
    public var score: Double
    /// The catalog's message in Chinese, with the figures.
    public var message: String
    public var status: Status
    /// The case's page in the workbench, nil when there is none.
    public var link: String?

    public init(
        enterprise: String, creditCode: String?, regionCode: String, townCode: String? = nil, townName: String,
        ruleID: String, ruleTitle: String, category: FindingCategory, severity: Severity, score: Double,
        message: String, status: Status, link: String? = nil
    ) {
        self.enterprise = enterprise
        self.creditCode = creditCode
        self.regionCode = regionCode
        self.townCode = townCode ?? RegionCode.townCode(of: regionCode)
        self.townName = townName
        self.ruleID = ruleID
        self.ruleTitle = ruleTitle
        self.category = category
        self.severity = severity
        self.score = score
        self.message = message
        self.status = status
        self.link = link
    }

    /// A case from the finding that opened or reopened it, as the job holds it after the commit,
    /// with its message and rule title written from the catalog.
    public init(finding: Finding, message: String, ruleTitle: String, townName: String, status: Status, link: String? = nil) {
        self.init(
            enterprise: finding.name, creditCode: finding.creditCode?.description, regionCode: finding.regionCode,
            townName: townName, ruleID: finding.ruleID.rawValue, ruleTitle: ruleTitle, category: finding.category,
            severity: finding.severity, score: finding.score, message: message, status: status, link: link)
    }
}
