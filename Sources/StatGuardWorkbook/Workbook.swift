import Foundation

/// An .xlsx workbook as a value: sheets of typed cells under a header row.
///
/// Rendering (``xlsx()``) goes through libxlsxwriter and is byte-stable: the
/// same value gives the same bytes on every run and machine (fixed document
/// dates, zip entries dated 1980-01-01 by libxlsxwriter, formats registered in
/// order of first use). Text cells are always written as strings, never as
/// formulas, so `=…` from input stays text.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties

    public init(sheets: [Sheet] = [], properties: DocumentProperties = DocumentProperties()) {
        self.sheets = sheets
        self.properties = properties
    }
}

/// The document properties Excel shows under File › Info.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var author: String
    public var company: String
    public var comments: String
    /// Written as both the created and the modified date (UTC). Never "now": a
    /// fixed date keeps the bytes stable. Defaults to 1980-01-01, the date
    /// libxlsxwriter gives the zip entries; renderers use the period's first day.
    public var created: Date

    /// 1980-01-01T00:00:00Z.
    public static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    public init(
        title: String = "", subject: String = "", author: String = "StatGuard", company: String = "", comments: String = "",
        created: Date = DocumentProperties.fixedDate
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
        self.created = created
    }
}

/// A failure while building or writing a workbook: what was being done, where, and
/// libxlsxwriter's own message (or ours, for a sheet name Excel would refuse).
public struct WorkbookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The step that failed, e.g. `worksheet_write_string` or `sheet name`.
    public var operation: String
    /// The sheet concerned, when there is one.
    public var sheet: String?
    public var message: String

    public init(operation: String, sheet: String? = nil, message: String) {
        self.operation = operation
        self.sheet = sheet
        self.message = message
    }

    public var description: String {
        "Cannot write the workbook: \(operation)\(sheet.map { " on sheet '\($0)'" } ?? ""): \(message)"
    }
}
