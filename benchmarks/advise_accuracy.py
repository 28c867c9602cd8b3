#!/usr/bin/env python3
"""How well `advise` predicts: the agent's test service of known shares (AdviseApp), REPEAT times.

Each run starts AdviseApp in gil with the agent (four threads; price 60 %, tax 25 %, round 5 %, forty calls
of cent 4 %, glue 6 % of each request), which measures its own shares, then runs `advise <own pid> --verify`.
Prints per run the shares advise found against the truth, the first recommendation, and its predicted and
measured speedup; then the median absolute share error and the median and worst prediction error.

    python3 benchmarks/advise_accuracy.py --repeat 5

Run from the repository root after `./mvnw -B -DskipTests verify -pl agent -am` (it needs the agent's
test classes).
"""
import argparse
import json
import statistics
import subprocess

APP = "io.gil4j.it.app.AdviseApp"


def run(a):
    cmd = ["java", "-Xshare:off", "-Dgil4j.otel.exporter.prometheus.port=0",
           f"-javaagent:agent/target/gil4j-agent.jar=mode=gil,control.port=0,hold.sample-rate=100,workers={a.workers},include={APP}",
           "-cp", "agent/target/test-classes", APP, "agent/target/gil4j-agent.jar", "--duration", a.duration,
           "--measure", "4s", "--top", "8", "--format", "json", "--verify", "--dwell", str(a.dwell), "--warmup", "2",
           "--rounds", str(a.rounds)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    truth = dict(p.split("=") for p in next(l for l in out if l.startswith("truth ")).split()[1:])
    advice = json.loads(next(l for l in out if l.startswith("advise {"))[len("advise "):])
    shares = {c["method"].split("#")[1]: c["holdShare"] for c in advice["candidates"]}
    return truth, shares, advice


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--duration", default="10s")
    p.add_argument("--dwell", type=int, default=5)
    p.add_argument("--rounds", type=int, default=4)
    a = p.parse_args()
    share_errors, prediction_errors = [], []
    print("| run | price (truth) | tax (truth) | round (truth) | recommended | predicted | measured (95 %) | error |")
    print("|---|---|---|---|---|---|---|---|")
    for i in range(a.repeat):
        truth, shares, advice = run(a)
        v = advice["verification"]
        cells = []
        for m in ("price", "tax", "round"):
            share_errors.append(abs(shares.get(m, 0) - float(truth[m])))
            cells.append(f"{shares.get(m, 0):.3f} ({float(truth[m]):.3f})")
        prediction_errors.append(v["error"])
        print(f"| {i + 1} | " + " | ".join(cells) + f" | `{v['offload'].split('#')[1]}` | {v['predicted']:.2f} | "
              f"{v['measured']:.2f} ({v['low']:.2f}–{v['high']:.2f}) | {100 * v['error']:+.0f} % |", flush=True)
    print(f"\nshare error, median {100 * statistics.median(share_errors):.1f} points, worst "
          f"{100 * max(share_errors):.1f}; prediction error, median {100 * statistics.median(prediction_errors):+.0f} %, "
          f"worst {100 * max(prediction_errors, key=abs):+.0f} %")


if __name__ == "__main__":
    main()
