"""Independent check of StatGuard's rendered workbooks with openpyxl.

Usage: check_xlsx.py ALERTS.xlsx SUMMARY.xlsx  (as written by OpenpyxlTests from
RenderFixtures). Prints one line per problem and exits 1 when there is any, 3 when
openpyxl is missing, 0 with "ok: <file>" lines otherwise.
"""
import datetime
import os
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed (run scripts/ensure-python-deps.sh)")
    sys.exit(3)

STATUSES = '"open,in_review,confirmed,explained,false_alarm,corrected"'
ALERT_HEADER = ["period", "scope", "credit_code", "name", "region_code", "industry_code", "rule_id", "category",
                "severity", "score", "indicator", "observed", "expected", "message_zh", "message_en",
                "alert_key", "status", "status_reason", "first_seen", "occurrences", "reason", "by"]
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def check_alerts(path):
    wb = openpyxl.load_workbook(path)
    expect(wb.sheetnames == ["预警 alerts", "511702", "511703", "511722", "其他 other"], f"alert sheets: {wb.sheetnames}")
    expect(wb.properties.created == datetime.datetime(2024, 12, 1), f"created: {wb.properties.created}")
    for ws in wb.worksheets:
        last = ws.max_row
        header = [c.value for c in ws[1]]
        expect(header == ALERT_HEADER, f"{ws.title}: header {header}")
        expect(ws.freeze_panes == "E2", f"{ws.title}: freeze panes {ws.freeze_panes}")
        expect(ws.auto_filter.ref == f"A1:V{last}", f"{ws.title}: autofilter {ws.auto_filter.ref}")
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        expect(len(lists) == 1, f"{ws.title}: {len(lists)} list validations")
        for dv in lists:
            expect(dv.formula1 == STATUSES, f"{ws.title}: drop-down {dv.formula1}")
            expected = "Q2" if last == 2 else f"Q2:Q{last}"
            expect(str(dv.sqref) == expected, f"{ws.title}: drop-down range {dv.sqref}")
            expect(dv.allow_blank, f"{ws.title}: blank status not allowed")
        for row in range(2, last + 1):
            score = ws.cell(row, 10)
            expect(score.data_type == "n" and score.number_format == "0.000000",
                   f"{ws.title}!J{row}: {score.data_type} {score.number_format}")
            expect(ws.cell(row, 17).value == "open", f"{ws.title}!Q{row}: status {ws.cell(row, 17).value}")
            for col in (21, 22):
                expect(ws.cell(row, col).value is None, f"{ws.title}: statistician column {col} not empty")
    first = wb.worksheets[0]
    names = {first.cell(r, 4).value: first.cell(r, 4) for r in range(2, first.max_row + 1)}
    hostile = names.get("=cmd|' /C calc'!A0")
    expect(hostile is not None and hostile.data_type == "s", f"formula-like name: {hostile and hostile.data_type}")
    expect("<script>alert(1)</script> & \"甲\" '乙'" in names, "script name not kept as text")
    scores = [first.cell(r, 10).value for r in range(2, first.max_row + 1)]
    expect(scores == sorted(scores, reverse=True), f"not in score order: {scores}")


def check_summary(path):
    wb = openpyxl.load_workbook(path)
    expect(wb.sheetnames == ["主要指标 headline", "分区县 county", "分乡镇（街道） town", "产能利用率 capacity"],
           f"summary sheets: {wb.sheetnames}")
    head = wb["主要指标 headline"]
    expect(head.freeze_panes == "B2", f"headline freeze {head.freeze_panes}")
    expect(head["A2"].value == "企业数 enterprises" and head["C2"].value == 123, f"headline A2/C2 {head['A2'].value} {head['C2'].value}")
    expect(head["A3"].value == "工业总产值" and head["C3"].number_format == "#,##0.0", f"headline output {head['C3'].number_format}")
    expect(head["D3"].number_format == "0.0%", f"headline growth format {head['D3'].number_format}")
    county = wb["分区县 county"]
    expect(county.freeze_panes == "C2", f"county freeze {county.freeze_panes}")
    expect(county.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(county.max_column)}{county.max_row}",
           f"county autofilter {county.auto_filter.ref}")
    expect([c.value for c in county["B"]][1:] == ["通川区", "达川区", "宣汉县"], "county rows")
    expect(county["D1"].value == "本月工业总产值（万元）" and county["D2"].number_format == "#,##0.0", "output column")
    expect(county["E2"].value == 0.062 and county["E2"].number_format == "0.0%", f"growth {county['E2'].value}")
    expect(county["G2"].number_format == "0.00", f"contribution format {county['G2'].number_format}")
    expect(county["C2"].value == 58 and county["C2"].number_format == "#,##0", "enterprise count")
    expect(len(county.data_validations.dataValidation) == 0, "summary has no drop-down")
    capacity = wb["产能利用率 capacity"]
    expect(capacity["G2"].number_format == "0.0%" and abs(capacity["G2"].value - 120500 / 150000) < 1e-12, "capacity use")


check_alerts(sys.argv[1])
check_summary(sys.argv[2])
if problems:
    print("\n".join(problems))
    sys.exit(1)
for path in sys.argv[1:3]:
    print(f"ok: {os.path.basename(path)}")
