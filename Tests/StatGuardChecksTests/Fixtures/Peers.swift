import StatGuardChecks
import StatGuardCore

/// A deterministic wobble in −1...1 (steps of 0.2), so peers differ without a random generator.
func wobble(_ i: Int, _ k: Int) -> Double { Double((i * k + 3) % 11) / 5 - 1 }

extension Enterprise {
    /// An enterprise with a plain history: it reports now, 1, 2 and 3 periods
    /// back (a few percent apart month to month) and a year ago, when its
    /// output was `output / growth` and its electricity `electricity / powerGrowth`.
    static func steady(
        _ number: Int, industry: String = "3011", region: String = PeriodFixture.townA + "001", output: Double,
        electricity: Double, employees: Double = 100, growth: Double = 1.05, powerGrowth: Double? = nil,
        register: RegisterEntry? = .operating
    ) -> Enterprise {
        let now = Month(output: output, electricity: electricity, employees: employees)
        return Enterprise(
            number, region: region, industry: industry, now: now,
            p1: now.scaled(output: 0.97, electricity: 0.975), p2: now.scaled(output: 1.02, electricity: 1.015),
            p3: now.scaled(output: 0.95, electricity: 0.96),
            p12: now.scaled(output: 1 / growth, electricity: 1 / (powerGrowth ?? growth)), register: register)
    }

    /// `count` steady members of `industry` numbered from `first`, sizes
    /// `size` to `size` + 4,730 千元, productivity spread over a factor of about two, year-on-year
    /// growth `growth(i)` (default 1.03 + 0.7 points per member, so no two share a
    /// rate) with electricity within ±`powerSpread` of it (or `powerGrowth(i)`), in `region(i)`.
    static func peers(
        _ count: Int, from first: Int, industry: String = "3011", size: Double = 3000,
        region: (Int) -> String = { _ in PeriodFixture.townA + "001" },
        growth: (Int) -> Double = { 1.03 + 0.007 * Double($0) }, powerSpread: Double = 0.02,
        powerGrowth: ((Int) -> Double)? = nil
    ) -> [Enterprise] {
        (0..<count).map { i in
            let output = size + 430 * Double(i)
            return steady(
                first + i, industry: industry, region: region(i), output: output,
                electricity: output / 25 * (1 + 0.25 * wobble(i, 5)), employees: (60 + 12 * Double((i * 7) % 12)).rounded(),
                growth: growth(i), powerGrowth: powerGrowth?(i) ?? growth(i) * (1 + powerSpread * wobble(i, 3)))
        }
    }
}

extension CheckResult {
    /// The findings about enterprise `number`.
    func findings(about number: Int) -> [Finding] {
        findings.filter { $0.creditCode == PeriodFixture.code(number) }
    }
}

extension CheckRun {
    /// The findings about enterprise `number`.
    func findings(about number: Int) -> [Finding] {
        findings.filter { $0.creditCode == PeriodFixture.code(number) }
    }

    /// The result of rule `id`.
    func result(_ id: String) -> CheckResult {
        results.first { $0.ruleID.rawValue == id }!
    }
}
