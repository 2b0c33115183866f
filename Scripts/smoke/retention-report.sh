#!/usr/bin/env bash
# Smoke run of retention-report on generated sample data: text report, --json, --charts, survival, experience.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/retention-report" sample --out "$work/data" >/dev/null
args=(--subscriptions "$work/data/subscriptions.csv" --changes "$work/data/changes.csv" --surveys "$work/data/surveys.csv")
"$bin/retention-report" "${args[@]}" | grep -q "Retention report"
"$bin/retention-report" "${args[@]}" --from 2023-01 --to 2024-12 --json >"$work/report.json"
grep -q '"months"' "$work/report.json"
"$bin/retention-report" "${args[@]}" --charts "$work/charts" >/dev/null
for chart in mrr-movements churn-renewal-rates cohort-heatmap kaplan-meier nps-trend; do
  test -s "$work/charts/$chart.svg"
done
printf 'duration,event,group\n6,1,6-MP\n6,0,6-MP\n10,1,6-MP\n23,1,6-MP\n1,1,placebo\n8,1,placebo\n11,1,placebo\n' >"$work/durations.csv"
"$bin/retention-report" survival --durations "$work/durations.csv" | grep -q '"log_rank"'
# Does support experience drive retention? The sample's tickets, surveys and subscriptions: text, JSON, HTML.
experience=(experience --tickets "$work/data/tickets.jsonl" --surveys "$work/data/surveys.csv"
  --subscriptions "$work/data/subscriptions.csv")
"$bin/retention-report" "${experience[@]}" | grep -q "Any SLA breach vs none"
"$bin/retention-report" "${experience[@]}" --json --html "$work/experience.html" | grep -q '"comparisons"'
grep -q "Support experience and retention" "$work/experience.html"
