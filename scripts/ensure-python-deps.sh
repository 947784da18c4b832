#!/usr/bin/env bash
# Makes .build-venv/ (git-ignored) with openpyxl, the independent .xlsx reader the
# render tests call (Tests/StatGuardRenderTests/check_xlsx.py). Safe to run again:
# when the venv already imports openpyxl it does nothing, in well under a second.
# Without python3 it only says so: those tests then skip.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.build-venv"
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found: the openpyxl check of the render tests will be skipped" >&2
  exit 0
fi
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import openpyxl" 2>/dev/null; then
  exit 0
fi
echo "Installing openpyxl into $venv …" >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "openpyxl==3.1.5"
