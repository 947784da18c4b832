/// A column of text values stored end to end in one byte array.
///
/// Appending copies bytes; no `String` is made per row. Read a value with
/// ``subscript(_:)`` (allocates) or ``withUTF8(_:_:)`` (does not).
public struct TextColumn: Sendable, Equatable {
    /// UTF-8 bytes of every value, concatenated.
    public private(set) var bytes: [UInt8] = []
    /// End offset in ``bytes`` of each value.
    public private(set) var ends: [Int] = []

    public init() {}

    /// Builds a column from its stored parts: concatenated bytes and each value's end offset.
    public init(bytes: [UInt8], ends: [Int]) {
        precondition(ends.last ?? 0 == bytes.count, "text column ends do not match its bytes")
        self.bytes = bytes
        self.ends = ends
    }

    /// Builds a column from strings (for tests and small tables).
    public init(_ values: [String]) {
        for value in values { append(value) }
    }

    public var count: Int { ends.count }

    public mutating func reserveCapacity(values: Int, bytes byteCount: Int) {
        ends.reserveCapacity(values)
        bytes.reserveCapacity(byteCount)
    }

    public mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    public mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        ends.append(bytes.count)
    }

    /// The value at `index` as a string.
    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }

    /// Whether the value at `index` is empty.
    public func isEmpty(at index: Int) -> Bool {
        (index == 0 ? 0 : ends[index - 1]) == ends[index]
    }

    /// Calls `body` with the bytes of the value at `index`.
    public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}
