import StatGuardCore

/// `YYYY-MM` bytes of a month index.
func periodBytes(_ monthIndex: Int32) -> [UInt8] {
    Array(Period(monthIndex: monthIndex).description.utf8)
}

extension RowWriter {
    /// `register/register.csv` (名录库, contract 2.3): every registered enterprise —
    /// 规上 reporters, entrants, leavers (above_scale 0 with 出库年月), 停业, 注销, 筹建,
    /// 规下 entries and the shells — as a snapshot at the end of the range.
    func writeRegister(to writer: CSVFileWriter) throws {
        try writer.header(FileKind.register.fields)
        for e in 0..<population.count where population.inRegister[e] {
            identity(e, into: &writer.buffer)
            writer.buffer.comma(); writer.buffer.append(digits: UInt64(population.aboveScale[e]))
            writer.buffer.comma(); writer.buffer.append(digits: UInt64(population.status[e]))
            writer.buffer.comma(); writer.buffer.append(periodBytes(population.entered[e]))
            writer.buffer.comma()
            if population.exited[e] >= 0 { writer.buffer.append(periodBytes(population.exited[e])) }
            writer.buffer.comma()
            let park = Int(population.parks[e])
            if park >= 0 { writer.buffer.append(parkNames[park]) }
            try writer.endRecord()
        }
    }

    /// `capacity/capacity.csv` (产能, contract 2.4): design capacity of every product
    /// of the registered producing enterprises (after any new line).
    func writeCapacity(to writer: CSVFileWriter) throws {
        try writer.header(FileKind.capacity.fields)
        for e in 0..<population.count where population.inRegister[e] {
            switch population.roles[e] {
            case .reporting, .exiting, .shell, .stopped: break
            default: continue
            }
            let products = profiles[Int(population.profiles[e])].products
            for slot in products.indices {
                let capacity = slot == 0 ? population.capacity0[e] : population.capacity1[e]
                guard !capacity.isNaN else { continue }
                let spec = products[slot]
                code(e, into: &writer.buffer)
                writer.buffer.comma(); writer.buffer.append(string: spec.code)
                writer.buffer.comma(); writer.buffer.append(string: CSVEncoding.field(spec.name))
                writer.buffer.comma(); writer.buffer.append(string: spec.unit)
                writer.buffer.comma(); writer.buffer.append(max(capacity, 1), decimals: 0)
                try writer.endRecord()
            }
        }
    }
}
