#!/usr/bin/env bash
# Side-by-side: Epoch's Chinchilla fit in SciPy (epoch_fit.py) and `flopwise fit` on the same data, in one run.
# flopwise is timed end to end as a process (start-up, CSV, fit, JSON), RUNS times each, from the ReadyToRun publish
# (the recommended install, docs/performance.md) and from the plain Release build (JIT only); median, min and max.
# Not run by CI. Needs the Debian packages (PyPI is not used):
#   apt-get install -y python3-scipy python3-numpy python3-pandas
# Usage: benchmarks/fit-vs-scipy/run.sh [resamples] [runs]   (defaults: 4000, Epoch's count; 15 runs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/data/chinchilla_epoch_digitized.csv"
resamples="${1:-4000}"
runs="${2:-15}"
py=/usr/bin/python3
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

dotnet build -c Release "$root/src/Flopwise.Cli" -v quiet -nologo >/dev/null
dotnet publish "$root/src/Flopwise.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$tmp/r2r" -v quiet -nologo >/dev/null
jit="$root/artifacts/bin/Flopwise.Cli/release/flopwise"
r2r="$tmp/r2r/flopwise"

echo "== machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
echo "== SciPy $($py -c 'import scipy; print(scipy.__version__)') (grid: 4500 L-BFGS-B starts, analytic gradient; bootstrap: $resamples BFGS refits)"
$py "$here/epoch_fit.py" "$data" "$resamples" > "$tmp/scipy.json"
$py - "$tmp/scipy.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
l = r["law"]
print(f"  optimum: E={l['E']:.6g} A={l['A']:.6g} B={l['B']:.6g} alpha={l['alpha']:.6g} beta={l['beta']:.6g} objective={r['objective']:.9g} ({r['convergedStarts']} converged starts)")
print(f"  grid fit: {r['gridSeconds']:.2f} s   bootstrap: {r['bootstrapSeconds']:.2f} s ({r['bootstrapSucceeded']} of {r['bootstrapResamples']} refits report success)")
b = r["bootstrap"]
print("  bootstrap SE: " + " ".join(f"{k}={v['se']:.4g}" for k, v in b.items()))
PY
echo "== machine: $(uptime | sed 's/.*load/load/')"

# Prints "median min max" in seconds of `runs` runs of the command, after one warm-up run.
time_runs() {
  "$@" >/dev/null
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%.3f %.3f %.3f\n", m / 1e6, t[1] / 1e6, t[NR] / 1e6 }'
}

echo "== flopwise fit, end to end through the CLI, $runs runs each (median, min-max)"
for build in r2r jit; do
  exe=${!build}
  label=$([ "$build" = r2r ] && echo "ReadyToRun publish" || echo "Release build (JIT)")
  read -r vm vlo vhi < <(time_runs "$exe" --version)
  read -r gm glo ghi < <(time_runs "$exe" fit "$data" --drop-highest-loss 5 --json)
  read -r bm blo bhi < <(time_runs "$exe" fit "$data" --drop-highest-loss 5 --bootstrap "$resamples" --json)
  printf '  %-20s --version %.3f s (%.3f-%.3f)   grid %.3f s (%.3f-%.3f)   grid + bootstrap %.3f s (%.3f-%.3f)   => bootstrap ~ %.3f s\n' \
    "$label:" "$vm" "$vlo" "$vhi" "$gm" "$glo" "$ghi" "$bm" "$blo" "$bhi" "$(echo "$bm - $gm" | bc -l)"
done
echo "== machine: $(uptime | sed 's/.*load/load/')"

"$r2r" fit "$data" --drop-highest-loss 5 --json > "$tmp/grid.json"
"$r2r" fit "$data" --drop-highest-loss 5 --bootstrap "$resamples" --seed 42 --json > "$tmp/boot.json"
$py - "$tmp/grid.json" "$tmp/boot.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
l = g["law"]
print(f"  optimum: E={l['E']:.6g} A={l['A']:.6g} B={l['B']:.6g} alpha={l['alpha']:.6g} beta={l['beta']:.6g} objective={g['objective']:.9g} ({g['convergedStarts']} converged starts)")
print(f"  bootstrap (seed 42): {b['bootstrap']['converged']} of {b['bootstrap']['resamples']} refits converged; SE: " + " ".join(f"{k}={v:.4g}" for k, v in b["standardErrors"].items()))
PY
