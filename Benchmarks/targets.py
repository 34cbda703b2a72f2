"""The speed and memory targets nettrain is measured against, each a ratio checked per workload
and precision. Where a target names no precision it is checked for every precision run."""
from stats import median, paired_ratio

MIB = 2.0**20


def full_peers(groups, workload, dtype, steps):
    """{peer: runs} of the peers that did the whole workload (not a reduced-epoch run)."""
    return {k[2]: runs for k, runs in groups.items()
            if k[0] == "train" and k[1] == workload and k[3] == dtype and k[2] != "nettrain"
            and runs[0]["steps"] == steps}


def vs_strongest(groups, mine, workload, dtype, facts):
    peers = full_peers(groups, workload, dtype, facts[workload]["steps"])
    if not peers:
        return None, " (no peer ran)"
    best = max(peers, key=lambda p: median(peers[p], "steps_per_s"))
    return paired_ratio(mine, "steps_per_s", peers[best], "steps_per_s"), f" vs {best}"


def vs_torch(groups, mine, workload, dtype, facts):
    runs = groups.get(("train", workload, "torch", dtype))
    if not runs:
        return None, " (torch did not run)"
    return paired_ratio(mine, "steps_per_s", runs, "steps_per_s"), ""


def wall_vs_torch(groups, mine, workload, dtype, facts):
    runs = groups.get(("train", workload, "torch", dtype))
    if not runs:
        return None, " (torch did not run)"
    return paired_ratio(runs, "process_wall_s", mine, "process_wall_s"), " shorter"


def load_vs_polars(groups, mine, workload, dtype, facts):
    runs = groups.get(("csv", workload, "polars", "-"))
    if not runs:
        return None, " (polars did not run)"
    return paired_ratio(runs, "read_s", mine, "load_s"), f" ({facts[workload]['file']})"


def memory_ratio(groups, mine, workload, dtype, facts):
    """Peak RSS over (rows x columns of the CSV + parameters) at the run's precision."""
    fact = facts[workload]
    width = 4 if dtype == "float32" else 8
    base_mib = (fact["rows"] * fact["columns"] + fact["params"]) * width / MIB
    peak = median(mine, "process_peak_mib")
    return peak / base_mib, f" ({peak:.0f} MiB over {base_mib:.0f} MiB)"


# (what, workloads ("csv" = the CSV comparison's), precisions (None = all run),
#  rule: (groups, nettrain's runs, workload, dtype, facts) -> (ratio or None, note), bound)
RULES = [
    ("steps/s ≥ 5× the strongest peer", ["W1", "W2", "W3"], ["float64"], vs_strongest, 5.0),
    ("steps/s ≥ 50× PyTorch", ["W1", "W2", "W3"], ["float64"], vs_torch, 50.0),
    ("steps/s ≥ 2× the strongest peer", ["W4"], None, vs_strongest, 2.0),
    ("steps/s ≥ 1.0× the strongest peer", ["W5"], ["float32"], vs_strongest, 1.0),
    ("steps/s ≥ 1.5× the strongest peer", ["W5"], ["float64"], vs_strongest, 1.5),
    ("`nettrain fit` whole process ≤ 1/10 of the PyTorch script's", ["W3"], None, wall_vs_torch,
     10.0),
    ("CSV loading ≥ 2× faster than polars", ["csv"], None, load_vs_polars, 2.0),
    ("peak memory ≤ 1.2× (data at its precision + model)", ["W5"], None, memory_ratio, 1.2),
]


def needed(rule, bound):
    if rule is memory_ratio:
        return f"≤ {bound:g}×"
    return f"≥ {bound:g}×"


def passes(rule, value, bound):
    if value is None:
        return None
    return value <= bound if rule is memory_ratio else value >= bound


def evaluate(groups, meta):
    """Rows [what, workload, dtype, value, note, needed, passed (None = not measured)]."""
    rows = []
    for what, workloads, dtypes, rule, bound in RULES:
        for workload in workloads:
            workload = meta["csv_workload"] if workload == "csv" else workload
            for dtype in dtypes or meta["dtypes"]:
                if workload not in meta["facts"] or dtype not in meta["dtypes"]:
                    continue
                mine = groups.get(("train", workload, "nettrain", dtype))
                value, note = (rule(groups, mine, workload, dtype, meta["facts"])
                               if mine else (None, " (nettrain did not run)"))
                rows.append([what, workload, dtype, value, note, needed(rule, bound),
                             passes(rule, value, bound)])
    return rows
