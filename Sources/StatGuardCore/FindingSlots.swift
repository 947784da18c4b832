/// One value a finding carries for its message: a number, or a value taken as it
/// is from the data (a code, a field name, a product name, a quarantine reason).
///
/// Findings carry values, never sentences: the catalog's templates turn them into
/// text when a report, the web page or a digest is written, in the language it needs.
public enum SlotValue: Sendable, Equatable {
    case number(Double)
    case text(String)

    /// The number, or nil for a text value.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The text, or nil for a number.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

/// The named values of a finding's message slots, in the order the check set them.
public struct FindingSlots: Sendable, Equatable {
    public private(set) var names: [String] = []
    public private(set) var values: [SlotValue] = []

    public init() {}

    /// Slots from name–value pairs.
    public init(_ pairs: KeyValuePairs<String, SlotValue>) {
        for (name, value) in pairs { self[name] = value }
    }

    /// The value of slot `name`, or nil when the finding has none.
    public subscript(name: String) -> SlotValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { values[i] = newValue } else { names.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    public var isEmpty: Bool { names.isEmpty }
}

extension FindingSlots: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, SlotValue)...) {
        for (name, value) in elements { self[name] = value }
    }
}

extension SlotValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(stringLiteral value: String) { self = .text(value) }
}
