import StatGuardCore

/// The report folder of one period, `<reports>/<pipeline>/<YYYY-MM>/`, replaced as a whole.
///
/// ``prepare()`` (before the store commit, so an unwritable folder stops the run
/// while nothing has changed) makes a staging folder; ``write(_:_:)`` fills it;
/// ``publish()`` (after the commit) swaps it in. A failed run calls ``discard()``
/// and the period folder keeps exactly the files it had.
public struct PeriodReportFolder: Sendable {
    public let path: String
    private let folder: StagedFolder

    public init(reportsFolder: String, pipeline: String, period: Period) {
        path = "\(reportsFolder)/\(pipeline)/\(period)"
        folder = StagedFolder(path: path)
    }

    /// Makes the empty staging folder; throws when the report location cannot be written.
    public func prepare() throws { try folder.prepare() }

    /// Writes `bytes` as `name` into the staging folder.
    public func write(_ name: String, _ bytes: [UInt8]) throws { try folder.write(name, bytes) }

    /// Puts the staged files in place of the period's old ones in one step.
    public func publish() throws { try folder.publish() }

    /// Drops the staged files; the period folder is left as it was.
    public func discard() { folder.discard() }
}
