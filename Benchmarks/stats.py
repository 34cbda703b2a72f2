"""Medians over rounds and per-round ratios of raw run records."""
import statistics


def group(records):
    """{(kind, workload, system, dtype): [successful records]} in first-appearance order."""
    groups = {}
    for rec in records:
        if "error" not in rec:
            key = (rec["kind"], rec["workload"], rec["system"], rec["dtype"])
            groups.setdefault(key, []).append(rec)
    return groups


def median(runs, field):
    values = [r[field] for r in runs if r.get(field) is not None]
    return statistics.median(values) if values else None


def paired_ratios(top_runs, top_field, bottom_runs, bottom_field):
    """top/bottom in every round where both ran, in the order of top_runs."""
    bottom = {r["round"]: r[bottom_field] for r in bottom_runs if r.get(bottom_field)}
    return [r[top_field] / bottom[r["round"]] for r in top_runs
            if r.get(top_field) is not None and r["round"] in bottom]


def paired_ratio(top_runs, top_field, bottom_runs, bottom_field):
    """Median over rounds where both ran of top/bottom, or None."""
    ratios = paired_ratios(top_runs, top_field, bottom_runs, bottom_field)
    return statistics.median(ratios) if ratios else None
