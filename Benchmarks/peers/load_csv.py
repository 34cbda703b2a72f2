"""Read a numeric CSV (header row) into memory with one library, as in csvload-2026-11-21.md:
polars `pl.read_csv`, pandas `read_csv(engine="c")`, pyarrow `pyarrow.csv.read_csv`, numpy
`np.loadtxt`.  Prints one JSON line; `read_s` is perf_counter around the read call only (the
harness adds the whole-process wall time and peak RSS).

    python peers/load_csv.py --loader polars --file data/wide.csv
"""
import common  # noqa: F401  (first: thread pools)
from common import now

import argparse
import json
from importlib.metadata import version


def read_polars(path):
    import polars as pl
    t0 = now()
    frame = pl.read_csv(path)
    return now() - t0, frame.shape, version("polars")


def read_pandas(path):
    import pandas as pd
    t0 = now()
    frame = pd.read_csv(path, engine="c")
    return now() - t0, frame.shape, version("pandas")


def read_pyarrow(path):
    import pyarrow.csv
    t0 = now()
    table = pyarrow.csv.read_csv(path)
    return now() - t0, table.shape, version("pyarrow")


def read_numpy(path):
    import numpy as np
    t0 = now()
    array = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    return now() - t0, array.shape, version("numpy")


LOADERS = {"polars": read_polars, "pandas": read_pandas, "pyarrow": read_pyarrow,
           "numpy": read_numpy}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--loader", required=True, choices=sorted(LOADERS))
    p.add_argument("--file", required=True)
    a = p.parse_args()
    read_s, shape, ver = LOADERS[a.loader](a.file)
    print(json.dumps({"system": a.loader, "version": ver, "read_s": round(read_s, 6),
                      "rows": shape[0], "columns": shape[1]}), flush=True)


if __name__ == "__main__":
    main()
