"""The same subset of the monthly job in DuckDB, for the benchmark's side-by-side.

Prepare once (untimed, like loading StatGuard's store with the first 12 periods):
    python duckdb_monthly.py --data DIR --prepare 2023-11 2024-11 --db history.duckdb
Then the timed run for the 13th period prints JSON with its time, counts and totals:
    python duckdb_monthly.py --data DIR --period 2024-12 --db history.duckdb

The work, with StatGuard's defaults (see Sources/StatGuardChecks):
  C01 export > sales × 1.001 + 0.5 (export not blank)
  C03 |last 累计 + 本月 − 累计| > max(1, 0.005·|累计|) for gross or sales output (first period of the year: 累计 vs 本月)
  O01 / U03 output / electricity-implied output above 1.35 / below 0.6, with the class median drift
      (class needs 5 usable members, else the median over all), usable when output a year ago ≥ 100
      and electricity now and a year ago ≥ 1 (zero output is left to U05)
  O04 Hidiroglou-Berthelot on x/x(t−12) within the class (≥ 10 members with both > 0), U = 0.5,
      A = 0.05, C = 20, quartiles R type 7; an outlier whose electricity ratio is within ×1.3 of its
      output ratio is explained and not counted
  U01 register enterprises due (规上, 正常运营, entered ≤ P < exited) with no report
  county and 2-digit division totals of gross output with comparable-basis growth (base: the reported
      上年同期, else last year's report)
"""
import argparse
import json
import time

import duckdb

COLUMNS = {
    "统一社会信用代码": "credit_code", "单位详细名称": "name", "行政区划代码": "region_code", "行业代码": "industry_code",
    "报告期": "period", "工业总产值(当年价格)本月": "gross_output", "工业总产值(当年价格)本年累计": "gross_output_ytd",
    "工业总产值上年同期": "gross_output_ly", "工业总产值上年同期累计": "gross_output_ytd_ly", "工业销售产值本月": "sales_output",
    "工业销售产值本年累计": "sales_output_ytd", "出口交货值本月": "export_delivery", "营业收入本年累计": "revenue_ytd",
    "利润总额本年累计": "profit_ytd", "工业用电量本月": "electricity", "综合能源消费量本月": "energy",
    "从业人员期末人数": "employees", "所属园区": "park", "规模标志": "above_scale", "运营状态": "status",
    "入库年月": "entered", "出库年月": "exited",
}
NUMERIC = ["gross_output", "gross_output_ytd", "gross_output_ly", "sales_output", "sales_output_ytd", "export_delivery", "electricity"]


def reports_select(path):
    """Reads a reports file into a fixed column list (identifiers as text; absent columns NULL)."""
    header = duckdb.sql(f"SELECT * FROM read_csv('{path}', header=true, all_varchar=true) LIMIT 0").columns
    present = {COLUMNS.get(c.replace("（", "(").replace("）", ")"), c): c for c in header}
    parts = []
    for name in ["credit_code", "region_code", "industry_code"] + NUMERIC:
        column = present.get(name)
        if column is None:
            parts.append(f"NULL::{'DOUBLE' if name in NUMERIC else 'VARCHAR'} AS {name}")
        elif name in NUMERIC:
            parts.append(f"TRY_CAST(NULLIF(REPLACE(\"{column}\", ',', ''), '') AS DOUBLE) AS {name}")
        else:
            parts.append(f"\"{column}\" AS {name}")
    return f"SELECT {', '.join(parts)} FROM read_csv('{path}', header=true, all_varchar=true)"


def periods(first, last):
    """Reporting periods from first to last, 1-2月 combined (no January)."""
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        if m != 1:
            out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def previous(period):
    y, m = map(int, period.split("-"))
    m -= 1
    if m == 1:
        m -= 1
    if m == 0:
        y, m = y - 1, 12
    return f"{y:04d}-{m:02d}"


def prepare(con, data, first, last):
    first_path = f"{data}/reports/reports_{first.replace('-', '')}.csv"
    con.execute(f"CREATE OR REPLACE TABLE history AS SELECT NULL::VARCHAR AS period, * FROM ({reports_select(first_path)}) WHERE false")
    for p in periods(first, last):
        path = f"{data}/reports/reports_{p.replace('-', '')}.csv"
        con.execute(f"INSERT INTO history SELECT '{p}', * FROM ({reports_select(path)})")


def run(con, data, period):
    compact = period.replace("-", "")
    y, m = period.split("-")
    last_year, last_period = f"{int(y) - 1}-{m}", previous(period)
    opens_year = m == "02"
    current_path = f"{data}/reports/reports_{compact}.csv"
    con.execute(f"CREATE OR REPLACE TEMP TABLE cur AS {reports_select(current_path)}")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE reg AS SELECT "统一社会信用代码" AS credit_code, "规模标志" AS above_scale,
        "运营状态" AS status, "入库年月" AS entered, NULLIF("出库年月", '') AS exited
        FROM read_csv('{data}/register/register.csv', header=true, all_varchar=true)""")
    counts = {}
    counts["C01"] = con.execute("SELECT count(*) FROM cur WHERE export_delivery IS NOT NULL AND export_delivery > sales_output * 1.001 + 0.5").fetchone()[0]
    if opens_year:
        counts["C03"] = con.execute("""SELECT count(*) FROM cur WHERE abs(gross_output - gross_output_ytd) > greatest(1, 0.005 * abs(gross_output_ytd))
            OR abs(sales_output - sales_output_ytd) > greatest(1, 0.005 * abs(sales_output_ytd))""").fetchone()[0]
    else:
        counts["C03"] = con.execute(f"""SELECT count(*) FROM cur c JOIN history h ON h.period = '{last_period}' AND h.credit_code = c.credit_code
            WHERE abs(h.gross_output_ytd + c.gross_output - c.gross_output_ytd) > greatest(1, 0.005 * abs(c.gross_output_ytd))
               OR abs(h.sales_output_ytd + c.sales_output - c.sales_output_ytd) > greatest(1, 0.005 * abs(c.sales_output_ytd))""").fetchone()[0]
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ly AS SELECT c.*, h.gross_output AS x12, h.electricity AS e12
        FROM cur c LEFT JOIN history h ON h.period = '{last_year}' AND h.credit_code = c.credit_code""")
    con.execute("""CREATE OR REPLACE TEMP TABLE usable AS SELECT *, (gross_output / x12) / (electricity / e12) AS drift
        FROM ly WHERE x12 >= 100 AND e12 >= 1 AND electricity >= 1 AND gross_output <> 0""")
    overall = con.execute("SELECT median(drift) FROM usable WHERE drift > 0").fetchone()[0]
    con.execute(f"""CREATE OR REPLACE TEMP TABLE implied AS
        WITH k AS (SELECT industry_code, CASE WHEN count(*) FILTER (WHERE drift > 0) >= 5 THEN median(drift) FILTER (WHERE drift > 0)
                   ELSE {overall} END AS m FROM usable GROUP BY industry_code)
        SELECT u.*, gross_output / (x12 * (electricity / e12) * k.m) AS ratio FROM usable u JOIN k USING (industry_code)""")
    counts["O01"] = con.execute("SELECT count(*) FROM implied WHERE ratio > 1.35").fetchone()[0]
    counts["U03"] = con.execute("SELECT count(*) FROM implied WHERE ratio < 0.6").fetchone()[0]
    counts["O04"] = con.execute("""
        WITH u AS (SELECT *, gross_output / x12 AS r FROM ly WHERE gross_output > 0 AND x12 > 0),
        ok AS (SELECT industry_code FROM u GROUP BY industry_code HAVING count(*) >= 10),
        rm AS (SELECT industry_code, quantile_cont(r, 0.5) AS rm FROM u JOIN ok USING (industry_code) GROUP BY industry_code),
        e AS (SELECT u.*, (CASE WHEN r < rm THEN 1 - rm / r ELSE r / rm - 1 END) * sqrt(greatest(gross_output, x12)) AS effect
              FROM u JOIN rm USING (industry_code)),
        q AS (SELECT industry_code, quantile_cont(effect, 0.25) AS q1, quantile_cont(effect, 0.5) AS em,
              quantile_cont(effect, 0.75) AS q3 FROM e GROUP BY industry_code),
        b AS (SELECT industry_code, em - 20 * greatest(em - q1, abs(0.05 * em)) AS lo, em + 20 * greatest(q3 - em, abs(0.05 * em)) AS hi FROM q)
        SELECT count(*) FROM e JOIN b USING (industry_code)
        WHERE (effect < lo OR effect > hi)
          AND NOT (electricity > 0 AND e12 > 0 AND abs(ln(r / (electricity / e12))) < ln(1.3))""").fetchone()[0]
    counts["U01"] = con.execute(f"""SELECT count(*) FROM reg WHERE above_scale = '1' AND status = '1'
        AND replace(replace(entered, '/', '-'), '.', '-') <= '{period}' AND (exited IS NULL OR exited > '{period}')
        AND credit_code NOT IN (SELECT credit_code FROM cur)""").fetchone()[0]
    totals = {}
    for name, key in (("county", "substr(region_code, 1, 6)"), ("division", "substr(industry_code, 1, 2)")):
        rows = con.execute(f"""SELECT {key} AS g, sum(gross_output) AS total,
                sum(gross_output) FILTER (WHERE coalesce(gross_output_ly, x12) IS NOT NULL) AS now,
                sum(coalesce(gross_output_ly, x12)) AS base
            FROM ly GROUP BY g ORDER BY g""").fetchall()
        totals[name] = {g: {"total": total, "growth_pct": (now / base - 1) * 100 if base else None} for g, total, now, base in rows}
    return counts, totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--period")
    parser.add_argument("--prepare", nargs=2, metavar=("FIRST", "LAST"))
    args = parser.parse_args()
    con = duckdb.connect(args.db)
    if args.prepare:
        prepare(con, args.data, *args.prepare)
        return
    start = time.perf_counter()
    counts, totals = run(con, args.data, args.period)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "counts": counts, "totals": totals}, ensure_ascii=False))


if __name__ == "__main__":
    main()
