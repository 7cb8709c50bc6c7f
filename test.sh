#!/usr/bin/env bash
# The one test command (README): installs what a fresh Debian machine lacks, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ((${#need[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Match.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for every test project together: "N passed, N failed".
passed=$(grep -E '^\s+Passed: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^\s+Failed: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -E '^\s+Skipped: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
