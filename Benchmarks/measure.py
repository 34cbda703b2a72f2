"""Run one command as a fresh process and measure it from outside: wall time from spawn to reap
(perf_counter) and peak resident memory (the kernel's ru_maxrss of the reaped child, via
os.wait4; public equivalent: /usr/bin/time -v)."""
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import namedtuple

Outcome = namedtuple("Outcome", "stdout stderr wall_s peak_mib rc")

POLL_S = 0.002


def reap(pid, deadline):
    """Wait for pid, killing it at the deadline; -> (exit status, rusage)."""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage
        if time.perf_counter() > deadline:
            os.kill(pid, 9)
            _, status, usage = os.wait4(pid, 0)
            return status, usage
        time.sleep(POLL_S)


def peak_mib(usage):
    """ru_maxrss is KiB on Linux and bytes on macOS."""
    return usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)


def run_process(cmd, cwd, timeout_s):
    """Spawn cmd with its output in temporary files, reap it -> Outcome."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd)
        status, usage = reap(child.pid, t0 + timeout_s)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen from waiting
        out.seek(0)
        err.seek(0)
        return Outcome(out.read(), err.read(), wall, peak_mib(usage), child.returncode)


def last_json_line(text):
    """The last line of text that is a JSON object, or None."""
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                return None
    return None
