import StatGuardCore
import StatGuardTestSupport
import Testing

@Suite("CreditCodeIndex")
struct CreditCodeIndexTests {
    /// A dictionary keeping each code's first row: what the index must agree with.
    private func firstRows(_ codes: [CreditCode]) -> [CreditCode: Int] {
        var first: [CreditCode: Int] = [:]
        for (row, code) in codes.enumerated() where first[code] == nil { first[code] = row }
        return first
    }

    @Test("agrees with a dictionary of first rows, duplicates and misses included", arguments: [0, 1, 7, 1_000, 50_000])
    func agreesWithDictionary(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 1)
        // Few distinct halves make many duplicates and codes alike in one half.
        let codes = (0..<count).map { _ in CreditCode(high: generator.next() % 64, low: generator.next() % 4_096) }
        let index = CreditCodeIndex(codes)
        let expected = firstRows(codes)
        #expect(index.count == expected.count)
        for code in codes { #expect(index[code] == expected[code]) }
        for _ in 0..<1_000 {
            let probe = CreditCode(high: generator.next() % 80, low: generator.next() % 5_000)
            #expect(index[probe] == expected[probe])
            #expect(index.contains(probe) == (expected[probe] != nil))
        }
        #expect(index.rows(of: codes).map(Int.init) == codes.map { expected[$0]! })
    }

    @Test("sequential codes, which differ in a few low bits, all found")
    func sequentialCodes() {
        let codes = (0..<100_000).map { CreditCode(high: 0x1234_5678, low: UInt64($0)) }
        let index = CreditCodeIndex(codes)
        #expect(index.count == codes.count)
        #expect(codes.indices.allSatisfy { index.row(of: codes[$0]) == Int32($0) })
        #expect(index.row(of: CreditCode(high: 0x1234_5678, low: 100_000)) == -1)
        #expect(index.row(of: CreditCode(high: 0x1234_5679, low: 100_000)) == -1)
    }
}
