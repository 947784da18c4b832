import StatGuardCore

/// Everything `statguard sample` is asked for.
public struct SampleConfiguration: Sendable {
    /// How the files are encoded.
    public enum Encodings: String, Sendable, CaseIterable {
        /// Every file UTF-8 without byte-order mark, LF line ends, Chinese headers.
        case plain
        /// Files vary: GB18030, UTF-8 with and without BOM, CRLF, English headers on some
        /// UTF-8 files, and a few names that need RFC 4180 quoting.
        case mixed
    }

    /// How varied the planted anomalies and hard negatives are (`--variation`).
    public enum Variation: String, Sendable, CaseIterable {
        /// One shape per kind with clear magnitudes: the set the checks were first built on.
        /// Same seed, same bytes as before the option existed.
        case standard = "default"
        /// Milder magnitudes of the same shapes (inflation 1.15-1.45×, town inflation 1.08-1.15×, …).
        case mild
        /// Magnitudes from mild to strong, several shapes per kind (which figures a fraud
        /// touches, how long it lasts), and more hard negatives: shutdowns with base-load
        /// electricity, rebounds after them, volatile enterprises, enterprises that stopped
        /// or deregistered during the range.
        case mixed
    }

    /// The folder the files go to.
    public var outputDirectory: String
    /// Registered 规上 enterprises (entrants and leavers included); the register and the admin data hold more.
    public var enterprises: Int
    /// The first and last written reporting periods.
    public var from: Period
    public var to: Period
    public var seed: UInt64
    public var encodings: Encodings
    /// Add labelled structural faults (`--dirty`).
    public var dirty: Bool
    public var variation: Variation
    public var anomalies: AnomalyCounts
    public var calendar: ReportingCalendar

    public init(
        outputDirectory: String, enterprises: Int, from: Period, to: Period, seed: UInt64,
        encodings: Encodings = .plain, dirty: Bool = false, variation: Variation = .standard,
        anomalies: AnomalyCounts = AnomalyCounts(),
        calendar: ReportingCalendar = ReportingCalendar()
    ) {
        self.outputDirectory = outputDirectory
        self.enterprises = enterprises
        self.from = from
        self.to = to
        self.seed = seed
        self.encodings = encodings
        self.dirty = dirty
        self.variation = variation
        self.anomalies = anomalies
        self.calendar = calendar
    }

    /// The written reporting periods, in order.
    public var writtenPeriods: [Period] { calendar.periods(from: from, through: to) }

    /// The simulated periods: the whole year before `from` too, so that the first
    /// written year has real 上年同期 figures and 本年累计 chains.
    public var simulatedPeriods: [Period] {
        calendar.periods(from: Period(year: from.year - 1, month: 1), through: to)
    }

    /// The periods anomalies go into: the last ``AnomalyCounts/windowPeriods`` written
    /// ones (at most 11 and never the first written period unless it is the only one).
    public var anomalyWindow: [Period] {
        let written = writtenPeriods
        let size = max(1, min(anomalies.windowPeriods, 11, written.count > 1 ? written.count - 1 : 1))
        return Array(written.suffix(size))
    }
}
