/// Which figures a planted anomaly touches. `standard` is the one shape every kind
/// has with `--variation default`; the others are drawn with `--variation mixed`.
enum AnomalyShape: UInt8, Sendable {
    case standard
    /// Gross output only: sales, revenue and electricity stay true (inflation, deflation, year-end push).
    case outputOnly
    /// Sales output and revenue only: gross output and electricity stay true (inflation, tax mismatch, tax under).
    case salesOnly
    /// The money figures and the reported electricity and energy, faked to match; the grid meter tells the truth (inflation).
    case withElectricity
    /// A bundle member that copies the leader's figures but keeps one of its own.
    case ownEmployees, ownElectricity, ownSales, ownOutput
}

extension SampleConfiguration.Variation {
    /// The range the factor of `kind` is drawn from, or nil for the kind's standard range
    /// (``AnomalyPlanner/factor(for:)``).
    func factorRange(_ kind: AnomalyKind) -> ClosedRange<Double>? {
        switch self {
        case .standard:
            return nil
        case .mild:
            switch kind {
            case .inflation: return 1.15...1.45
            case .yearEndPush: return 1.3...1.6
            case .overCapacity: return 1.15...1.4
            case .taxMismatch, .gridMismatch: return 1.25...1.6
            case .loweredBase: return 0.8...0.9
            case .deflation: return 0.55...0.75
            case .taxUnder: return 0.5...0.75
            case .exportExceedsSales: return 1.05...1.2
            case .brokenYTDChain: return 0.1...0.3
            case .townInflation: return 1.08...1.15
            default: return nil
            }
        case .mixed:
            switch kind {
            case .inflation: return 1.15...2.0
            case .yearEndPush: return 1.3...2.5
            case .overCapacity: return 1.15...2.0
            case .taxMismatch, .gridMismatch: return 1.25...2.2
            case .loweredBase: return 0.6...0.9
            case .deflation: return 0.3...0.75
            case .taxUnder: return 0.3...0.75
            case .exportExceedsSales: return 1.05...1.6
            case .brokenYTDChain: return 0.1...1.0
            case .townInflation: return 1.08...1.2
            default: return nil
            }
        }
    }

    /// Periods an inflation or deflation lasts at most (each event draws 1 to this).
    var longestRun: Int { self == .mixed ? 4 : 3 }

    /// Consecutive periods a town inflates for: two, or two to four with `mixed`.
    var townRun: ClosedRange<Int> { self == .mixed ? 2...4 : 2...2 }

    /// Whether the extra hard negatives are planted (base-load shutdowns, rebounds,
    /// volatile enterprises, enterprises leaving during the range).
    var plantsVariedNegatives: Bool { self == .mixed }
}

extension AnomalyPlanner {
    /// The shape of one event of `kind` (always `standard` unless `--variation mixed`).
    /// Draws from the variation stream, so the standard plan's draws stay as they were.
    func shape(for kind: AnomalyKind) -> AnomalyShape {
        guard configuration.variation == .mixed else { return .standard }
        let u = variationRandom.uniform()
        switch kind {
        case .inflation: return u < 0.4 ? .standard : u < 0.6 ? .outputOnly : u < 0.8 ? .salesOnly : .withElectricity
        case .deflation, .yearEndPush: return u < 0.6 ? .standard : .outputOnly
        case .taxMismatch, .taxUnder: return u < 0.5 ? .standard : .salesOnly
        case .duplicateBundling:
            return u < 0.4 ? .standard : u < 0.55 ? .ownEmployees : u < 0.7 ? .ownElectricity : u < 0.85 ? .ownSales : .ownOutput
        default: return .standard
        }
    }
}
