#!/usr/bin/env python3
"""Run nettrain and the Python peers on the workloads of peers/workloads.py, round-robin, one
fresh process at a time, and report medians and nettrain's ratios (see README.md).

    .venv/bin/python bench.py [--quick] [--rounds N] [--peers numpy,torch|all] [--workloads W1,W3]
                              [--dtypes float64] [--csv-workload W5|none] [--results PATH]
    .venv/bin/python bench.py --summarize runs/bench-DATE.jsonl     # report again, no runs

run.sh builds nettrain and installs the peers first.  NETTRAIN_BIN overrides the binary
(default: ../.build/release/nettrain; a path ending in .py runs with this Python).
"""
import argparse
import datetime
import importlib.util
import json
import os
import shutil
import subprocess
import sys

import machine
import make_configs
import report
from measure import last_json_line, run_process

# This driver imports nothing heavy (no numpy): a child's peak RSS as the kernel reports it
# (ru_maxrss) starts at the parent's peak RSS at spawn, so the driver must stay small.
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RUNS = os.path.join(HERE, "runs")
DATA = os.path.join(HERE, "data")
sys.path.insert(0, os.path.join(HERE, "peers"))
from workloads import EXPECTED_STEPS, WORKLOADS  # noqa: E402

DTYPES = ["float64", "float32"]
ALL_WORKLOADS = list(WORKLOADS)
QUICK_WORKLOADS = ["W1", "W2", "W3"]

# system -> (script, extra args, workloads, dtypes, module it needs); order = table order
PEERS = {
    "numpy": ("numpy_train.py", [], ALL_WORKLOADS, DTYPES, "numpy"),
    "torch": ("torch_train.py", [], ALL_WORKLOADS, DTYPES, "torch"),
    "torch-dataloader": ("torch_train.py", ["--dataloader"], ALL_WORKLOADS, DTYPES, "torch"),
    "jax": ("jax_train.py", [], ALL_WORKLOADS, DTYPES, "jax"),
    "jax-scan": ("jax_train.py", ["--scan"], ALL_WORKLOADS, DTYPES, "jax"),
    "sklearn": ("sklearn_train.py", [], ALL_WORKLOADS, DTYPES, "sklearn"),
    "autograd": ("autograd_train.py", [], ALL_WORKLOADS, DTYPES, "autograd"),
    # scalar engine: reduced epochs, steps/s measured on those
    "micrograd": ("micrograd_train.py", ["--epochs", "{micrograd_epochs}"], ["W1", "W3"],
                  ["float64"], "micrograd"),
}
MICROGRAD_EPOCHS = {"W1": 5, "W3": 1}
DEFAULT_PEERS = ["numpy", "torch", "jax-scan", "sklearn"]
CSV_LOADERS = ["polars", "pandas", "pyarrow", "numpy"]


def nettrain_command():
    binary = os.path.abspath(
        os.environ.get("NETTRAIN_BIN", os.path.join(ROOT, ".build", "release", "nettrain")))
    return [sys.executable, binary] if binary.endswith(".py") else [binary]


def installed(module):
    return importlib.util.find_spec(module) is not None


# ---- the plan: one job = one process ---------------------------------------------------------

def nettrain_job(workload, dtype, nettrain):
    name = make_configs.config_name(workload, dtype)
    out = os.path.join(RUNS, "nettrain", name)
    cmd = nettrain + ["fit", make_configs.config_path(workload, dtype), "--out", out, "--quiet"]
    return dict(kind="train", system="nettrain", workload=workload, dtype=dtype, cmd=cmd, out=out)


def peer_job(system, workload, dtype):
    script, extra, _, _, _ = PEERS[system]
    extra = [a.format(micrograd_epochs=MICROGRAD_EPOCHS.get(workload)) for a in extra]
    cmd = [sys.executable, os.path.join(HERE, "peers", script),
           "--workload", workload, "--dtype", dtype] + extra
    return dict(kind="train", system=system, workload=workload, dtype=dtype, cmd=cmd)


def csv_job(loader, workload):
    path = os.path.join(DATA, WORKLOADS[workload]["file"])
    cmd = [sys.executable, os.path.join(HERE, "peers", "load_csv.py"),
           "--loader", loader, "--file", path]
    return dict(kind="csv", system=loader, workload=workload, dtype="-", cmd=cmd)


def plan(args, peers, loaders, nettrain):
    """Jobs of one round: per workload, nettrain then every peer, each precision; then the CSV
    loaders right after the workload whose file they read."""
    jobs = []
    for workload in args.workloads:
        for system in ["nettrain"] + peers:
            for dtype in args.dtypes:
                if system == "nettrain":
                    jobs.append(nettrain_job(workload, dtype, nettrain))
                elif workload in PEERS[system][2] and dtype in PEERS[system][3]:
                    jobs.append(peer_job(system, workload, dtype))
        if workload == args.csv_workload:
            jobs += [csv_job(loader, workload) for loader in loaders]
    return jobs


# ---- running ---------------------------------------------------------------------------------

def nettrain_result(job):
    """summary.json of the run folder, in the peers' field names."""
    with open(os.path.join(job["out"], "summary.json")) as f:
        s = json.load(f)
    return {"load_s": s["load_seconds"], "train_s": s["train_seconds"], "steps": s["steps"],
            "steps_per_s": s["steps"] / s["train_seconds"],
            "final_epoch_loss": s["final_train_loss"], "full_loss": s.get("full_loss")}


def job_result(job, outcome):
    """The result fields of a finished process; raises ValueError saying what is wrong."""
    if outcome.rc != 0:
        raise ValueError(f"exit status {outcome.rc}")
    if job["system"] != "nettrain":
        result = last_json_line(outcome.stdout)
        if result is None:
            raise ValueError("no JSON result line on stdout")
        return result
    try:
        return nettrain_result(job)
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError) as e:
        raise ValueError(f"unusable summary.json ({type(e).__name__}: {e})") from e


def run_job(job, round_no, timeout_s):
    """One process -> one record (the job's own result + wall time + peak memory, or an error)."""
    if job["system"] == "nettrain":
        shutil.rmtree(job["out"], ignore_errors=True)
    outcome = run_process(job["cmd"], HERE, timeout_s)
    rec = {k: job[k] for k in ("kind", "system", "workload", "dtype")}
    rec.update(round=round_no, process_wall_s=outcome.wall_s, process_peak_mib=outcome.peak_mib)
    try:
        rec.update(job_result(job, outcome))
    except ValueError as e:
        rec.update(error=str(e), stderr_tail=outcome.stderr[-1500:])
    return rec


def progress_line(rec, round_no, rounds):
    head = f"[round {round_no}/{rounds}] {rec['workload']} {rec['system']:16s} {rec['dtype']:7s}"
    if "error" in rec:
        tail = rec["stderr_tail"].strip().splitlines()[-1:] or [""]
        return f"{head} FAILED ({rec['error']}) {tail[0][:120]}"
    work = (f"read {rec['read_s']:.3f} s" if rec["kind"] == "csv" else
            f"train {rec['train_s']:.3f} s, {rec['steps_per_s']:,.0f} steps/s")
    return f"{head} {work}, whole {rec['process_wall_s']:.2f} s, {rec['process_peak_mib']:.0f} MiB"


def run_rounds(jobs, rounds, timeout_s, raw_path):
    records = []
    for round_no in range(1, rounds + 1):
        for job in jobs:
            rec = run_job(job, round_no, timeout_s)
            records.append(rec)
            append_jsonl(raw_path, rec)
            print(progress_line(rec, round_no, rounds), flush=True)
    return records


def append_jsonl(path, rec):
    with open(path, "a") as f:
        f.write(json.dumps(rec) + "\n")


def read_jsonl(path):
    with open(path) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    return lines[0]["meta"], lines[1:]


# ---- command line ----------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="W1-W3 only, 2 rounds unless --rounds")
    p.add_argument("--rounds", type=int, help="rounds (default 3; 2 with --quick)")
    p.add_argument("--peers", default=",".join(DEFAULT_PEERS),
                   help=f"comma list of {', '.join(PEERS)}, or 'all'")
    p.add_argument("--workloads", help="comma list (default W1-W5; W1-W3 with --quick)")
    p.add_argument("--dtypes", default=",".join(DTYPES))
    p.add_argument("--csv-workload", help="whose CSV the loaders read (default W5 when run; "
                                          "'none' skips the CSV comparison)")
    p.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    p.add_argument("--timeout", type=float, default=900, help="seconds per process")
    p.add_argument("--summarize", metavar="JSONL", help="report a raw file again, run nothing")
    a = p.parse_args(argv)
    a.rounds = a.rounds or (2 if a.quick else 3)
    a.peers = list(PEERS) if a.peers == "all" else [s for s in a.peers.split(",") if s]
    a.workloads = a.workloads.split(",") if a.workloads else (
        QUICK_WORKLOADS if a.quick else ALL_WORKLOADS)
    a.dtypes = a.dtypes.split(",")
    if a.csv_workload is None:
        a.csv_workload = "W5" if "W5" in a.workloads else "none"
    check_args(p, a)
    return a


def check_args(parser, a):
    lists = [("--peers", a.peers, PEERS), ("--workloads", a.workloads, WORKLOADS),
             ("--dtypes", a.dtypes, DTYPES)]
    for name, values, known in lists:
        unknown = [v for v in values if v not in known]
        if unknown:
            parser.error(f"{name}: unknown {', '.join(unknown)} (known: {', '.join(known)})")
    if a.csv_workload not in list(WORKLOADS) + ["none"]:
        parser.error(f"--csv-workload: unknown {a.csv_workload}")
    if a.rounds < 1:
        parser.error("--rounds must be at least 1")


def available(names, module_of):
    """(names whose module is importable here, notes for the others)."""
    ok = [n for n in names if installed(module_of(n))]
    notes = [f"{n}: skipped, `{module_of(n)}` is not installed in Benchmarks/.venv"
             for n in names if n not in ok]
    return ok, notes


def prepare_data(workloads, csv_workload):
    """Write the missing CSVs (in a child process: make_data.py imports numpy)."""
    stems = sorted({WORKLOADS[w]["file"].rsplit(".", 1)[0] for w in workloads + [csv_workload]
                    if w in WORKLOADS})
    subprocess.run([sys.executable, os.path.join(HERE, "make_data.py")] + stems, check=True)


def csv_shape(path):
    """(data rows, columns) of a CSV with a header row, by counting newlines."""
    with open(path, "rb") as f:
        columns = f.readline().count(b",") + 1
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    return rows, columns


def workload_facts(workloads):
    """What the report needs to know about each workload run: steps, data shape, parameters."""
    facts = {}
    for w in workloads:
        sizes = WORKLOADS[w]["sizes"]
        rows, columns = csv_shape(os.path.join(DATA, WORKLOADS[w]["file"]))
        facts[w] = {"file": WORKLOADS[w]["file"], "steps": EXPECTED_STEPS[w], "rows": rows,
                    "columns": columns, "params": sum(a * b + b for a, b in zip(sizes, sizes[1:]))}
    return facts


def check_nettrain(nettrain):
    binary = nettrain[-1]
    if not os.access(binary, os.X_OK) and not binary.endswith(".py"):
        print(f"bench.py: error: no nettrain binary at {binary}; run `swift build -c release "
              f"--product nettrain` in {ROOT} or set NETTRAIN_BIN", file=sys.stderr)
        sys.exit(2)


def main(argv):
    args = parse_args(argv)
    if args.summarize:
        meta, records = read_jsonl(args.summarize)
        return report.write(meta, records, args.results)
    nettrain = nettrain_command()
    check_nettrain(nettrain)
    peers, notes = available(args.peers, lambda s: PEERS[s][4])
    loaders, csv_notes = available(CSV_LOADERS if args.csv_workload != "none" else [],
                                   lambda s: s)
    prepare_data(args.workloads, args.csv_workload)
    make_configs.write_all()
    jobs = plan(args, peers, loaders, nettrain)
    os.makedirs(RUNS, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    raw = os.path.join(RUNS, f"bench-{stamp}.jsonl")
    meta = machine.describe(args, nettrain, notes + csv_notes, ROOT)
    meta["facts"] = workload_facts(sorted(set(args.workloads) | ({args.csv_workload} - {"none"})))
    append_jsonl(raw, {"meta": meta})
    print(f"{len(jobs)} processes x {args.rounds} rounds; raw results -> {raw}", flush=True)
    records = run_rounds(jobs, args.rounds, args.timeout, raw)
    report.write(meta, records, args.results)


if __name__ == "__main__":
    main(sys.argv[1:])
