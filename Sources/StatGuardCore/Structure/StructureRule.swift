
/// The structural checks (S*) applied to every row as it is read.
///
/// A row failing any of them cannot be used: it goes to the quarantine with
/// all its cells, its file and line, the rule and a reason naming the column
/// and the value. Category `structure`, severity `error`.
public enum StructureRule: String, CaseIterable, Sendable {
    /// A required field is blank.
    case S01
    /// The credit code is malformed: length, alphabet, GB 32100 / GB 11714 check characters, or Excel's scientific form.
    case S02
    /// The industry code is not a 4-digit class of GB/T 4754-2017 sections B, C or D.
    case S03
    /// The region code is not 12 digits.
    case S04
    /// A number, period or code value cannot be read.
    case S05
    /// A figure is negative where only ≥ 0 is allowed.
    case S06
    /// The row's period is not the load's period.
    case S07
    /// A second row for the same enterprise and period (every copy after the first).
    case S08
    /// The row has more or fewer cells than the header.
    case S09
    /// A figure no enterprise can have: a money or physical figure beyond ±1e12 in its
    /// unit, more than 1e7 employees, or a number too large to read (`1e400`); see ``PlausibleMagnitude``.
    case S10
    /// The record cannot be split into cells as it stands: a quoted field runs past its
    /// line into the next rows (the row is cut at its line end and the rows after it are
    /// read on their own), the file ends inside a quoted field, or the record is over 4 MiB
    /// (kept truncated). See ``RecordProblem``.
    case S11

    /// A short English title.
    public var title: String {
        switch self {
        case .S01: "missing required field"
        case .S02: "invalid credit code"
        case .S03: "industry code not an industrial class"
        case .S04: "invalid region code"
        case .S05: "unreadable value"
        case .S06: "negative value"
        case .S07: "wrong period"
        case .S08: "duplicate row"
        case .S09: "wrong number of cells"
        case .S10: "implausible magnitude"
        case .S11: "malformed record"
        }
    }

    /// The Chinese title used in reports.
    public var titleZh: String {
        switch self {
        case .S01: "必填项缺失"
        case .S02: "统一社会信用代码错误"
        case .S03: "行业代码不属于工业行业小类"
        case .S04: "行政区划代码错误"
        case .S05: "数值无法识别"
        case .S06: "数值不应为负"
        case .S07: "报告期不符"
        case .S08: "重复报送"
        case .S09: "列数与表头不符"
        case .S10: "数值量级不合理"
        case .S11: "记录格式错误"
        }
    }

    public var category: FindingCategory { .structure }
    public var severity: Severity { .error }
}
