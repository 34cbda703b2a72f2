#!/usr/bin/env python3
"""Write one nettrain config per workload and precision into Benchmarks/configs/, from the same
table the peer scripts use (peers/workloads.py), so nettrain does exactly the peers' work.

    python3 make_configs.py          # rewrites configs/w1-house-f64.json ... w5-wide-f32.json

No validation split: every workload trains on all rows.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(HERE, "configs")
sys.path.insert(0, os.path.join(HERE, "peers"))
from workloads import WORKLOADS  # noqa: E402

DTYPES = ("float64", "float32")


def config_name(workload, dtype):
    """'W1', 'float64' -> 'w1-house-f64' (also the config's file name and run folder)."""
    stem = WORKLOADS[workload]["file"].rsplit(".", 1)[0]
    return f"{workload.lower()}-{stem}-f{dtype[-2:]}"


def config_path(workload, dtype):
    return os.path.join(CONFIGS, config_name(workload, dtype) + ".json")


def model_json(spec):
    """The sizes list [in, hidden..., out] as a nettrain model object."""
    hidden = spec["sizes"][1:-1]
    if hidden:
        return {"type": "mlp", "hidden": hidden, "activation": "tanh"}
    return {"type": "linear" if spec["task"] == "regression" else "logistic"}


def config_json(workload, dtype):
    spec = WORKLOADS[workload]
    return {
        "name": config_name(workload, dtype),
        "task": spec["task"],
        "data": {"train": "../data/" + spec["file"], "target": spec["target"], "standardize": True},
        "model": model_json(spec),
        "optimizer": {"name": "sgd", "learning_rate": spec["lr"]},
        "training": {"epochs": spec["epochs"], "batch_size": spec["batch"], "shuffle": True,
                     "seed": 0},
        "precision": dtype,
    }


def write_all():
    os.makedirs(CONFIGS, exist_ok=True)
    for workload in WORKLOADS:
        for dtype in DTYPES:
            with open(config_path(workload, dtype), "w") as f:
                f.write(json.dumps(config_json(workload, dtype), indent=2) + "\n")


if __name__ == "__main__":
    write_all()
