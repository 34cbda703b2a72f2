"""The speed and memory targets nettrain is measured against, each a ratio checked per workload
and precision. Where a target names no precision it is checked for every precision run.

A target is judged on the median of its per-round ratios; the rounds themselves are reported
too (their range and how many of them meet the bound), because on a shared machine one
process's speed moves by ±30 % from round to round and a median near its bound can land on
either side from one run to the next."""
import statistics

from stats import median, paired_ratios

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
    return paired_ratios(mine, "steps_per_s", peers[best], "steps_per_s"), f" vs {best}"


def vs_torch(groups, mine, workload, dtype, facts):
    runs = groups.get(("train", workload, "torch", dtype))
    if not runs:
        return None, " (torch did not run)"
    return paired_ratios(mine, "steps_per_s", runs, "steps_per_s"), ""


def wall_vs_torch(groups, mine, workload, dtype, facts):
    runs = groups.get(("train", workload, "torch", dtype))
    if not runs:
        return None, " (torch did not run)"
    return paired_ratios(runs, "process_wall_s", mine, "process_wall_s"), " shorter"


def load_vs_polars(groups, mine, workload, dtype, facts):
    runs = groups.get(("csv", workload, "polars", "-"))
    if not runs:
        return None, " (polars did not run)"
    return paired_ratios(runs, "read_s", mine, "load_s"), f" ({facts[workload]['file']})"


def memory_ratio(groups, mine, workload, dtype, facts):
    """Peak RSS over (rows x columns of the CSV + parameters) at the run's precision."""
    fact = facts[workload]
    width = 4 if dtype == "float32" else 8
    base_mib = (fact["rows"] * fact["columns"] + fact["params"]) * width / MIB
    peak = median(mine, "process_peak_mib")
    ratios = [r["process_peak_mib"] / base_mib for r in mine if r.get("process_peak_mib")]
    return ratios, f" ({peak:.0f} MiB over {base_mib:.0f} MiB)"


# (what, workloads ("csv" = the CSV comparison's), precisions (None = all run),
#  rule: (groups, nettrain's runs, workload, dtype, facts) -> (per-round ratios or None, note),
#  bound)
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


def rounds_passed(rule, ratios, bound):
    """How many of the per-round ratios meet the bound."""
    return sum(1 for r in ratios if passes(rule, r, bound))


def passes(rule, value, bound):
    if value is None:
        return None
    return value <= bound if rule is memory_ratio else value >= bound


def evaluate(groups, meta):
    """Rows [what, workload, dtype, value, note, needed, passed (None = not measured),
    per-round ratios ([] when not measured), rounds that met the bound]; value is the median of
    the per-round ratios."""
    rows = []
    for what, workloads, dtypes, rule, bound in RULES:
        for workload in workloads:
            workload = meta["csv_workload"] if workload == "csv" else workload
            for dtype in dtypes or meta["dtypes"]:
                if workload not in meta["facts"] or dtype not in meta["dtypes"]:
                    continue
                mine = groups.get(("train", workload, "nettrain", dtype))
                ratios, note = (rule(groups, mine, workload, dtype, meta["facts"])
                                if mine else (None, " (nettrain did not run)"))
                value = statistics.median(ratios) if ratios else None
                rows.append([what, workload, dtype, value, note, needed(rule, bound),
                             passes(rule, value, bound), ratios or [],
                             rounds_passed(rule, ratios or [], bound)])
    return rows
