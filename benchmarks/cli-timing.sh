#!/usr/bin/env bash
# Times the real CLI as a process: the median (and min, max) wall time of N runs of an executable.
# Usage: benchmarks/cli-timing.sh [runs] [command...]   (default: 20 runs of `copies --compute 3e25 --json`)
# Two executables are timed: the ReadyToRun publish (what docs/performance.md reports, and what
# `dotnet publish src/Flopwise.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true` installs) and the plain
# Release build (JIT only).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(copies --compute 3e25 --json)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/Flopwise.Cli -c Release -v quiet -nologo >/dev/null
dotnet publish src/Flopwise.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/r2r" -v quiet -nologo >/dev/null

time_runs() {
  local label=$1 exe=$2
  "$exe" "${args[@]}" >/dev/null   # warm the file cache once
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$exe" "${args[@]}" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  local sorted n median
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  n=${#sorted[@]}
  if (( n % 2 )); then median=${sorted[n/2]}; else median=$(( (sorted[n/2-1] + sorted[n/2]) / 2 )); fi
  awk -v label="$label" -v cmd="${args[*]}" -v n="$n" -v med="$median" -v lo="${sorted[0]}" -v hi="${sorted[n-1]}" \
    'BEGIN { printf "%-22s flopwise %s: %d runs, median %.1f ms, min %.1f ms, max %.1f ms\n", label, cmd, n, med / 1000, lo / 1000, hi / 1000 }'
}

time_runs "ReadyToRun publish:" "$out/r2r/flopwise"
time_runs "Release build (JIT):" artifacts/bin/Flopwise.Cli/release/flopwise
