#!/usr/bin/env python3
"""Issue 13 benchmark: `ascli node browse /big` against a loopback Node API serving pre-encoded pages.

The server keeps every page of the listing as one complete HTTP response (headers and body) in memory
and answers each POST /files/browse with a single sendall on a TCP_NODELAY socket, so that it is not
the bottleneck. Each measurement is one process, timed by wall clock, its peak RSS read from wait4.
The reference is a bare client (http.client + json.loads) fetching and decoding the same pages in the
same run; ratios are ascli's wall time over the bare client's (best of the runs of each).
Python 3 standard library only.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

PAGE = 1000


def entry(i):
    return {"path": f"/big/file_{i:07d}.dat", "basename": f"file_{i:07d}.dat", "type": "file",
            "size": i * 37, "mtime": "2024-05-02T10:11:12Z",
            "permissions": [{"name": "view"}, {"name": "edit"}]}


def build_pages(total):
    """skip -> the whole HTTP response for that page."""
    self_entry = {"path": "/big", "basename": "big", "type": "directory", "size": 4096,
                  "mtime": "2024-05-02T10:11:12Z", "permissions": [{"name": "view"}]}
    pages = {}
    for skip in range(0, max(total, 1), PAGE):
        items = [entry(i) for i in range(skip, min(skip + PAGE, total))]
        body = json.dumps({"self": self_entry, "items": items, "item_count": len(items), "total_count": total},
                          separators=(",", ":")).encode()
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                f"Connection: keep-alive\r\n\r\n").encode()
        pages[skip] = head + body
    return pages


class Server:
    def __init__(self, pages):
        self.pages = pages
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = 0
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        buffer = b""
        try:
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                body, buffer = buffer[:length], buffer[length:]
                skip = json.loads(body or b"{}").get("skip", 0)
                self.requests += 1
                conn.sendall(self.pages.get(skip) or self.pages[0])
        except (ConnectionError, OSError):
            return
        finally:
            conn.close()


BARE_CLIENT = r'''
import http.client, json, sys
port, path = int(sys.argv[1]), sys.argv[2]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "Accept": "application/json", "Authorization": "Basic YTpi"}
items, skip = 0, None
while True:
    query = {"count": 1000, "path": path}
    if skip is not None: query["skip"] = skip
    conn.request("POST", "/files/browse", json.dumps(query), headers)
    page = json.loads(conn.getresponse().read())
    items += len(page["items"])
    if not page["items"] or items >= page["total_count"]: break
    skip = items
print(items)
'''


def measure(argv, env):
    """(wall seconds, peak RSS in MB, exit status, CPU seconds) of one process, its output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(argv, stdout=null, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        err = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    if status != 0:
        sys.stderr.write(f"{' '.join(argv)}: exit {status}: {err[:400]}\n")
    return wall, usage.ru_maxrss / 1024.0, status, usage.ru_utime + usage.ru_stime


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def serve(size):
    server = Server(build_pages(size))
    print(server.port, flush=True)
    threading.Event().wait()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the ascli executable")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--formats", default="json,jsonpp,yaml,csv,text,ruby,table")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement at the first size (1 at larger sizes)")
    parser.add_argument("--large-formats", default=None, help="formats measured at sizes above 100000 (default: all)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="ascli-bench-")
    env = dict(os.environ, HOME=home)
    bare = [sys.executable, "-c", BARE_CLIENT]
    print(f"load average at start: {load()} ({os.cpu_count()} cores)")
    # CPU seconds (user + system) as a second view: on a loaded machine they move less than wall times
    print(f"{'entries':>8} | {'format':<8} | {'wall s':>7} | {'x bare':>6} | {'peak RSS MB':>11} | {'CPU s':>6} | {'CPU x':>5}")
    print(f"{'-' * 8}-+-{'-' * 8}-+-{'-' * 7}-+-{'-' * 6}-+-{'-' * 11}-+-{'-' * 6}-+-{'-' * 5}")
    for n, size in enumerate(int(s) for s in args.sizes.split(",")):
        # the server runs in its own process: a child forked from a large parent would report the parent's RSS
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(size)], stdout=subprocess.PIPE, text=True)
        server.port = int(server.stdout.readline())
        runs = args.runs if n == 0 else 1
        formats = args.formats.split(",")
        if size > 100000 and args.large_formats:
            formats = args.large_formats.split(",")
        results = {}
        # interleaved: each run measures the bare client then every format, so a load change hits all alike
        for _ in range(runs):
            for name in ["bare"] + formats:
                argv = bare + [str(server.port), "/big"] if name == "bare" else [
                    args.bin, "node", "browse", "/big", f"--url=http://127.0.0.1:{server.port}",
                    "--username=a", "--password=b", f"--format={name}"]
                wall, rss, status, cpu = measure(argv, env)
                best = results.get(name)
                if status == 0 and (best is None or wall < best[0]):
                    results[name] = (wall, rss if best is None else max(rss, best[1]), cpu if best is None else min(cpu, best[2]))
                elif status == 0:
                    results[name] = (best[0], max(rss, best[1]), min(cpu, best[2]))
                else:
                    results.setdefault(name, (float("nan"), rss, float("nan")))
        base, base_cpu = results["bare"][0], results["bare"][2]
        for name in ["bare"] + formats:
            wall, rss, cpu = results[name]
            print(f"{size:>8} | {name:<8} | {wall:>7.3f} | {wall / base:>6.2f} | {rss:>11.1f} | {cpu:>6.3f} | {cpu / base_cpu:>5.2f}")
        server.kill()
        server.wait()
    print(f"load average at end: {load()}")


if __name__ == "__main__":
    main()
