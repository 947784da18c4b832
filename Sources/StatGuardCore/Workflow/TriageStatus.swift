/// Where a statistician's verification (核实) of an alert key stands.
///
/// `open` 待核实 → `in_review` 核实中 → `confirmed` 属实 (the figure is wrong and must be
/// corrected by the enterprise) | `explained` 已说明 (legitimate, with a reason) |
/// `false_alarm` 误报 (with a reason) | `corrected` 已更正 (the enterprise resubmitted).
public enum TriageStatus: String, CaseIterable, Sendable {
    case open
    case inReview = "in_review"
    case confirmed
    case explained
    case falseAlarm = "false_alarm"
    case corrected

    /// The Chinese label reports use.
    public var zh: String {
        switch self {
        case .open: "待核实"
        case .inReview: "核实中"
        case .confirmed: "属实"
        case .explained: "已说明"
        case .falseAlarm: "误报"
        case .corrected: "已更正"
        }
    }

    /// Whether the key is in the open queue: nobody has decided it yet.
    public var isInQueue: Bool { self == .open || self == .inReview }

    /// Whether the figure still stands uncorrected: in the queue, or confirmed wrong and not yet resubmitted.
    public var isUnresolved: Bool { isInQueue || self == .confirmed }

    /// Whether a decision was taken on the key (it counts towards a rule's judged precision).
    public var isDecision: Bool { self == .confirmed || self == .explained || self == .falseAlarm || self == .corrected }

    /// Whether the decision says the figure was wrong (a true alert).
    public var isTrueAlert: Bool { self == .confirmed || self == .corrected }

    /// Whether a decision to this status must give its reason.
    public var needsReason: Bool { self == .explained || self == .falseAlarm }

    /// Whether the decision may hold until a given period (`--valid-until`).
    public var canExpire: Bool { self == .explained || self == .falseAlarm }
}
