import Foundation

/// The GB/T 4754-2017 classification for sections B, C and D (mining,
/// manufacturing, utilities), loaded from the standard's code table that ships
/// as this module's resource (`Resources/gbt4754_2017_industrial.csv`).
public struct IndustryCatalog: Sendable {
    /// Names of every code in the table, keyed by code text (`B`, `06`, `061`, `0610`).
    public let names: [String: String]
    /// For each number 0...9999, whether it is a 4-digit class of B, C or D.
    private let isClass: [Bool]

    /// The catalog of the shipped code table.
    public static let standard: IndustryCatalog = {
        guard let url = Bundle.module.url(forResource: "gbt4754_2017_industrial", withExtension: "csv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the GB/T 4754 code table is missing from the StatGuardCore resources") }
        return IndustryCatalog(csv: text)
    }()

    /// Builds a catalog from the code table's CSV text (columns section, level, code, name).
    public init(csv: String) {
        var names: [String: String] = [:]
        var isClass = [Bool](repeating: false, count: 10_000)
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            guard cells.count == 4 else { continue }
            let code = String(cells[2])
            names[code] = String(cells[3])
            if cells[1] == "4", let value = Int(code) { isClass[value] = true }
        }
        self.names = names
        self.isClass = isClass
    }

    /// Whether `code` is a 4-digit class of sections B, C or D.
    public func contains(_ code: IndustryCode) -> Bool { isClass[Int(code.value)] }

    /// Whether the number `value` (0...9999) is a class of sections B, C or D.
    public func containsClass(_ value: Int) -> Bool { value >= 0 && value < 10_000 && isClass[value] }

    /// The Chinese name of the class, e.g. `炼焦` for 2521.
    public func name(of code: IndustryCode) -> String? { names[code.description] }

    /// The Chinese name of the division, e.g. `煤炭开采和洗选业` for 06.
    public func divisionName(of code: IndustryCode) -> String? { names[code.divisionCode] }

    /// The Chinese name of a section letter.
    public func sectionName(_ section: Character) -> String? { names[String(section)] }

    /// Every 4-digit class in the table, in code order.
    public var classes: [IndustryCode] {
        (0..<10_000).filter { isClass[$0] }.map { IndustryCode(value: UInt16($0)) }
    }
}
