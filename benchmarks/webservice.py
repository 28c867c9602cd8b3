#!/usr/bin/env python3
"""Web service benchmark: what the agent costs on a real Spring Boot service.

Starts webapp/target/gil4j-webapp.jar (Spring Boot's launcher and nested jars, Tomcat, Hibernate on H2)
in each configuration — no agent; gil4j by default (native); gil4j mode=gil; gil4j include=** (every
class outside the JDK) native and gil; with --otel-agent PATH, the OpenTelemetry Java agent with its
exporters off — REPEAT times, the configurations interleaved so that all see the same machine. Each run
measures the time from launch to the first 200 of GET /owners, the resident memory (VmRSS) then, and
after a warm-up load the throughput and p99 latency of the demo's closed-loop `load` on /owners. Prints
per configuration the median (min–max) over the runs and the ratio of medians to no agent, as a
Markdown table; progress goes to standard error.

--switch also measures a live switch native → gil → native under load, in the default configuration:
the wall time of each `gil4j-agent.jar mode <pid> MODE` command, the requests that failed, and the
throughput before, during and after gil.

    python3 benchmarks/webservice.py --repeat 3 --load-seconds 20 --switch \\
        --otel-agent demo-app/target/otel-javaagent/opentelemetry-javaagent.jar

Run from the repository root after `./mvnw -B -DskipTests package`. The jars are copied first and the
copies run, so that a rebuild during the benchmark neither breaks a running JVM nor mixes two builds.
Exits 1 if a service fails to start or answer, or if any request failed.
"""
import argparse
import csv
import getpass
import hashlib
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile

PORT = re.compile(r"Tomcat started on port (\d+)")
PROGRESS = re.compile(r"load: \d+/\d+ s, (\d+) requests, .*, (\d+) errors")
AGENT_FAILURE = re.compile(r"(?i)could not|fail|disabled|not started|not registered|error|exception|warn")
LOCK_CODE = {direction: re.compile(rf"^\[gil4j\] lock code {direction}: \d+ classes in ([0-9.]+) s")
             for direction in ("in", "out")}


class Failure(Exception):
    """A service that did not start or answer, or a load that did not finish: the run is void."""


def log(message):
    print(f"[webservice] {message}", file=sys.stderr, flush=True)


def configurations(a):
    """(name, JVM options before -jar) for each configuration, no agent first."""
    def gil4j(argument):
        return ["-javaagent:" + a.agent + ("=" + argument if argument else ""),
                "-Dgil4j.otel.exporter.prometheus.port=0"]
    configs = [("no agent", []),
               ("gil4j default (native)", gil4j("")),
               ("gil4j mode=gil", gil4j("mode=gil")),
               ("gil4j include=** (native)", gil4j("include=**")),
               ("gil4j include=** mode=gil", gil4j("include=**,mode=gil"))]
    if a.otel_agent:
        configs.append(("OpenTelemetry agent", ["-javaagent:" + a.otel_agent, "-Dotel.traces.exporter=none",
                                                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"]))
    if a.only:
        wanted = [w.strip() for w in a.only.split(",")]
        unknown = set(wanted) - {name for name, _ in configs}
        if unknown:
            sys.exit(f"webservice: --only names no configuration: {', '.join(sorted(unknown))}; "
                     f"known: {', '.join(name for name, _ in configs[1:])}")
        configs = configs[:1] + [c for c in configs[1:] if c[0] in wanted]
    return configs


class Service:
    """The web service in a JVM of its own; its log and standard error in files of `workdir`."""

    def __init__(self, a, options, workdir, label):
        self.label = label
        self.log_path = os.path.join(workdir, label + ".log")
        self.err_path = os.path.join(workdir, label + ".err")
        self.command = [a.java, *options, "-jar", a.webapp, "--server.port=0"]
        self.started = time.monotonic()
        with open(self.log_path, "w") as out, open(self.err_path, "w") as err:
            self.process = subprocess.Popen(self.command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        self.base = None

    def await_first_ok(self, path, timeout):
        """Polls until `path` answers 200; seconds from launch to that answer."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure(f"exited with {self.process.returncode}{self.why()}; see {self.log_path}")
            if self.base is None:
                with open(self.log_path, errors="replace") as f:
                    m = PORT.search(f.read())
                if m:
                    self.base = "http://127.0.0.1:" + m.group(1)
            if self.base is not None:
                try:
                    with urllib.request.urlopen(self.base + path, timeout=30) as response:
                        if response.status == 200:
                            response.read()
                            return time.monotonic() - self.started
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
            time.sleep(0.05)
        raise Failure(f"no 200 on {path} within {timeout} s{self.why()}; see {self.log_path}")

    def why(self):
        """The first line of the log that says what went wrong (a verifier's reason first), or ''."""
        with open(self.log_path, errors="replace") as f:
            text = f.read()
        m = re.search(r"Reason:\s*\n\s*(.+)", text) or re.search(r" ERROR .*? : (.+)", text)
        if m:
            return f": {m.group(1).strip()[:300]}"
        with open(self.err_path, errors="replace") as f:
            last = [l.strip() for l in f if l.strip() and not l.startswith("[gil4j]")][-1:]
        return f": {last[0][:300]}" if last else ""

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise Failure(f"{self.label}: no VmRSS")

    def retransformed_seconds(self, direction):
        """The seconds of the agent's latest `lock code in|out: N classes in S s` line: its own switch time."""
        with open(self.err_path, errors="replace") as f:
            found = [float(m.group(1)) for m in (LOCK_CODE[direction].search(l) for l in f) if m]
        return found[-1] if found else None

    def agent_failures(self):
        with open(self.err_path, errors="replace") as f:
            return [l.rstrip() for l in f if l.startswith("[gil4j]") and AGENT_FAILURE.search(l)]

    def status(self):
        """The agent's GET /status, found through its control file as the CLI finds it; None without one."""
        path = os.path.join("/tmp", f"gil4j-{getpass.getuser()}", f"{self.process.pid}.control")
        try:
            with open(path, encoding="latin-1") as f:
                url = next(l.split("=", 1)[1].strip().replace("\\:", ":") for l in f if l.startswith("url="))
            with urllib.request.urlopen(url + "/status", timeout=10) as response:
                return json.load(response)
        except (OSError, StopIteration, ValueError):
            return None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Load:
    """The demo's closed-loop load in its own JVM; its per-second progress read as it comes."""

    def __init__(self, a, url, seconds):
        self.command = [a.java, "-jar", a.demo, "load", "--url", url, "--concurrency", str(a.concurrency),
                        "--duration", f"{seconds}s", "--format", "csv"]
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        stdin=subprocess.DEVNULL)
        self.samples = []  # (monotonic time, requests answered, errors), one a second
        self.stderr = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.stderr.append(line.rstrip())
            m = PROGRESS.search(line)
            if m:
                self.samples.append((time.monotonic(), int(m.group(1)), int(m.group(2))))

    def result(self, timeout):
        """{requests, errors, throughput, p99_ms, ...} from the load's CSV, once it ends."""
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Failure("the load did not end within its bound")
        self.reader.join(timeout=5)
        rows = list(csv.DictReader(io.StringIO(out)))
        if not rows:
            raise Failure("the load printed no result: " + " / ".join(self.stderr[-3:]))
        row = rows[0]
        return {k: float(v) for k, v in row.items()}

    def rate(self, start, end):
        """Requests per second between the first and last progress samples within [start, end]."""
        inside = [s for s in self.samples if start <= s[0] <= end]
        if len(inside) < 2:
            return float("nan")
        (t0, n0, _), (t1, n1, _) = inside[0], inside[-1]
        return (n1 - n0) / (t1 - t0)


def agent_cli(a, *args):
    """Runs `java -jar gil4j-agent.jar args`; (exit status, seconds it took, standard output)."""
    start = time.monotonic()
    done = subprocess.run([a.java, "-jar", a.agent, *args], capture_output=True, text=True, timeout=120)
    return done.returncode, time.monotonic() - start, done.stdout.strip() or done.stderr.strip()


def measure(a, name, options, workdir, label):
    service = Service(a, options, workdir, label)
    try:
        startup = service.await_first_ok("/owners", a.start_timeout)
        rss = service.rss_mib()
        url = service.base + a.path
        if a.warmup_seconds > 0:
            Load(a, url, a.warmup_seconds).result(a.warmup_seconds + 120)
        result = Load(a, url, a.load_seconds).result(a.load_seconds + 120)
        failures = service.agent_failures()
        log(f"{name}: start-up {startup:.2f} s, RSS {rss:.0f} MiB, {result['throughput']:.1f} req/s, "
            f"p99 {result['p99_ms']:.1f} ms, {result['errors']:.0f} errors"
            + (f", agent failures: {failures}" if failures else ""))
        return {"startup": startup, "rss": rss, "throughput": result["throughput"], "p99": result["p99_ms"],
                "errors": result["errors"], "agent_failures": len(failures)}
    finally:
        service.stop()


def measure_switch(a, options, workdir):
    """A native → gil → native switch under load, each phase about --load-seconds long."""
    service = Service(a, options, workdir, "switch")
    load = None
    try:
        service.await_first_ok("/owners", a.start_timeout)
        url = service.base + a.path
        if a.warmup_seconds > 0:
            Load(a, url, a.warmup_seconds).result(a.warmup_seconds + 120)
        phase = a.load_seconds
        load = Load(a, url, 3 * phase + 20)  # room for two switches of up to 10 s each
        deadline = time.monotonic() + 60
        while not load.samples:  # its clients run from its first progress line on
            if time.monotonic() > deadline or load.process.poll() is not None:
                raise Failure("the load under the switch never reported progress: " + " / ".join(load.stderr))
            time.sleep(0.05)
        t0 = load.samples[0][0]
        time.sleep(phase)  # each phase's length is chosen; its rate comes from the load's own progress lines
        before = service.status()
        code1, took1, out1 = agent_cli(a, "mode", str(service.process.pid), "gil")
        t1 = time.monotonic()
        time.sleep(phase)
        during = service.status()
        code2, took2, out2 = agent_cli(a, "mode", str(service.process.pid), "native")
        t2 = time.monotonic()
        result = load.result(3 * phase + 140)
        t3 = time.monotonic()
        acquisitions = None
        if before and during:
            acquisitions = during["lock"]["acquisitions"] - before["lock"]["acquisitions"]
        if code1 != 0 or code2 != 0:
            raise Failure(f"mode switch failed: gil ({code1}): {out1}; native ({code2}): {out2}")
        return {"to_gil": took1, "to_native": took2, "errors": result["errors"], "requests": result["requests"],
                "code_in": service.retransformed_seconds("in"), "code_out": service.retransformed_seconds("out"),
                "before": load.rate(t0, t1 - took1), "during": load.rate(t1, t2 - took2), "after": load.rate(t2, t3),
                "acquisitions": acquisitions, "agent_failures": service.agent_failures()}
    finally:
        if load is not None and load.process.poll() is None:
            load.process.kill()
        service.stop()


def snapshot(a, directory):
    """Copies the jars into `directory` and points `a` at the copies."""
    os.makedirs(directory)
    for key in ["agent", "demo", "webapp", "otel_agent"]:
        path = getattr(a, key)
        if path:
            copy = os.path.join(directory, key + "-" + os.path.basename(path))
            shutil.copy2(path, copy)
            try:
                with zipfile.ZipFile(copy) as jar:
                    bad = jar.testzip()
            except zipfile.BadZipFile as e:
                bad = str(e)
            if bad:
                sys.exit(f"webservice: {path} is not a whole jar ({bad}): is it being rebuilt? Run again.")
            setattr(a, key, copy)


def summary(values, fmt):
    values = [v for v in values if v == v]
    if not values:
        return "—"
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def ratio(values, baseline):
    values = [v for v in values if v == v]
    base = [v for v in baseline if v == v]
    if not values or not base or statistics.median(base) == 0:
        return "—"
    return f"{statistics.median(values) / statistics.median(base):.2f}×"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3, help="runs of each configuration, interleaved")
    p.add_argument("--load-seconds", type=int, default=20, help="the measured load (each switch phase)")
    p.add_argument("--warmup-seconds", type=int, default=15,
                   help="a load before the measured one, not counted (Spring and Hibernate take long to compile)")
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--path", default="/owners", help="what the load gets")
    p.add_argument("--switch", action="store_true", help="also measure native → gil → native under load")
    p.add_argument("--otel-agent", help="the OpenTelemetry Java agent's jar, to compare with")
    p.add_argument("--only", help="comma-separated configuration names to run besides no agent, e.g. "
                   "'gil4j default (native)' (default: all)")
    p.add_argument("--java", default="java")
    p.add_argument("--agent", default="agent/target/gil4j-agent.jar")
    p.add_argument("--demo", default="demo-app/target/gil4j-demo.jar")
    p.add_argument("--webapp", default="webapp/target/gil4j-webapp.jar")
    p.add_argument("--start-timeout", type=int, default=180, help="seconds a service may take to answer")
    a = p.parse_args()
    for jar in [a.agent, a.demo, a.webapp] + ([a.otel_agent] if a.otel_agent else []):
        if not os.path.isfile(jar):
            sys.exit(f"webservice: {jar} is missing: build first (./mvnw -B -DskipTests package)")

    shown = argparse.Namespace(**vars(a))  # the paths as given, for the commands in the report
    workdir = tempfile.mkdtemp(prefix="gil4j-webservice-")
    log(f"logs in {workdir}")
    snapshot(a, os.path.join(workdir, "jars"))
    with open(a.agent, "rb") as f:
        agent_digest = hashlib.sha256(f.read()).hexdigest()[:12]
    configs = configurations(a)
    runs = {name: [] for name, _ in configs}
    broken = {name: [] for name, _ in configs}  # why each failed run failed
    switch = switch_failure = None
    try:
        for i in range(a.repeat):
            for n, (name, options) in enumerate(configs):
                log(f"run {i + 1}/{a.repeat}: {name}")
                try:
                    runs[name].append(measure(a, name, options, workdir, f"run{i + 1}-{n}"))
                except Failure as e:
                    log(f"{name}: FAILED: {e}")
                    broken[name].append(str(e))
        if a.switch:
            log("switch native → gil → native under load")
            try:
                switch = measure_switch(a, configs[1][1], workdir)
            except Failure as e:
                log(f"switch: FAILED: {e}")
                switch_failure = str(e)
    finally:
        shutil.rmtree(os.path.join(workdir, "jars"), ignore_errors=True)

    java_version = subprocess.run([a.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"Web service benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, {java_version}, "
          f"gil4j-agent.jar sha256 {agent_digest}…; {a.repeat} interleaved runs per configuration, "
          f"median (min–max), × = ratio of medians to no agent.\n")
    print("```")
    print(f"{shown.java} [OPTIONS] -jar {shown.webapp} --server.port=0   # start-up: launch to first 200 of /owners")
    print(f"{shown.java} -jar {shown.demo} load --url http://127.0.0.1:PORT{a.path} --concurrency {a.concurrency} "
          f"--duration {a.load_seconds}s --format csv   # after a {a.warmup_seconds} s warm-up load")
    for name, options in configurations(shown):
        print(f"# {name}: OPTIONS = {' '.join(options) or '(none)'}")
    print("```\n")
    print("| configuration | start-up (s) | × | RSS (MiB) | × | throughput (req/s) | × | p99 (ms) | × | failed requests |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    base = runs[configs[0][0]]
    for name, _ in configs:
        r = runs[name]
        cells = []
        for key, fmt in [("startup", "{:.2f}"), ("rss", "{:.0f}"), ("throughput", "{:.1f}"), ("p99", "{:.1f}")]:
            cells += [summary([x[key] for x in r], fmt), ratio([x[key] for x in r], [x[key] for x in base])]
        errors = str(sum(int(x["errors"]) for x in r))
        if broken[name]:
            errors += f"; **{len(broken[name])} of {a.repeat} runs failed**"
        print(f"| `{name}` | " + " | ".join(cells) + f" | {errors} |")
    for name, _ in configs:
        for why in broken[name]:
            print(f"\n**Failed:** `{name}`: {why}")
    agent_failures = {name: sum(x["agent_failures"] for x in runs[name]) for name, _ in configs}
    if any(agent_failures.values()):
        print(f"\nAgent failure lines on standard error (`[gil4j] could not instrument …` and the like): "
              + ", ".join(f"{name}: {count}" for name, count in agent_failures.items() if count)
              + f" (logs in {workdir})")
    failed = sum(int(x["errors"]) for r in runs.values() for x in r)
    if switch:
        print(f"\nSwitch native → gil → native under load (`{configs[1][0]}`, phases of about {a.load_seconds} s, "
              f"`java -jar {shown.agent} mode PID MODE`):\n")
        def agent_side(seconds):
            return "—" if seconds is None else f"{seconds:.2f}"
        print("| to gil: `mode` wall (s) | lock code in, agent (s) | to native: `mode` wall (s) "
              "| lock code out, agent (s) | failed requests | req/s before | req/s under gil | req/s after "
              "| lock acquisitions under gil |")
        print("|---|---|---|---|---|---|---|---|---|")
        print(f"| {switch['to_gil']:.2f} | {agent_side(switch['code_in'])} | {switch['to_native']:.2f} | "
              f"{agent_side(switch['code_out'])} | {switch['errors']:.0f} of "
              f"{switch['requests'] + switch['errors']:.0f} | {switch['before']:.1f} | {switch['during']:.1f} | "
              f"{switch['after']:.1f} | {switch['acquisitions'] if switch['acquisitions'] is not None else '—'} |")
        if switch["agent_failures"]:
            print(f"\nAgent failure lines during the switch: {switch['agent_failures']}")
        failed += int(switch["errors"])
    if switch_failure:
        print(f"\n**The switch under load failed**: {switch_failure}")
    problems = [f"{failed} requests failed"] if failed else []
    problems += [f"{name}: {len(why)} runs failed" for name, why in broken.items() if why]
    problems += ["the switch failed"] if switch_failure else []
    if problems:
        sys.exit("webservice: " + "; ".join(problems))


if __name__ == "__main__":
    main()
