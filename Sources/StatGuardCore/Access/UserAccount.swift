/// What a workbench user may do, and over which part of the area.
///
/// Every role is bounded by its region: a town user sees and triages only enterprises of
/// its town (9-digit code), a county user only its county's (6 digits); an admin's region
/// may be any prefix of a region code (a province's 2 digits, a city's 4, or more).
public enum UserRole: String, CaseIterable, Sendable, Codable {
    case admin, county, town

    /// The Chinese name shown in the workbench.
    public var zh: String {
        switch self {
        case .admin: "管理员"
        case .county: "区县统计局"
        case .town: "乡镇（街道）统计站"
        }
    }

    /// Why `region` cannot bound this role, or nil when it can.
    public func problem(region: String) -> String? {
        guard !region.isEmpty, region.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), region.utf8.count <= 12 else {
            return "a region is 2 to 12 digits of a 统计用区划代码 (got '\(region)')"
        }
        switch self {
        case .town where region.utf8.count != 9: return "a town user's region is a 9-digit town code (got '\(region)')"
        case .county where region.utf8.count != 6: return "a county user's region is a 6-digit county code (got '\(region)')"
        case .admin where region.utf8.count < 2: return "an admin's region is at least a 2-digit province code (got '\(region)')"
        default: return nil
        }
    }
}

/// A workbench account as the store keeps it: never a password, only its salted slow hash.
public struct UserAccount: Sendable, Equatable {
    public var name: String
    public var role: UserRole
    /// The region code prefix the user is bounded by.
    public var region: String
    /// A bcrypt hash (`$2b$…`), salt and cost included.
    public var passwordHash: String
    public var disabled: Bool
    /// When the account was added (ISO 8601, UTC).
    public var createdAt: String

    public init(name: String, role: UserRole, region: String, passwordHash: String, disabled: Bool = false, createdAt: String) {
        self.name = name
        self.role = role
        self.region = region
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// Whether a subject in `regionCode` (an enterprise's 12-digit code, or a town's or county's) lies in the user's region.
    public func covers(regionCode: String) -> Bool {
        regionCode.hasPrefix(region)
    }
}
