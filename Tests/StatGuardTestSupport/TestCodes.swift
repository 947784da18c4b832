import StatGuardCore

/// Credit codes for fixtures: the real ones DOMAIN.md lists, and as many more
/// valid ones as a test needs.
public enum TestCodes {
    /// Real 统一社会信用代码 that pass both GB 32100 and GB 11714 checks (DOMAIN.md, "Codes").
    public static let realValid = [
        "91110000101623741K", "91110000600037341L", "91110108551385082Q",
        "911101066976941872", "91350200MA2YJ1XR9G", "91440101MA5CJQ4N59",
    ]

    /// A real code that fails its check (DOMAIN.md, "Codes").
    public static let realFailing = "91310115MA1H8R7C6D"

    /// A valid code, different for every `number` in 0...99_999_999: `91110108`,
    /// the number as an 8-digit organization code with its GB 11714 check
    /// character, then the GB 32100 check character.
    public static func valid(_ number: Int) -> String {
        precondition((0..<100_000_000).contains(number))
        let digits = String(number)
        let organization = String(repeating: "0", count: 8 - digits.count) + digits
        let organizationCheck = CreditCode.organizationCheckCharacter(Array(organization.utf8))!
        let first17 = Array("91110108\(organization)".utf8) + [organizationCheck]
        let values = first17.map { byte in UInt8(CreditCode.alphabet.firstIndex(of: byte)!) }
        return CreditCode.completing(values).description
    }
}
