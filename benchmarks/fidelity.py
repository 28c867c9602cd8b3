#!/usr/bin/env python3
"""Fidelity run: CPython's reference and gil4j's bench, alternated in one session.

Runs ../shared/tools/cpython_ref.py (Python 3.13) and `gil4j-demo.jar bench --format csv` REPEAT times
each, interleaved so both see the same machine, and prints per mode the median, min and max speedup
over sequential of each, as a Markdown table. Each single run is itself best-of-ROUNDS.

    python3 benchmarks/fidelity.py --repeat 5 --workers 2 --tasks 8 \
        --java-modes sequential,gil,native --agent-args gil=new

Run from the repository root after `./mvnw -B -DskipTests package`.
"""
import argparse
import csv
import io
import os
import statistics
import subprocess
import sys


def parse_rows(text):
    rows = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) == 4 and row[0] == "python":
            rows["python"] = row[1]
        elif len(row) == 5 and row[0] != "mode":
            rows[row[0]] = float(row[4])
    return rows


def default_python():
    """The pyenv shim, which honours PYENV_VERSION; a plain `python3` found on PATH may be another version."""
    shim = os.path.join(os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")), "shims", "python3")
    return shim if os.access(shim, os.X_OK) else "python3"


def run(cmd, env=None):
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return parse_rows(out.stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("--tasks", type=int, default=8)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--java-modes", default="sequential,gil,native")
    p.add_argument("--agent-args", default="", help="extra agent arguments, e.g. gil=legacy")
    p.add_argument("--workload", default="primes")
    p.add_argument("--cpython-ref", default="../shared/tools/cpython_ref.py")
    p.add_argument("--skip-python", action="store_true")
    p.add_argument("--python", default=default_python(), help="the Python 3.13 command (default: pyenv's shim)")
    a = p.parse_args()

    agent = "-javaagent:agent/target/gil4j-agent.jar" + ("=" + a.agent_args if a.agent_args else "")
    java = ["java", agent, "-jar", "demo-app/target/gil4j-demo.jar", "bench", "--workload", a.workload,
            "--tasks", str(a.tasks), "--workers", str(a.workers), "--rounds", str(a.rounds),
            "--modes", a.java_modes, "--format", "csv"]
    py_env = dict(os.environ, PYENV_VERSION="3.13.0", REF_TASKS=str(a.tasks), REF_WORKERS=str(a.workers),
                  REF_ROUNDS=str(a.rounds))
    py = [a.python, a.cpython_ref]

    java_runs, py_runs = [], []
    for i in range(a.repeat):
        print(f"[fidelity] run {i + 1}/{a.repeat}: gil4j", file=sys.stderr, flush=True)
        java_runs.append(run(java))
        if not a.skip_python:
            print(f"[fidelity] run {i + 1}/{a.repeat}: CPython", file=sys.stderr, flush=True)
            rows = run(py, py_env)
            if not rows.get("python", "").startswith("3.13"):
                sys.exit(f"fidelity: {a.python} ran Python {rows.get('python')}, not 3.13")
            py_runs.append(rows)

    def summary(runs, mode):
        values = [r[mode] for r in runs if mode in r and isinstance(r[mode], float)]
        if not values:
            return "—"
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    print(f"workload `{a.workload}`, {a.tasks} tasks, {a.workers} workers, best of {a.rounds}, "
          f"{a.repeat} runs each; median (min–max) speedup over sequential\n")
    version = py_runs[0]["python"] if py_runs else "3.13"
    print(f"| gil4j mode | gil4j | CPython mode | CPython {version} |")
    print("|---|---|---|---|")
    pairs = [("sequential", "sequential"), ("gil", "threads"), ("interpreters", "interpreters"),
             ("processes", "processes"), ("native", None)]
    for java_mode, py_mode in pairs:
        if java_mode in a.java_modes.split(","):
            py_cell = summary(py_runs, py_mode) if py_mode else "— (free-threaded build not measured)"
            print(f"| `{java_mode}` | {summary(java_runs, java_mode)} | {py_mode or ''} | {py_cell} |")


if __name__ == "__main__":
    main()
