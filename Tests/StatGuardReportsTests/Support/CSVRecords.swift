/// A small RFC 4180 reader for checking rendered reports, independent of StatGuard's own ingest.
enum CSVRecords {
    /// The records of `text`: quoted cells may hold commas, doubled quotes and line breaks.
    static func parse(_ text: String) -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            i += 1
            if quoted {
                if scalar != "\"" {
                    cell.append(scalar)
                } else if i < scalars.count && scalars[i] == "\"" {
                    cell.append("\"")
                    i += 1
                } else {
                    quoted = false
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": record.append(String(cell)); cell = String.UnicodeScalarView()
            case "\n":
                record.append(String(cell))
                records.append(record)
                record = []
                cell = String.UnicodeScalarView()
            default: cell.append(scalar)
            }
        }
        if !cell.isEmpty || !record.isEmpty { record.append(String(cell)); records.append(record) }
        return records
    }
}
