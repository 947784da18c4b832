import Foundation
import StatGuardConfig
import StatGuardCore
import StatGuardNotify
import StatGuardStore

/// `statguard notify`: a loaded period's digest, shown (dry run) or pushed again to the
/// pipeline's channels; what a push did is kept and the period's reports are rebuilt with it.
public struct DigestPush: Sendable {
    public var pipeline: PipelineDefinition
    public var notifier: Notifier

    public init(pipeline: PipelineDefinition, notifier: Notifier = Notifier()) {
        self.pipeline = pipeline
        self.notifier = notifier
    }

    /// What would be sent to each channel, without sending or reading any secret.
    public func dryRun(period: Period) throws(JobError) -> String {
        Notifier.dryRun(try digest(period), to: pipeline.notify.channels)
    }

    /// Sends the period's digest to every channel, keeps the outcomes and rebuilds the period's reports.
    public func send(period: Period) throws(JobError) -> [DeliveryOutcome] {
        let digest = try digest(period)
        let outcomes = MonthlyJob.sendBlocking(digest, to: pipeline.notify.channels, notifier: notifier)
        do {
            try Store(path: pipeline.storePath, access: .deciding).recordDeliveries(outcomes.map(DeliveryRecord.init), period: period)
        } catch {
            throw .store(error)
        }
        _ = try ReportRebuild(pipeline: pipeline).run(period: period)
        return outcomes
    }

    private func digest(_ period: Period) throws(JobError) -> Digest {
        let bundle: PeriodReports?
        do { bundle = try ReportRebuild(pipeline: pipeline).read(period) } catch { throw .store(error) }
        guard let bundle else { throw .notLoaded(period: period.description, store: pipeline.storePath) }
        return DigestBuilder.digest(bundle, pipeline: pipeline)
    }
}
