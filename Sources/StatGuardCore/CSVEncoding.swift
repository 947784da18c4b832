/// RFC 4180 encoding of CSV records, for every file StatGuard writes.
public enum CSVEncoding {
    /// The field as it must appear in a record: quoted (with `"` doubled) when it
    /// holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        var needsQuotes = false
        for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return value }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// One record ending in `lineEnd`.
    public static func record(_ fields: [String], lineEnd: String = "\n") -> String {
        fields.map(field).joined(separator: ",") + lineEnd
    }
}
