"""What a result depends on besides the code: date, machine, toolchain and library versions."""
import datetime
import os
import platform
import resource
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version

DISTRIBUTIONS = ["numpy", "scikit-learn", "scipy", "torch", "jax", "jaxlib", "autograd",
                 "micrograd", "polars", "pandas", "pyarrow"]


def first_line(cmd, cwd=None):
    """First non-empty output line of cmd, or '-' when it cannot run."""
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "-"
    lines = [ln.strip() for ln in (done.stdout + done.stderr).splitlines() if ln.strip()]
    return lines[0] if lines else "-"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib():
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])  # MemTotal
        return f"{kib / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "-"


def machine_line():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu_model()}, {cores} cores available, {memory_gib()} RAM, {platform.system()} " \
           f"{platform.release()}"


def package_versions():
    found = {}
    for name in DISTRIBUTIONS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def nettrain_version(nettrain, root):
    commit = first_line(["git", "-C", root, "describe", "--always", "--dirty"])
    return f"{first_line(nettrain + ['--version'])} ({' '.join(nettrain)}, commit {commit})"


def describe(args, nettrain, notes, root):
    """The meta record at the head of a raw results file."""
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": "Benchmarks/bench.py " + " ".join(sys.argv[1:]),
        "machine": machine_line(),
        "swift": first_line(["swift", "--version"]),
        "python": f"{platform.python_implementation()} {platform.python_version()} "
                  f"({sys.executable})",
        "nettrain": nettrain_version(nettrain, root),
        "packages": package_versions(),
        "rounds": args.rounds, "workloads": args.workloads, "dtypes": args.dtypes,
        "csv_workload": args.csv_workload, "notes": notes,
        "driver_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10,
    }
