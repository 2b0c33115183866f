#!/usr/bin/env bash
# Smoke run of feedback-triage on generated sample feedback and the bundled corpus (no network).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/feedback.jsonl" <<'JSON'
{"id":1,"text":"The server is great but support is slow"}
{"id":2,"text":"Servis sangat lambat hari ini 😡"}
{"id":3,"text":"ບໍລິການດີຫຼາຍ ຂອບໃຈ"}
{"id":4,"text":"Migration went smoothly, thanks!"}
JSON
"$bin/feedback-triage" classify --explain "$tmp/feedback.jsonl" >"$tmp/out.jsonl"
test "$(wc -l <"$tmp/out.jsonl")" -eq 4
"$bin/feedback-triage" triage "$tmp/feedback.jsonl" >/dev/null
corpus=Tests/FeedbackSentimentTests/Resources/corpus
"$bin/feedback-triage" train --kind naiveBayes --data "$corpus/en-train.tsv" --out "$tmp/model.json" >/dev/null
"$bin/feedback-triage" evaluate --data "$corpus/en-test.tsv" --model "$tmp/model.json" >/dev/null
if printf '{"id":1,"text":"ok"}\nnot json\n' | "$bin/feedback-triage" classify >/dev/null 2>&1; then
  echo "feedback-triage accepted a malformed line" >&2
  exit 1
fi
