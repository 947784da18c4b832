import Foundation
import StatGuardIngest
import StatGuardTestSupport
import Testing

func parse(_ text: String) -> ParsedNumber {
    var copy = text
    return copy.withUTF8 { parseNumber($0) }
}

/// Numeric cells as the contract allows them (section 1, "numbers").
@Suite struct NumberParsingTests {
    @Test("values", arguments: [
        ("12345.6", 12345.6), (" 12345.6 ", 12345.6), ("\t42\t", 42), ("\u{3000}12\u{3000}", 12),
        ("12,345.6", 12345.6), ("1,234,567", 1_234_567), ("-1,234", -1234), ("999,999.999", 999_999.999),
        ("１２３４５", 12345), ("１２，３４５．６", 12345.6), ("－１２", -12), ("＋７", 7),
        ("1.5E+3", 1500), ("1.5e3", 1500), ("2E-2", 0.02), ("1,234E2", 123_400),
        ("0", 0), ("+5", 5), ("-12.5", -12.5), ("0.001", 0.001), (".5", 0.5), ("5.", 5), ("007", 7),
        ("0.1", 0.1), ("2.675", 2.675), ("123456789.123456", 123456789.123456),
        ("100", 100), ("1,000", 1000), ("12,345,678.90", 12_345_678.9),
    ] as [(String, Double)])
    func values(_ text: String, _ value: Double) {
        #expect(parse(text) == .value(value))
    }

    @Test func negativeZeroIsZero() {
        #expect(parse("-0") == .value(0))
        #expect(parse("-0.00") == .value(0))
        if case .value(let v) = parse("-0") { #expect(v.sign == .plus, "-0 must not print as -0.0") }
    }

    @Test func manyDigitsStayCloseToTheDecimal() {
        for text in ["123456789012345678901234", "0.000000000000000000123", "98765432109876543210.5"] {
            guard case .value(let v) = parse(text) else {
                Issue.record("\(text) did not parse")
                continue
            }
            let exact = Double(text)!
            #expect(abs(v - exact) <= exact.ulp * 2, "\(text): \(v) vs \(exact)")
        }
    }

    @Test("missing, never zero", arguments: ["", " ", "-", "—", "——", "－", "/", "／", "\u{3000}", " - ", "\t/\t"])
    func missing(_ text: String) {
        #expect(parse(text) == .missing)
    }

    @Test("not numbers", arguments: [
        "1,23", "1234,567", ",123", "1,,234", "12,345,", "1,234,56", "1,234.5,6", "1.234,5",
        "12a", "abc", "1.2.3", "--5", "5-", "1e", "e5", "1e+", "1 234", "+", ".", "-.",
        "NaN", "inf", "−5", "1_000", "0x10", "——-", "- 5", "12%",
    ])
    func invalid(_ text: String) {
        #expect(parse(text) == .invalid)
    }

    @Test("too large for any figure: out of range, never infinity", arguments: [
        "1e400", "1e999", "-1e1234", "1e99999999", "1E+400", String(repeating: "9", count: 400),
    ])
    func outOfRange(_ text: String) {
        #expect(parse(text) == .outOfRange)
    }

    @Test func tinyAndZeroWithHugeExponentsAreNotOutOfRange() {
        #expect(parse("1e-400") == .value(0))
        #expect(parse("0e99999") == .value(0))
        guard case .value(let large) = parse("1.5e300") else {
            Issue.record("1.5e300 did not parse")
            return
        }
        #expect(abs(large / 1.5e300 - 1) < 1e-12)
    }

    @Test func formattedRandomValuesReadBack() {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<500 {
            let cents = Int64.random(in: -99_999_999_999...99_999_999_999, using: &generator)
            let plain = String(format: "%.2f", Double(cents) / 100)
            let expected = Double(plain)!
            #expect(parse(plain) == .value(expected), "\(plain)")
            // With thousands separators, as Excel exports "#,##0.00".
            let negative = plain.hasPrefix("-")
            let digits = plain.drop { $0 == "-" }
            let parts = digits.split(separator: ".")
            var grouped = ""
            for (i, ch) in parts[0].reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped = "," + grouped }
                grouped = String(ch) + grouped
            }
            let separated = (negative ? "-" : "") + grouped + "." + parts[1]
            #expect(parse(separated) == .value(expected), "\(separated)")
            // Full-width, as typed with a Chinese input method.
            let fullWidth = String(String.UnicodeScalarView(separated.unicodeScalars.map { scalar in
                scalar.isASCII && scalar != " " ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
            #expect(parse(fullWidth) == .value(expected), "\(fullWidth)")
        }
    }
}
