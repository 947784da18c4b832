#!/usr/bin/env bash
# One command from a fresh clone: install what is missing and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build --build-tests
swift test --skip-build
