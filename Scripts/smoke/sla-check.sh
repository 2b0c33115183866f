#!/usr/bin/env bash
# sla-check: business time and deadlines on the bundled sample calendar (New York, Mon–Fri with lunch,
# a Saturday night shift, three holidays).
set -euo pipefail
calendar=Examples/sla-check/samples/calendar.json

elapsed=$(printf '%s\n' \
  '{"start":"2026-11-20T16:00:00-05:00","end":"2026-11-23T10:30:00-05:00"}' \
  | "$bin/sla-check" elapsed --calendar "$calendar")
# Friday 16–17 (1 h) + Saturday night 22:00–06:00 (8 h) + Monday 09:00–10:30 (1.5 h).
[ "$elapsed" = '{"seconds":37800}' ] || { echo "unexpected elapsed output: $elapsed" >&2; exit 1; }

deadline=$(printf '%s\n' '{"start":"2026-11-20T16:00:00-05:00","seconds":3600}' \
  | "$bin/sla-check" deadline --calendar "$calendar")
# Friday 16:00 + 1 business hour = Friday 17:00 EST.
[ "$deadline" = '{"deadline":"2026-11-20T22:00:00Z"}' ] || { echo "unexpected deadline output: $deadline" >&2; exit 1; }

# A malformed line stops the run with status 2.
if printf '%s\n' '{"start":"yesterday","end":"today"}' \
  | "$bin/sla-check" elapsed --calendar "$calendar" 2>/dev/null; then
  echo "a malformed line was accepted" >&2
  exit 1
fi

# The compliance report over the bundled ticket export (see Examples/sla-check/samples/tickets.jsonl).
report=$("$bin/sla-check" report --tickets Examples/sla-check/samples/tickets.jsonl --now 2026-11-30T00:00:00Z)
# Resolution: 4 of 8 measured cycles achieved (on hold counts as requester wait); median 1.5 h, p90 14.5 h.
echo "$report" | grep -Eq '^all +resolution +all +all +8 +4 +4 +1 +50\.0% +1:30:00 +14:32:30$' \
  || { echo "unexpected report output: $report" >&2; exit 1; }
# Two tickets open past 24 h whatever their pauses; 3 of 5 solved tickets resolved on first contact.
echo "$report" | grep -q '^Open past 24 h (wall-clock age, pauses included): 2$' \
  || { echo "the report is missing the open-past-24 h list: $report" >&2; exit 1; }
echo "$report" | grep -Eq '^all +8 +5 +1 +20\.0% +3 +60\.0% +2$' \
  || { echo "unexpected resolution quality: $report" >&2; exit 1; }
json=$("$bin/sla-check" report --tickets Examples/sla-check/samples/tickets.jsonl --now 2026-11-30T00:00:00Z --json)
case "$json" in
*'"attainmentPercent"'*) ;;
*) echo "the JSON report is missing attainment: $json" >&2; exit 1 ;;
esac
