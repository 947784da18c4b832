/// Telling UTF-8 from GB18030 when a file's first multi-byte characters are too few to tell.
extension StreamReader {
    /// How far ahead ``invalidUTF8Ahead(from:multibyteSoFar:)`` looks: as far as one default chunk.
    static let lookaheadLimit = 1 << 20
    /// How far past the first byte that is not UTF-8 the bytes are weighed.
    static let weighedBytes = 1 << 16

    /// The offset of a byte that is not UTF-8, reading on from `offset` without moving the
    /// stream, found before the multi-byte characters (counting `multibyteSoFar` already seen)
    /// reach ``CSVFileStream/utf8RunThatProvesUTF8``; or nil.
    ///
    /// Decides the encoding when a chunk held only a few multi-byte characters,
    /// all valid UTF-8 (as GB18030 pairs often are), so that a small chunk decides
    /// as a large one would. Looks at most ``lookaheadLimit`` bytes; a source that
    /// cannot be read at an offset (a pipe) counts as UTF-8.
    func invalidUTF8Ahead(from offset: Int, multibyteSoFar: Int) -> Int? {
        let block = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block + 8, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        var kept = 0  // an incomplete sequence carried to the next block
        var multibyte = multibyteSoFar
        while position - offset < Self.lookaheadLimit {
            let got = source.read(at: position, into: buffer.baseAddress! + kept, count: block)
            if got <= 0 { return nil }
            let scan = scanUTF8(UnsafeRawBufferPointer(rebasing: buffer[0..<(kept + got)]))
            multibyte += scan.multibyteCount
            if multibyte >= CSVFileStream.utf8RunThatProvesUTF8 { return nil }
            if let invalid = scan.invalidAt { return position - kept + invalid }
            position += got
            kept = kept + got - scan.validPrefix
            if kept > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + scan.validPrefix, byteCount: kept) }
        }
        return nil
    }

    /// Whether the bytes from `offset` (where the file stops being plain ASCII) to a little
    /// past `firstInvalid` (the first byte that is not UTF-8) read better as GB18030.
    ///
    /// Each reading counts its damaged characters (sequences it cannot decode, each
    /// skipped to read on). GB18030 wins when it has fewer, unless the UTF-8 reading
    /// finds at least ``CSVFileStream/utf8RunThatProvesUTF8`` valid characters per damaged
    /// one: UTF-8 text with a bad byte, which GB18030 often reads as nonsense without fault.
    /// A source that cannot be read at an offset (a pipe) reads as GB18030.
    func readsBetterAsGB18030(from offset: Int, firstInvalid: Int) -> Bool {
        let length = firstInvalid - offset + Self.weighedBytes
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: length, alignment: 16)
        defer { buffer.deallocate() }
        var got = 0
        while got < length {
            let read = source.read(at: offset + got, into: buffer.baseAddress! + got, count: length - got)
            if read < 0 { return true }
            if read == 0 { break }
            got += read
        }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
        let utf8 = utf8Damage(bytes)
        let gb18030 = gb18030Damage(bytes)
        return utf8.damaged > gb18030 && utf8.valid < CSVFileStream.utf8RunThatProvesUTF8 * utf8.damaged
    }
}

/// Damaged sequences in `bytes` read as UTF-8 (a lead byte and the continuation bytes it
/// has, or a stray byte, each once), and the valid multi-byte characters.
func utf8Damage(_ bytes: UnsafeRawBufferPointer) -> (damaged: Int, valid: Int) {
    var damaged = 0
    var valid = 0
    var i = 0
    while i < bytes.count {
        let scan = scanUTF8(UnsafeRawBufferPointer(rebasing: bytes[i...]))
        valid += scan.multibyteCount
        guard let bad = scan.invalidAt else { break }
        damaged += 1
        i += bad
        let lead = bytes[i]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
        var skipped = 1
        while skipped < length && i + skipped < bytes.count && bytes[i + skipped] & 0xC0 == 0x80 { skipped += 1 }
        i += skipped
    }
    return (damaged, valid)
}

/// Damaged sequences in `bytes` read as GB18030, each skipped one byte at a time.
func gb18030Damage(_ bytes: UnsafeRawBufferPointer) -> Int {
    let decoder = GB18030Decoder()
    let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * bytes.count + 8, alignment: 16)
    defer { output.deallocate() }
    var damaged = 0
    var i = 0
    while i < bytes.count {
        switch Result(catching: { () throws(GB18030Decoder.Failure) in
            try decoder.decode(UnsafeRawBufferPointer(rebasing: bytes[i...]), into: output)
        }) {
        case .success:
            return damaged  // the rest decodes, but for an incomplete character at the end
        case .failure(.invalidSequence(let offset, _)):
            damaged += 1
            i += offset + 1
            decoder.reset()
        }
    }
    return damaged
}
