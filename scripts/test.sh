#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, fuzz the ingest and the rule
# language for ten seconds each, then run the whole test suite. The long fuzz runs
# (`scripts/fuzz.sh ingest 1000000`, `scripts/fuzz.sh rules 1000000`) stay outside CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

scripts/fuzz.sh --smoke ingest
scripts/fuzz.sh --smoke rules
swift build --build-tests
swift test --skip-build
