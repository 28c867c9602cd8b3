#!/usr/bin/env python3
"""What the hold sampler costs: `bench` in gil with `hold.sample-rate=RATE` against `0` (off).

The sampler runs only while a lock mode is in force, so the `gil` row is where it can cost: four threads
contend for the lock and JFR samples the holder a hundred times a second. Runs the two configurations
alternately REPEAT times and prints, for each, the median and range of the `gil` row's best time, and the
ratio of the medians (on / off; goal <= 1.02).

    python3 benchmarks/sampler_cost.py --repeat 8 --rate 100

Run from the repository root after `./mvnw -B -DskipTests package`.
"""
import argparse
import csv
import io
import statistics
import subprocess


def gil_seconds(rate, a):
    cmd = ["nice", "-n", "-5", "java", f"-javaagent:agent/target/gil4j-agent.jar=hold.sample-rate={rate},control.port=0",
           "-Dgil4j.otel.exporter.prometheus.port=0", "-jar", "demo-app/target/gil4j-demo.jar", "bench",
           "--workload", a.workload, "--tasks", str(a.tasks), "--workers", str(a.workers), "--rounds", str(a.rounds),
           "--modes", "sequential,gil", "--format", "csv"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    header = rows[0]
    gil = next(r for r in rows[1:] if r[0] == "gil")
    return float(gil[header.index("seconds")])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=8)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--tasks", type=int, default=16)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--workload", default="primes")
    p.add_argument("--rate", type=int, default=100, help="the sample rate to compare with 0")
    a = p.parse_args()
    times = {a.rate: [], 0: []}
    for i in range(a.repeat):
        for rate in (a.rate, 0) if i % 2 == 0 else (0, a.rate):
            times[rate].append(gil_seconds(rate, a))
            print(f"run {i + 1}/{a.repeat}: sample-rate {rate}: {times[rate][-1]:.3f} s", flush=True)
    for rate, label in ((a.rate, f"sampler on ({a.rate}/s)"), (0, "sampler off")):
        t = times[rate]
        print(f"| {label} | {statistics.median(t):.3f} s | {min(t):.3f}–{max(t):.3f} s |")
    print(f"ratio of medians, on / off: {statistics.median(times[a.rate]) / statistics.median(times[0]):.3f}")


if __name__ == "__main__":
    main()
