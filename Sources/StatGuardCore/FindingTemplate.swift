/// A message template with named, typed slots: `出口交货值{export:千元}千元大于…`.
///
/// A slot is `{name}` or `{name:format}`; `{{` and `}}` write a brace. Formats:
/// - a unit word (`千元`, `万千瓦时`, `吨标准煤`, `人`, …) or `amount`: the number with
///   thousands separators and at most one decimal (the unit itself is template text);
/// - `%`: a share or growth as a percentage with one decimal;
/// - `×2`, `.2`, `.4`: the number with that many decimals;
/// - `int`: a whole number;
/// - `field`: a contract field name, shown by its Chinese or English label
///   (`Field`: the English label capitalised);
/// - `region`: a region code, shown with its name when the bureau's names know it (`达川区 511703`);
/// - `list`: a `+`-separated list of field names, each as its label (`工业总产值、工业销售产值` in Chinese, `gross output, sales output` in English; a name without a label as it is);
/// - `text`: the value as it is.
/// A slot without a format shows a number as an amount and a text as it is.
public struct FindingTemplate: Sendable, Equatable, CustomStringConvertible {
    /// How a slot's value is written.
    public enum Format: Sendable, Equatable {
        case amount
        case percent
        case fixed(Int)
        case integer
        case field
        case capitalizedField
        case list
        case region
        case text
        case plain

        /// The format named in a slot (see the type's documentation).
        public init(_ name: Substring) {
            switch name {
            case "": self = .plain
            case "%": self = .percent
            case "int": self = .integer
            case "field": self = .field
            case "Field": self = .capitalizedField
            case "text": self = .text
            case "list": self = .list
            case "region": self = .region
            default:
                if let digits = Int(name.drop { $0 == "×" || $0 == "." }), name.first == "×" || name.first == ".", digits <= 9 {
                    self = .fixed(digits)
                } else {
                    self = .amount
                }
            }
        }
    }

    /// A piece of the template.
    public enum Part: Sendable, Equatable {
        case literal(String)
        case slot(name: String, format: Format)
    }

    public let parts: [Part]
    /// The template as written.
    public let description: String

    public init(_ source: String) {
        description = source
        var parts: [Part] = []
        var literal = ""
        var i = source.startIndex
        while i < source.endIndex {
            let c = source[i]
            let next = source.index(after: i)
            if (c == "{" || c == "}") && next < source.endIndex && source[next] == c {
                literal.append(c)
                i = source.index(after: next)
            } else if c == "{", let close = source[next...].firstIndex(of: "}") {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                let inside = source[next..<close]
                let colon = inside.firstIndex(of: ":")
                let name = String(colon.map { inside[..<$0] } ?? inside)
                let format = colon.map { Format(inside[inside.index(after: $0)...]) } ?? .plain
                parts.append(.slot(name: name, format: format))
                i = source.index(after: close)
            } else {
                literal.append(c)
                i = next
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// `text` as template source that writes it literally (its braces doubled).
    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// The names of the template's slots, in order, each once.
    public var slotNames: [String] {
        var names: [String] = []
        for case .slot(let name, _) in parts where !names.contains(name) { names.append(name) }
        return names
    }
}

extension FindingTemplate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
