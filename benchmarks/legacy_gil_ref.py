"""The old GIL measured on this machine: CPython 2.7 (checkinterval 100, no forced switching) runs the
task of shared/tools/cpython_ref.py (read from its SRC) sequentially and on 2 threads, and prints the
same CSV as `bench`.
Written for Python 2.7, so that it compares with gil4j's `gil=legacy`:

    PYENV_VERSION=2.7.18 python benchmarks/legacy_gil_ref.py
"""
import multiprocessing
import os
import sys
import threading
import time

N = int(os.environ.get("REF_N", "60000"))
TASKS = int(os.environ.get("REF_TASKS", "8"))
WORKERS = int(os.environ.get("REF_WORKERS", "2"))
ROUNDS = int(os.environ.get("REF_ROUNDS", "3"))


def reference_task():
    """count_primes exactly as cpython_ref.py defines it (its SRC), so that both run the same code."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.environ.get("CPYTHON_REF", os.path.join(here, "..", "..", "shared", "tools", "cpython_ref.py"))
    with open(path) as f:
        text = f.read()
    quotes = "'" * 3
    start = text.index("SRC = " + quotes) + len("SRC = " + quotes)
    namespace = {}
    exec(text[start:text.index(quotes, start)], namespace)
    return namespace["count_primes"]


count_primes = reference_task()


def sequential():
    for _ in range(TASKS):
        count_primes(N)


def threads():
    per = [TASKS // WORKERS + (1 if k < TASKS % WORKERS else 0) for k in range(WORKERS)]

    def run(k):
        for _ in range(k):
            count_primes(N)
    ts = [threading.Thread(target=run, args=(k,)) for k in per]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def best(f):
    times = []
    for _ in range(ROUNDS):
        start = time.time()
        f()
        times.append(time.time() - start)
    return min(times)


if __name__ == "__main__":
    base = best(sequential)
    print("python,%s,cpus,%d" % (sys.version.split()[0], multiprocessing.cpu_count()))
    print("mode,workers,tasks,seconds,speedup")
    print("sequential,1,%d,%.3f,1.00" % (TASKS, base))
    t = best(threads)
    print("threads,%d,%d,%.3f,%.2f" % (WORKERS, TASKS, t, base / t))
