#!/usr/bin/env python3
"""CPython's convoy effect (gh-52194), measured the way `gil4j-demo.jar convoy` measures gil4j's.

One I/O thread does 1-byte echo round trips over loopback TCP against an echo server thread, for
DURATION seconds, first alone, then beside one CPU-bound thread counting primes. Prints the same CSV as
the demo's convoy command: mode,cpu_threads,requests_per_second,ratio (mode is `threads`).

    PYENV_VERSION=3.13.0 python3 benchmarks/convoy_ref.py --duration 3
"""
import argparse
import socket
import sys
import threading
import time


def count_primes(n):
    c = 0
    for i in range(2, n):
        j = 2
        p = True
        while j * j <= i:
            if i % j == 0:
                p = False
                break
            j += 1
        if p:
            c += 1
    return c


def serve(listener):
    conn, _ = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with conn:
        while True:
            data = conn.recv(1)
            if not data:
                return
            conn.sendall(data)


def echo_rate(port, duration):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        n = 0
        deadline = time.perf_counter() + duration
        start = time.perf_counter()
        while time.perf_counter() < deadline:
            s.sendall(b"x")
            s.recv(1)
            n += 1
        return n / (time.perf_counter() - start)


def measure(duration, with_cpu):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server = threading.Thread(target=serve, args=(listener,), daemon=True)
    server.start()
    stop = threading.Event()

    def hog():
        while not stop.is_set():
            count_primes(2000)

    cpu = threading.Thread(target=hog, daemon=True)
    if with_cpu:
        cpu.start()
    try:
        return echo_rate(listener.getsockname()[1], duration)
    finally:
        stop.set()
        if with_cpu:
            cpu.join()
        listener.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duration", type=float, default=3.0)
    a = p.parse_args()
    alone = measure(a.duration, False)
    beside = measure(a.duration, True)
    print(f"python,{sys.version.split()[0]}")
    print("mode,cpu_threads,requests_per_second,ratio")
    print(f"threads,0,{alone:.0f},1.00")
    print(f"threads,1,{beside:.0f},{alone / beside:.2f}")


if __name__ == "__main__":
    main()
