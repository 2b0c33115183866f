#!/usr/bin/env bash
set -euo pipefail
"$bin/support-desk" demo >/dev/null
# A short scenario as JSON: must parse and name every section.
json=$("$bin/support-desk" demo --days 7 --customers 20 --seed 3 --json)
for section in scenario sla notifications ageGuard sentiment surveys suggestions incidents maintenance resolutionQuality clarity retention churnRisks experience; do
  grep -q "\"$section\"" <<<"$json" || { echo "support-desk demo --json: missing $section" >&2; exit 1; }
done
# Bad input: one-line error, exit status 2.
if "$bin/support-desk" demo --days zero 2>/dev/null; then echo "support-desk demo accepted --days zero" >&2; exit 1; fi
