#!/usr/bin/env python3
"""A stand-in for `nettrain fit CONFIG --out DIR --quiet`, to test the harness before nettrain can
train: it reads the config, trains with the numpy peer's hand-written forward/backward and writes
DIR/summary.json with the fields bench.py reads.  Not a benchmark of anything.

    NETTRAIN_BIN=Benchmarks/fake_nettrain.py Benchmarks/run.sh --quick --rounds 1 --skip-build
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from common import load, now, numpy_full_loss, numpy_init  # noqa: E402  (pins thread pools)
from numpy_train import forward, loss_and_dout  # noqa: E402

import numpy as np  # noqa: E402


def read_config(path):
    with open(path) as f:
        config = json.load(f)
    config["data"]["train"] = os.path.join(os.path.dirname(os.path.abspath(path)),
                                           config["data"]["train"])
    return config


def load_data(config):
    """(X, y, layer sizes) with the peers' loading and z-scoring."""
    with open(config["data"]["train"]) as f:
        features = f.readline().count(",")
    spec = {"file": config["data"]["train"], "target": config["data"]["target"],
            "task": config["task"], "sizes": [features]}
    X, y = load(spec, np.dtype(config.get("precision", "float64")))
    outputs = int(y.max()) + 1 if config["task"] == "multiclass" else 1
    return X, y, [features] + config["model"].get("hidden", []) + [outputs]


def train(config, X, y, sizes):
    """Minibatch SGD as numpy_train.py; returns (params, steps, mean loss of the last epoch)."""
    dt, task = X.dtype, config["task"]
    params = numpy_init(sizes, dt, 0)
    lr, bs = dt.type(config["optimizer"]["learning_rate"]), config["training"]["batch_size"]
    rng, n, steps = np.random.default_rng(1), X.shape[0], 0
    for _ in range(config["training"]["epochs"]):
        perm, total = rng.permutation(n), 0.0
        for i in range(0, n, bs):
            idx = perm[i:i + bs]
            acts = forward(params, X[idx])
            loss, g = loss_and_dout(task, acts[-1], y[idx])
            total += loss * len(idx)
            for layer in range(len(params) - 1, -1, -1):
                W, b = params[layer]
                gW, gb = acts[layer].T @ g, g.sum(axis=0)
                if layer > 0:
                    g = (g @ W.T) * (1.0 - acts[layer] * acts[layer])
                W -= lr * gW
                b -= lr * gb
            steps += 1
    return params, steps, total / n


def main(argv):
    if argv[:1] == ["--version"]:
        print("nettrain (fake_nettrain.py, numpy stand-in)")
        return
    assert argv[0] == "fit" and "--out" in argv, argv
    config, out = read_config(argv[1]), argv[argv.index("--out") + 1]
    t0 = now()
    X, y, sizes = load_data(config)
    load_s, t0 = now() - t0, now()
    params, steps, final = train(config, X, y, sizes)
    train_s = now() - t0
    full = numpy_full_loss(config["task"], forward(params, X)[-1], y)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({"load_seconds": load_s, "train_seconds": train_s, "steps": steps,
                   "final_train_loss": final, "full_loss": full}, f)


if __name__ == "__main__":
    main(sys.argv[1:])
