import Foundation
import StatGuardChecks
import StatGuardCore

/// Evaluates compiled expressions over a period's columns, one instruction at a
/// time over every row (never a tree walk per row), with an explicit stack of columns.
///
/// Missing values are NaN and propagate through arithmetic, comparisons, `abs`,
/// `min`, `max` and `if`; `and`/`or` follow three-valued logic as R does
/// (false and missing = false, true or missing = true). Division by zero gives
/// missing, marked in ``Column/dividedByZero`` so it is counted for what it is.
struct Evaluator {
    let context: CheckContext
    private var groups: [GroupKey: [Int32]] = [:]

    init(context: CheckContext) {
        self.context = context
    }

    var rowCount: Int { context.reports.count }

    mutating func evaluate(_ expression: Expression) -> Column {
        var stack: [Column] = []
        for instruction in expression.instructions {
            switch instruction {
            case .constant(let value):
                stack.append(Column(values: [Double](repeating: value, count: rowCount)))
            case .calendar(let name):
                let value = name == "opens_year" ? (context.calendar.opensYear(context.period) ? 1.0 : 0.0) : Double(context.period.month)
                stack.append(Column(values: [Double](repeating: value, count: rowCount)))
            case .field(let field):
                stack.append(Column(values: context.current(field)))
            case .lagged(let field, let k):
                stack.append(Column(values: context.lagged(field, k)))
            case .groupStatistic(let statistic, let field, let key):
                stack.append(Column(values: groupStatistic(statistic, field, key)))
            case .textEquals(let field, let literal, let negated):
                let test = TextTest(field: field, context: context)
                stack.append(Column(values: (0..<rowCount).map { test.equals($0, literal) != negated ? 1 : 0 }))
            case .textIn(let field, let values):
                let test = TextTest(field: field, context: context)
                stack.append(Column(values: (0..<rowCount).map { row in values.contains { test.equals(row, $0) } ? 1 : 0 }))
            case .textStartsWith(let field, let prefix):
                let test = TextTest(field: field, context: context)
                stack.append(Column(values: (0..<rowCount).map { test.startsWith($0, prefix) ? 1 : 0 }))
            case .negate:
                stack.append(stack.removeLast().mapped { -$0 })
            case .not:
                stack.append(stack.removeLast().mapped { $0.isNaN ? .nan : 1 - $0 })
            case .member(let values):
                let set = Set(values)
                stack.append(stack.removeLast().mapped { $0.isNaN ? .nan : (set.contains($0) ? 1 : 0) })
            case .arithmetic(let op):
                let b = stack.removeLast(), a = stack.removeLast()
                stack.append(arithmetic(op, a, b))
            case .comparison(let op):
                let b = stack.removeLast(), a = stack.removeLast()
                stack.append(Column(values: comparison(op, a.values, b.values), dividedByZero: a.dividedByZero.union(b.dividedByZero)))
            case .logical(let op):
                let b = stack.removeLast(), a = stack.removeLast()
                let values = logical(op, a.values, b.values)
                stack.append(Column(values: values, dividedByZero: a.dividedByZero.union(b.dividedByZero).filter { values[$0].isNaN }))
            case .function(let name, let arity):
                let columns = Array(stack.suffix(arity))
                stack.removeLast(arity)
                stack.append(Column(
                    values: function(name, columns.map(\.values)),
                    dividedByZero: columns.reduce(into: []) { $0.formUnion($1.dividedByZero) }))
            case .conditional:
                let whenFalse = stack.removeLast(), whenTrue = stack.removeLast(), condition = stack.removeLast()
                stack.append(conditional(condition, whenTrue, whenFalse))
            }
        }
        return stack[0]
    }

    /// `abs` of one column, or `min`/`max` across columns row by row (missing if any is).
    private func function(_ name: String, _ columns: [[Double]]) -> [Double] {
        if name == "abs" { return columns[0].map { abs($0) } }
        return (0..<rowCount).map { row in
            var result = columns[0][row]
            for column in columns.dropFirst() {
                let v = column[row]
                if v.isNaN || result.isNaN { return .nan }
                result = name == "min" ? Swift.min(result, v) : Swift.max(result, v)
            }
            return result
        }
    }

    /// Per row the `then` or the `else` value (missing where the condition is), with the marks of the value taken.
    private func conditional(_ condition: Column, _ whenTrue: Column, _ whenFalse: Column) -> Column {
        let c = condition.values
        return Column(
            values: (0..<rowCount).map { c[$0].isNaN ? .nan : (c[$0] != 0 ? whenTrue.values[$0] : whenFalse.values[$0]) },
            dividedByZero: condition.dividedByZero
                .union(whenTrue.dividedByZero.filter { !c[$0].isNaN && c[$0] != 0 })
                .union(whenFalse.dividedByZero.filter { c[$0] == 0 }))
    }

    /// `a op b` row by row; a division by zero of a known number is missing and marked.
    private func arithmetic(_ op: String, _ a: Column, _ b: Column) -> Column {
        var result = Column(values: [], dividedByZero: a.dividedByZero.union(b.dividedByZero))
        switch op {
        case "+": result.values = zip(a.values, b.values).map { $0 + $1 }
        case "-": result.values = zip(a.values, b.values).map { $0 - $1 }
        case "*": result.values = zip(a.values, b.values).map { $0 * $1 }
        default:
            result.values = zip(a.values, b.values).map { $1 == 0 ? .nan : $0 / $1 }
            for row in 0..<rowCount where b.values[row] == 0 && !a.values[row].isNaN { result.dividedByZero.insert(row) }
        }
        return result
    }

    private func comparison(_ op: String, _ a: [Double], _ b: [Double]) -> [Double] {
        let test: (Double, Double) -> Bool
        switch op {
        case "<": test = (<)
        case "<=": test = (<=)
        case ">": test = (>)
        case ">=": test = (>=)
        case "==": test = (==)
        default: test = (!=)
        }
        return zip(a, b).map { x, y in x.isNaN || y.isNaN ? .nan : (test(x, y) ? 1 : 0) }
    }

    private func logical(_ op: String, _ a: [Double], _ b: [Double]) -> [Double] {
        zip(a, b).map { x, y in
            if op == "and" {
                if x == 0 || y == 0 { return 0 }
                return x.isNaN || y.isNaN ? .nan : 1
            }
            if x == 1 || y == 1 { return 1 }
            return x.isNaN || y.isNaN ? .nan : 0
        }
    }

    /// Per row: the statistic over the rows of the current period in the same group (NaN values left out).
    private mutating func groupStatistic(_ statistic: GroupStatistic, _ field: ReportField?, _ key: GroupKey) -> [Double] {
        let groupOf = groupIndex(key)
        let groupCount = Int(groupOf.max() ?? -1) + 1
        switch statistic {
        case .count:
            var counts = [Double](repeating: 0, count: groupCount)
            for g in groupOf where g >= 0 { counts[Int(g)] += 1 }
            return groupOf.map { $0 < 0 ? .nan : counts[Int($0)] }
        case .sum:
            let values = context.current(field!)
            var sums = [Double](repeating: 0, count: groupCount)
            for (row, g) in groupOf.enumerated() where g >= 0 && !values[row].isNaN { sums[Int(g)] += values[row] }
            return groupOf.map { $0 < 0 ? .nan : sums[Int($0)] }
        case .median:
            let values = context.current(field!)
            var members = [[Double]](repeating: [], count: groupCount)
            for (row, g) in groupOf.enumerated() where g >= 0 && !values[row].isNaN { members[Int(g)].append(values[row]) }
            let medians = members.map { StatGuardChecks.median($0) }
            return groupOf.map { $0 < 0 ? .nan : medians[Int($0)] }
        }
    }

    /// Dense group ids per row for `key` (−1: the row has no such group, e.g. no park).
    private mutating func groupIndex(_ key: GroupKey) -> [Int32] {
        if let cached = groups[key] { return cached }
        let reports = context.reports
        var ids: [UInt64: Int32] = [:]
        func id(_ value: UInt64) -> Int32 {
            if let existing = ids[value] { return existing }
            let next = Int32(ids.count)
            ids[value] = next
            return next
        }
        var result = [Int32](repeating: -1, count: reports.count)
        let parks = reports[text: ReportField.park]
        for row in 0..<reports.count {
            switch key {
            case .county: result[row] = id(reports.regionCodes[row].county.value)
            case .town: result[row] = id(reports.regionCodes[row].town.value)
            case .section: result[row] = id(UInt64(reports.industryCodes[row].section?.asciiValue ?? 0))
            case .division: result[row] = id(UInt64(reports.industryCodes[row].division))
            case .industryClass: result[row] = id(UInt64(reports.industryCodes[row].value))
            case .park:
                guard parks.count == reports.count, !parks.isEmpty(at: row) else { continue }
                result[row] = id(parks.withUTF8(row) { bytes in bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } })
            }
        }
        groups[key] = result
        return result
    }
}

/// Text comparisons on a report field without making a string per row where the field is a code.
struct TextTest {
    let field: TextField
    let context: CheckContext

    func equals(_ row: Int, _ literal: String) -> Bool {
        switch field {
        case .industryCode: return context.reports.industryCodes[row].description == literal
        case .regionCode: return context.reports.regionCodes[row].description == literal
        case .creditCode: return context.reports.creditCodes[row].description == literal
        case .period: return context.period.description == literal
        case .name, .park:
            let column = context.reports[text: field == .name ? ReportField.name : ReportField.park]
            guard column.count > row else { return literal.isEmpty }
            return column.withUTF8(row) { $0.elementsEqual(literal.utf8) }
        }
    }

    func startsWith(_ row: Int, _ prefix: String) -> Bool {
        switch field {
        case .industryCode: return context.reports.industryCodes[row].description.hasPrefix(prefix)
        case .regionCode: return context.reports.regionCodes[row].description.hasPrefix(prefix)
        case .creditCode: return context.reports.creditCodes[row].description.hasPrefix(prefix)
        case .period: return context.period.description.hasPrefix(prefix)
        case .name, .park:
            let column = context.reports[text: field == .name ? ReportField.name : ReportField.park]
            guard column.count > row else { return prefix.isEmpty }
            return column.withUTF8(row) { $0.starts(with: prefix.utf8) }
        }
    }
}
