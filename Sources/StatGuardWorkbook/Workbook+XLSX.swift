import CLibXLSXWriter
import Foundation
import StatGuardCore
#if canImport(Glibc)
import Glibc
#endif

extension Workbook {
    /// The workbook as .xlsx bytes.
    ///
    /// libxlsxwriter 1.1.4 writes only to a file, so the workbook is assembled in
    /// a private temporary folder (also used for libxlsxwriter's own temporary
    /// files), read back and removed.
    /// - Throws: ``WorkbookError`` for a sheet name Excel would refuse, more rows or
    ///   columns than a sheet holds, or any error libxlsxwriter reports (with its message).
    public func xlsx() throws(WorkbookError) -> [UInt8] {
        try checkSheetNames()
        var template = Array("\(NSTemporaryDirectory())/statguard-xlsx-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw WorkbookError(operation: "temporary folder", message: String(cString: strerror(errno)))
        }
        let folder = String(cString: created)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/workbook.xlsx"
        try XLSXWriter.write(self, to: path, temporaryFolder: folder)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError(operation: "read back", message: "\(path) cannot be read")
        }
        return [UInt8](data)
    }

    /// Writes the workbook to `path` atomically (a temporary file beside it, flushed, then renamed).
    public func write(to path: String) throws {
        try AtomicFile.write(try xlsx(), to: path)
    }

    /// Every sheet name valid on its own and unique ignoring case, as Excel requires.
    func checkSheetNames() throws(WorkbookError) {
        var seen = Set<String>()
        for sheet in sheets {
            if let problem = SheetName.problem(sheet.name) {
                throw WorkbookError(operation: "sheet name", sheet: sheet.name, message: problem)
            }
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw WorkbookError(operation: "sheet name", sheet: sheet.name, message: "two sheets are named '\(sheet.name)' (Excel ignores case)")
            }
        }
    }
}

/// The one place libxlsxwriter is called: a ``Workbook`` value into a file.
enum XLSXWriter {
    /// Excel's limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    static let maxStringLength = 32_767

    static func write(_ book: Workbook, to path: String, temporaryFolder: String) throws(WorkbookError) {
        let strings = CStrings()
        // Constant memory: each row goes to a temporary file as soon as the next begins, and strings are written inline
        // instead of through a shared-string table. A national alerts.xlsx (49,364 findings) is then written in 2 s less
        // with 250 MB less memory; it is 20 MB instead of 14, since its texts are nearly all different anyway.
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: strings.make(temporaryFolder), use_zip64: 0)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WorkbookError(operation: "workbook_new_opt", message: "cannot create \(path)")
        }
        var failure: WorkbookError?
        do {
            try fill(workbook, with: book, strings: strings)
        } catch {
            failure = error
        }
        // Closing also frees the workbook, so it happens even after a failure.
        let closed = workbook_close(workbook)
        if let failure { throw failure }
        try check(closed, "workbook_close", sheet: nil)
    }

    static func check(_ error: lxw_error, _ operation: String, sheet: String?) throws(WorkbookError) {
        guard error != LXW_NO_ERROR else { return }
        throw WorkbookError(operation: operation, sheet: sheet, message: String(cString: lxw_strerror(error)))
    }

    private static func fill(_ workbook: UnsafeMutablePointer<lxw_workbook>, with book: Workbook, strings: CStrings) throws(WorkbookError) {
        var properties = lxw_doc_properties()
        let p = book.properties
        properties.title = strings.make(nonEmpty: p.title)
        properties.subject = strings.make(nonEmpty: p.subject)
        properties.author = strings.make(nonEmpty: p.author)
        properties.company = strings.make(nonEmpty: p.company)
        properties.comments = strings.make(nonEmpty: p.comments)
        // 0 would mean "now"; anything before 1970-01-01T00:00:01 becomes that second.
        properties.created = time_t(max(p.created.timeIntervalSince1970.rounded(.down), 1))
        try check(workbook_set_properties(workbook, &properties), "workbook_set_properties", sheet: nil)

        let formats = Formats(workbook)
        for sheet in book.sheets {
            try check(workbook_validate_sheet_name(workbook, sheet.name), "sheet name", sheet: sheet.name)
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw WorkbookError(operation: "workbook_add_worksheet", sheet: sheet.name, message: "libxlsxwriter refused the sheet")
            }
            try SheetWriter(worksheet: worksheet, sheet: sheet, formats: formats, strings: strings).write()
        }
    }
}

/// Writes one ``Sheet`` into a libxlsxwriter worksheet.
struct SheetWriter {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let sheet: Sheet
    let formats: Formats
    let strings: CStrings

    func write() throws(WorkbookError) {
        let width = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        guard sheet.rows.count < XLSXWriter.maxRows else {
            throw WorkbookError(operation: "rows", sheet: sheet.name,
                                message: "\(sheet.rows.count) data rows; a sheet holds \(XLSXWriter.maxRows - 1) under its header")
        }
        guard width <= XLSXWriter.maxColumns else {
            throw WorkbookError(operation: "columns", sheet: sheet.name, message: "\(width) columns; a sheet holds \(XLSXWriter.maxColumns)")
        }
        for (index, column) in sheet.columns.enumerated() {
            try writeString(column.header, row: 0, column: index, format: formats.header)
        }
        for (rowIndex, row) in sheet.rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() {
                try write(cell, row: rowIndex + 1, column: columnIndex)
            }
        }
        for (index, width) in sheet.columnWidths.enumerated() {
            try XLSXWriter.check(worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), width, nil),
                                 "worksheet_set_column", sheet: sheet.name)
        }
        let frozen = min(max(sheet.frozenColumns, 0), max(width - 1, 0))
        worksheet_freeze_panes(worksheet, 1, lxw_col_t(frozen))
        if sheet.autofilter, !sheet.columns.isEmpty {
            try XLSXWriter.check(
                worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.columns.count - 1)),
                "worksheet_autofilter", sheet: sheet.name)
        }
        for (index, column) in sheet.columns.enumerated() {
            if let choices = column.choices, !choices.isEmpty, !sheet.rows.isEmpty {
                try dropDown(choices, column: index, header: column.header)
            }
        }
    }

    private func write(_ cell: Cell, row: Int, column: Int) throws(WorkbookError) {
        switch cell {
        case .text(let text):
            try writeString(text, row: row, column: column, format: nil)
        case .number(let value, let format):
            guard value.isFinite else { return }
            try XLSXWriter.check(
                worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), value, formats[format]),
                "worksheet_write_number", sheet: sheet.name)
        case .integer(let value):
            try XLSXWriter.check(
                worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), Double(value), formats[.integer]),
                "worksheet_write_number", sheet: sheet.name)
        case .empty:
            return
        }
    }

    /// Text as a string cell (never a formula), without NUL and cut to Excel's 32,767 characters.
    private func writeString(_ text: String, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws(WorkbookError) {
        // Most cells need neither: handed over as they are, the NUL check done by the C library's strlen
        // (scanning the UTF-8 view byte by byte was a tenth of a national workbook's sheet writing).
        let length = text.utf8.count
        if length <= XLSXWriter.maxStringLength {
            let written = text.withCString { pointer -> lxw_error? in
                guard strlen(pointer) == length else { return nil }
                return worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), pointer, format)
            }
            if let written { return try XLSXWriter.check(written, "worksheet_write_string", sheet: sheet.name) }
        }
        var clean = text.utf8.contains(0) ? String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init)) : text
        if clean.utf8.count > XLSXWriter.maxStringLength, clean.unicodeScalars.count > XLSXWriter.maxStringLength {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: clean.unicodeScalars.prefix(XLSXWriter.maxStringLength - 1))
            clean = String(scalars) + "…"
        }
        try XLSXWriter.check(
            worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), clean, format),
            "worksheet_write_string", sheet: sheet.name)
    }

    /// A list validation (drop-down) over the column's data rows; blank allowed, anything else off the list refused.
    private func dropDown(_ choices: [String], column: Int, header: String) throws(WorkbookError) {
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: choices.count + 1)
        defer { list.deallocate() }
        for (index, choice) in choices.enumerated() { list[index] = strings.make(choice) }
        list[choices.count] = nil
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.value_list = list
        validation.error_title = strings.make(String("无效的值 Invalid value".unicodeScalars.prefix(32)))
        let message = "请从下拉列表中选择 Choose one of: " + choices.joined(separator: ", ")
        validation.error_message = strings.make(String(String.UnicodeScalarView(message.unicodeScalars.prefix(255))))
        try XLSXWriter.check(
            worksheet_data_validation_range(
                worksheet, 1, lxw_col_t(column), lxw_row_t(sheet.rows.count), lxw_col_t(column), &validation),
            "worksheet_data_validation_range", sheet: sheet.name)
    }
}

/// The workbook's cell formats: the header's, and one per number format code, made on first use.
final class Formats {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    let header: UnsafeMutablePointer<lxw_format>?
    private var byCode: [String: UnsafeMutablePointer<lxw_format>] = [:]
    private let strings = CStrings()

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        header = workbook_add_format(workbook)
        if let header {
            format_set_bold(header)
            format_set_bg_color(header, 0xDDEBF7)
            format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
    }

    subscript(format: NumberFormat) -> UnsafeMutablePointer<lxw_format>? {
        if let made = byCode[format.code] { return made }
        guard let made = workbook_add_format(workbook) else { return nil }
        format_set_num_format(made, strings.make(format.code))
        byCode[format.code] = made
        return made
    }
}

/// C strings that live as long as the pool: libxlsxwriter keeps some pointers until the workbook is closed.
final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    func make(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        pointers.append(pointer)
        return pointer
    }

    func make(nonEmpty text: String) -> UnsafeMutablePointer<CChar>? {
        text.isEmpty ? nil : make(text)
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
