#!/usr/bin/env bash
# The HTML reports as a person sees them: renders the demo's report (support-desk demo --html) and the sample
# retention report (retention-report --html) in headless Chromium at phone (375 px) and desktop (1280 px) widths,
# and fails if a page logs a console error, requests any network resource, scrolls sideways or renders blank.
# Screenshots go to .build/html-report-check/ for review; UPDATE_README_SCREENSHOT=1 also copies the top of the
# demo's desktop screenshot to Documentation/images/html-report.png. Installs Debian's chromium when missing.
# Scripts/html-report-check.py does the rendering; its --self-test first proves that each check catches a page
# that breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/html-report-check
rm -rf "$out"
mkdir -p "$out"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "check-html-report: installing Debian's chromium"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  chromium=$(command -v chromium)
fi

swift build --product support-desk >/dev/null
swift build --product retention-report >/dev/null
bin=$(swift build --show-bin-path)

echo "check-html-report: generating the demo's report and the sample retention report"
"$bin/support-desk" demo --html "$out/support-desk-demo.html" >/dev/null
"$bin/retention-report" sample --out "$out/sample" >/dev/null
"$bin/retention-report" --subscriptions "$out/sample/subscriptions.csv" --changes "$out/sample/changes.csv" \
  --surveys "$out/sample/surveys.csv" --html "$out/retention-report.html" >/dev/null

python3 Scripts/html-report-check.py --chromium "$chromium" --out "$out" --self-test --widths 375,1280 \
  --preview "$out/preview-1280.png" "$out/support-desk-demo.html" "$out/retention-report.html"
# The README's picture: the top of the demo's report at desktop width.
if [ "${UPDATE_README_SCREENSHOT:-0}" = 1 ]; then
  cp "$out/preview-1280.png" Documentation/images/html-report.png
  echo "check-html-report: updated Documentation/images/html-report.png"
fi
echo "check-html-report: ok (screenshots in $out)"
