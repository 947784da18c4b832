#!/usr/bin/env bash
# Renders the SVG goldens of the render tests to PNG, to look at them as a reader would:
#   scripts/chart-pngs.sh [OUTDIR]   (default /tmp/statguard-chart-pngs)
# Needs rsvg-convert and a CJK font (Debian: librsvg2-bin fonts-wqy-microhei); installs them when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/tmp/statguard-chart-pngs}"
missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p "$out"
for svg in "$root"/Tests/StatGuardRenderTests/Golden/*.svg; do
  name="$(basename "$svg" .svg)"
  rsvg-convert -b white "$svg" -o "$out/$name.png"
done
echo "PNGs in $out"
