import Foundation

/// A JSON value written in a fixed key order, so a request body is the same bytes every run
/// and its size can be known before it is sent.
indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONText])
    /// Keys in the order given.
    case object([(String, JSONText)])

    static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.rendered == rhs.rendered }

    /// The value as compact JSON text, non-ASCII characters kept as UTF-8.
    var rendered: String {
        var out = ""
        write(into: &out)
        return out
    }

    var bytes: [UInt8] { Array(rendered.utf8) }

    private func write(into out: inout String) {
        switch self {
        case .string(let text):
            JSONText.writeString(text, into: &out)
        case .int(let value):
            out += String(value)
        case .bool(let value):
            out += value ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONText.writeString(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// How many bytes `text` takes inside a JSON string literal (without the quotes).
    /// Additive: the size of a concatenation is the sum of the sizes of its pieces.
    static func escapedSize(_ text: Substring) -> Int {
        var size = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "\n", "\r", "\t": size += 2
            case "\u{2028}", "\u{2029}": size += 6
            default: size += scalar.value < 0x20 ? 6 : UTF8.width(scalar)
            }
        }
        return size
    }
}

/// The fields of a service's JSON reply that say whether it took the message.
///
/// WeCom and DingTalk answer `{"errcode":0,"errmsg":"ok"}`; Feishu answers
/// `{"code":0,"msg":"success"}`, or in its older form `{"StatusCode":0,"StatusMessage":"success"}`.
/// All of them answer HTTP 200 when they refuse a message, so the code decides.
struct ServiceReply: Sendable, Equatable {
    var code: Int?
    var message: String?

    /// Reads the first of `codeKeys` present (and the message beside it); empty when the body is not a JSON object.
    init(_ body: [UInt8], codeKeys: [(code: String, message: String)]) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else { return }
        for (codeKey, messageKey) in codeKeys {
            guard let raw = object[codeKey] else { continue }
            code = ServiceReply.integer(raw)
            message = object[messageKey] as? String
            if code != nil { return }
        }
    }

    private static func integer(_ raw: Any) -> Int? {
        if let value = raw as? Int { return value }
        if let value = raw as? NSNumber { return value.intValue }
        if let value = raw as? String { return Int(value) }
        return nil
    }
}
