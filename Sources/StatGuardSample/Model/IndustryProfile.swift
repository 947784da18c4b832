/// A product an industry reports in `products_YYYYMM.csv`, with its design-capacity unit.
///
/// Product codes follow the shape of the 统计用产品分类目录 (ten digits) but are
/// synthetic: the industry class, a two-digit product number and four zeros.
public struct ProductSpec: Sendable {
    /// Ten-digit product code, e.g. `2521010000`.
    public let code: String
    /// 产品名称, e.g. `焦炭`.
    public let name: String
    /// 计量单位, e.g. `吨`.
    public let unit: String
    /// Price at the start of the simulation, in 千元 per unit.
    public let price: Double
    /// Share of the enterprise's output value that this product makes.
    public let valueShare: Double

    /// Decimals the quantity is written with (2 for expensive units such as 万立方米).
    public var decimals: Int { price >= 10 ? 2 : 1 }
}

/// Monthly seasonal multipliers, January first, averaging 1.
public enum SeasonProfile: Int, Sendable, CaseIterable {
    case general, construction, continuous, power, food, solar

    /// The twelve multipliers.
    public var multipliers: [Double] {
        switch self {
        case .general: [0.78, 0.78, 1.02, 1.00, 1.02, 1.08, 0.98, 0.98, 1.04, 1.02, 1.06, 1.24]
        case .construction: [0.60, 0.62, 1.05, 1.10, 1.10, 1.05, 0.90, 0.88, 1.08, 1.18, 1.22, 1.22]
        case .continuous: [0.95, 0.92, 1.02, 1.00, 1.02, 1.00, 1.00, 1.00, 1.00, 1.02, 1.02, 1.05]
        case .power: [1.12, 1.00, 0.95, 0.90, 0.92, 1.00, 1.12, 1.14, 0.98, 0.92, 0.95, 1.00]
        case .food: [1.15, 0.80, 0.90, 0.88, 0.90, 0.92, 0.90, 0.98, 1.20, 1.05, 1.05, 1.27]
        case .solar: [0.75, 0.85, 1.00, 1.10, 1.15, 1.10, 1.15, 1.15, 1.05, 0.95, 0.90, 0.85]
        }
    }
}

/// How enterprises of one GB/T 4754 class behave: size, physical intensities,
/// seasonality, trend, prices and products.
///
/// Intensities are per 千元 of output at start-of-simulation prices, so physical
/// quantities (electricity, energy, product tonnes) do not move with prices.
public struct IndustryProfile: Sendable {
    /// The 4-digit GB/T 4754-2017 class.
    public let code: UInt16
    /// Relative share of enterprises in the city.
    public let weight: Double
    /// Words that end an enterprise name in this class (`焦化`, `煤业`).
    public let nameWords: [String]
    /// Median of the annual output above the 规上 floor, in 千元.
    public let medianAnnual: Double
    /// Log-scale spread of the annual output (the heavy tail).
    public let sigma: Double
    /// Electricity per 千元 of output, in 万千瓦时.
    public let electricityPerOutput: Double
    /// Non-electric energy per 千元 of output, in 吨标准煤.
    public let fuelPerOutput: Double
    /// Output per employee per year, in 千元.
    public let outputPerEmployee: Double
    /// Fraction of enterprises that export, and the export share of their sales.
    public let exporterShare: Double
    public let exportShare: Double
    /// Profit as a share of revenue, on average.
    public let margin: Double
    public let season: SeasonProfile
    /// Physical volume growth per year (industry trend).
    public let annualTrend: Double
    /// Price change per year.
    public let annualPriceChange: Double
    /// Products reported in products_YYYYMM.csv (may be empty).
    public let products: [ProductSpec]
    /// The county indices (0-5) where the class clusters, weighted ×3.
    public let clusters: [Int]

    /// The class as an ``IndustryCode``-compatible 4-digit string.
    public var codeText: String {
        let digits = String(code)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
