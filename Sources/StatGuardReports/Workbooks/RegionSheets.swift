/// The level at which alerts.xlsx gives each region its own sheet: county (区/县) while the
/// findings touch at most ``RegionSheets/maximum`` counties, else city (地级), else province.
///
/// A province holds fewer than 200 counties, so a county, city or provincial run keeps one
/// sheet per county. A national month touches about 2,850 counties and 330 cities: it gets one
/// sheet per province. Thousands of sheets are more than anyone pages through, and libxlsxwriter's
/// constant-memory mode keeps one temporary file open per sheet until the workbook closes, so a
/// workbook with a sheet for every county would fail where a process may open 1,024 files.
public enum RegionSheets {
    /// The most regional sheets a workbook is given.
    public static let maximum = 250

    /// One level of the 统计用区划代码, by the digits it keeps of a county code.
    public enum Level: Int, CaseIterable, Sendable {
        case county = 6, city = 4, province = 2

        /// The six-digit code of the county's city or province (`511722` → `511700`, `510000`),
        /// the form regions.csv names them by.
        public func code(ofCounty county: String) -> String {
            String(county.prefix(rawValue)) + String(repeating: "0", count: 6 - rawValue)
        }
    }

    /// The finest level at which `counties` (six-digit codes) make at most `maximum` sheets.
    public static func level(for counties: Set<String>, maximum: Int = maximum) -> Level {
        Level.allCases.first { level in Set(counties.map { level.code(ofCounty: $0) }).count <= maximum } ?? .province
    }
}
