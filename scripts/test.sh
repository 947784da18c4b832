#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, run a ten-second fuzz smoke of the ingest and of the rule language (the long fuzz
# runs are `scripts/fuzz.sh ingest 1000000` and `scripts/fuzz.sh rules 1000000`, outside CI).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

scripts/fuzz.sh --smoke ingest
scripts/fuzz.sh --smoke rules
swift build --build-tests
swift test --skip-build
