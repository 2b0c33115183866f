#!/usr/bin/env bash
# Compiles and runs every ```swift sample of README.md and Documentation/*.md as a host would: in a scratch
# package (.build/doc-samples, git-ignored) that depends on this package by path. Each sample is one target;
# samples that import Testing run with `swift test`, every other sample runs in a fresh empty folder.
# How to mark a sample that continues the previous one, a Package.swift, or a fragment: Scripts/doc-samples.py.
#
# Usage: bash Scripts/check-doc-samples.sh [DOCUMENT...]
#   (default: README.md, Documentation/*.md and the SupportTickets article on bringing your own store)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=$root/.build/doc-samples
mkdir -p "$scratch"

if [ "$#" -gt 0 ]; then
  documents=("$@")
else
  # The guides, and the DocC article whose store sample a host copies.
  documents=(README.md Documentation/*.md Sources/SupportTickets/SupportTickets.docc/BringingYourOwnStore.md)
fi
products=$(swift package dump-package | python3 -c \
  'import json, sys; print(",".join(p["name"] for p in json.load(sys.stdin)["products"] if "library" in p["type"]))')
python3 Scripts/doc-samples.py "$root" "$scratch" "$products" "${documents[@]}"

samples() {  # samples KIND: "target location" per line
  python3 -c 'import json, sys
for s in json.load(open(sys.argv[1])):
    if s["kind"] == sys.argv[2]: print(s["target"], s["location"])' "$scratch/samples.json" "$1"
}

failed=0
while read -r target location; do
  [ -n "$target" ] || continue
  if (cd "$scratch/manifests/$target" && swift package dump-package >/dev/null); then
    echo "samples: $location ok (manifest)"
  else
    echo "samples: $location: the Package.swift sample is invalid" >&2
    failed=1
  fi
done < <(samples manifest)

while read -r target location; do
  [ -n "$target" ] || continue
  reason=$(python3 -c 'import json, sys
print(next(s["reason"] for s in json.load(open(sys.argv[1])) if s["target"] == sys.argv[2]))' \
    "$scratch/samples.json" "$target")
  echo "samples: $location not compiled (fragment: $reason)"
done < <(samples fragment)

# The sample package depends on this one by path, and its incremental build has kept code compiled against an
# older layout of the library's structs (a sample crashed in "outlined init with copy of DeskConfiguration" after
# a stored property was added). Build the samples from scratch whenever the library changed since the last build.
stamp=$scratch/.sources-stamp
if [ ! -e "$stamp" ] || [ -n "$(cd "$root" && find Sources Package.swift -type f -newer "$stamp" | head -n 1)" ]; then
  rm -rf "$scratch/.build"
fi
echo "samples: building $({ samples run; samples test; samples build-only; } | wc -l | tr -d ' ') samples in $scratch"
touch "$stamp.next"
if ! (cd "$scratch" && swift build --build-tests >"$scratch/build.log" 2>&1); then
  # The compiler reports most errors twice (module emission and compilation): show each once.
  python3 -c 'import re, sys
seen, showing = set(), True
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if re.match(r"^\[\d+/\d+\]", line): continue
    if re.match(r"^\S.*:\d+:\d+: (error|warning)", line):
        showing = line not in seen
        seen.add(line)
    if showing: sys.stderr.write(line)' "$scratch/build.log"
  echo "samples: a sample does not compile (errors above point at the document's lines)" >&2
  exit 1
fi
mv -f "$stamp.next" "$stamp"
bin=$(cd "$scratch" && swift build --show-bin-path)

while read -r target location; do
  [ -n "$target" ] || continue
  workspace=$(mktemp -d)
  if (cd "$workspace" && timeout 120 "$bin/$target" >"$scratch/$target.log" 2>&1); then
    echo "samples: $location ok (ran)"
  else
    cat "$scratch/$target.log" >&2
    echo "samples: $location failed when run (output above)" >&2
    failed=1
  fi
  rm -rf "$workspace"
done < <(samples run)

while read -r target location; do
  [ -n "$target" ] || continue
  echo "samples: $location ok (built, not run)"
done < <(samples build-only)

if [ -n "$(samples test)" ]; then
  if (cd "$scratch" && timeout 600 swift test --skip-build >"$scratch/test.log" 2>&1); then
    while read -r target location; do echo "samples: $location ok (tests passed)"; done < <(samples test)
  else
    cat "$scratch/test.log" >&2
    echo "samples: a sample's tests failed (output above)" >&2
    failed=1
  fi
fi

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "samples: all ok"
