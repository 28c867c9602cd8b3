#!/usr/bin/env python3
"""A synchronized bounded queue under each mode, against CPython's queue.Queue under threads.

One producer and one consumer pass ITEMS integers through a queue of 16 places: in Java a `synchronized`
queue with wait/notifyAll (the agent's test application BoundedQueueApp), in CPython `queue.Queue(16)` on
two threads. Each configuration runs in a fresh process, best of ROUNDS rounds; the repeats are
interleaved and the medians printed as a Markdown table, with gil/native, the figure of the issue "Release
the GIL wherever the JDK blocks" (target: at most 3).

    ./mvnw -B -DskipTests package         # the agent jar and the agent's test classes
    python3 benchmarks/bounded_queue.py --repeat 5
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AGENT = os.path.join(ROOT, "agent", "target", "gil4j-agent.jar")
CLASSES = os.path.join(ROOT, "agent", "target", "test-classes")
APP = "io.gil4j.it.app.BoundedQueueApp"
CPYTHON = """
import queue, sys, threading, time
items, rounds = int(sys.argv[1]), int(sys.argv[2])
best = float("inf")
for _ in range(rounds):
    q, total = queue.Queue(16), [0]
    def consume():
        s = 0
        for _ in range(items):
            s += q.get()
        total[0] = s
    consumer = threading.Thread(target=consume)
    start = time.perf_counter()
    consumer.start()
    for i in range(1, items + 1):
        q.put(i)
    consumer.join()
    best = min(best, time.perf_counter() - start)
print(f"best={best} sum={total[0]}")
"""


def commands(a):
    java = [a.java, "-Dgil4j.otel.exporter.prometheus.port=0"]
    agent = f"-javaagent:{AGENT}=include=io.gil4j.it.app.**,mode="
    tail = ["-cp", CLASSES, APP, str(a.items), str(a.rounds)]
    return {
        "java, no agent": [a.java, "-cp", CLASSES, APP, str(a.items), str(a.rounds)],
        "java, native": java + [agent + "native"] + tail,
        "java, gil": java + [agent + "gil"] + tail,
        "CPython 3.13 threads": ["python3", "-c", CPYTHON, str(a.items), str(a.rounds)],
    }


def best(cmd):
    env = dict(os.environ, PYENV_VERSION="3.13.0")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
    match = re.search(r"best=([0-9.eE-]+) sum=(\d+)", out.stdout)
    if out.returncode != 0 or not match:
        sys.exit(f"bounded_queue: {' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return float(match.group(1)), int(match.group(2))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5, help="fresh processes per configuration, interleaved")
    p.add_argument("--items", type=int, default=20000)
    p.add_argument("--rounds", type=int, default=3, help="rounds per process, the best counts")
    p.add_argument("--java", default="java")
    a = p.parse_args()
    for path in (AGENT, CLASSES):
        if not os.path.exists(path):
            sys.exit(f"bounded_queue: {path} is missing; build with ./mvnw -B -DskipTests package")
    runs = {name: [] for name in commands(a)}
    for i in range(a.repeat):
        for name, cmd in commands(a).items():
            seconds, total = best(cmd)
            if total != a.items * (a.items + 1) // 2:
                sys.exit(f"bounded_queue: {name} consumed {total}, not every item once")
            runs[name].append(seconds)
            print(f"[bounded_queue] {i + 1}/{a.repeat} {name}: {seconds:.4f} s", file=sys.stderr, flush=True)
    print(f"<!-- python3 benchmarks/bounded_queue.py {' '.join(sys.argv[1:])} -->\n")
    print(f"{a.items} items through a queue of 16, best of {a.rounds} rounds, median of {a.repeat} processes:\n")
    print("| configuration | seconds (median) | µs per item | all runs |")
    print("|---|---|---|---|")
    for name, values in runs.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.4f} | {median / a.items * 1e6:.2f} | {', '.join(f'{v:.4f}' for v in values)} |")
    ratios = [g / n for g, n in zip(runs["java, gil"], runs["java, native"])]
    print(f"\ngil / native, per repeat: {', '.join(f'{r:.2f}' for r in ratios)}; median "
          f"{statistics.median(ratios):.2f} (target: at most 3)")


if __name__ == "__main__":
    main()
