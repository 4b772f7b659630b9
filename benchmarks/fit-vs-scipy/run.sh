#!/usr/bin/env bash
# Side-by-side: Epoch's Chinchilla fit in SciPy (epoch_fit.py) and `flopwise fit` (Release) on the same data, in one run.
# Not run by CI. Needs the Debian packages (PyPI is not used):
#   apt-get install -y python3-scipy python3-numpy python3-pandas
# Usage: benchmarks/fit-vs-scipy/run.sh [resamples]   (default 4000, Epoch's count)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/data/chinchilla_epoch_digitized.csv"
resamples="${1:-4000}"
py=/usr/bin/python3

dotnet build -c Release "$root/src/Flopwise.Cli" -v quiet -nologo >/dev/null
flopwise="$root/artifacts/bin/Flopwise.Cli/release/flopwise"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }

echo "== SciPy $($py -c 'import scipy; print(scipy.__version__)') (grid: 4500 L-BFGS-B starts, analytic gradient; bootstrap: $resamples BFGS refits)"
$py "$here/epoch_fit.py" "$data" "$resamples" > "$tmp/scipy.json"
$py - "$tmp/scipy.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
l = r["law"]
print(f"  optimum: E={l['E']:.6g} A={l['A']:.6g} B={l['B']:.6g} alpha={l['alpha']:.6g} beta={l['beta']:.6g} objective={r['objective']:.9g} ({r['convergedStarts']} converged starts)")
print(f"  grid fit: {r['gridSeconds']:.2f} s   bootstrap: {r['bootstrapSeconds']:.2f} s")
b = r["bootstrap"]
print("  bootstrap SE: " + " ".join(f"{k}={v['se']:.4g}" for k, v in b.items()))
PY

echo "== flopwise fit (Release, end to end through the CLI, $(nproc) cores)"
t0=$(now); "$flopwise" fit "$data" --drop-highest-loss 5 --json > "$tmp/grid.json"; t1=$(now)
"$flopwise" fit "$data" --drop-highest-loss 5 --bootstrap "$resamples" --json > "$tmp/boot.json"; t2=$(now)
$py - "$tmp/grid.json" "$tmp/boot.json" "$t0" "$t1" "$t2" <<'PY'
import json, sys
g = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
t0, t1, t2 = map(float, sys.argv[3:6])
l = g["law"]
print(f"  optimum: E={l['E']:.6g} A={l['A']:.6g} B={l['B']:.6g} alpha={l['alpha']:.6g} beta={l['beta']:.6g} objective={g['objective']:.9g} ({g['convergedStarts']} converged starts)")
grid = t1 - t0; both = t2 - t1
print(f"  grid fit (whole CLI run): {grid:.2f} s   grid + bootstrap: {both:.2f} s  => bootstrap ~ {both - grid:.2f} s")
print("  bootstrap SE: " + " ".join(f"{k}={v:.4g}" for k, v in b["standardErrors"].items()))
PY
