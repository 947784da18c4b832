import StatGuardCore
@testable import StatGuardIngest
import StatGuardTestSupport
import Testing

/// Regressions found by the property tests: a period or industry-code cell of many digits
/// overflowed the integer its digits were gathered in, and trapped. Such cells are S05 and S03.
@Suite struct OverflowingCellTests {
    @Test("digits that would overflow are unreadable values, not a trap", arguments: [
        RowCase(["period": String(repeating: "2", count: 40)], .S05, ["not a period"]),
        RowCase(["period": "2024-" + String(repeating: "3", count: 25)], .S05),
        RowCase(["period": "２０２４年" + String(repeating: "３", count: 20) + "月"], .S05),
        RowCase(["industry_code": String(repeating: "9", count: 30)], .S03, ["4-digit"]),
        // Close: the longest spellings still read.
        RowCase(["period": "２０２４年３月"], nil),
        RowCase(["period": "2024/3/1"], nil),
    ])
    func overflowingDigits(_ rowCase: RowCase) throws { expectOutcome(rowCase, try readCase(rowCase)) }
}
