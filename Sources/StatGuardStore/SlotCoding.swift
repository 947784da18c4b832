import Foundation
import StatGuardCore

/// A finding's slots as the store keeps them: a JSON array of `[name, value]`
/// pairs in the order the check set them, a number as a JSON number (its shortest
/// exact form, so it reads back to the same Double), a text as a JSON string,
/// and NaN or ±∞ as `null` (written as `—` by every renderer either way).
enum SlotCoding {
    static func encode(_ slots: FindingSlots) -> String {
        var json = "["
        for (i, (name, value)) in zip(slots.names, slots.values).enumerated() {
            if i > 0 { json += "," }
            json += "[" + quoted(name) + ","
            switch value {
            case .number(let number): json += number.isFinite ? "\(number)" : "null"
            case .text(let text): json += quoted(text)
            }
            json += "]"
        }
        return json + "]"
    }

    static func decode(_ json: String) -> FindingSlots {
        var slots = FindingSlots()
        guard let pairs = (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) as? [[Any]]
        else { return slots }
        for pair in pairs where pair.count == 2 {
            guard let name = pair[0] as? String else { continue }
            switch pair[1] {
            case let text as String: slots[name] = .text(text)
            case let number as NSNumber: slots[name] = .number(number.doubleValue)
            default: slots[name] = .number(.nan)
            }
        }
        return slots
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
