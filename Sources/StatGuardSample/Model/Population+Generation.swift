import Foundation
import StatGuardCore

/// One enterprise while the population is drawn, before it is sorted and stored column-wise.
private struct Draft {
    var role: EnterpriseRole
    var code = CreditCode(high: 0, low: 0)
    var name = ""
    var region: UInt64 = 0
    var town: Int32 = 0
    var industry: UInt16 = 0
    var profile: Int = 0
    var park: Int16 = -1
    var annual = 0.0
    var growth = 0.0
    var priceDrift = 0.0
    var aboveScale: UInt8 = 1
    var status: UInt8 = 1
    var entered: Int32 = -1
    var exited: Int32 = -1
    var activeFrom: Int32 = Int32.min
    var activeUntil: Int32 = Int32.max
    var inRegister = true
}

extension Population {
    /// Draws the population for `configuration`: the registered 规上 enterprises
    /// (established, entering, leaving), the register's other entries (停业, 注销,
    /// 筹建, 规下), firms known only to the admin data, and the enterprises some
    /// anomalies need (shells, unregistered firms above the threshold).
    ///
    /// Sizes: annual output = floor + lognormal(log median, σ) per industry, where
    /// the floor keeps every registered 规上 enterprise's annual output at or above
    /// 24,000 千元 through the whole range despite falling prices.
    static func generate(
        _ configuration: SampleConfiguration, geography: Geography, timeline: Timeline
    ) -> Population {
        let profiles = IndustryProfile.sichuan
        let n = configuration.enterprises
        let counts = configuration.anomalies
        var random = SeededRandom(seed: configuration.seed, stream: .population)
        var codeRandom = SeededRandom(seed: configuration.seed, stream: .codes)
        var nameRandom = SeededRandom(seed: configuration.seed, stream: .names)
        var factory = CreditCodeFactory()
        let profileWeights = profiles.map(\.weight)
        let written = configuration.writtenPeriods
        let window = configuration.anomalyWindow
        let from = configuration.from.monthIndex
        let simStart = timeline.periods[0].monthIndex
        let writtenYears = Double(written.count) / 11
        var drafts: [Draft] = []
        drafts.reserveCapacity(n + n / 3)

        func place(_ draft: inout Draft, profile: Int) {
            let p = profiles[profile]
            var countyWeights = geography.counties.map(\.weight)
            for c in p.clusters { countyWeights[c] *= 3 }
            let county = random.pick(weights: countyWeights)
            let townIndices = geography.townsOfCounty[county]
            let town = townIndices[random.pick(weights: townIndices.map { geography.towns[$0].weight })]
            let village = random.chance(0.4) ? UInt64(1 + random.int(30)) : UInt64(200 + random.int(40))
            draft.profile = profile
            draft.industry = p.code
            draft.town = Int32(town)
            draft.region = geography.towns[town].code * 1000 + village
            if let park = geography.towns[town].park, random.chance(0.8) { draft.park = Int16(park) }
            let modern = random.chance(0.55)
            draft.code = factory.make(
                county: geography.counties[county].code, allDigits: !modern && codeRandom.chance(0.6),
                modern: modern, random: &codeRandom)
            draft.name = EnterpriseNames.make(profile: p, county: geography.counties[county], random: &nameRandom)
        }

        /// The least annual output that stays above `floor` in value through the range.
        func floorAnnual(_ profile: Int, growth: Double, floor: Double) -> Double {
            floor / timeline.lowestValueMultiplier(profile: profiles[profile], growth: growth)
        }

        // Registered 规上 enterprises: established, entrants (~4% a year), leavers (~2.5% a year).
        let entrants = Int((0.04 * Double(n) * writtenYears).rounded())
        let exitYears = Set(written.map(\.year)).sorted().filter {
            let first = configuration.calendar.firstPeriod(ofYear: $0)
            return first >= configuration.from && first <= configuration.to
        }
        let leavers = exitYears.isEmpty ? 0 : Int((0.025 * Double(n) * writtenYears).rounded())
        for i in 0..<n {
            var d = Draft(role: .reporting)
            let profile = random.pick(weights: profileWeights)
            place(&d, profile: profile)
            let p = profiles[profile]
            d.growth = max(-0.15, min(0.15, random.normal(0, 0.06)))
            d.priceDrift = max(-0.1, min(0.1, random.normal(0, 0.04)))
            let excess = min(3e7, random.logNormal(mu: log(p.medianAnnual), sigma: p.sigma))
            d.annual = floorAnnual(profile, growth: d.growth + d.priceDrift, floor: 24_000) + excess
            d.entered = Int32(2010 * 12) + Int32(random.int(Int(simStart) - 2010 * 12))
            if i < entrants {
                let candidates = timeline.periods.filter { $0.monthIndex > simStart }
                d.entered = random.element(of: candidates).monthIndex
                d.activeFrom = d.entered
            } else if i < entrants + leavers {
                let year = random.element(of: exitYears)
                d.role = .exiting
                d.aboveScale = 0
                d.exited = configuration.calendar.firstPeriod(ofYear: year).monthIndex
                // Falling 20% a year; its last full year before leaving made 16,500-19,500 千元.
                d.growth = -0.2 - p.annualTrend
                d.priceDrift = 0
                let lastYearMid = Double(Int(d.exited) - 6 - Int(simStart)) / 12
                let target = random.uniform(16_500, 19_500)
                d.annual = target / timeline.valueMultiplier(profile: p, growth: d.growth, years: lastYearMid)
            }
            drafts.append(d)
        }
        // Shells: fabricated 规上 enterprises entering the register inside the window.
        // Shells never take class 2521: every 2521 enterprise carries the price-boom negative.
        let shellWeights = profiles.map { $0.code == 2521 ? 0 : $0.weight }
        for _ in 0..<counts.count(.shellEnterprise, enterprises: n) {
            var d = Draft(role: .shell)
            place(&d, profile: random.pick(weights: shellWeights))
            d.annual = random.uniform(30_000, 80_000)
            d.entered = random.element(of: window).monthIndex
            d.activeFrom = d.entered
            drafts.append(d)
        }
        // 停业 and 注销 before the written range.
        let stoppedCount = max(Int((0.03 * Double(n)).rounded()), counts.count(.stoppedButReporting, enterprises: n) + 2)
        for i in 0..<stoppedCount {
            var d = Draft(role: i % 3 == 2 ? .closed : .stopped)
            let profile = random.pick(weights: profileWeights)
            place(&d, profile: profile)
            d.annual = floorAnnual(profile, growth: 0, floor: 24_000) + random.uniform(5_000, 40_000)
            d.entered = Int32(2012 * 12) + Int32(random.int(Int(simStart) - 2012 * 12 - 12))
            d.activeUntil = from - Int32(1 + random.int(18))
            d.status = d.role == .closed ? 4 : 2
            if d.role == .closed { d.exited = d.activeUntil; d.activeFrom = d.entered }
            drafts.append(d)
        }
        // 筹建 and 规下 register entries.
        for i in 0..<(Int((0.01 * Double(n)).rounded()) + Int((0.05 * Double(n)).rounded())) {
            var d = Draft(role: i < Int((0.01 * Double(n)).rounded()) ? .preparing : .belowScale)
            let profile = random.pick(weights: profileWeights)
            place(&d, profile: profile)
            d.entered = Int32(2016 * 12) + Int32(random.int(Int(simStart) - 2016 * 12))
            if d.role == .preparing {
                d.entered = simStart - Int32(1 + random.int(24))
                d.status = 3
                d.annual = random.uniform(20_000, 60_000)  // planned size: drives construction power only
            } else {
                d.aboveScale = 0
                d.annual = random.uniform(5_000, 15_000) / timeline.highestValueMultiplier(profile: profiles[profile], growth: 0)
            }
            drafts.append(d)
        }
        // Firms only the admin data knows: small industrial firms, trade firms, and the unregistered above the threshold.
        for _ in 0..<Int((0.15 * Double(n)).rounded()) {
            var d = Draft(role: .adminOnly, inRegister: false)
            let profile = random.pick(weights: profileWeights)
            place(&d, profile: profile)
            d.annual = random.uniform(2_000, 15_000) / timeline.highestValueMultiplier(profile: profiles[profile], growth: 0)
            drafts.append(d)
        }
        let plastics = profiles.firstIndex { $0.code == 2922 }!
        for _ in 0..<Int((0.03 * Double(n)).rounded()) {
            var d = Draft(role: .trade, inRegister: false)
            place(&d, profile: plastics)
            d.industry = random.element(of: IndustryProfile.nonIndustrialAdminClasses)
            d.name = EnterpriseNames.makeTrade(county: geography.counties[geography.towns[Int(d.town)].county], random: &nameRandom)
            d.annual = random.uniform(1_000, 10_000) / timeline.highestValueMultiplier(profile: profiles[plastics], growth: 0)
            drafts.append(d)
        }
        let windowStart = window[0].monthIndex
        var variationRandom = SeededRandom(seed: configuration.seed, stream: .variation, 1)
        let varied = configuration.variation.plantsVariedNegatives
        for _ in 0..<counts.count(.unregisteredAboveThreshold, enterprises: n) {
            var d = Draft(role: .unregistered, inRegister: false)
            place(&d, profile: random.pick(weights: profileWeights))
            d.activeFrom = windowStart - 1
            d.annual = random.uniform(48_000, 72_000)
            if varied {
                // Some smaller: they cross the threshold at different times inside the window (or not at all).
                d.annual = variationRandom.uniform(30_000, 72_000)
            }
            drafts.append(d)
        }
        // Enterprises leaving the panel inside the written range (--variation mixed): half 注销 with
        // an exit inside the window, half 停业 a few months before the window with large invoices behind them.
        if varied {
            let leaving = max(4, (0.008 * Double(n)).rounded().clampedInt ?? 4)
            for i in 0..<leaving {
                var d = Draft(role: .leaving)
                let profile = random.pick(weights: profileWeights)
                place(&d, profile: profile)
                d.entered = Int32(2012 * 12) + Int32(variationRandom.int(Int(simStart) - 2012 * 12 - 12))
                if i % 2 == 0 {
                    d.status = 4
                    d.exited = window[1 + variationRandom.int(window.count - 1)].monthIndex
                    d.annual = floorAnnual(profile, growth: 0, floor: 24_000) + variationRandom.uniform(5_000, 40_000)
                } else {
                    d.status = 2
                    let before = written.map(\.monthIndex).filter { $0 < windowStart }.suffix(4)
                    d.exited = before.isEmpty ? windowStart : variationRandom.element(of: Array(before))
                    d.annual = variationRandom.uniform(40_000, 80_000)
                }
                d.activeUntil = d.exited
                drafts.append(d)
            }
        }

        // Names that need quoting, with --encodings mixed.
        if configuration.encodings == .mixed {
            let reporters = drafts.indices.filter { drafts[$0].role == .reporting }
            var styleRandom = SeededRandom(seed: configuration.seed, stream: .styles, 1)
            for k in 0..<min(reporters.count, 3 + n / 20_000) {
                let e = reporters[styleRandom.int(reporters.count)]
                drafts[e].name = EnterpriseNames.awkward(k, base: drafts[e].name)
            }
        }
        drafts.sort { ($0.region, $0.code) < ($1.region, $1.code) }
        var population = Population()
        population.fill(drafts, configuration: configuration, timeline: timeline, random: &random)
        return population
    }

    private mutating func fill(
        _ drafts: [Draft], configuration: SampleConfiguration, timeline: Timeline, random: inout SeededRandom
    ) {
        let table = IndustryProfile.sichuan
        let count = drafts.count
        roles.reserveCapacity(count)
        for d in drafts {
            let p = table[d.profile]
            roles.append(d.role)
            codes.append(d.code)
            codeBytes.append(contentsOf: d.code.description.utf8)
            nameBytes.append(contentsOf: CSVEncoding.field(d.name).utf8)
            nameEnds.append(nameBytes.count)
            regions.append(d.region)
            towns.append(d.town)
            industryCodes.append(d.industry)
            self.profiles.append(UInt8(d.profile))
            parks.append(d.park)
            annualBase.append(d.annual)
            growth.append(d.growth)
            priceDrift.append(d.priceDrift)
            electricityFactor.append(random.noise(0.2))
            fuelFactor.append(random.noise(0.25))
            employeesBase.append(max(12, d.annual / p.outputPerEmployee * random.noise(0.3)))
            let utility = p.code / 100 >= 44
            salesRatio.append(utility ? 1.0 : max(0.9, min(1.04, random.normal(0.975, 0.03))))
            exportShare.append(random.chance(p.exporterShare) ? p.exportShare * random.noise(0.4) : 0)
            revenueRatio.append(1 + abs(random.normal(0.03, 0.03)))
            let lossMaking = random.chance(0.12)
            margin.append(lossMaking ? -abs(random.normal(0.04, 0.03)) : max(0.005, random.normal(p.margin, p.margin * 0.4)))
            // Capacity: the largest annual volume of the range (at its start or its end), times the
            // peak season, with headroom for noise and swings (utilisation ~50-65%, as in coking and cement).
            let drift = (p.annualTrend + d.growth) * timeline.years(timeline.periods.last!.monthIndex)
            let volumeMax = d.annual * max(1, exp(drift))
            let headroom = 1.5 * random.uniform(1.0, 1.3) * (p.season.multipliers.max() ?? 1.3)
            capacity0.append(p.products.count > 0 ? volumeMax * p.products[0].valueShare / p.products[0].price * headroom : .nan)
            capacity1.append(p.products.count > 1 ? volumeMax * p.products[1].valueShare / p.products[1].price * headroom : .nan)
            inRegister.append(d.inRegister)
            aboveScale.append(d.aboveScale)
            status.append(d.status)
            entered.append(d.entered)
            exited.append(d.exited)
            activeFrom.append(d.activeFrom)
            activeUntil.append(d.activeUntil)
            negative.append(nil)
            negativeStart.append(0)
            negativeEnd.append(0)
            negativeFactor.append(1)
            negativeBaseLoad.append(0)
        }
    }
}
