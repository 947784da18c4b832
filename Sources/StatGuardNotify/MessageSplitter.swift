/// Cuts a message that is too large for a service into parts that are not.
///
/// A message is a list of blocks (a heading, one case with its two lines, the link …),
/// each ending with a line break. Parts are filled with whole blocks; a block larger than a
/// part is cut between its lines, and only a line larger than a part on its own is cut, between
/// two characters (never inside a UTF-8 sequence, never inside a grapheme). Concatenating the
/// parts gives the message back exactly.
enum MessageSplitter {
    /// Parts of at most `budget` units each, as `measure` counts them (it must be additive:
    /// the size of a concatenation is the sum of the sizes of its pieces).
    /// - Complexity: O(n) in the message's size.
    static func split(_ blocks: [String], budget: Int, measure: (Substring) -> Int) -> [String] {
        precondition(budget >= 16, "a part must hold at least a few characters")
        var parts: [String] = []
        var current = ""
        var currentSize = 0

        func flush() {
            if !current.isEmpty { parts.append(current) }
            current = ""
            currentSize = 0
        }
        func add(_ piece: Substring, size: Int) {
            if currentSize + size > budget { flush() }
            current += piece
            currentSize += size
        }

        for block in blocks {
            let size = measure(block[...])
            if size <= budget {
                add(block[...], size: size)
                continue
            }
            for line in lines(of: block) {
                let lineSize = measure(line)
                if lineSize <= budget {
                    add(line, size: lineSize)
                    continue
                }
                for character in line {
                    let text = String(character)
                    add(text[...], size: measure(text[...]))
                }
            }
        }
        flush()
        return parts
    }

    /// The lines of `text`, each with its own line break.
    private static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        while let newline = text[start...].firstIndex(of: "\n") {
            let end = text.index(after: newline)
            result.append(text[start..<end])
            start = end
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Byte count in UTF-8, the measure of services that limit the text itself.
    static func utf8Size(_ text: Substring) -> Int { text.utf8.count }
}
