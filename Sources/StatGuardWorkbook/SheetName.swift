/// Sheet names Excel accepts, made from any text (region names, codes).
public enum SheetName {
    /// Excel's limit on a sheet name, in characters.
    public static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why Excel would refuse `name`, or nil when it is fine on its own (uniqueness is checked per workbook).
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        if name.unicodeScalars.count > maxLength { return "'\(name)' is longer than \(maxLength) characters" }
        if let bad = name.first(where: { forbidden.contains($0) }) { return "'\(name)' contains '\(bad)', which Excel does not allow" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "'\(name)' contains a control character" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "'\(name)' starts or ends with an apostrophe" }
        return nil
    }

    /// `raw` made into a valid name not in `taken` (compared ignoring case), which it joins:
    /// forbidden characters and controls become `_`, apostrophes are trimmed from the ends,
    /// the name is cut to 31 characters, and ` (2)`, ` (3)`… is added to repeat a name.
    public static func make(_ raw: String, taken: inout Set<String>) -> String {
        var base = String(raw.map { forbidden.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var candidate = cut(base, to: maxLength)
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = cut(base, to: maxLength - suffix.count) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    private static func cut(_ text: String, to length: Int) -> String {
        var out = ""
        var count = 0
        for character in text {
            let n = character.unicodeScalars.count
            if count + n > length { break }
            out.append(character)
            count += n
        }
        while out.hasSuffix("'") { out.removeLast() }
        return out
    }
}
