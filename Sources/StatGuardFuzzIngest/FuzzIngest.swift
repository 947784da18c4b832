import StatGuardCore
import StatGuardIngest

/// One fuzz input through the real ingest, trapping when an invariant fails.
///
/// The first byte chooses how to read the rest: its low bits the contract file
/// (so the name gives the kind and period, as a bureau's file name does, or the
/// kind is inferred from the header), then an encoding pin and a chunk size. The
/// rest is the file's bytes, read from memory with ``ContractFileReader`` and,
/// for the line checks, with ``CSVFileStream``. A whole-file error is a valid
/// outcome; anything else must keep every row and line accounted for (see
/// `FuzzIngest+Invariants.swift`), and a second read with another chunk size
/// must agree.
public enum FuzzIngest {
    /// File names by the low three bits of the first byte: each kind named as a bureau names it, or no kind.
    static let names = [
        "reports_202403.csv", "products_202403.csv", "register.csv", "capacity.csv", "admin_202403.csv",
        "data.csv", "reports_202402.csv", "register.csv",
    ]
    static let pins: [TextEncoding?] = [nil, nil, .utf8, .gb18030]
    static let chunkSizes = [1 << 20, 1, 7, 4096]

    /// Reads `input` as the selector byte and a file, and checks the result.
    public static func run(_ input: UnsafeRawBufferPointer) {
        guard let selector = input.first else { return }
        let bytes = Array(input.dropFirst())
        let name = names[Int(selector & 7)]
        let pin = pins[Int(selector >> 3) & 3]
        let chunkSize = chunkSizes[Int(selector >> 5) & 3]
        let reader = ContractFileReader(options: ReadOptions(encoding: pin, chunkSize: 1 << 20))
        let result: FileReadResult
        do {
            result = try reader.read(bytes: bytes, name: name)
        } catch {
            checkError(error, bytes)
            return
        }
        checkAccounted(result, bytes, pin: pin)
        let again = ContractFileReader(options: ReadOptions(encoding: pin, chunkSize: chunkSize))
        do {
            checkSame(result, try again.read(bytes: bytes, name: name), chunkSize: chunkSize)
        } catch {
            fatalError("chunk size \(chunkSize) fails a file the default chunk size reads: \(error)")
        }
    }
}
