import StatGuardCore

/// The figures of one `reports_YYYYMM.csv` row, rounded as written.
struct ReportRow {
    var gross = 0.0, grossYTD = 0.0, grossLastYear = Double.nan, grossYTDLastYear = Double.nan
    var sales = 0.0, salesYTD = 0.0, export = 0.0, revenueYTD = 0.0, profitYTD = 0.0
    var electricity = 0.0, energy = 0.0, employees = 0.0
}

/// Formats contract rows into a ``CSVFileWriter``'s buffer, cell by cell, and
/// writes structural faults (`--dirty`) into the row they belong to.
struct RowWriter {
    let population: Population
    let profiles: [IndustryProfile]
    /// Park names, CSV-ready.
    let parkNames: [[UInt8]]

    init(population: Population, geography: Geography) {
        self.population = population
        profiles = IndustryProfile.sichuan
        parkNames = geography.parks.map { Array(CSVEncoding.field($0.name).utf8) }
    }

    @inline(__always)
    func code(_ e: Int, into b: inout ByteBuffer) {
        b.append(population.codeBytes[(e * 18)..<(e * 18 + 18)])
    }

    @inline(__always)
    func identity(_ e: Int, into b: inout ByteBuffer, fault: AnomalyKind? = nil) {
        switch fault {
        case .badCheckCharacter?:
            var bytes = Array(population.codeBytes[(e * 18)..<(e * 18 + 18)])
            let alphabet = CreditCode.alphabet
            let i = alphabet.firstIndex(of: bytes[17])!
            bytes[17] = alphabet[(i + 7) % alphabet.count]
            b.append(bytes)
        case .excelMangledCode?:
            b.append(string: Self.excelNotation(population.codes[e]))
        default:
            code(e, into: &b)
        }
        b.comma()
        b.append(population.nameBytes[population.nameRange(e)])
        b.comma()
        if fault == .badRegionCode {
            b.append(digits: population.regions[e] / 10, width: 11)
        } else {
            b.append(digits: population.regions[e], width: 12)
        }
        b.comma()
        if fault == .nonIndustrialClass {
            b.append("7010")
        } else {
            b.append(digits: UInt64(population.industryCodes[e]), width: 4)
        }
    }

    /// One reports row (contract 2.1 column order).
    func report(_ e: Int, period: [UInt8], previousPeriod: [UInt8], row r: ReportRow, fault: AnomalyKind?, into b: inout ByteBuffer) {
        identity(e, into: &b, fault: fault)
        b.comma()
        b.append(fault == .wrongPeriod ? previousPeriod : period)
        b.comma(); b.append(r.gross, decimals: 1)
        b.comma(); b.append(r.grossYTD, decimals: 1)
        b.comma(); b.append(r.grossLastYear, decimals: 1)
        b.comma(); b.append(r.grossYTDLastYear, decimals: 1)
        b.comma(); b.append(fault == .negativeValue ? -max(r.sales, 1) : r.sales, decimals: 1)
        b.comma(); b.append(r.salesYTD, decimals: 1)
        b.comma(); b.append(r.export, decimals: 1)
        b.comma(); b.append(r.revenueYTD, decimals: 1)
        b.comma(); b.append(r.profitYTD, decimals: 1)
        b.comma()
        switch fault {
        case .missingRequired?: break
        case .badNumber?: b.append("约"); b.append(r.electricity, decimals: 2)
        default: b.append(r.electricity, decimals: 2)
        }
        b.comma(); b.append(r.energy, decimals: 1)
        b.comma(); b.append(r.employees, decimals: 0)
        b.comma()
        let park = Int(population.parks[e])
        if park >= 0 { b.append(parkNames[park]) }
    }

    /// One products row (contract 2.2).
    func product(_ e: Int, slot: Int, period: [UInt8], output: Double, outputYTD: Double, badNumber: Bool, into b: inout ByteBuffer) {
        let spec = profiles[Int(population.profiles[e])].products[slot]
        code(e, into: &b)
        b.comma(); b.append(period)
        b.comma(); b.append(string: spec.code)
        b.comma(); b.append(string: CSVEncoding.field(spec.name))
        b.comma(); b.append(string: spec.unit)
        b.comma(); b.append(output, decimals: spec.decimals)
        if badNumber { b.append(".0") }
        b.comma(); b.append(outputYTD, decimals: spec.decimals)
    }

    /// One admin row (contract 2.5).
    func admin(_ e: Int, period: [UInt8], grid: Double, invoices: Double, negativeInvoices: Bool, into b: inout ByteBuffer) {
        identity(e, into: &b)
        b.comma(); b.append(period)
        b.comma(); b.append(grid, decimals: 2)
        b.comma(); b.append(negativeInvoices ? -max(invoices, 1) : invoices, decimals: 1)
    }

    /// What Excel shows for an all-digit code in a General cell: six significant digits, `9.13502E+17`.
    static func excelNotation(_ code: CreditCode) -> String {
        let digits = code.values.prefix(7).map(Int.init)
        var mantissa = digits.prefix(6).reduce(0) { $0 * 10 + $1 }
        if digits[6] >= 5 { mantissa += 1 }
        var exponent = 17
        if mantissa >= 1_000_000 { mantissa /= 10; exponent += 1 }
        var text = String(mantissa)
        let head = text.removeFirst()
        while text.hasSuffix("0") { text.removeLast() }
        return String(head) + (text.isEmpty ? "" : "." + text) + "E+\(exponent)"
    }
}
