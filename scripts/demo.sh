#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build StatGuard in
# release mode, and run the monthly pipeline over every period of SampleData/,
# writing the reports to Reports/monthly-industry/<YYYY-MM>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build -c release --product statguard
bin="$(swift build -c release --show-bin-path)/statguard"
"$bin" run --pipeline Pipelines/monthly-industry.yaml --from 2023-02 --to 2024-12 --quiet

last="Reports/monthly-industry/2024-12"
echo
echo "Done. Start with $last/alerts.md (ranked alerts) and $last/quality.md;"
echo "every period's alerts.csv, quarantine.csv and run.json are beside them."
