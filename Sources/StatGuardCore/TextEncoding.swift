/// The character encodings an input CSV may arrive in (data contract section 1).
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030, which includes GBK and GB2312: what Excel in China writes by default.
    case gb18030 = "gb18030"

    /// Parses a pipeline's encoding pin: `utf-8`, `utf8`, `gb18030`, `gbk`, `gb2312` (any case).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}
