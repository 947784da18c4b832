#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build StatGuard in
# release mode, and run the monthly pipeline over every period of SampleData/,
# writing the reports to Reports/monthly-industry/<YYYY-MM>/ and 查询单 letters for
# the three enterprises that matter most in the last period.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build -c release --product statguard
bin="$(swift build -c release --show-bin-path)/statguard"
"$bin" run --pipeline Pipelines/monthly-industry.yaml --from 2023-02 --to 2024-12 --quiet
"$bin" letter --pipeline Pipelines/monthly-industry.yaml --period 2024-12 --top 3 --bureau 达州市统计局

last="Reports/monthly-industry/2024-12"
echo
echo "Done. Start with $last/alerts.md (ranked alerts), $last/summary.md (the summary, opening"
echo "with a paragraph for leaders) and $last/quality.md; alerts.xlsx and summary.xlsx are the"
echo "same in Excel. Query letters are in Reports/monthly-industry/letters/2024-12/."
echo "Every rule is explained in docs/CHECKS.md (or: $bin explain O01)."
