import StatGuardConfig
import StatGuardCore
import StatGuardNotify
import StatGuardReports

/// Builds a load's digest from the period's findings and the statuses the carry-over left:
/// only new and reopened keys are news; keys a decision still settles are counted nowhere.
enum DigestBuilder {
    /// How a key's status reads as news.
    static func news(_ status: AlertStatus, period: Period) -> DigestCase.Status? {
        guard status.status.isInQueue else { return nil }
        if status.since == period && (status.isRepeat || !status.reason.isEmpty) { return .reopened }
        return status.firstSeen == period ? .new : nil
    }

    static func digest(_ reports: PeriodReports, pipeline: PipelineDefinition) -> Digest {
        let period = reports.period
        let renderer = FindingRenderer(catalog: pipeline.findingCatalog, regions: reports.regions)
        var counts: [String: (new: Int, reopened: Int, stillOpen: Int)] = [:]
        var cases: [DigestCase] = []
        for finding in reports.findings where finding.scope == .enterprise || finding.scope == .region {
            let status = reports.alerts.statuses[AlertKey(finding)] ?? .new(AlertKey(finding), period: period, observed: nil, score: finding.score)
            guard status.status.isInQueue else { continue }
            let town = RegionCode.townCode(of: finding.regionCode)
            let slot = "\(town)|\(finding.category.rawValue)|\(finding.severity.rawValue)"
            switch news(status, period: period) {
            case .new?: counts[slot, default: (0, 0, 0)].new += 1
            case .reopened?: counts[slot, default: (0, 0, 0)].reopened += 1
            case nil: counts[slot, default: (0, 0, 0)].stillOpen += 1
            }
            guard let news = news(status, period: period) else { continue }
            cases.append(DigestCase(
                finding: finding, message: renderer.message(finding, .zh), ruleTitle: renderer.title(finding.ruleID, .zh),
                townName: reports.regions.nameOrCode(town), status: news,
                link: pipeline.notify.webURL.map { "\($0)/enterprises/\(finding.creditCode?.description ?? finding.regionCode)?period=\(period)" }))
        }
        let rows = counts.keys.sorted().map { key -> DigestCount in
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let c = counts[key]!
            return DigestCount(
                regionCode: parts[0], category: FindingCategory(rawValue: parts[1])!, severity: Severity(rawValue: parts[2])!,
                new: c.new, reopened: c.reopened, stillOpen: c.stillOpen)
        }
        let reporting = reports.reportingRate.byTown.map { ReportingCount(regionCode: $0.town.townCode, due: $0.count.due, reported: $0.count.reported) }
        return Digest(
            pipeline: pipeline.name, period: period, periodLabel: pipeline.calendar.label(period), counts: rows, reporting: reporting,
            cases: cases, webURL: pipeline.notify.webURL)
    }
}
