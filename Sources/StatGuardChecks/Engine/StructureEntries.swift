import StatGuardCore

/// The catalog entries of the structural rules (S*), applied while reading: a row
/// failing one is quarantined with its located reason and cannot be switched in.
enum StructureEntries {
    static var all: [RuleEntry] { StructureRule.allCases.map(entry) }

    static func entry(_ rule: StructureRule) -> RuleEntry {
        let (meaning, ask) = explanation(rule)
        return RuleEntry(
            RuleID(rule.rawValue), category: .structure, severity: .error,
            title: Bilingual(zh: rule.titleZh, en: rule.title), meaning: meaning,
            why: Bilingual(
                zh: "无法使用的行不能入库：它的数据不进入汇总，直到企业更正后重新报送。",
                en: "An unusable row cannot be stored: its figures stay out of the totals until the enterprise resubmits it corrected."),
            ask: ask,
            messages: ["": FindingMessage(
                zh: FindingTemplate("{file}第{line:int}行未入库（\(rule.titleZh)）：{reason}"),
                en: FindingTemplate("{file} line {line:int} was not loaded (\(rule.title)): {reason}"),
                observed: "{file}:{line:int}", expected: "a usable row",
                example: ["file": "reports_202412.csv", "line": 57, "reason": example(rule)])],
            canBeDisabled: false)
    }

    private static func explanation(_ rule: StructureRule) -> (meaning: Bilingual, ask: Bilingual) {
        switch rule {
        case .S01:
            (Bilingual(zh: "必填项为空。", en: "A required field is blank."),
             Bilingual(zh: "请企业补填后重新报送。", en: "Ask the enterprise to fill it in and resubmit."))
        case .S02:
            (Bilingual(zh: "统一社会信用代码长度、字符或校验位错误，或被Excel转成了科学计数法（9.13502E+17）。",
                       en: "The credit code has the wrong length, characters or check characters, or Excel turned it into 9.13502E+17."),
             Bilingual(zh: "请对照营业执照核对代码；Excel中请把该列设为文本后重新导出。",
                       en: "Check the code against the business licence; in Excel, set the column to text before exporting."))
        case .S03:
            (Bilingual(zh: "行业代码不是GB/T 4754-2017 B、C、D门类的4位小类。",
                       en: "The industry code is not a 4-digit class of GB/T 4754-2017 sections B, C or D."),
             Bilingual(zh: "请按名录库核对企业的行业小类代码。", en: "Check the enterprise's class against the register."))
        case .S04:
            (Bilingual(zh: "行政区划代码不是12位统计用区划代码。", en: "The region code is not a 12-digit statistical region code."),
             Bilingual(zh: "请按统计用区划代码表核对。", en: "Check it against the statistical region code table."))
        case .S05:
            (Bilingual(zh: "数值、报告期或代码无法识别。", en: "A number, period or code cannot be read."),
             Bilingual(zh: "请企业按数字格式重新填写该项。", en: "Ask for the value as a plain number."))
        case .S06:
            (Bilingual(zh: "只允许非负的指标填了负数。", en: "A figure that must be ≥ 0 is negative."),
             Bilingual(zh: "请企业核实该项数值。", en: "Ask the enterprise to verify the figure."))
        case .S07:
            (Bilingual(zh: "行的报告期不是本次加载的报告期。", en: "The row's period is not the period being loaded."),
             Bilingual(zh: "请确认文件是否放错了期别。", en: "Check whether the file belongs to another period."))
        case .S08:
            (Bilingual(zh: "同一企业同一期出现第二行（第一行之后的都不入库）。",
                       en: "A second row for the same enterprise and period (every copy after the first is not loaded)."),
             Bilingual(zh: "请确认哪一行是企业的正式报表。", en: "Confirm which row is the enterprise's report."))
        case .S09:
            (Bilingual(zh: "行的列数与表头不符。", en: "The row has more or fewer cells than the header."),
             Bilingual(zh: "请检查该行是否有多余的逗号或断行。", en: "Look for a stray comma or line break in the row."))
        case .S10:
            (Bilingual(zh: "数值大到任何企业都不可能达到（金额或实物量超过1e12，从业人员超过1000万），或无法读成有限的数。",
                       en: "A figure no enterprise can have (money or physical quantities above 1e12, employees above ten million), or a number too large to read."),
             Bilingual(zh: "多为单位或小数点错误，请企业核对后重新报送。", en: "Usually a unit or decimal-point slip: ask the enterprise to check and resubmit."))
        case .S11:
            (Bilingual(zh: "记录格式错误：未闭合的引号吞并了后续行，或一行超过4 MB、65536个单元格。",
                       en: "A malformed record: an unclosed quote swallowing the lines after it, or a line over 4 MB or 65,536 cells."),
             Bilingual(zh: "请检查该行名称等文本中的引号；其后各行已正常读入。", en: "Check the quotes in the row's text fields; the lines after it were read normally."))
        }
    }

    private static func example(_ rule: StructureRule) -> SlotValue {
        switch rule {
        case .S01: "S01 '工业总产值(当年价格)本月' (gross_output) is blank"
        case .S02: "S02 '统一社会信用代码' '9.13502E+17' is in Excel's scientific form"
        case .S03: "S03 '行业代码' '5211' is not an industrial class"
        case .S04: "S04 '行政区划代码' '51170300100' is not 12 digits"
        case .S05: "S05 '工业总产值(当年价格)本月' (gross_output) '12,3a' is not a number"
        case .S06: "S06 '工业用电量本月' (electricity) '-5' is negative"
        case .S07: "S07 '报告期' '2024-11' is not the load's period 2024-12"
        case .S08: "S08 a second row for 91110000101623741K in 2024-12"
        case .S09: "S09 the row has 17 cells, the header has 18"
        case .S10: "S10 '工业总产值(当年价格)本月' (gross_output) '3e15' is beyond any enterprise's figure"
        case .S11: "S11 a quoted field opens here and runs over the next 64 lines, which are read on their own"
        }
    }
}
