
/// 报送率: how many of the enterprises due to report did (reported / due), overall and by town.
public struct ReportingRate: Sendable, Equatable {
    /// Due and reported counts of one area.
    public struct Count: Sendable, Equatable {
        public var due = 0
        public var reported = 0
        /// reported / due, or nil when nothing was due.
        public var rate: Double? { due == 0 ? nil : Double(reported) / Double(due) }

        public init(due: Int = 0, reported: Int = 0) {
            self.due = due
            self.reported = reported
        }
    }

    public var total = Count()
    /// By town (9-digit region prefix), in region-code order.
    public var byTown: [(town: RegionCode, count: Count)] = []

    public static func == (lhs: ReportingRate, rhs: ReportingRate) -> Bool {
        lhs.total == rhs.total && lhs.byTown.elementsEqual(rhs.byTown) { $0.town == $1.town && $0.count == $1.count }
    }

    /// Counts the register's enterprises due at `period` (see ``ColumnTable/isDueToReport(row:period:)``)
    /// and those of them with a loaded report. Quarantined rows do not count as reported.
    public init(register: ColumnTable, reports: ColumnTable, period: Period) {
        let reported = reports.rowIndex()
        var towns: [RegionCode: Count] = [:]
        for row in 0..<register.count where register.isDueToReport(row: row, period: period) {
            let town = register.regionCodes[row].town
            let didReport = reported.contains(register.creditCodes[row])
            total.due += 1
            towns[town, default: Count()].due += 1
            if didReport {
                total.reported += 1
                towns[town, default: Count()].reported += 1
            }
        }
        byTown = towns.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
