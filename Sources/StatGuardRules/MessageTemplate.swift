import StatGuardChecks
import StatGuardCore

/// A message with placeholders: `{gross_output}` (a field), `{name}` (a text
/// field) or any expression such as `{lag(gross_output, 1)}` or
/// `{export_delivery / sales_output * 100}`.
///
/// Each placeholder is a slot of the rule's catalog entry named by its own text:
/// a failing row's finding carries the placeholder's value (a number, or a text
/// field's value), and the reports write it from the catalog like any built-in
/// message: numbers with thousands separators and one decimal, missing values as —.
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case number(name: String, Expression)
        case field(TextField)
    }

    let parts: [Part]

    init(_ template: String) throws(RuleSyntaxError) {
        var parts: [Part] = []
        var literal = ""
        var index = template.startIndex
        var column = 1
        while index < template.endIndex {
            let c = template[index]
            if c == "{" {
                guard let close = template[index...].firstIndex(of: "}") else {
                    throw RuleSyntaxError(column: column, message: "a placeholder opens with '{' here and never closes")
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                let inner = String(template[template.index(after: index)..<close]).trimmingCharacters(in: .whitespaces)
                if let field = TextField(rawValue: inner) {
                    parts.append(.field(field))
                } else {
                    do {
                        parts.append(.number(name: inner, try Compiler.compile(inner, as: .number)))
                    } catch {
                        throw RuleSyntaxError(column: column + error.column, message: "in the placeholder {\(inner)}: \(error.message)")
                    }
                }
                column += template.distance(from: index, to: close) + 1
                index = template.index(after: close)
            } else {
                literal.append(c)
                column += 1
                index = template.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
    }

    /// The placeholders whose values are numbers, with their slot names.
    var expressions: [(name: String, expression: Expression)] {
        parts.compactMap { if case .number(let name, let e) = $0 { (name, e) } else { nil } }
    }

    /// The message as a catalog template: literal text with each placeholder a slot named by its text.
    var findingTemplate: FindingTemplate {
        FindingTemplate(parts.map { part in
            switch part {
            case .text(let literal): FindingTemplate.escaped(literal)
            case .number(let name, _): "{\(name)}"
            case .field(let field): "{\(field.rawValue):text}"
            }
        }.joined())
    }

    /// Values that show the message in `statguard explain`: 12,345 for a number, the field's name for a text.
    var exampleSlots: FindingSlots {
        var slots = FindingSlots()
        for part in parts {
            switch part {
            case .text: continue
            case .number(let name, _): slots[name] = .number(12_345)
            case .field(let field): slots[field.rawValue] = .text(field.rawValue)
            }
        }
        return slots
    }

    /// The slot values of one row: evaluated placeholder columns (in ``expressions`` order) and text fields.
    func slots(row: Int, values: [[Double]], context: CheckContext, into slots: inout FindingSlots) {
        var next = 0
        for part in parts {
            switch part {
            case .text: continue
            case .number(let name, _):
                slots[name] = .number(values[next][row])
                next += 1
            case .field(let field): slots[field.rawValue] = .text(TextTest(field: field, context: context).value(row))
            }
        }
    }
}

extension TextTest {
    /// The field's text on a row.
    func value(_ row: Int) -> String {
        switch field {
        case .industryCode: context.reports.industryCodes[row].description
        case .regionCode: context.reports.regionCodes[row].description
        case .creditCode: context.reports.creditCodes[row].description
        case .period: context.period.description
        case .name: context.reports[text: ReportField.name][row]
        case .park: context.reports[text: ReportField.park].count > row ? context.reports[text: ReportField.park][row] : ""
        }
    }
}
