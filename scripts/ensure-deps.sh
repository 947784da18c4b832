#!/usr/bin/env bash
# Installs what StatGuard needs from Debian when it is missing: libcsv (the CSV
# tokenizer), SQLite's headers (for GRDB), libxlsxwriter (the .xlsx reports), libzstd (the
# store's column compression), unzip (the render tests read the .xlsx files with it), curl
# (e-mail digests), and chromium with the WenQuanYi Micro Hei font (the workbench's browser
# test renders Chinese with it). Safe to run again: it does
# nothing when all are there. Also puts a toolchain under /opt/swift on PATH if
# needed, and makes the render tests' Python venv (scripts/ensure-python-deps.sh).
set -euo pipefail

missing=()
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/xlsxwriter.h ] || missing+=(libxlsxwriter-dev)
[ -f /usr/include/zstd.h ] || missing+=(libzstd-dev)  # the store's column compression
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v curl >/dev/null 2>&1 || missing+=(curl)  # e-mail digests go out through curl's smtp://
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "error: no Swift toolchain on PATH (Swift 6 is required)" >&2; exit 1; }
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-python-deps.sh" \
  || echo "warning: could not set up .build-venv with openpyxl; the render tests' xlsx check will fail" >&2
