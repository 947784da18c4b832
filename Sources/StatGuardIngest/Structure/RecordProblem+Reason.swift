extension RecordProblem {
    /// The quarantine reason (rule S11), naming the column by its header.
    func reason(header: [String]) -> String {
        switch self {
        case .unclosedQuote(let column, let runsIntoNextLines):
            let name = column < header.count ? " ('\(header[column])')" : ""
            return runsIntoNextLines
                ? "a quoted field opened in column \(column + 1)\(name) does not close on its line and runs into the rows after it; the row is cut at its line end and those rows are read on their own"
                : "a quoted field opened in column \(column + 1)\(name) never closes: the file ends inside it"
        case .tooLong(let bytes, let cells):
            return "the row has \(cells) cells holding \(bytes) bytes, more than a row may have (\(CSVTokenizer.maximumRecordBytes >> 20) MiB, \(CSVTokenizer.maximumRecordCells) cells); its cells are kept truncated to the first \(CSVTokenizer.keptBytesOfLongRecord >> 10) KiB"
        }
    }

    /// The whole-file error when the header is the record that could not be read.
    func headerError(line: Int) -> IngestError.Reason {
        switch self {
        case .unclosedQuote:
            return .unterminatedQuote(line: line)
        case .tooLong(let bytes, let cells):
            return .notCSV("the header line has \(cells) cells holding \(bytes) bytes, more than a row may have")
        }
    }
}
