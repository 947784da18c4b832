
/// What one load did: the row kept per load in the store, and the content of `run.json`.
public struct LoadRecord: Sendable, Codable, Equatable {
    /// One input file of the load.
    public struct InputFile: Sendable, Codable, Equatable {
        public var kind: String
        public var path: String
        public var size: Int
        public var sha256: String
        public var encoding: String
        public var rowsRead: Int
        public var rowsLoaded: Int
        public var rowsQuarantined: Int
        /// What the operator should know about the file (unknown columns, padded codes…).
        public var notices: [String]

        public init(
            kind: String, path: String, size: Int, sha256: String, encoding: String, rowsRead: Int, rowsLoaded: Int,
            rowsQuarantined: Int, notices: [String] = []
        ) {
            self.kind = kind
            self.path = path
            self.size = size
            self.sha256 = sha256
            self.encoding = encoding
            self.rowsRead = rowsRead
            self.rowsLoaded = rowsLoaded
            self.rowsQuarantined = rowsQuarantined
            self.notices = notices
        }
    }

    /// An optional input that was not used: absent, or unusable as a whole.
    public struct SkippedInput: Sendable, Codable, Equatable {
        public var kind: String
        public var reason: String

        public init(kind: String, reason: String) {
            self.kind = kind
            self.reason = reason
        }
    }

    /// Wall time of one stage.
    public struct StageTiming: Sendable, Codable, Equatable {
        public var stage: String
        public var seconds: Double

        public init(stage: String, seconds: Double) {
            self.stage = stage
            self.seconds = seconds
        }
    }

    /// How one check fared: units evaluated, failed, passed, not evaluated (with why), or skipped.
    public struct CheckTally: Sendable, Codable, Equatable {
        public var ruleID: RuleID
        public var evaluated: Int
        public var failed: Int
        public var notEvaluated: [String: Int]
        public var skipped: String?
        public var notes: [String]

        public init(ruleID: RuleID, evaluated: Int, failed: Int, notEvaluated: [String: Int], skipped: String?, notes: [String]) {
            self.ruleID = ruleID
            self.evaluated = evaluated
            self.failed = failed
            self.notEvaluated = notEvaluated
            self.skipped = skipped
            self.notes = notes
        }

        public var passed: Int { evaluated - failed }
    }

    public var pipeline: String
    /// `YYYY-MM`.
    public var period: String
    public var toolVersion: String
    /// ISO 8601, UTC.
    public var startedAt: String
    public var files: [InputFile]
    /// Optional inputs not used (their checks are skipped).
    public var skippedInputs: [SkippedInput]
    public var findingCounts: [String: Int]
    /// Per check: evaluated, failed, not evaluated, skipped.
    public var checks: [CheckTally]
    public var stages: [StageTiming]
    /// `done` or the failure.
    /// The area's and each county's gross output this month, with growth on both bases:
    /// what the 13-month charts of later periods draw (nil in records stored before it was kept).
    public var headline: Headline?

    public var status: String

    public init(
        pipeline: String, period: String, toolVersion: String, startedAt: String, files: [InputFile] = [],
        skippedInputs: [SkippedInput] = [], findingCounts: [String: Int] = [:], checks: [CheckTally] = [], stages: [StageTiming] = [], status: String = "done"
    ) {
        self.pipeline = pipeline
        self.period = period
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.files = files
        self.skippedInputs = skippedInputs
        self.findingCounts = findingCounts
        self.checks = checks
        self.stages = stages
        self.status = status
    }

    /// Monthly gross output of the area and its counties, as the summary computed it.
    public struct Headline: Sendable, Codable, Equatable {
        /// One line: the area (empty code) or a county.
        public struct Line: Sendable, Codable, Equatable {
            public var code: String
            public var name: String
            public var grossOutput: Double?
            public var growth: Double?
            public var storeGrowth: Double?

            public init(code: String, name: String, grossOutput: Double?, growth: Double?, storeGrowth: Double?) {
                self.code = code
                self.name = name
                self.grossOutput = grossOutput
                self.growth = growth
                self.storeGrowth = storeGrowth
            }
        }

        /// `2024年3月`, or `2024年1-2月`.
        public var monthLabel: String
        public var area: Line
        public var counties: [Line]

        public init(monthLabel: String, area: Line, counties: [Line]) {
            self.monthLabel = monthLabel
            self.area = area
            self.counties = counties
        }
    }
}
