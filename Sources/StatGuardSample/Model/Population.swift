import StatGuardCore

/// What an enterprise is to the bureau, deciding which files it appears in.
public enum EnterpriseRole: UInt8, Sendable {
    /// 规上, 正常运营: reports every period from `entered` (new entrants start producing then).
    case reporting
    /// 规上 until it fell below the threshold: reports until `exited`, then 规下 in the register.
    case exiting
    /// 停业 (status 2) before the first written period: no reports due, standby electricity only.
    case stopped
    /// 注销 (status 4) before the first written period: gone from the admin data too.
    case closed
    /// 筹建 (status 3): construction power, no sales, no reports.
    case preparing
    /// 规下 in the register (above_scale 0): admin data only.
    case belowScale
    /// A fabricated 规上 enterprise (空壳): reports output, while the grid and tax data show nothing.
    case shell
    /// An industrial enterprise known only to the admin data, below the threshold.
    case adminOnly
    /// An industrial enterprise known only to the admin data that crossed the threshold (应纳未纳).
    case unregistered
    /// A non-industrial firm in the admin data (trade, transport, services).
    case trade
    /// 规上 and reporting until `exited`, inside the written range, then 停业 (status 2: standby
    /// power, no invoices) or 注销 (status 4: gone from the admin data): today's register shows
    /// the status it has now and the exit period (`--variation mixed` only).
    case leaving
}

/// The hard negative planted on an enterprise, if any: a legitimate change that looks like an anomaly.
public enum NegativeKind: String, CaseIterable, Sendable {
    /// Output and electricity both down ~80% for one period (检修停产).
    case maintenanceShutdown = "maintenance_shutdown"
    /// Output and electricity both up ~60% from one period on (新生产线投产).
    case newLine = "new_line"
    /// Every 炼焦 (2521) enterprise's output value +35% with flat electricity (焦炭涨价).
    case priceBoom = "price_boom"
    /// The period after a maintenance shutdown, or the same period a year after one: output back
    /// up, far above the month before or a year before, with its electricity (`--variation mixed`).
    case reboundAfterShutdown = "rebound_after_shutdown"
    /// An enterprise whose output and electricity swing by a third month to month, together
    /// (orders by project; `--variation mixed`).
    case volatile
    /// A report of an enterprise the register now marks 停业 or 注销, from before its exit period
    /// (出库年月), when it was still due (`--variation mixed`).
    case reportedBeforeExit = "reported_before_exit"
    /// A 规上 enterprise that stopped (停业) a few months ago: no invoices now, although its
    /// twelve-month invoices still reach the threshold (`--variation mixed`).
    case stoppedWithOldInvoices = "stopped_with_old_invoices"

    /// The kinds `--variation default` plants.
    public static let standard: [NegativeKind] = [.maintenanceShutdown, .newLine, .priceBoom]
}

/// Every synthetic enterprise, column by column (struct of arrays): identity,
/// register entry, size and behaviour. Index `e` is the same in every array and
/// entities are sorted by region code, as a bureau's exports usually are.
public struct Population: Sendable {
    public internal(set) var roles: [EnterpriseRole] = []
    public internal(set) var codes: [CreditCode] = []
    /// 18 ASCII bytes per entity, end to end.
    var codeBytes: [UInt8] = []
    /// CSV-encoded names (quoted when needed), end to end; `nameEnds[e]` is the end offset.
    var nameBytes: [UInt8] = []
    var nameEnds: [Int] = []
    public internal(set) var regions: [UInt64] = []
    public internal(set) var towns: [Int32] = []
    public internal(set) var industryCodes: [UInt16] = []
    /// Index into the industry profile table.
    var profiles: [UInt8] = []
    /// Park index, or -1.
    var parks: [Int16] = []
    /// Annual output at start-of-simulation prices and volumes, in 千元.
    var annualBase: [Double] = []
    /// The enterprise's own volume growth per year, on top of its industry's.
    var growth: [Double] = []
    /// The enterprise's own price drift per year (its product mix and contracts), on top of its industry's prices.
    var priceDrift: [Double] = []
    var electricityFactor: [Double] = []
    var fuelFactor: [Double] = []
    var employeesBase: [Double] = []
    var salesRatio: [Double] = []
    var exportShare: [Double] = []
    var revenueRatio: [Double] = []
    var margin: [Double] = []
    /// Design capacity per product slot (0, 1), in the product's unit per year; NaN when none.
    var capacity0: [Double] = []
    var capacity1: [Double] = []
    // Register (名录库).
    public internal(set) var inRegister: [Bool] = []
    public internal(set) var aboveScale: [UInt8] = []
    public internal(set) var status: [UInt8] = []
    /// 入库年月 and 出库年月 as month indices (-1: none).
    public internal(set) var entered: [Int32] = []
    public internal(set) var exited: [Int32] = []
    /// First and past-last month of real activity (month indices).
    var activeFrom: [Int32] = []
    var activeUntil: [Int32] = []
    // Hard negatives (set by the planner).
    public internal(set) var negative: [NegativeKind?] = []
    var negativeStart: [Int32] = []
    var negativeEnd: [Int32] = []
    var negativeFactor: [Double] = []
    /// Share of its usual electricity a shutdown keeps drawing (lighting, furnaces kept warm): 0 with
    /// `--variation default`, so output and electricity fall alike.
    var negativeBaseLoad: [Double] = []

    public var count: Int { roles.count }

    /// The CSV-ready bytes of the name.
    @inline(__always)
    func nameRange(_ e: Int) -> Range<Int> { (e == 0 ? 0 : nameEnds[e - 1])..<nameEnds[e] }

    /// Whether the enterprise owes a report for `period` under its register entry (before any anomaly).
    @inline(__always)
    public func isDue(_ e: Int, _ period: Int32) -> Bool {
        switch roles[e] {
        case .reporting, .exiting, .shell, .leaving:
            return entered[e] <= period && (exited[e] < 0 || period < exited[e])
        default:
            return false
        }
    }

    /// Whether the enterprise is active (produces, buys power, invoices) in `period`.
    @inline(__always)
    func isActive(_ e: Int, _ period: Int32) -> Bool {
        activeFrom[e] <= period && period < activeUntil[e]
    }
}
