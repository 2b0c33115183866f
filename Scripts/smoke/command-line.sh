#!/usr/bin/env bash
# The shared command-line layer: help on stdout with status 0, one-line usage errors with status 2, in every tool.
set -euo pipefail
for tool in support-desk sla-check feedback-triage retention-report; do
  "$bin/$tool" --help | grep -q "^usage: $tool " || { echo "$tool --help: no usage line" >&2; exit 1; }
  set +e
  error=$("$bin/$tool" frobnicate 2>&1 >/dev/null)
  status=$?
  set -e
  [ "$status" -eq 2 ] || { echo "$tool frobnicate: status $status, expected 2" >&2; exit 1; }
  [ "$error" = "$tool: usage: unknown command 'frobnicate'; see '$tool --help'" ] \
    || { echo "$tool frobnicate: unexpected error: $error" >&2; exit 1; }
done
"$bin/sla-check" deadline --help | grep -q "^usage: sla-check deadline --calendar FILE"
