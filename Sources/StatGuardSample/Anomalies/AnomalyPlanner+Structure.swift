import StatGuardCore

/// Structural faults for `--dirty`: rows `ContractFileReader` must quarantine.
extension AnomalyPlanner {
    /// One faulty row per event, in a window period where the enterprise is due.
    /// Most go into the reports file; every second `negative_value` goes into the
    /// admin file (a negative invoice total), and every second `duplicate_row` and
    /// `bad_number` into the products file when the enterprise has products.
    /// `excel_mangled_code` needs an all-digit credit code (Excel leaves the others alone).
    mutating func planStructure() {
        for kind in AnomalyKind.structural {
            let wanted = counted(kind)
            for index in 0..<wanted {
                let found = pick(tries: 2_000) { e, p in
                    due(e, p) && (kind != .excelMangledCode || CreditCodeFactory.isAllDigits(population.codes[e]))
                }
                guard let (e, p) = found else { break }
                var file = FileKind.reports
                let hasProducts = !population.capacity0[e].isNaN
                switch kind {
                case .negativeValue where index % 2 == 1: file = .admin
                case .duplicateRow where index % 2 == 1 && hasProducts: file = .products
                case .badNumber where index % 2 == 1 && hasProducts: file = .products
                default: break
                }
                add(kind, e, p, factor: .nan, file: file)
                planted(kind)
            }
        }
    }
}
