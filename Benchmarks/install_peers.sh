#!/usr/bin/env bash
# Create Benchmarks/.venv and pip-install the Python peers that are missing from it.
# A peer that cannot be installed is reported and left out (bench.py skips its rows with a
# note); this script does not fail because of it.
#
# Versions are pinned to those of the reference measurements (shared/bench, 2026-11-21) so that
# make_data.py writes byte-identical files and the numbers stay comparable; when a pin cannot be
# installed (e.g. no wheel for this Python) the newest release is tried instead.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PY="$HERE/.venv/bin/python"

# "import name:pip requirement"
PEERS=(
  "numpy:numpy==2.4.6"
  "sklearn:scikit-learn==1.9.1"
  "jax:jax[cpu]==0.10.2"
  "autograd:autograd==1.9.1"
  "micrograd:micrograd==0.1.0"
  "polars:polars==2.1.0"
  "pandas:pandas==3.1.1"
  "pyarrow:pyarrow==26.0.1"
)

# Installed = importable name found (without importing it: torch and jax take seconds).
has() {
  "$PY" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$1') is None)" \
    >/dev/null 2>&1
}

pip_install() { "$PY" -m pip install --quiet "$@"; }

skip_note() { echo "note: could not install $1; bench.py will skip its rows"; }

install_peer() {
  local module=$1 requirement=$2
  has "$module" && return 0
  echo "installing $requirement"
  pip_install "$requirement" || pip_install "${requirement%%==*}" || skip_note "${requirement%%==*}"
}

# The newest CPU-only torch build ("+cpu") that pip's configured index and find-links offer.
cpu_torch_version() {
  "$PY" -m pip index versions torch 2>/dev/null \
    | sed -n 's/^Available versions: //p' | tr ',' '\n' | tr -d ' ' | grep '+cpu$' | head -1
}

# PyPI has no CPU-only torch: its Linux wheel (~540 MB) pulls ~20 CUDA wheels (several GB).
# Preference: a "+cpu" wheel pip can already see (e.g. a find-links folder), then
# TORCH_INDEX_URL if set (https://download.pytorch.org/whl/cpu), then PyPI's default.
install_torch() {
  has torch && return 0
  local cpu
  cpu=$(cpu_torch_version)
  if [ -n "$cpu" ]; then
    echo "installing torch==$cpu (CPU-only wheel)"
    pip_install "torch==$cpu" && return 0
  fi
  if [ -n "${TORCH_INDEX_URL:-}" ]; then
    echo "installing torch from $TORCH_INDEX_URL"
    pip_install torch --index-url "$TORCH_INDEX_URL" && return 0
  fi
  echo "note: no CPU-only torch wheel is visible to pip; installing PyPI's default torch, which"
  echo "      pulls the CUDA libraries (several GB). For the CPU wheel instead, rerun with"
  echo "      TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu"
  pip_install torch || skip_note torch
}

main() {
  if [ ! -x "$PY" ]; then
    echo "creating $HERE/.venv"
    python3 -m venv "$HERE/.venv" || { echo "error: python3 -m venv failed" >&2; exit 2; }
  fi
  for peer in "${PEERS[@]}"; do
    install_peer "${peer%%:*}" "${peer#*:}"
  done
  install_torch
}

main
