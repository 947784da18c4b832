/// RFC 4180 encoding of CSV records, for every file StatGuard writes.
public enum CSVEncoding {
    /// The field as it must appear in a record: quoted (with `"` doubled) when it
    /// holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: needsQuotes) else { return value }
        var quoted: [UInt8] = []
        quoted.reserveCapacity(value.utf8.count + 8)
        append(value, to: &quoted)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Appends the field's UTF-8 bytes as ``field(_:)`` writes it, without making a string of it.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.contains(where: needsQuotes) else { return bytes.append(contentsOf: utf8) }
            bytes.append(0x22)
            for byte in utf8 {
                bytes.append(byte)
                if byte == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
        }
    }

    /// One record ending in `lineEnd`.
    public static func record(_ fields: [String], lineEnd: String = "\n") -> String {
        fields.map(field).joined(separator: ",") + lineEnd
    }

    /// Whether a field holding `byte` must be quoted: a comma, a quote or a line break.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }
}
