#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, fuzz the ingest and the rule
# language for ten seconds each, run the whole test suite, then the workbench's browser
# test (Playwright driving Debian's chromium; screenshots in .build/browser-test/). The long fuzz runs
# (`scripts/fuzz.sh ingest 1000000`, `scripts/fuzz.sh rules 1000000`) stay outside CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

scripts/fuzz.sh --smoke ingest
scripts/fuzz.sh --smoke rules
swift build --build-tests
swift test --skip-build
.build-venv/bin/python Tests/Browser/workbench_test.py --statguard "$(swift build --show-bin-path)/statguard"
