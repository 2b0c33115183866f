#!/usr/bin/env bash
# Builds every module's DocC archive without the DocC plugin (Foundation-only package) and fails on
# any documentation warning. Archives land in .build/docs/<Module>.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(SupportCore SupportTickets SupportSLA FeedbackSentiment RetentionMetrics HostingSupport HostingSupportTestKit
  SupportImport)
graphs=.build/docs/symbol-graphs
# Not cleared between runs: an incremental build only re-emits the graphs of modules it recompiles.
mkdir -p "$graphs"

# One build with a scratch path of its own emits every module's symbol graphs without invalidating
# the normal build cache.
swift build --scratch-path .build/docs-build \
  -Xswiftc -emit-symbol-graph \
  -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" \
  -Xswiftc -emit-extension-block-symbols >/dev/null

for module in "${modules[@]}"; do
  clean=.build/docs/graphs-$module
  rm -rf "$clean"
  mkdir -p "$clean"
  cp "$graphs/$module.symbols.json" "$clean/"
  shopt -s nullglob
  for extension in "$graphs/$module@"*.symbols.json; do cp "$extension" "$clean/"; done
  shopt -u nullglob
  # HostingSupport re-exports SupportCore and SupportTickets, so its graph repeats their symbols; each module
  # documents only what it declares (the others' pages live in their own archives).
  python3 Scripts/own-symbols.py "$clean" "Sources/$module/"
  docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$clean" \
    --fallback-display-name "$module" \
    --fallback-bundle-identifier "org.hostingsupportkit.$module" \
    --output-path ".build/docs/$module.doccarchive" \
    --warnings-as-errors >/dev/null
  echo "docs: $module ok"
done
