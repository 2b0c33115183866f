#!/usr/bin/env bash
set -euo pipefail
"$bin/support-desk" demo >/dev/null
