"""Turn raw run records into RESULTS.md: medians per (workload, system, precision), nettrain's
ratios to each peer (median of the per-round ratios: both sides of a ratio ran minutes apart, so
drift of the shared machine cancels), the targets with PASS/MISS, losses side by side, CSV loading.
"""
import statistics

import targets as target_rules
from stats import group, median, paired_ratio

LOSS_SLACK = 0.05  # nettrain's loss may lie this far outside the peers' range


# ---- formatting ------------------------------------------------------------------------------

def fmt(value, kind="s"):
    if value is None:
        return "-"
    if kind == "x":
        return f"{value:.3g}×"
    if kind == "rate":
        return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    if kind == "loss":
        return f"{value:.5g}"
    if kind == "mib":
        return f"{value:.0f}"
    return f"{value:.3f}" if value < 10 else f"{value:.2f}"


def table(header, rows):
    if not rows:
        return ["(nothing measured)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


# ---- sections --------------------------------------------------------------------------------

def training_keys(groups):
    """Training groups: by workload, nettrain first, then the run order of the systems."""
    order = {}
    for key in groups:
        order.setdefault(key[2], 0 if key[2] == "nettrain" else len(order) + 1)
    keys = [k for k in groups if k[0] == "train"]
    return sorted(keys, key=lambda k: (k[1], order[k[2]], k[3]))


def ratio_cells(groups, key, facts):
    """nettrain's steps/s ratio and whole-process ratio against the peer of this row."""
    mine = groups.get(("train", key[1], "nettrain", key[3]))
    runs = groups[key]
    if key[2] == "nettrain" or not mine:
        return ["-", "-"]
    speed = paired_ratio(mine, "steps_per_s", runs, "steps_per_s")
    full_run = runs[0]["steps"] == facts[key[1]]["steps"]
    whole = paired_ratio(runs, "process_wall_s", mine, "process_wall_s") if full_run else None
    return [fmt(speed, "x"), fmt(whole, "x")]


def training_section(groups, facts):
    header = ["workload", "system", "version", "dtype", "runs", "load s", "train s", "steps",
              "steps/s", "whole-process s", "peak MiB", "final-epoch loss", "full loss",
              "nettrain × steps/s", "nettrain × whole process"]
    rows = []
    for key in training_keys(groups):
        runs = groups[key]
        steps = runs[0]["steps"]
        steps_cell = steps if steps == facts[key[1]]["steps"] else f"{steps} (reduced)"
        rows.append([key[1], key[2], runs[0].get("version", "-"), key[3], len(runs),
                     fmt(median(runs, "load_s")), fmt(median(runs, "train_s")), steps_cell,
                     fmt(median(runs, "steps_per_s"), "rate"), fmt(median(runs, "process_wall_s")),
                     fmt(median(runs, "process_peak_mib"), "mib"),
                     fmt(median(runs, "final_epoch_loss"), "loss"),
                     fmt(median(runs, "full_loss"), "loss")] + ratio_cells(groups, key, facts))
    return ["## Training (medians over rounds)", ""] + table(header, rows)


def loss_row(groups, workload, dtype, facts):
    mine = groups[("train", workload, "nettrain", dtype)]
    loss, steps = median(mine, "final_epoch_loss"), mine[0]["steps"]
    peers = [median(runs, "final_epoch_loss") for k, runs in groups.items()
             if k[0] == "train" and k[1] == workload and k[3] == dtype and k[2] != "nettrain"
             and runs[0]["steps"] == facts[workload]["steps"]]
    peers = [p for p in peers if p is not None]
    expected = facts[workload]["steps"]
    steps_cell = f"{steps}" if steps == expected else f"{steps} (expected {expected})"
    if not peers or loss is None:
        return [workload, dtype, steps_cell, fmt(loss, "loss"), "-", "-", "-"]
    lo, hi, mid = min(peers), max(peers), statistics.median(peers)
    ok = lo * (1 - LOSS_SLACK) <= loss <= hi * (1 + LOSS_SLACK) and steps == expected
    spread = f"{fmt(lo, 'loss')} – {fmt(hi, 'loss')}"
    return [workload, dtype, steps_cell, fmt(loss, "loss"), spread,
            f"{100 * (loss / mid - 1):+.1f} %", "ok" if ok else "OFF"]


def loss_section(groups, facts):
    header = ["workload", "dtype", "nettrain steps", "nettrain final-epoch loss",
              "peers' range", "nettrain vs peers' median", "same work?"]
    keys = [k for k in training_keys(groups) if k[2] == "nettrain"]
    rows = [loss_row(groups, k[1], k[3], facts) for k in keys]
    note = (f"`ok`: the step count matches and nettrain's final-epoch loss lies within the peers' "
            f"range widened by {LOSS_SLACK:.0%} (peers do not share random streams, so their "
            f"losses agree in magnitude, not in digits). Reduced-epoch rows are left out.")
    return ["## Final losses side by side", "", note, ""] + table(header, rows)


def csv_section(groups, meta):
    workload, dtypes = meta["csv_workload"], meta["dtypes"]
    header = ["loader", "version", "runs", "read s (in process)", "whole-process s", "peak MiB"] + [
        f"nettrain {d} × faster" for d in dtypes]
    rows = []
    for key, runs in groups.items():
        if key[0] == "csv":
            mine = [groups.get(("train", workload, "nettrain", d), []) for d in dtypes]
            rows.append([key[2], runs[0]["version"], len(runs), fmt(median(runs, "read_s")),
                         fmt(median(runs, "process_wall_s")),
                         fmt(median(runs, "process_peak_mib"), "mib")] + [
                fmt(paired_ratio(runs, "read_s", m, "load_s"), "x") for m in mine])
    for d in dtypes:
        mine = groups.get(("train", workload, "nettrain", d), [])
        rows.append([f"nettrain {d} (load s of `fit`)", "-", len(mine), fmt(median(mine, "load_s")),
                     "-", "-"] + ["-"] * len(dtypes))
    file = meta["facts"][workload]["file"]
    return [f"## Loading {file} ({workload})", ""] + table(header, rows)


def rounds_cell(ratios, met):
    """The per-round ratios' range and how many rounds met the bound: `1.52–2.05×, 3 of 5`."""
    if not ratios:
        return "-"
    low, high = min(ratios), max(ratios)
    return f"{low:.3g}–{high:.3g}×, {met} of {len(ratios)}"


def targets_section(groups, meta):
    header = ["target", "workload", "dtype", "measured", "needed", "result", "rounds (range, met)"]
    rows = []
    for what, workload, dtype, value, note, need, passed, ratios, met in target_rules.evaluate(
            groups, meta):
        rows.append([what, workload, dtype, fmt(value, "x") + note, need,
                     "n/a" if passed is None else ("PASS" if passed else "MISS"),
                     rounds_cell(ratios, met)])
    note = ("`measured` is the median of the per-round ratios (the result); `rounds` gives their "
            "range and in how many rounds the ratio alone met the bound.")
    return ["## Targets", "", note, ""] + table(header, rows)


def header_section(meta):
    versions = [["swift", meta["swift"]], ["python", meta["python"]],
                ["nettrain", meta["nettrain"]]] + [[k, v] for k, v in meta["packages"].items()]
    return [
        "# nettrain benchmark results", "",
        f"- date: {meta['date']}",
        f"- command: `{meta['command']}`",
        f"- machine: {meta['machine']}",
        f"- rounds: {meta['rounds']} (every process once per round, same order); figures are "
        "medians over rounds, nettrain's ratios medians of the per-round ratios",
        f"- peak MiB is the kernel's peak RSS of each process; it includes the driver's own "
        f"{meta.get('driver_peak_mib', 0):.0f} MiB at spawn (a floor under every figure)",
        "- train s is the timed training loop; compiling is outside it, in the whole process: "
        "JAX's (a warm-up call before the loop) and nettrain's (a step recorded and built once "
        "per batch size, its summary's `compile_seconds`)", "",
        "## Versions", ""] + table(["component", "version"], versions)


def problems_section(meta, records):
    lines = [f"- {note}" for note in meta["notes"]]
    for rec in records:
        if "error" in rec:
            tail = (rec.get("stderr_tail", "").strip().splitlines() or [""])[-1][:200]
            lines.append(f"- round {rec['round']}: {rec['system']} {rec['workload']} "
                         f"{rec['dtype']} failed ({rec['error']}): `{tail}`")
    return ["## Skipped and failed", ""] + (lines or ["Nothing was skipped; nothing failed."])


def render(meta, records):
    groups = group(records)
    parts = [header_section(meta), targets_section(groups, meta),
             training_section(groups, meta["facts"]), loss_section(groups, meta["facts"])]
    if meta["csv_workload"] != "none":
        parts.append(csv_section(groups, meta))
    parts.append(problems_section(meta, records))
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def write(meta, records, path):
    text = render(meta, records)
    print("\n" + text)
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote {path}")
