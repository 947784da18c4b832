@testable import StatGuardCore
import StatGuardTestSupport
import Testing

/// 统一社会信用代码 (GB 32100-2015): parsing, check characters, packing.
@Suite struct CreditCodeTests {
    @Test("real codes from DOMAIN.md pass and print back unchanged", arguments: TestCodes.realValid)
    func realCodesPass(_ text: String) throws {
        let code = try CreditCode.parse(text).get()
        #expect(code.description == text)
    }

    @Test func realFailingCodeFailsOnlyItsCheckCharacter() throws {
        let result = CreditCode.parse(TestCodes.realFailing)
        guard case .failure(.checkCharacterMismatch(let expected, let found)) = result else {
            Issue.record("expected a check-character mismatch, got \(result)")
            return
        }
        #expect(found == "D")
        #expect(expected != "D")
        // The allow-list path: length and alphabet are fine, so it parses when check failures are allowed.
        let allowed = try CreditCode.parse(TestCodes.realFailing, allowCheckFailure: true).get()
        #expect(allowed.description == TestCodes.realFailing)
    }

    @Test func weightsArePowersOfThreeModulo31() {
        var expected: [Int] = []
        var power = 1
        for _ in 0..<17 {
            expected.append(power)
            power = power * 3 % 31
        }
        #expect(CreditCode.weights == expected)
        #expect(CreditCode.weights == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
    }

    @Test func alphabetHasNoIOZSV() {
        #expect(CreditCode.alphabet.count == 31)
        for letter in "IOZSV".utf8 { #expect(!CreditCode.alphabet.contains(letter)) }
    }

    @Test func lowerCaseAndSurroundingSpacesAreAccepted() throws {
        let code = try CreditCode.parse("  91350200ma2yj1xr9g\t").get()
        #expect(code.description == "91350200MA2YJ1XR9G")
        #expect(code == (try CreditCode.parse("91350200MA2YJ1XR9G").get()))
    }

    @Test func wrongCheckCharacterNamesBothCharacters() {
        let result = CreditCode.parse("91110000101623741J")
        #expect(result == .failure(.checkCharacterMismatch(expected: "K", found: "J")))
        if case .failure(let problem) = result {
            #expect(problem.explanation.contains("'J'"))
            #expect(problem.explanation.contains("'K'"))
        }
    }

    @Test func organizationCodeCheckIsVerified() throws {
        // 10162374 has GB 11714 check '1'; write '2' and give the code a correct GB 32100 check.
        let body = Array("91110000101623742".utf8).map { UInt8(CreditCode.alphabet.firstIndex(of: $0)!) }
        let code = CreditCode.completing(body).description
        #expect(CreditCode.parse(code) == .failure(.organizationCodeMismatch(expected: "1", found: "2")))
        // Accepted when check failures are allowed (the allow-list).
        #expect(try CreditCode.parse(code, allowCheckFailure: true).get().description == code)
    }

    @Test func wrongLengthIsReported() {
        #expect(CreditCode.parse("9111000010162374") == .failure(.wrongLength(16)))
        #expect(CreditCode.parse("91110000101623741KK") == .failure(.wrongLength(19)))
        #expect(CreditCode.parse("") == .failure(.wrongLength(0)))
    }

    @Test func charactersOutsideTheAlphabetAreReported() {
        #expect(CreditCode.parse("9111000010I623741K") == .failure(.invalidCharacter(position: 11, character: "I")))
        #expect(CreditCode.parse("91110000-01623741K") == .failure(.invalidCharacter(position: 9, character: "-")))
        if case .failure(let problem) = CreditCode.parse("9111000010O623741K") {
            #expect(problem.explanation.contains("'O'"))
        } else {
            Issue.record("O is not in the alphabet")
        }
    }

    @Test("Excel's scientific form is recognised", arguments: [
        "9.13502E+17", "9.13502e+17", "9.13502E17", "9.135E+017", "9.1350201E+17",
        "9.135020123456E+17",  // 18 characters long, like a real code
    ])
    func excelScientificNotation(_ text: String) {
        let result = CreditCode.parse(text)
        #expect(result == .failure(.excelScientificNotation))
        if case .failure(let problem) = result {
            #expect(problem.explanation.contains("scientific notation"))
            #expect(problem.explanation.contains("Excel"))
        }
    }

    @Test func plainNumbersAreNotMistakenForScientificNotation() {
        #expect(CreditCode.parse("9135020") == .failure(.wrongLength(7)))
        #expect(CreditCode.parse("E") == .failure(.wrongLength(1)))
    }

    @Test func completingProducesTheRealCheckCharacter() {
        for text in TestCodes.realValid {
            let body = Array(text.utf8.prefix(17)).map { UInt8(CreditCode.alphabet.firstIndex(of: $0)!) }
            #expect(CreditCode.completing(body).description == text)
        }
    }

    @Test func organizationCheckCharacterOfRealCodes() {
        for text in TestCodes.realValid {
            let bytes = Array(text.utf8)
            #expect(CreditCode.organizationCheckCharacter(bytes[8..<16]) == bytes[16], "\(text)")
        }
        #expect(CreditCode.organizationCheckCharacter(Array("1016237-".utf8)) == nil)
    }

    @Test func packingRoundTripsAndOrdersLikeTheText() throws {
        var generator = SeededGenerator(seed: 32100)
        var texts: [String] = []
        for _ in 0..<200 {
            texts.append(TestCodes.valid(Int.random(in: 0..<100_000_000, using: &generator)))
        }
        texts += TestCodes.realValid
        let codes = try texts.map { try CreditCode.parse($0).get() }
        for (code, text) in zip(codes, texts) {
            #expect(code.description == text)
            #expect(CreditCode(high: code.high, low: code.low) == code)
            #expect(code.values.map { CreditCode.alphabet[Int($0)] } == Array(text.utf8))
        }
        // The alphabet is in ASCII order, so packed order is text order.
        #expect(codes.sorted().map(\.description) == texts.sorted())
        #expect(Set(codes).count == Set(texts).count)
    }

    @Test func everySingleCharacterChangeIsCaught() throws {
        var generator = SeededGenerator(seed: 11714)
        for _ in 0..<50 {
            let text = TestCodes.valid(Int.random(in: 0..<100_000_000, using: &generator))
            var bytes = Array(text.utf8)
            let position = Int.random(in: 0..<18, using: &generator)
            let original = bytes[position]
            var replacement = original
            while replacement == original { replacement = CreditCode.alphabet.randomElement(using: &generator)! }
            bytes[position] = replacement
            let changed = String(decoding: bytes, as: UTF8.self)
            #expect(throws: CreditCodeProblem.self, "\(text) → \(changed)") { try CreditCode.parse(changed).get() }
        }
    }
}

/// Regression (issue 11): a full-width credit code was "54 characters" (its bytes).
@Suite struct CreditCodeLengthTests {
    @Test func wrongLengthCountsCharacters() {
        let fullWidth = "９１１１００００１０１６２３７４１Ｋ"  // 18 full-width characters, 54 bytes
        #expect(fullWidth.count == 18 && fullWidth.utf8.count == 54)
        #expect(CreditCode.parse(fullWidth + "Ａ").failureValue == .wrongLength(19))
        #expect(CreditCode.parse("北京焦化").failureValue == .wrongLength(4))
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
