import StatGuardCore

/// Something worth telling the operator about a file that is not a row failure.
public enum FileNotice: Sendable, Equatable, CustomStringConvertible {
    /// Columns matching no contract field, kept as pass-through.
    case unknownColumns([String])
    /// Pass-through columns whose header was empty or repeated, kept under made-up names (`column_19`, `备注 (2)`).
    case renamedColumns([String])
    /// Industry codes that had lost their leading zero (`610`) and were padded back.
    case paddedIndustryCodes(count: Int, firstLine: Int)
    /// Rows whose cells were all empty, skipped (they hold no data).
    case blankRows(count: Int, firstLine: Int)
    /// The file was read as GB18030.
    case readAsGB18030

    public var description: String {
        switch self {
        case .unknownColumns(let headers):
            return "unknown column\(headers.count > 1 ? "s" : "") kept as pass-through: \(headers.map { "'\($0)'" }.joined(separator: ", "))"
        case .renamedColumns(let names):
            return "column\(names.count > 1 ? "s" : "") with an empty or repeated header kept as pass-through under new name\(names.count > 1 ? "s" : ""): \(names.map { "'\($0)'" }.joined(separator: ", "))"
        case .paddedIndustryCodes(let count, let line):
            return "\(count) industry code\(count > 1 ? "s" : "") had lost the leading zero and \(count > 1 ? "were" : "was") padded (first at line \(line))"
        case .blankRows(let count, let line):
            return "\(count) row\(count > 1 ? "s" : "") with only empty cells skipped (first at line \(line))"
        case .readAsGB18030:
            return "read as GB18030"
        }
    }
}
