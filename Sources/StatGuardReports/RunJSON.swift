import StatGuardCore
import Foundation

/// Renders `run.json` (data contract 3.4, the load record) and `notify.json` (what pushing
/// the digest did) as sorted, indented JSON.
public enum RunJSON {
    public static func render(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data()) + [0x0A]
    }
}
