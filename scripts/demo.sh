#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build StatGuard in
# release mode, and run the monthly pipeline over every period of SampleData/,
# writing the reports to Reports/monthly-industry/<YYYY-MM>/ and 查询单 letters for
# the three enterprises that matter most in the last period. The first time, it adds a
# workbench account `demo-admin` with a random password, shows it once, and says how to
# start `statguard serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build -c release --product statguard
bin="$(swift build -c release --show-bin-path)/statguard"
"$bin" run --pipeline Pipelines/monthly-industry.yaml --from 2023-02 --to 2024-12 --quiet
"$bin" letter --pipeline Pipelines/monthly-industry.yaml --period 2024-12 --top 3 --bureau 达州市统计局

pipeline=Pipelines/monthly-industry.yaml
if ! "$bin" users list --pipeline "$pipeline" | grep -q "^demo-admin	"; then
  password="$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
  printf '%s\n' "$password" | "$bin" users add demo-admin --pipeline "$pipeline" --role admin --region 5117 --password-stdin
  signin="Sign in as demo-admin with password $password (shown only now; add your own users with 'statguard users add')."
else
  signin="Sign in as demo-admin (added by an earlier demo run), or add a user with '$bin users add NAME --pipeline $pipeline --role town --region CODE --password-stdin'."
fi

last="Reports/monthly-industry/2024-12"
echo
echo "Done. Start with $last/alerts.md (ranked alerts), $last/summary.md (the summary, opening"
echo "with a paragraph for leaders) and $last/quality.md; alerts.xlsx and summary.xlsx are the"
echo "same in Excel. Query letters are in Reports/monthly-industry/letters/2024-12/."
echo "Every rule is explained in docs/CHECKS.md (or: $bin explain O01)."
echo
echo "The web workbench (case queue, enterprise pages, triage in the browser):"
echo "  $bin serve --pipeline $pipeline        # then open http://127.0.0.1:8080/"
echo "$signin"
