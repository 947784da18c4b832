import StatGuardCore

/// How an enterprise appears in the admin data in one period.
enum AdminPresence {
    /// Not in the file.
    case none
    /// Metered electricity and invoices of its real activity.
    case actual
    /// 停业: standby power, no invoices.
    case standby
    /// 筹建: construction power, no invoices.
    case construction
    /// A shell: a row with zero electricity and zero invoices.
    case empty
}

extension Simulation {
    func adminPresence(_ e: Int, _ p: Int32) -> AdminPresence {
        let active = population.isActive(e, p)
        switch population.roles[e] {
        case .reporting, .exiting, .belowScale, .adminOnly, .trade, .unregistered: return active ? .actual : .none
        case .shell: return active ? .empty : .none
        case .stopped: return active ? .actual : .standby
        case .closed: return active ? .actual : .none
        case .leaving: return active ? .actual : population.status[e] == 2 ? .standby : .none
        case .preparing: return .construction
        }
    }

    /// One period: every enterprise's figures, anomalies applied, rows written, state carried on.
    func simulate(_ period: Period) throws {
        let p = period.monthIndex
        let f = factors(p)
        let written = timeline.written.contains(p)
        if configuration.calendar.opensYear(period) { state.openYear() }
        let events = anomaliesByPeriod[p] ?? []
        for i in events {
            let a = plan.anomalies[i]
            if a.entity >= 0 {
                eventOf[Int(a.entity)] = Int32(i)
            } else if written {
                labels.append(LabelRow(
                    entity: -1, period: p, region: townRegions[Int(a.town)], kind: a.kind,
                    indicator: "gross_output", factor: a.factor))
            }
        }
        defer { for i in events where plan.anomalies[i].entity >= 0 { eventOf[Int(plan.anomalies[i].entity)] = -1 } }

        var reports: CSVFileWriter?
        var products: CSVFileWriter?
        var admin: CSVFileWriter?
        if written {
            reports = try open(.reports, period)
            products = try open(.products, period)
            admin = try open(.admin, period)
        }
        var deferredReports = ByteBuffer(capacity: 0)
        var deferredProducts = ByteBuffer(capacity: 0)
        let periodText = periodBytes(p)
        let previousPeriod = timeline.calendar.previous(period).monthIndex
        let previousText = periodBytes(previousPeriod)
        let profiles = IndustryProfile.sichuan

        for e in 0..<population.count {
            let ev = eventOf[e]
            let anomaly: PlannedAnomaly? = ev >= 0 ? plan.anomalies[Int(ev)] : nil
            let reporting = population.isDue(e, p) || anomaly?.kind == .stoppedButReporting
            let presence = adminPresence(e, p)
            if !reporting {
                state.record(e, p, gross: .nan, ytd: .nan)
                if presence == .none || !written { continue }
            }
            let truth = model.figures(e, p, f)
            var adjustment = Adjustment()
            if reporting {
                var report = truth
                if let anomaly, anomaly.kind.category != .structure {
                    let lastYearGross = state.lastYear(e, p).gross
                    let context = AnomalyContext(
                        lastYearGross: lastYearGross,
                        previous: { self.model.figures(e, previousPeriod, self.factors(previousPeriod)) },
                        partner: { self.model.figures(Int(anomaly.partner), p, f) },
                        capacity: population.capacity0[e], months: f.months)
                    adjustment = AnomalyApplier.apply(anomaly, truth: truth, report: &report, context: context)
                }
                let spec = profiles[Int(population.profiles[e])].products
                report.gross = rounded(report.gross, 1)
                report.sales = rounded(report.sales, 1)
                report.export = rounded(report.export, 1)
                report.revenue = rounded(report.revenue, 1)
                report.profit = rounded(report.profit, 1)
                report.electricity = rounded(report.electricity, 2)
                report.energy = rounded(report.energy, 1)
                report.employees = rounded(report.employees, 0)
                if spec.count > 0 { report.quantity0 = rounded(report.quantity0, spec[0].decimals) }
                if spec.count > 1 { report.quantity1 = rounded(report.quantity1, spec[1].decimals) }
                state.add(e, report, grossOffset: adjustment.ytdOffset)
                let lastYear = state.lastYear(e, p)
                let scale = adjustment.unitScale
                var row = ReportRow()
                row.gross = rounded(report.gross * scale, 1)
                row.grossYTD = rounded(state.grossYTD[e], 1)
                row.grossLastYear = rounded(lastYear.gross * adjustment.lastYearFactor, 1)
                row.grossYTDLastYear = rounded(lastYear.ytd * adjustment.lastYearFactor, 1)
                row.sales = rounded(report.sales * scale, 1)
                row.salesYTD = rounded(state.salesYTD[e], 1)
                row.export = rounded(report.export * scale, 1)
                row.revenueYTD = rounded(state.revenueYTD[e], 1)
                row.profitYTD = rounded(state.profitYTD[e], 1)
                row.electricity = report.electricity
                row.energy = report.energy
                row.employees = report.employees
                if adjustment.suppressed {
                    state.record(e, p, gross: .nan, ytd: .nan)
                } else {
                    state.record(e, p, gross: row.gross, ytd: row.grossYTD)
                }
                if written {
                    if !adjustment.suppressed, let reports, let products {
                        let fault = anomaly?.file == .reports ? anomaly?.kind : nil
                        rows.report(e, period: periodText, previousPeriod: previousText, row: row, fault: fault, into: &reports.buffer)
                        try reports.endRecord()
                        if fault == .duplicateRow {
                            rows.report(e, period: periodText, previousPeriod: previousText, row: row, fault: nil, into: &deferredReports)
                            deferredReports.append(reports.style.crlf ? "\r\n" : "\n")
                        }
                        let productFault = anomaly?.file == .products ? anomaly?.kind : nil
                        for slot in spec.indices {
                            let quantity = slot == 0 ? report.quantity0 : report.quantity1
                            let ytd = rounded(slot == 0 ? state.quantity0YTD[e] : state.quantity1YTD[e], spec[slot].decimals)
                            rows.product(e, slot: slot, period: periodText, output: quantity, outputYTD: ytd,
                                         badNumber: slot == 0 && productFault == .badNumber, into: &products.buffer)
                            try products.endRecord()
                            if slot == 0 && productFault == .duplicateRow {
                                rows.product(e, slot: slot, period: periodText, output: quantity, outputYTD: ytd, badNumber: false, into: &deferredProducts)
                                deferredProducts.append(products.style.crlf ? "\r\n" : "\n")
                            }
                        }
                    }
                    if let anomaly { label(anomaly, e, p, adjustment: adjustment) }
                }
            }
            if written, presence != .none, let admin {
                var grid = rounded(truth.grid, 2)
                var invoices = rounded(truth.invoices * adjustment.invoiceFactor, 1)
                switch presence {
                case .standby: grid = rounded(truth.electricity * 0.03, 2); invoices = 0
                case .construction: grid = rounded(truth.electricity * 0.15, 2); invoices = 0
                case .empty: grid = 0; invoices = 0
                default: break
                }
                let negative = anomaly?.file == .admin && anomaly?.kind == .negativeValue
                rows.admin(e, period: periodText, grid: grid, invoices: invoices, negativeInvoices: negative, into: &admin.buffer)
                try admin.endRecord()
            }
        }
        if let reports, let products, let admin {
            reports.buffer.append(deferredReports.bytes)
            products.buffer.append(deferredProducts.bytes)
            try close(reports)
            try close(products)
            try close(admin)
            labelUnregistered(p)
        }
    }

    /// Adds the label row of an enterprise anomaly.
    func label(_ anomaly: PlannedAnomaly, _ e: Int, _ p: Int32, adjustment: Adjustment) {
        var factor = adjustment.labelFactor
        if anomaly.kind == .brokenYTDChain {
            let reported = state.grossYTD[e]
            factor = reported - adjustment.ytdOffset > 0 ? reported / (reported - adjustment.ytdOffset) : .nan
        }
        labels.append(LabelRow(
            entity: Int32(e), period: p, region: population.regions[e], kind: anomaly.kind,
            indicator: Self.indicator(anomaly), factor: factor))
    }

    /// The field a label is about.
    static func indicator(_ anomaly: PlannedAnomaly) -> String {
        switch anomaly.kind {
        case .overCapacity: return "output"
        case .taxMismatch, .taxUnder: return "sales_output"
        case .inflation where anomaly.shape == .salesOnly: return "sales_output"
        case .gridMismatch: return "electricity"
        case .loweredBase: return "gross_output_ly"
        case .brokenYTDChain: return "gross_output_ytd"
        case .exportExceedsSales: return "export_delivery"
        case .missingReport, .duplicateRow: return ""
        case .unregisteredAboveThreshold: return "invoiced_sales"
        case .badCheckCharacter, .excelMangledCode: return "credit_code"
        case .missingRequired: return "electricity"
        case .nonIndustrialClass: return "industry_code"
        case .negativeValue: return anomaly.file == .admin ? "invoiced_sales" : "sales_output"
        case .wrongPeriod: return "period"
        case .badNumber: return anomaly.file == .products ? "output" : "electricity"
        case .badRegionCode: return "region_code"
        default: return "gross_output"
        }
    }
}
