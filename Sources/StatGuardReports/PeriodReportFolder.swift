import StatGuardCore

/// The report folder of one period, `<reports>/<pipeline>/<YYYY-MM>/`, whose files are each written atomically.
public struct PeriodReportFolder: Sendable {
    public let path: String

    public init(reportsFolder: String, pipeline: String, period: Period) {
        path = "\(reportsFolder)/\(pipeline)/\(period)"
    }

    /// Writes `bytes` as `name` in the folder (temporary file, then rename).
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, to: "\(path)/\(name)")
    }
}
