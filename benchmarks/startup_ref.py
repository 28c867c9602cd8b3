#!/usr/bin/env python3
"""CPython's side of gil4j's StartupBenchmark: the time from creating an executor to the result of its
first trivial call, for a thread pool, an interpreter pool (3.14+, when present) and a process pool with
each start method (a JVM cannot fork, so `spawn` is the like-for-like figure);
median of RUNS fresh executors, in milliseconds, as CSV: executor,runs,median_ms,min_ms.

    PYENV_VERSION=3.13.0 python3 benchmarks/startup_ref.py --runs 10
"""
import argparse
import concurrent.futures as cf
import multiprocessing
import statistics
import time


def echo(value):
    return value


def first_call(make):
    start = time.perf_counter()
    with make() as pool:
        pool.submit(echo, 1).result()
        elapsed = time.perf_counter() - start
    return elapsed * 1000


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=10)
    a = p.parse_args()
    executors = [("threads", lambda: cf.ThreadPoolExecutor(1))]
    if hasattr(cf, "InterpreterPoolExecutor"):
        executors.append(("interpreters", lambda: cf.InterpreterPoolExecutor(1)))
    for method in ("fork", "forkserver", "spawn"):
        context = multiprocessing.get_context(method)
        executors.append((f"processes-{method}", lambda c=context: cf.ProcessPoolExecutor(1, mp_context=c)))
    print("executor,runs,median_ms,min_ms")
    for name, make in executors:
        times = [first_call(make) for _ in range(a.runs)]
        print(f"{name},{a.runs},{statistics.median(times):.3f},{min(times):.3f}")


if __name__ == "__main__":
    main()
