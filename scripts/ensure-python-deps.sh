#!/usr/bin/env bash
# Makes .build-venv/ (git-ignored) with openpyxl, the independent .xlsx reader the
# render tests call (Tests/StatGuardRenderTests/check_xlsx.py), and Playwright, which
# drives Debian's chromium in the workbench's browser test (Tests/Browser/). Playwright's
# own browser download is never used (`playwright install` cannot reach the internet here).
# Safe to run again: when the venv already imports both it does nothing, in well under a second.
# Without python3 it only says so: those tests then skip.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.build-venv"
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found: the openpyxl check of the render tests will be skipped" >&2
  exit 0
fi
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import openpyxl, playwright" 2>/dev/null; then
  exit 0
fi
echo "Installing openpyxl and playwright into $venv …" >&2
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "openpyxl==3.1.5" "playwright==1.65.2"
