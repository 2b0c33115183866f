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
