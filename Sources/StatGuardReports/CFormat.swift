import Foundation

/// printf formatting of one `Double` through the C library's `vsnprintf`.
///
/// `String(format:)` hands `%f` to the C library as well (in the C locale, which
/// StatGuard never changes), so the bytes are the same; what it adds per call,
/// parsing the format in Foundation and boxing the argument, cost more than the
/// formatting itself over the tens of thousands of figures of a national month.
enum CFormat {
    /// `value` formatted by `format`, a printf format with one double conversion.
    static func string(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        var length = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        if length >= buffer.count {  // a huge magnitude: %f writes every digit
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            length = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(max(0, Int(length))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `value` with `decimals` decimals: `%.Nf`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        string(fixedFormats.indices.contains(decimals) ? fixedFormats[decimals] : "%.\(decimals)f", value)
    }

    private static let fixedFormats = (0...9).map { "%.\($0)f" }
}
