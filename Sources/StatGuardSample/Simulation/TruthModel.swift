import Foundation

/// One enterprise's figures for one period: what really happened (before any
/// anomaly), or, after ``AnomalyApplier``, what it reports.
struct Figures {
    /// Output at start-of-simulation prices (千元): the physical volume.
    var volume = 0.0
    var gross = 0.0
    var sales = 0.0
    var export = 0.0
    /// Revenue and profit of the period (reported only as 本年累计).
    var revenue = 0.0
    var profit = 0.0
    var electricity = 0.0
    var energy = 0.0
    var employees = 0.0
    var quantity0 = 0.0
    var quantity1 = 0.0
    /// What the grid meter and the tax invoices show.
    var grid = 0.0
    var invoices = 0.0
}

/// The true monthly figures of every enterprise, as a pure function of
/// (seed, enterprise, period), so nothing depends on the order of drawing.
///
/// volume = annual/12 × season × exp((industry trend + own growth)·t) × noise(5%), and one
/// month in thirty a real swing × noise(20%); gross = volume × industry price index × exp(own drift·t); sales = gross × 产销率 (0.90-1.04) × noise(2%);
/// electricity = volume × industry intensity × own factor × exp(−1%·t) × noise(4%);
/// energy = electricity × 1.229 tce/万kWh + volume × fuel intensity × noise(5%);
/// employees follow size with 1% noise; products = volume × value share / unit price;
/// grid meter = electricity × noise(1.2%); invoices = sales × noise(4%).
/// Hard negatives act here, on the truth: a maintenance month scales the volume
/// (so electricity falls with output; with `--variation mixed` a base load of its usual
/// electricity stays), a new line scales it from its start on, a volatile enterprise's
/// volume swings month to month, and the 2521 price boom scales the price only.
struct TruthModel {
    let population: Population
    let profiles: [IndustryProfile]
    let seed: UInt64
    /// Month indices of the price boom (the anomaly window) and its factor.
    let boomPeriods: Set<Int32>
    let boomFactor: Double

    func figures(_ e: Int, _ period: Int32, _ f: PeriodFactors) -> Figures {
        var random = SeededRandom(seed: seed, stream: .noise, e, Int(period))
        let k = Int(population.profiles[e])
        let profile = profiles[k]
        var volume = population.annualBase[e] / 12 * f.season[k] * f.trend[k]
            * exp(population.growth[e] * f.years) * random.noise(0.05)
        // One month in thirty a real swing (an order won or lost): output and electricity move
        // together; upward no more than 25% (design capacity allows no more).
        if random.chance(1.0 / 30) { volume *= min(1.25, random.noise(0.2)) }
        var employees = population.employeesBase[e] * exp(0.3 * population.growth[e] * f.years)
        // The volume electricity follows, when it is not the output's (NaN): a shutdown's base load, a volatile month.
        var powerVolume = Double.nan
        switch population.negative[e] {
        case .maintenanceShutdown? where period >= population.negativeStart[e] && period <= max(population.negativeStart[e], population.negativeEnd[e]):
            let usual = volume
            let kept = population.negativeFactor[e]
            volume *= kept
            let baseLoad = population.negativeBaseLoad[e]
            if baseLoad > 0 { powerVolume = usual * (kept + baseLoad * (1 - kept)) }
        case .volatile?:
            // Orders by project: a third up or down month to month, electricity following with a 20% base load.
            let swing = max(0.45, min(1.6, random.noise(0.3)))
            powerVolume = volume * (0.2 + 0.8 * swing)
            volume *= swing
        case .newLine? where period >= population.negativeStart[e]:
            volume *= population.negativeFactor[e]
            employees *= 1 + 0.4 * (population.negativeFactor[e] - 1)
        default:
            break
        }
        var price = f.price[k] * exp(population.priceDrift[e] * f.years)
        if population.industryCodes[e] == 2521 && boomPeriods.contains(period) { price *= boomFactor }
        var x = Figures()
        x.volume = volume
        x.gross = volume * price
        x.sales = x.gross * population.salesRatio[e] * random.noise(0.02)
        x.export = population.exportShare[e] > 0 ? min(x.sales * population.exportShare[e] * random.noise(0.15), x.sales * 0.95) : 0
        x.revenue = x.sales * population.revenueRatio[e] * random.noise(0.02)
        x.profit = x.revenue * (population.margin[e] + random.normal(0, 0.015))
        x.electricity = (powerVolume.isNaN ? volume : powerVolume) * profile.electricityPerOutput * population.electricityFactor[e]
            * exp(-0.01 * f.years) * random.noise(0.04)
        x.energy = x.electricity * 1.229 + volume * profile.fuelPerOutput * population.fuelFactor[e] * random.noise(0.05)
        x.employees = (employees * random.noise(0.01)).rounded()
        if profile.products.count > 0 {
            x.quantity0 = volume * profile.products[0].valueShare / profile.products[0].price * random.noise(0.02)
        }
        if profile.products.count > 1 {
            x.quantity1 = volume * profile.products[1].valueShare / profile.products[1].price * random.noise(0.02)
        }
        x.grid = x.electricity * random.noise(0.012)
        x.invoices = x.sales * random.noise(0.04)
        return x
    }
}
