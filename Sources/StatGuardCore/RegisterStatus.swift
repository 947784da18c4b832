/// 运营状态, the register's operating status of an enterprise (data contract 2.3).
public enum RegisterStatus: UInt8, Sendable, CaseIterable {
    /// 正常运营: operating; the only status that must report.
    case operating = 1
    /// 停业: suspended.
    case suspended = 2
    /// 筹建: being set up.
    case preparing = 3
    /// 注销: deregistered.
    case deregistered = 4

    /// The status as the register writes it in Chinese.
    public var nameZh: String {
        switch self {
        case .operating: "正常运营"
        case .suspended: "停业"
        case .preparing: "筹建"
        case .deregistered: "注销"
        }
    }
}
