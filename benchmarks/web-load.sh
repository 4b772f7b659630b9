#!/usr/bin/env bash
# Bounded loopback load on the web API (issue: 10,000 requests at concurrency 32 to /api/copies and /api/train):
# builds Release, starts the server on 127.0.0.1, runs benchmarks/Flopwise.WebLoad against it, stops the server.
# Then the mixed run (issue 25): a steady stream of 50 point requests a second to /api/copies, alone for 10 s, for 30 s
# beside 20 clients sending Monte Carlo requests of 100,000 samples of train back to back (each its own seed), and alone
# again after a minute's pause, with the server's resident memory before, during and after.
# Not run by CI. Usage: benchmarks/web-load.sh [REQUESTS] [CONCURRENCY] [PORT]; WEBLOAD_PARTS="point mixed" (default)
# chooses the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-10000}
concurrency=${2:-32}
port=${3:-5081}
parts=${WEBLOAD_PARTS:-point mixed}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build -c Release src/Flopwise.Web -v quiet -nologo
dotnet build -c Release benchmarks/Flopwise.WebLoad -v quiet -nologo

ASPNETCORE_ENVIRONMENT=Production dotnet artifacts/bin/Flopwise.Web/release/Flopwise.Web.dll \
  --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Flopwise.Web" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
up=0
for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$port/api/copies?compute=3e25" >/dev/null 2>&1; then up=1; break; fi
  sleep 0.1
done
if [ "$up" -ne 1 ]; then
  echo "the server did not answer on port $port" >&2
  exit 1
fi

# The server's CPU time (user + system, in clock ticks) says what a request costs whatever else the machine runs.
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK; server: Release, Production, Kestrel on loopback"
for path in "api/copies?compute=3e25" "api/train?model=llama-2-70b&tokens=2T&gpu=h100&gpus=4096"; do
  [[ " $parts " == *" point "* ]] || break
  before=$(server_cpu)
  dotnet artifacts/bin/Flopwise.WebLoad/release/Flopwise.WebLoad.dll --requests "$requests" --concurrency "$concurrency" \
    "http://127.0.0.1:$port/$path"
  after=$(server_cpu)
  # The tool sends a warm-up of min(500, N) requests before the N it times; both count here.
  warm=$(( requests < 500 ? requests : 500 ))
  awk -v t="$((after - before))" -v hz="$ticks" -v n="$((requests + warm))" \
    'BEGIN { printf "  server CPU %.2f s for %d requests: %.3f ms per request\n", t / hz, n, 1000 * t / hz / n }'
done

if [[ " $parts " == *" mixed "* ]]; then
  echo "mixed run at $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  before=$(server_cpu)
  dotnet artifacts/bin/Flopwise.WebLoad/release/Flopwise.WebLoad.dll --server-pid "$server" --point-rate 50 --monte-carlo-clients 20 \
    --mixed "http://127.0.0.1:$port/api/train?model=llama-2-70b&tokens=1T..3T&gpu=h100&gpus=4096&samples=100000&seed={seed}" \
    "http://127.0.0.1:$port/api/copies?compute=3e25"
  after=$(server_cpu)
  awk -v t="$((after - before))" -v hz="$ticks" 'BEGIN { printf "  server CPU %.1f s over the mixed run\n", t / hz }'
  echo "mixed run ended at $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
