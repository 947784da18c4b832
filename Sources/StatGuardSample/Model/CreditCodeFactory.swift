import StatGuardCore

/// Makes unique, valid 统一社会信用代码 for synthetic enterprises.
///
/// Layout (GB 32100-2015): `9` (registered with market regulation), `1`
/// (enterprise), the six-digit county of registration, the nine-character
/// 组织机构代码 (eight characters plus its GB 11714 check character) and the
/// GB 32100 check character. Older enterprises carry an all-digit organization
/// code, newer ones the `MA…` form; some all-digit codes are what Excel mangles
/// into `9.13502E+17`.
struct CreditCodeFactory {
    private var used = Set<CreditCode>()
    private static let alphabet = CreditCode.alphabet
    private static let digitValues: [UInt8] = Array(0...9)

    /// A new code registered in `county`; `allDigits` asks for an all-digit code.
    mutating func make(county: UInt64, allDigits: Bool, modern: Bool, random: inout SeededRandom) -> CreditCode {
        let countyDigits = Array(String(county).utf8).map { $0 - 0x30 }
        while true {
            var values: [UInt8] = [9, 1] + countyDigits
            var organization: [UInt8] = []  // ASCII bytes of the eight characters
            if modern && !allDigits {
                organization = [0x4D, 0x41]  // "MA"
                for _ in 0..<6 { organization.append(Self.alphabet[random.int(31)]) }
            } else {
                for _ in 0..<8 { organization.append(0x30 + UInt8(random.int(10))) }
            }
            guard let check = CreditCode.organizationCheckCharacter(organization) else { continue }
            if allDigits && check == 0x58 { continue }
            for byte in organization + [check] {
                guard let v = Self.alphabet.firstIndex(of: byte) else { break }
                values.append(UInt8(v))
            }
            guard values.count == 17 else { continue }
            let code = CreditCode.completing(values)
            if allDigits && code.values[17] > 9 { continue }
            if used.insert(code).inserted { return code }
        }
    }

    /// Whether every character of `code` is a digit (Excel would turn it into a number).
    static func isAllDigits(_ code: CreditCode) -> Bool {
        code.values.allSatisfy { $0 < 10 }
    }
}
