#!/usr/bin/env bash
# support-desk on the durable file store: open, update, show, export, verify, damage, repair.
set -euo pipefail
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
desk() { "$bin/support-desk" --store "$store/data" "$@"; }

id=$(desk open --customer cust-1 --subject "Site down" --body "card 4111 1111 1111 1111" --priority critical | head -n 1)
desk note "$id" --body "internal: disk full on web3" >/dev/null
desk reply "$id" --body "We are on it" >/dev/null
desk resolve "$id" --body "Fixed" >/dev/null
desk list | grep -q "^$id  resolved  critical  cust-1  Site down$"
if desk show "$id" --as-customer | grep -q "disk full"; then echo "internal note leaked" >&2; exit 1; fi
[ "$(desk export --jsonl | wc -l)" -eq 1 ]
if grep -rq "4111 1111 1111 1111" "$store/data"; then echo "card number on disk" >&2; exit 1; fi
desk verify >/dev/null

# Damage the first record: list fails, verify fails, repair restores a clean store.
printf '\xff' | dd of="$store/data/journal-0000000000000001.log" bs=1 seek=30 conv=notrunc status=none
if desk list 2>/dev/null; then echo "damaged store was listed" >&2; exit 1; fi
if desk verify >/dev/null; then echo "damaged store verified" >&2; exit 1; fi
desk repair >/dev/null
desk verify >/dev/null
set +e
desk bogus-command 2>/dev/null
status=$?
set -e
[ "$status" -eq 2 ]
