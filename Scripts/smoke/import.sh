#!/usr/bin/env bash
# Smoke run of the importers on the bundled sample exports (Examples/support-desk/samples): tickets into a store
# twice (the second run adds nothing), a custom status without a mapping refused, CSV files written and reported.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples=Examples/support-desk/samples
desk=("$bin/support-desk" --store "$work/store")
"${desk[@]}" import whmcs "$samples"/whmcs/* --time-zone Asia/Vientiane --mapping "$samples/whmcs-mapping.json" \
  | grep -q "tickets: 3 created"
"${desk[@]}" import whmcs "$samples"/whmcs/* --time-zone Asia/Vientiane --mapping "$samples/whmcs-mapping.json" \
  | grep -q "0 written"
"${desk[@]}" import zendesk "$samples"/zendesk/* --mapping "$samples/zendesk-mapping.json" 2>/dev/null \
  | grep -q "tickets: 2 created"
"${desk[@]}" show whmcs-T101 | grep -q "password: \[redacted\]"
status=0
"${desk[@]}" import whmcs "$samples"/whmcs/* --time-zone Asia/Vientiane 2>"$work/error" || status=$?
test "$status" -eq 2
grep -q "unknownStatus: .*ticket-details.jsonl: line 2: status:" "$work/error"
whmcs=()
for file in products clients invoices cancellations; do whmcs+=(--whmcs "$samples/whmcs/$file.json"); done
"$bin/retention-report" convert "${whmcs[@]}" --zendesk "$samples/zendesk/satisfaction_ratings.json" \
  --time-zone Asia/Vientiane --mapping "$samples/whmcs-mapping.json" --out "$work/csv" 2>/dev/null >/dev/null
grep -q "^whmcs-C8,whmcs-S13,VPS 4 GB,vps,direct,annual,2023-04-02,2024-04-02,23.99,USD,,$" "$work/csv/subscriptions.csv"
grep -q "^whmcs-C9,whmcs-S14,.*,reseller,.*,sihavong-reseller,$" "$work/csv/subscriptions.csv"
"$bin/retention-report" --subscriptions "$work/csv/subscriptions.csv" --surveys "$work/csv/surveys.csv" \
  | grep -q "Retention report"
"$bin/retention-report" "${whmcs[@]}" --time-zone Asia/Vientiane --mapping "$samples/whmcs-mapping.json" 2>/dev/null \
  | grep -q "Retention report"
