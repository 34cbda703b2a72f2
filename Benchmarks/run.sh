#!/usr/bin/env bash
# The one benchmark command (see Benchmarks/README.md):
#   build nettrain (release) -> install missing Python peers into Benchmarks/.venv ->
#   bench.py: make data + configs, run nettrain and the peers interleaved, write RESULTS.md.
#
#   Benchmarks/run.sh [--quick] [--rounds N] [--skip-install] [--skip-build] [bench.py options]
#
# --quick         W1-W3 only, 2 rounds (unless --rounds)
# --rounds N      rounds of every process (default 3)
# --skip-install  use Benchmarks/.venv as it is
# --skip-build    use the nettrain binary as it is (implied when NETTRAIN_BIN is set)
# Everything else goes to bench.py: --peers numpy,torch|all, --workloads W1,W3, --dtypes float64,
# --csv-workload W5|none, --results PATH, --timeout S (see `bench.py --help`).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
install=1
build=1
[ -n "${NETTRAIN_BIN:-}" ] && build=0
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-install) install=0 ;;
    --skip-build) build=0 ;;
    *) bench_args+=("$1") ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  echo "== swift build -c release --product nettrain"
  (cd "$ROOT" && swift build -c release --product nettrain)
fi

if [ "$install" = 1 ]; then
  echo "== Python peers (Benchmarks/.venv)"
  "$HERE/install_peers.sh"
elif [ ! -x "$HERE/.venv/bin/python" ]; then
  echo "run.sh: error: --skip-install but $HERE/.venv does not exist; run without it once" >&2
  exit 2
fi

echo "== bench.py ${bench_args[*]:-}"

exec "$HERE/.venv/bin/python" "$HERE/bench.py" ${bench_args[@]+"${bench_args[@]}"}
