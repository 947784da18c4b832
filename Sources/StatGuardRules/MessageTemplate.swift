import StatGuardChecks
import StatGuardCore

/// A message with placeholders: `{gross_output}` (a field), `{name}` (a text
/// field) or any expression such as `{lag(gross_output, 1)}` or
/// `{export_delivery / sales_output * 100}`. Numbers print with thousands
/// separators and one decimal; missing values as —.
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case number(Expression)
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
                        parts.append(.number(try Compiler.compile(inner, as: .number)))
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

    /// The expressions whose values the message needs.
    var expressions: [Expression] {
        parts.compactMap { if case .number(let e) = $0 { e } else { nil } }
    }

    /// The message for one row, given the evaluated placeholder columns in ``expressions`` order.
    func render(row: Int, values: [[Double]], context: CheckContext) -> String {
        var text = ""
        var next = 0
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .number:
                text += Figures.amount(values[next][row])
                next += 1
            case .field(let field): text += TextTest(field: field, context: context).value(row)
            }
        }
        return text
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
