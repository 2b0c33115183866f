#!/usr/bin/env bash
# Runs every example once the way a user would, on its bundled or generated sample data.
# Each example's own smoke steps live in Scripts/smoke/<example>.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build >/dev/null
bin=$(swift build --show-bin-path)
export bin
for script in Scripts/smoke/*.sh; do
  echo "smoke: $(basename "$script" .sh)"
  bash "$script"
done
