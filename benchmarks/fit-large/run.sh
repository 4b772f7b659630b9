#!/usr/bin/env bash
# The large-fit benchmark of docs/performance.md: `flopwise fit runs.csv --json` on 10,000, 100,000 and 1,000,000
# synthetic runs (make_runs.py, seeded, so the files are regenerated identically and never committed), timed as a
# process: wall time, CPU time (user + sys) and peak resident memory from /usr/bin/time, and the fitted constants.
# Usage: benchmarks/fit-large/run.sh [runs per size] [sizes...]   (default: 3 runs of 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Flopwise.Cli -c Release -v quiet -nologo >/dev/null
exe=artifacts/bin/Flopwise.Cli/release/flopwise
echo "commit $(git rev-parse --short HEAD); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in "${sizes[@]}"; do
  python3 benchmarks/fit-large/make_runs.py "$rows" 0 > "$work/runs$rows.csv"
  echo "== $rows rows ($(du -h "$work/runs$rows.csv" | cut -f1), md5 $(md5sum < "$work/runs$rows.csv" | cut -c1-8))"
  for i in $(seq "$runs"); do
    /usr/bin/time -f "wall %e s, cpu %U+%S s, peak %M KB" "$exe" fit "$work/runs$rows.csv" --json 2>"$work/time" >"$work/out.json"
    printf '%s; load %s; ' "$(tail -1 "$work/time")" "$(cut -d' ' -f1 /proc/loadavg)"
    python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); l=j["law"]; print("E %.6g A %.6g B %.6g alpha %.6g beta %.6g objective %.10g screeningRows %s" % (l["E"], l["A"], l["B"], l["alpha"], l["beta"], j["objective"], j.get("screeningRows")))' "$work/out.json"
  done
done
