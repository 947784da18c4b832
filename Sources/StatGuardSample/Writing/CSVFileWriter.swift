import Foundation
import StatGuardCore
#if canImport(Glibc)
import Glibc
#endif

/// Why a sample file could not be written.
public struct SampleWriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Streams one CSV file to disk: records are formatted into ``buffer`` and flushed
/// in about 1 MiB blocks, converted to GB18030 with glibc iconv when the style asks
/// (Foundation's GB18030 support on Linux is not reliable). The file is written as
/// `NAME.partial` and renamed when closed, so a crash never leaves half a file.
final class CSVFileWriter {
    let path: String
    let style: FileStyle
    var buffer = ByteBuffer(capacity: 1 << 21)
    private let descriptor: Int32
    private var converter: iconv_t?
    private var converted: [UInt8] = []
    private(set) var bytesWritten = 0
    private(set) var records = 0

    init(path: String, style: FileStyle) throws {
        self.path = path
        self.style = style
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        descriptor = open(path + ".partial", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw SampleWriteError(path: path, reason: "cannot create the file: \(String(cString: strerror(errno)))")
        }
        if style.charset == .gb18030 {
            let cd = iconv_open("GB18030", "UTF-8")
            guard cd != iconv_t(bitPattern: -1) else {
                throw SampleWriteError(path: path, reason: "glibc iconv has no GB18030 converter")
            }
            converter = cd
        } else if style.byteOrderMark {
            buffer.append([0xEF, 0xBB, 0xBF])
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// Writes the header line for `fields`.
    func header(_ fields: [FieldSpec]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.comma() }
            buffer.append(string: CSVEncoding.field(style.englishHeader ? field.name : field.header))
        }
        try endRecord()
    }

    /// Ends the record in ``buffer`` and flushes when the buffer is full.
    @inline(__always)
    func endRecord() throws {
        if style.crlf { buffer.append(0x0D) }
        buffer.append(0x0A)
        records += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the buffered records to disk.
    func flush() throws {
        guard buffer.count > 0 else { return }
        if converter != nil {
            let produced = try convertBuffer()
            try converted.withUnsafeBytes { try writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
        } else {
            try buffer.bytes.withUnsafeBytes { try writeAll($0) }
        }
        buffer.removeAll()
    }

    /// Flushes, closes and renames the file into place.
    func close() throws {
        try flush()
        guard Glibc.close(descriptor) == 0 else {
            throw SampleWriteError(path: path, reason: "cannot close: \(String(cString: strerror(errno)))")
        }
        guard rename(path + ".partial", path) == 0 else {
            throw SampleWriteError(path: path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SampleWriteError(path: path, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        bytesWritten += raw.count
    }

    /// Converts ``buffer`` into ``converted``; returns the bytes produced.
    private func convertBuffer() throws -> Int {
        let needed = buffer.count * 2 + 16
        if converted.count < needed { converted = [UInt8](repeating: 0, count: needed) }
        var produced = 0
        let ok: Bool = buffer.bytes.withUnsafeMutableBufferPointer { input in
            converted.withUnsafeMutableBufferPointer { output in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = input.count
                var outLeft = output.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                produced = output.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard ok else { throw SampleWriteError(path: path, reason: "text cannot be converted to GB18030") }
        return produced
    }
}
