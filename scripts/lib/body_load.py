#!/usr/bin/env python3
"""Client side of scripts/bench-bodies: six anonymous clients each post 100 MB to the routes that take the
largest bodies (and to the login form), while a signed-in coordinator keeps loading a page and /healthz is
polled. Samples the server's resident memory from /proc. Bars (issue 10): the server stays under 400 MB and the
signed-in page answers in under 1 s throughout. Every loop is bounded in count and time; only 127.0.0.1."""
import http.cookiejar
import re
import select
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request

base, pid = sys.argv[1], int(sys.argv[2])
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
SIZE = 100 << 20
CHUNK = 1 << 20
DEADLINE = 90  # seconds, for the whole run


def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signed_in(username):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    body = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
    data = urllib.parse.urlencode({"_csrf": token, "username": username, "password": "ttdn-demo-2026"}).encode()
    try:
        opener.open(base + "/login", data)
    except urllib.error.HTTPError as error:
        assert error.code == 303, f"login as {username}: {error.code}"
    return opener


officer = signed_in("canbo")
reports = officer.open(base + "/app/reports").read().decode()
report = re.search(r'/app/reports/[0-9A-Fa-f-]{36}', reports).group(0)
coordinator = signed_in("dieuphoi")

targets = [
    (report, "multipart/form-data; boundary=x"), (report, "multipart/form-data; boundary=x"),
    ("/app/plans/import", "multipart/form-data; boundary=x"), ("/app/plans/import", "multipart/form-data; boundary=x"),
    ("/app/agencies/import", "multipart/form-data; boundary=x"), ("/login", "application/x-www-form-urlencoded"),
]
results = []
lock = threading.Lock()
stop = time.monotonic() + DEADLINE


def poster(path, content_type):
    sent, status = 0, None
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\n"
                      f"Content-Length: {SIZE}\r\n\r\n").encode())
        chunk = b"a" * CHUNK
        try:
            while sent < SIZE and time.monotonic() < stop:
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break  # the server answered before the body was sent: stop sending, as a browser does
                sock.sendall(chunk)
                sent += CHUNK
        except OSError:
            pass
        try:
            sock.settimeout(10)
            head = sock.recv(4096).decode("latin-1")
            status = int(head.split()[1]) if head.startswith("HTTP/") else None
        except (OSError, ValueError, IndexError):
            status = None
    with lock:
        results.append((path, status, sent >> 20))


threads = [threading.Thread(target=poster, args=t) for t in targets]
start = time.monotonic()
for t in threads:
    t.start()
peak, page_times, health_failures = rss_mb(), [], 0
while any(t.is_alive() for t in threads) and time.monotonic() < stop + 15:
    t0 = time.monotonic()
    try:
        coordinator.open(base + "/app/plans", timeout=10).read()
        page_times.append(time.monotonic() - t0)
    except Exception:
        page_times.append(float("inf"))
    try:
        urllib.request.urlopen(base + "/healthz", timeout=5).read()
    except Exception:
        health_failures += 1
    peak = max(peak, rss_mb())
    time.sleep(0.2)
for t in threads:
    t.join(timeout=15)
peak = max(peak, rss_mb())
worst = max(page_times) if page_times else float("inf")
for path, status, mb in sorted(results):
    print(f"  POST {path[:48]:<48} → {status}  after {mb} MB sent")
print(f"peak server memory {peak:.0f} MB (bar 400); signed-in page worst {worst * 1000:.0f} ms over "
      f"{len(page_times)} loads (bar 1000); /healthz failures {health_failures}; {time.monotonic() - start:.1f} s")
ok = peak < 400 and worst < 1.0 and health_failures == 0 and len(results) == len(targets)
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
