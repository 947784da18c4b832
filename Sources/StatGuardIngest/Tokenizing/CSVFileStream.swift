#if canImport(Glibc)
import StatGuardCore
import Glibc
#endif

/// What reading one file's bytes found out, besides its records.
public struct StreamSummary: Sendable {
    /// Bytes of the file read (each byte counted once, also when a stretch is read again).
    public var bytesRead: Int = 0
    /// The encoding the file was read in.
    public var encoding: TextEncoding = .utf8
    /// Whether the file started with a UTF-8 byte-order mark.
    public var hadByteOrderMark = false
}

/// Streams a CSV file through decoding and the libcsv tokenizer with a fixed-size buffer.
///
/// Encoding: a UTF-8 byte-order mark means UTF-8; otherwise bytes are read as
/// UTF-8 until the first byte that is not valid UTF-8. If no run of UTF-8
/// characters was read before it (ASCII is the same in both, and nothing but
/// ASCII has been passed on yet), the bytes around it decide: the file switches
/// to GB18030 when they read as GB18030 with fewer damaged characters than as
/// UTF-8, and is UTF-8 with a damaged byte otherwise. A chunk with too few
/// multi-byte characters to tell is decided by reading ahead in the file, so
/// the chunk size never changes the decision. A pinned encoding skips the
/// detection. Bytes valid in neither stop the file with the physical line of the
/// first bad byte in the encoding the file was read in.
///
/// When the tokenizer cuts a record short (a runaway quoted field), reading
/// goes back to the line after the cut and reads on from there: the file (or
/// the bytes in memory) is read again from that line's first byte.
///
/// Memory stays at the chunk buffers plus the longest record (at most
/// ``CSVTokenizer/maximumRecordBytes``), whatever the file size.
public struct CSVFileStream: Sendable {
    /// The file's path, or only its name when ``contents`` are given.
    public var path: String
    /// The file's bytes when they are in memory already; nil reads the file at ``path``.
    public var contents: [UInt8]?
    public var pinnedEncoding: TextEncoding?
    public var chunkSize: Int

    public init(path: String, pinnedEncoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) {
        self.path = path
        self.pinnedEncoding = pinnedEncoding
        self.chunkSize = chunkSize
    }

    /// A stream over bytes in memory, named `name` in errors.
    public init(name: String, contents: [UInt8], pinnedEncoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) {
        self.init(path: name, pinnedEncoding: pinnedEncoding, chunkSize: chunkSize)
        self.contents = contents
    }

    /// Valid multi-byte UTF-8 characters before the first invalid byte that make a file UTF-8, not GB18030.
    static let utf8RunThatProvesUTF8 = 12

    /// Bytes the first chunk must hold before signatures and the byte-order mark are looked for.
    static let signatureBytes = 4

    /// Reads the file, calling `onRow` for every record (the header included).
    /// `onRow` returns false to stop reading.
    public func read(onRow: (RawRow) -> Bool) throws(IngestError) -> StreamSummary {
        if let contents {
            return try contents.withUnsafeBytes { bytes in
                Result { () throws(IngestError) in try StreamReader(self, source: ByteSource(memory: bytes)).run(onRow: onRow) }
            }.get()
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IngestError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        return try StreamReader(self, source: ByteSource(descriptor: fd)).run(onRow: onRow)
    }

    /// What the first bytes look like when they are clearly not a CSV file, or nil.
    static func notCSV(_ head: UnsafeRawBufferPointer) -> String? {
        if head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04 {
            return "it is a zip archive, probably an Excel .xlsx workbook; save it as CSV"
        }
        if head.count >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0 {
            return "it is an old Excel .xls workbook; save it as CSV"
        }
        if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
            return "it is UTF-16 text (Excel's \"Unicode text\"); save it as CSV UTF-8 or GB18030"
        }
        if head.prefix(4096).contains(0) {
            return "it holds binary data (NUL bytes)"
        }
        return nil
    }
}
