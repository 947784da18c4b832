import StatGuardCore

extension Geography {
    /// `regions/regions.csv` (统计用区划代码, contract 2.6): the prefecture's counties under
    /// their real names and its synthetic towns, so reports show `达川区 511703`.
    func writeRegions(to writer: CSVFileWriter) throws {
        writer.buffer.append(string: writer.style.englishHeader ? "region_code,name" : "区划代码,名称")
        try writer.endRecord()
        for county in counties {
            writer.buffer.append(digits: county.code, width: 6)
            writer.buffer.comma()
            writer.buffer.append(string: CSVEncoding.field(county.name))
            try writer.endRecord()
        }
        for town in towns {
            writer.buffer.append(digits: town.code, width: 9)
            writer.buffer.comma()
            writer.buffer.append(string: CSVEncoding.field(town.name))
            try writer.endRecord()
        }
    }
}
