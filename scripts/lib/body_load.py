#!/usr/bin/env python3
"""Client side of scripts/bench-bodies: six anonymous clients each post 100 MB to the routes that take the
largest bodies (and to the login form), while a signed-in coordinator keeps loading a page and /healthz is
polled. Then the same with signed-in officers who may use the report route: three post a 100 MB evidence file
(well-formed, token first, over the 10 MB file limit: streamed, counted and refused) and one sends 150 MB
chunked, without a length (refused at the route's 110 MB). Samples the server's resident memory from /proc.
Bars (issue 10): the server stays under 400 MB and the signed-in page answers in under 1 s throughout. Every
loop is bounded in count and time; only 127.0.0.1."""
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
    opener.jar = jar
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
# A report the officer may still change (its form takes files), for the signed-in run.
editable = next(path for path in dict.fromkeys(re.findall(r'/app/reports/[0-9A-Fa-f-]{36}', reports))
                if 'name="evidence[]"' in officer.open(base + path).read().decode())
coordinator = signed_in("dieuphoi")

targets = [
    (report, "multipart/form-data; boundary=x"), (report, "multipart/form-data; boundary=x"),
    ("/app/plans/import", "multipart/form-data; boundary=x"), ("/app/plans/import", "multipart/form-data; boundary=x"),
    ("/app/agencies/import", "multipart/form-data; boundary=x"), ("/login", "application/x-www-form-urlencoded"),
]
results = []
lock = threading.Lock()
stop = time.monotonic() + DEADLINE


def poster(path, content_type, cookie="", head=b"", tail=b"", size=SIZE, chunked=False):
    sent, status = 0, None
    with socket.create_connection((host, port), timeout=10) as sock:
        length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(head) + size + len(tail)}"
        sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\n"
                      f"{cookie}{length}\r\n\r\n").encode())
        chunk = b"a" * CHUNK

        def send(data):
            sock.sendall(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

        try:
            if head:
                send(head)
            while sent < size and time.monotonic() < stop:
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break  # the server answered before the body was sent: stop sending, as a browser does
                send(chunk)
                sent += CHUNK
            else:
                if tail:
                    send(tail)
                if chunked:
                    sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass
        try:
            sock.settimeout(10)
            answer = sock.recv(4096).decode("latin-1")
            status = int(answer.split()[1]) if answer.startswith("HTTP/") else None
        except (OSError, ValueError, IndexError):
            status = None
    with lock:
        results.append((path, status, sent >> 20))


def load(label, jobs):
    """Runs the posters in `jobs` (argument tuples) while loading a signed-in page and /healthz; prints what
    each got and returns whether the bars held."""
    global stop
    del results[:]
    stop = time.monotonic() + DEADLINE
    threads = [threading.Thread(target=poster, args=t) for t in jobs]
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
    print(label)
    for path, status, mb in sorted(results):
        print(f"  POST {path[:48]:<48} → {status}  after {mb} MB sent")
    print(f"peak server memory {peak:.0f} MB (bar 400); signed-in page worst {worst * 1000:.0f} ms over "
          f"{len(page_times)} loads (bar 1000); /healthz failures {health_failures}; {time.monotonic() - start:.1f} s")
    return peak < 400 and worst < 1.0 and health_failures == 0 and len(results) == len(jobs), list(results)


anonymous_ok, _ = load("Anonymous clients, 100 MB each:", targets)

# Signed-in officers who may post to the report: a real multipart form (token and version first) with one
# evidence file of 100 MB.
form = officer.open(base + editable).read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
version = re.search(r'name="version" value="(\d+)"', form).group(1)
cookie = "Cookie: " + "; ".join(f"{c.name}={c.value}" for c in officer.jar) + "\r\n"
boundary = "ttdn-bench-boundary"
head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n{version}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nsave\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"evidence[]\"; filename=\"big.pdf\"\r\n"
        f"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").encode()
tail = f"\r\n--{boundary}--\r\n".encode()
multipart = f"multipart/form-data; boundary={boundary}"
officers = [(editable, multipart, cookie, head, tail)] * 3 + [
    (editable, multipart, cookie, head, tail, 150 << 20, True)]
officers_ok, answered = load("Signed-in officers, a 100 MB evidence file each and 150 MB chunked:", officers)
# The over-limit file is refused with the form's message (400), the chunked body at the route's limit (413).
statuses = sorted(status for _, status, _ in answered)
expected = [400, 400, 400, 413]
if statuses != expected:
    print(f"officers got {statuses}, expected {expected}")
ok = anonymous_ok and officers_ok and statuses == expected
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
