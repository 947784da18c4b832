import Foundation
import StatGuardCore

/// Reads one contract file into a ``ColumnTable``, quarantining rows that fail S* rules.
///
/// The kind is taken as given, or inferred from the file name, or from the
/// header. Throws ``IngestError`` only when the whole file is unusable.
public struct ContractFileReader: Sendable {
    public var kind: FileKind?
    public var options: ReadOptions

    public init(kind: FileKind? = nil, options: ReadOptions = ReadOptions()) {
        self.kind = kind
        self.options = options
    }

    /// Bytes of a typical row, to guess a file's row count from its size.
    static let typicalRowBytes = 200

    public func read(path: String) throws(IngestError) -> FileReadResult {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try read(CSVFileStream(path: path, pinnedEncoding: options.encoding, chunkSize: options.chunkSize), size: size)
    }

    /// Reads a file's bytes already in memory; `name` stands for its path (the kind and period
    /// are inferred from it as from a path, and errors and quarantined rows name it).
    public func read(bytes: [UInt8], name: String) throws(IngestError) -> FileReadResult {
        let stream = CSVFileStream(name: name, contents: bytes, pinnedEncoding: options.encoding, chunkSize: options.chunkSize)
        return try read(stream, size: bytes.count)
    }

    private func read(_ stream: CSVFileStream, size: Int) throws(IngestError) -> FileReadResult {
        let path = stream.path
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        var period = options.period
        if period == nil, let digits = fileName.split(separator: "_").last?.prefix(6), digits.count == 6 {
            period = Period(String(digits))
        }
        var loader = RowLoader(
            file: path, kind: kind ?? FileKind.inferred(fromFileName: fileName), period: period, options: options,
            expectedRows: min(max(size / Self.typicalRowBytes, 1024), RowLoader.maximumReservedRows), fileBytes: size)
        let summary = try options.readsOnTwoCores ? stream.readPipelined { loader.accept($0) } : stream.read { loader.accept($0) }
        if let error = loader.error { throw error }
        loader.finishColumns()
        guard let table = loader.table, let resolvedKind = loader.kind else {
            throw IngestError(file: path, reason: .empty)
        }
        var notices = loader.notices
        if summary.encoding == .gb18030 { notices.insert(.readAsGB18030, at: 0) }
        if loader.paddedCount > 0 {
            notices.append(.paddedIndustryCodes(count: loader.paddedCount, firstLine: loader.firstPaddedLine))
        }
        if loader.blankCount > 0 {
            notices.append(.blankRows(count: loader.blankCount, firstLine: loader.firstBlankLine))
        }
        let result = FileReadResult(
            file: path, kind: resolvedKind, table: table, quarantined: loader.quarantined,
            rowsRead: loader.rowsRead, rowsLoaded: loader.rowsLoaded, notices: notices, stream: summary, period: resolvedKind.hasPeriod ? period : nil)
        assert(result.rowsRead == result.rowsLoaded + result.quarantined.count, "rows read ≠ loaded + quarantined")
        return result
    }
}
