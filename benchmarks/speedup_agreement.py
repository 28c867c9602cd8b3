#!/usr/bin/env python3
"""Speedup agreement: the live gil4j.speedup gauge under saturating load against the bench, in one session.

For each mode, REPEAT times: starts `gil4j-demo.jar serve` with the agent, cycling sequential (the
gauge's default baseline) and the mode, DWELL seconds each, drives it with `gil4j-demo.jar load` at
CONCURRENCY clients, and reads gil4j.speedup from the agent's Prometheus endpoint at the end of the mode's
stay; then runs `bench --modes sequential,<mode>` on the same workload and workers. Prints, per mode, the
median gauge, the median bench speedup, their ratio and whether it is within 15 %, as a Markdown table.

    python3 benchmarks/speedup_agreement.py --repeat 3 --workers 2 --concurrency 4 --dwell 20

Run from the repository root after `./mvnw -B -DskipTests package`.
"""
import argparse
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

AGENT = "agent/target/gil4j-agent.jar"
DEMO = "demo-app/target/gil4j-demo.jar"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            return r.read().decode()
    except OSError:
        return ""


def active_mode(text):
    m = re.search(r'^gil4j_mode_active\{gil4j_mode="([a-z]+)"[^}]*\} 1(\.0)?$', text, re.M)
    return m.group(1) if m else None


def speedup(text, mode):
    m = re.search(r'^gil4j_speedup\{gil4j_mode="' + mode + r'"[^}]*\} (\S+)$', text, re.M)
    return float(m.group(1)) if m else None


def gauge(mode, a):
    metrics, serve_port = free_port(), free_port()
    serve = subprocess.Popen(["java", f"-Dgil4j.otel.exporter.prometheus.port={metrics}",
                              f"-javaagent:{AGENT}=workers={a.workers}", "-jar", DEMO, "serve",
                              "--port", str(serve_port), "--workload", a.workload, "--threads", str(4 * a.concurrency),
                              "--cycle", f"sequential,{mode}", "--dwell", f"{a.dwell}s"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        load = subprocess.Popen(["java", "-jar", DEMO, "load", "--url", f"http://127.0.0.1:{serve_port}/work",
                                 "--concurrency", str(a.concurrency), "--duration", f"{2 * a.dwell}s"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        last, seen = None, False
        deadline = time.time() + 2 * a.dwell + 30
        while time.time() < deadline:
            text = scrape(metrics)
            now = active_mode(text)
            if now == mode:
                seen = True
                last = speedup(text, mode) or last
            elif seen:
                break
            time.sleep(1)
        load.kill()
        load.wait()
        return last
    finally:
        serve.kill()
        serve.wait()
        time.sleep(3)  # let worker JVMs and the kernel settle before the bench runs


def bench(mode, a):
    out = subprocess.run(["java", f"-javaagent:{AGENT}", "-jar", DEMO, "bench", "--workload", a.workload,
                          "--tasks", str(a.tasks), "--workers", str(a.workers), "--rounds", "3",
                          "--modes", f"sequential,{mode}", "--format", "csv"],
                         check=True, capture_output=True, text=True).stdout
    return float([row for row in out.splitlines() if row.startswith(mode + ",")][0].split(",")[4])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--tasks", type=int, default=8)
    p.add_argument("--dwell", type=int, default=20, help="seconds in each mode")
    p.add_argument("--workload", default="primes")
    p.add_argument("--modes", default="gil,interpreters,processes,native")
    a = p.parse_args()
    print("| mode | gil4j.speedup under load, median (min–max) | bench, median (min–max) | ratio | within 15 % |")
    print("|---|---|---|---|---|")
    for mode in a.modes.split(","):
        gauges, benches = [], []
        for i in range(a.repeat):
            g = gauge(mode, a)
            b = bench(mode, a)
            print(f"# {mode} run {i + 1}: gauge {g}, bench {b}", file=sys.stderr, flush=True)
            if g is not None:
                gauges.append(g)
            benches.append(b)
        if not gauges:
            print(f"| `{mode}` | no reading | {statistics.median(benches):.2f} | — | no |")
            continue
        g, b = statistics.median(gauges), statistics.median(benches)
        ratio = g / b
        print(f"| `{mode}` | {g:.2f} ({min(gauges):.2f}–{max(gauges):.2f}) | {b:.2f} ({min(benches):.2f}–{max(benches):.2f})"
              f" | {ratio:.2f} | {'yes' if abs(ratio - 1) <= 0.15 else 'no'} |", flush=True)


if __name__ == "__main__":
    main()
