#!/usr/bin/env python3
"""Real-code run: what gil4j costs third-party libraries, each configuration in a fresh JVM.

For each task of benchmarks/realcode (Jackson, Bouncy Castle, XZ, Mustache, Lucene, Guava) runs REPEAT
interleaved repeats of seven JVM configurations, each `gil4j-realcode.jar --task T` best-of-ROUNDS:

    none          no agent, 1 thread             (the baseline)
    native        agent mode=native, 1 thread    (what the agent costs when off)
    gil1          agent mode=gil, 1 thread       (what the lock and its check points cost alone)
    gil2          agent mode=gil, N threads      (CPython threads: no speedup expected)
    none2         no agent, N threads            (the free-threaded reference)
    interpreters  agent mode=interpreters, N workers, N threads, offload=<task class>#run
    processes     agent mode=processes, N workers, N threads, offload=<task class>#run

and prints per task a Markdown table of the median (min-max) over repeats of native/none and gil1/none
(time ratios) and of the speedups over `none` of the N-thread configurations, with the target band of
each. `--selection all` adds include=** to every agent argument (every library class instrumented);
`default` leaves the agent's own default. Progress, and anything unexpected a run prints, go to stderr.

    python3 benchmarks/realcode.py --repeat 3 --rounds 3 --selection default --only json,index --check

Run after `./mvnw -B -DskipTests package`. Exit code: 0 when every run succeeded and agreed on the
checksum (and, with --check, every band held); 1 otherwise.
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AGENT = "agent/target/gil4j-agent.jar"
JAR = "benchmarks/realcode/target/gil4j-realcode.jar"
POOLED = ("interpreters", "processes")
EXPECTED_STDERR = ("[realcode]", "[gil4j] started:")
AGENT_DISABLED = "agent disabled, the application runs without it"
# name, agent mode (None: no agent), whether it runs on N threads
CONFIGS = [("none", None, False), ("native", "native", False), ("gil1", "gil", False), ("gil2", "gil", True),
           ("none2", None, True), ("interpreters", "interpreters", True), ("processes", "processes", True)]
# row label, how it is computed from one repeat's best times, the band it must fall in (low, high)
MEASURES = [("native / none (time)", lambda t: t["native"] / t["none"], (None, 1.03)),
            ("gil1 / none (time)", lambda t: t["gil1"] / t["none"], (None, 1.15)),
            ("gil2 speedup", lambda t: t["none"] / t["gil2"], (0.6, 1.15)),
            ("none2 speedup", lambda t: t["none"] / t["none2"], None),
            ("interpreters speedup", lambda t: t["none"] / t["interpreters"], (1.6, None)),
            ("processes speedup", lambda t: t["none"] / t["processes"], (1.5, None))]


def command(a, task, pattern, config, agent):
    name, mode, pooled_threads = config
    cmd = [a.java]
    if mode:
        options = [f"mode={mode}"]
        if a.selection == "all":
            options.append("include=**")
        if mode in POOLED:
            options += [f"workers={a.threads}", f"offload={pattern}"]
        if a.agent_args:
            options.append(a.agent_args)
        cmd += ["-Dgil4j.otel.exporter.prometheus.port=0", f"-javaagent:{agent}=" + ",".join(options)]
    threads = a.threads if pooled_threads else 1
    return cmd + ["-jar", JAR, "--task", task, "--threads", str(threads), "--tasks", str(a.tasks),
                  "--rounds", str(a.rounds)]


def unexpected(line):
    """Whether a line a successful run printed on stderr is news: not progress, not a routine note."""
    return not line.startswith(EXPECTED_STDERR) and "Sharing is only supported" not in line


def run(cmd):
    """The (best seconds, checksum) of one JVM run, or None (its error on stderr) if it failed."""
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    rows = [line.split(",") for line in out.stdout.splitlines() if line.count(",") == 5]
    if out.returncode != 0 or len(rows) != 1 or AGENT_DISABLED in out.stderr:
        tail = "\n".join(out.stderr.splitlines()[-15:])
        print(f"[realcode] FAILED (exit {out.returncode}, or ran without the agent): {' '.join(cmd)}\n{tail}",
              file=sys.stderr, flush=True)
        return None
    for line in filter(unexpected, out.stderr.splitlines()):
        print(f"[realcode]   it printed: {line}", file=sys.stderr, flush=True)
    return float(rows[0][3]), rows[0][5]


def band_text(band):
    if band is None:
        return "— (reference)"
    low, high = band
    return f"≥ {low}" if high is None else f"≤ {high}" if low is None else f"{low}–{high}"


def holds(band, value):
    low, high = band
    return (low is None or value >= low) and (high is None or value <= high)


def measure_task(a, task, pattern, agent_copy):
    """Runs the repeats of one task; returns its table lines, its failed runs and its figures out of band."""
    commands = {c[0]: command(a, task, pattern, c, AGENT) for c in CONFIGS}
    executed = {c[0]: command(a, task, pattern, c, agent_copy) for c in CONFIGS}
    repeats, checksums, failures, outside = [], {}, [], []
    load_before = os.getloadavg()[0]
    for i in range(a.repeat):
        times = {}
        for name, cmd in executed.items():
            print(f"[realcode] {task} {i + 1}/{a.repeat} {name}", file=sys.stderr, flush=True)
            result = run(cmd)
            if result is None:
                failures.append(f"{task}: {name} failed in repeat {i + 1}")
                continue
            times[name] = result[0]
            checksums.setdefault(result[1], set()).add(name)
            print(f"[realcode] {task} {i + 1}/{a.repeat} {name}: best {result[0]:.3f} s", file=sys.stderr, flush=True)
        repeats.append(times)
    if len(checksums) > 1:
        failures.append(f"{task}: checksums differ: " + "; ".join(
            f"{c} from {', '.join(sorted(names))}" for c, names in checksums.items()))

    lines = [f"### `{task}`: {a.tasks} calls per round, best of {a.rounds} rounds, {a.repeat} repeats, "
             f"N = {a.threads}, selection `{a.selection}`", "",
             f"Load average (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on "
             f"{os.cpu_count()} processors (this script's own JVMs count towards it).", "",
             "<!-- commands, from the repository root:"]
    lines += [f"{name}: {' '.join(cmd)}" for name, cmd in commands.items()] + ["-->", ""]
    lines += ["| measure | median (min–max) | band | verdict |", "|---|---|---|---|"]
    for label, compute, band in MEASURES:
        values = []
        for times in repeats:
            try:
                values.append(compute(times))
            except KeyError:  # a run this ratio needs failed in that repeat
                pass
        if not values:
            lines.append(f"| {label} | failed | {band_text(band)} | — |")
            continue
        median = statistics.median(values)
        verdict = "—" if band is None else "ok" if holds(band, median) else "FAIL"
        if verdict == "FAIL":
            outside.append(f"{task}: {label} = {median:.2f}, outside {band_text(band)}")
        spread = f"{median:.2f} ({min(values):.2f}–{max(values):.2f})"
        lines.append(f"| {label} | {spread} | {band_text(band)} | {verdict} |")
    return lines, failures, outside


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3, help="fresh JVMs per configuration, interleaved (default 3)")
    p.add_argument("--threads", type=int, default=2, help="N: threads and workers of the N-thread runs (default 2)")
    p.add_argument("--tasks", type=int, default=8, help="calls per round (default 8)")
    p.add_argument("--rounds", type=int, default=3, help="timed rounds per run, the best one counts (default 3)")
    p.add_argument("--selection", choices=["default", "all"], default="default",
                   help="all: add include=** to the agent argument (every library class instrumented)")
    p.add_argument("--agent-args", default="", help="extra agent options, e.g. gil=legacy,switch-interval=1ms")
    p.add_argument("--java", default="java", help="the java command (default: java on the PATH)")
    p.add_argument("--only", default="", help="comma-separated tasks to run (default: all)")
    p.add_argument("--check", action="store_true", help="exit 1 when a figure falls outside its band")
    a = p.parse_args()
    if min(a.repeat, a.threads, a.tasks, a.rounds) < 1:
        p.error("--repeat, --threads, --tasks and --rounds must be at least 1")
    for path in (AGENT, JAR):
        if not os.path.isfile(os.path.join(ROOT, path)):
            sys.exit(f"realcode: {path} is missing; build with ./mvnw -B -DskipTests package")

    listed = subprocess.run([a.java, "-jar", JAR, "--list"], cwd=ROOT, check=True, capture_output=True, text=True)
    patterns = dict(line.split(",", 1) for line in listed.stdout.splitlines())
    only = [t for t in a.only.split(",") if t] or list(patterns)
    unknown = [t for t in only if t not in patterns]
    if unknown:
        p.error(f"--only: unknown task(s) {', '.join(unknown)}; known: {', '.join(patterns)}")

    failures, outside = [], []
    with tempfile.TemporaryDirectory(prefix="gil4j-realcode-") as tmp:
        # every run uses the same agent build, even if the agent is rebuilt meanwhile
        agent_copy = shutil.copy(os.path.join(ROOT, AGENT), tmp)
        with open(agent_copy, "rb") as jar:
            digest = hashlib.sha256(jar.read()).hexdigest()
        print(f"<!-- python3 benchmarks/realcode.py {' '.join(sys.argv[1:])}\n"
              f"     agent: a copy of {AGENT} taken at the start, sha256 {digest} -->\n")
        for task in only:
            lines, task_failures, task_outside = measure_task(a, task, patterns[task], agent_copy)
            print("\n".join(lines) + "\n", flush=True)
            failures += task_failures
            outside += task_outside
    for problem in failures + (outside if a.check else []):
        print(f"[realcode] {problem}", file=sys.stderr)
    sys.exit(1 if failures or (a.check and outside) else 0)


if __name__ == "__main__":
    main()
