import StatGuardCore
import Foundation

/// Renders `run.json` (data contract 3.4): the load record as sorted, indented JSON.
public enum RunJSON {
    public static func render(_ record: LoadRecord) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(record)) ?? Data()) + [0x0A]
    }
}
