import StatGuardCore

/// Why `cell` is not a credit code, counted in characters.
///
/// ``CreditCodeProblem`` counts the UTF-8 bytes it was given, which is right only
/// for ASCII: a code typed in full-width characters (`９１１１…`) is 18 characters
/// but 54 bytes. A cell with other than ASCII is explained here by its characters.
func creditCodeExplanation(_ problem: CreditCodeProblem, _ cell: UnsafeBufferPointer<UInt8>) -> String {
    guard cell.contains(where: { $0 >= 0x80 }) else { return problem.explanation }
    let text = String(decoding: cell, as: UTF8.self).trimmingASCIISpaces
    let fullWidth = text.unicodeScalars.contains { $0.value >= 0xFF01 && $0.value <= 0xFF5E }
    let hint = fullWidth ? "; full-width characters such as '１' or 'Ａ' must be typed half-width" : ""
    let characters = Array(text)
    guard characters.count == 18 else { return "has \(characters.count) characters, a credit code has 18\(hint)" }
    let position = characters.firstIndex { !$0.isASCII } ?? 0
    return "character \(position + 1) '\(characters[position])' is not used in credit codes (0-9 and A-Y without I, O, S, V, Z)\(hint)"
}

extension String {
    /// The text without surrounding ASCII spaces and tabs (as credit codes are read).
    fileprivate var trimmingASCIISpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
