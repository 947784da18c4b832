/// Why a text is not a valid 统一社会信用代码.
public enum CreditCodeProblem: Error, Equatable, Sendable {
    /// Not 18 characters long.
    case wrongLength(Int)
    /// A character outside the code alphabet (I, O, Z, S, V and punctuation are not used).
    case invalidCharacter(position: Int, character: String)
    /// A spreadsheet turned the all-digit code into a number such as `9.13502E+17`: its digits are lost.
    case excelScientificNotation
    /// The 18th character does not match the GB 32100 check.
    case checkCharacterMismatch(expected: Character, found: Character)
    /// Characters 9-17 (the GB 11714 组织机构代码) fail their own check.
    case organizationCodeMismatch(expected: Character, found: Character)

    /// English explanation, naming what happened and what to do.
    public var explanation: String {
        switch self {
        case .wrongLength(let n):
            return "has \(n) characters, a credit code has 18"
        case .invalidCharacter(let position, let character):
            return "character \(position) '\(character)' is not used in credit codes (0-9 and A-Y without I, O, S, V, Z)"
        case .excelScientificNotation:
            return "is in spreadsheet scientific notation: Excel turned the code into a number and its last digits are lost; re-export the column as text"
        case .checkCharacterMismatch(let expected, let found):
            return "check character is '\(found)', GB 32100 gives '\(expected)'"
        case .organizationCodeMismatch(let expected, let found):
            return "organization-code part (characters 9-17) fails its GB 11714 check: character 17 is '\(found)', expected '\(expected)'"
        }
    }
}

extension CreditCode {
    /// Parses and validates a code from UTF-8 bytes (surrounding spaces ignored, lower case accepted).
    ///
    /// Checks length, alphabet, the GB 32100 check character (position 18:
    /// 31 − Σ value·3^(i−1) mod 31, with 31 written as 0) and the GB 11714 check
    /// of the embedded organization code (positions 9-17: weights 3 7 9 10 5 8 4 2,
    /// 11 − Σ mod 11, 10 → `X`, 11 → `0`). With `allowCheckFailure`, a code whose
    /// only problems are its check characters is accepted (the pipeline's allow-list).
    public static func parse(
        utf8 raw: UnsafeBufferPointer<UInt8>, allowCheckFailure: Bool = false
    ) -> Result<CreditCode, CreditCodeProblem> {
        var start = 0
        var end = raw.count
        while start < end && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1 }
        while end > start && (raw[end - 1] == 0x20 || raw[end - 1] == 0x09) { end -= 1 }
        let length = end - start
        if length != 18 {
            if looksLikeScientificNotation(raw, start, end) { return .failure(.excelScientificNotation) }
            // Characters, not bytes: a full-width code is 18 characters of 3 bytes each.
            var characters = 0
            for i in start..<end where raw[i] & 0xC0 != 0x80 { characters += 1 }
            return .failure(.wrongLength(characters))
        }
        // One pass over the 18 bytes: their values packed, the GB 32100 sum and the GB 11714 sum of characters 9-16.
        var high: UInt64 = 0
        var low: UInt64 = 0
        var sum = 0
        var organizationSum = 0
        var invalidAt = -1
        // Each table read once: every read of a global checks its initialization.
        let (valueOfByte, organizationValue) = (Self.valueOfByte, Self.organizationValue)
        let (weights, organizationWeights) = (Self.weights, Self.organizationWeights)
        for i in 0..<18 {
            let v = valueOfByte[Int(raw[start + i])]
            if v == 255 {
                invalidAt = i
                break
            }
            if i < 9 { high = high << 5 | UInt64(v) } else { low = low << 5 | UInt64(v) }
            if i < 17 { sum += Int(v) * weights[i] }
            if i >= 8 && i < 16 { organizationSum += Int(organizationValue[Int(v)]) * organizationWeights[i - 8] }
        }
        if invalidAt >= 0 {
            // Excel's form can be 18 characters long too (`9.135020123456E+17`).
            if looksLikeScientificNotation(raw, start, end) { return .failure(.excelScientificNotation) }
            let char = String(decoding: [raw[start + invalidAt]], as: UTF8.self)
            return .failure(.invalidCharacter(position: invalidAt + 1, character: char))
        }
        let code = CreditCode(high: high, low: low)
        guard !allowCheckFailure else { return .success(code) }
        let expected = 31 - sum % 31
        let found = UInt8(truncatingIfNeeded: low & 31)
        if UInt8(expected == 31 ? 0 : expected) != found {
            return .failure(.checkCharacterMismatch(
                expected: Character(Unicode.Scalar(alphabet[expected == 31 ? 0 : expected])),
                found: Character(Unicode.Scalar(alphabet[Int(found)]))))
        }
        let organizationCheck = 11 - organizationSum % 11
        let organizationExpected: UInt8 = organizationCheck == 10 ? 0x58 : (organizationCheck == 11 ? 0x30 : UInt8(0x30 + organizationCheck))
        if alphabet[Int(low >> 5 & 31)] != organizationExpected, let problem = organizationCodeProblem(raw, start) {
            return .failure(problem)
        }
        return .success(code)
    }

    /// GB 11714's value of each code value: digits as themselves, a letter A-Z as 10-35.
    static let organizationValue: [UInt8] = alphabet.map { $0 <= 0x39 ? $0 - 0x30 : $0 - 0x41 + 10 }

    /// Parses and validates a code given as a string (see ``parse(utf8:allowCheckFailure:)``).
    public static func parse(_ text: String, allowCheckFailure: Bool = false) -> Result<CreditCode, CreditCodeProblem> {
        var copy = text
        return copy.withUTF8 { parse(utf8: $0, allowCheckFailure: allowCheckFailure) }
    }

    /// The GB 32100 check value for the first 17 values.
    static func checkValue(_ values: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        var sum = 0
        let weights = Self.weights
        for i in 0..<17 { sum += Int(values[i]) * weights[i] }
        let check = 31 - sum % 31
        return UInt8(check == 31 ? 0 : check)
    }

    /// Completes 17 alphabet characters with their GB 32100 check character (used by the sample generator).
    public static func completing(_ first17: [UInt8]) -> CreditCode {
        precondition(first17.count == 17)
        var values = first17 + [0]
        return values.withUnsafeMutableBufferPointer { buffer in
            buffer[17] = checkValue(buffer)
            return CreditCode(values: UnsafeBufferPointer(buffer))
        }
    }

    /// GB 11714's weights of the eight organization-code characters.
    static let organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The GB 11714 check character for 8 organization-code characters (0-9 → 0-9, A-Z → 10-35).
    public static func organizationCheckCharacter(_ eight: some Collection<UInt8>) -> UInt8? {
        let orgWeights = Self.organizationWeights
        var sum = 0
        for (i, byte) in eight.enumerated() {
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 32 : byte
            let value: Int
            if upper >= 0x30 && upper <= 0x39 { value = Int(upper - 0x30) }
            else if upper >= 0x41 && upper <= 0x5A { value = Int(upper - 0x41) + 10 }
            else { return nil }
            sum += value * orgWeights[i]
        }
        let check = 11 - sum % 11
        return check == 10 ? 0x58 : (check == 11 ? 0x30 : UInt8(0x30 + check))
    }

    private static func organizationCodeProblem(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int) -> CreditCodeProblem? {
        let body = UnsafeBufferPointer(rebasing: raw[(start + 8)..<(start + 16)])
        guard let expected = organizationCheckCharacter(body) else { return nil }
        var found = raw[start + 16]
        if found >= 0x61 && found <= 0x7A { found -= 32 }
        if expected == found { return nil }
        return .organizationCodeMismatch(
            expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found)))
    }

    /// `9.13502E+17`, `9.13502e17`, `9.135E+017`: what Excel shows for an all-digit code.
    private static func looksLikeScientificNotation(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var sawE = false
        var sawDigit = false
        for i in start..<end {
            let b = raw[i]
            switch b {
            case 0x30...0x39: sawDigit = true
            case 0x2E, 0x2B, 0x2D: continue
            case 0x45, 0x65: if sawE { return false }; sawE = true
            default: return false
            }
        }
        return sawE && sawDigit
    }
}
