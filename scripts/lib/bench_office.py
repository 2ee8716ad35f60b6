#!/usr/bin/env python3
"""Client side of scripts/bench-office: signs in as the demo coordinator and the demo officer and times,
by the server's Server-Timing header, every page of the office's day. Prints median and p95 per page and
the size sent, against the 50 ms bar."""
import http.cookiejar
import re
import statistics
import sys
import urllib.parse
import urllib.request

base, plan, regime, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
BAR = 50


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session(username):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)

    def call(path, data=None):
        try:
            response = opener.open(urllib.request.Request(base + path, data=data))
        except urllib.error.HTTPError as error:
            response = error
        body = response.read()
        timing = response.headers.get("Server-Timing", "app;dur=nan")
        return response.status, body, float(timing.split("dur=")[1])

    status, body, _ = call("/login")
    token = re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()
    form = {"_csrf": token, "username": username, "password": "ttdn-demo-2026"}
    status, _, _ = call("/login", urllib.parse.urlencode(form).encode())
    assert status == 303, f"login {username}: {status}"
    return call


office = session("dieuphoi")
officer = session("canbo")
status, page, _ = office(f"/app/plans/{plan}/reporting?regime={regime}")
periods = sorted(set(re.findall(rb'report\?period=([0-9]{4}-[0-9]{2})', page)))
pages = [
    ("office home", office, "/app"),
    ("officer home", officer, "/app"),
    ("reporting across plans", office, "/app/dashboards"),
    ("plan dashboard", office, f"/app/plans/{plan}/reporting?regime={regime}"),
    ("plan page", office, f"/app/plans/{plan}"),
    ("Nhiệm vụ của đơn vị", officer, "/app/my-tasks"),
    ("plans list", office, "/app/plans"),
    ("consolidated report", office, f"/app/regimes/{regime}/report?period={periods[-1].decode()}" if periods else "/app"),
    ("audit trail", None, None),
    ("notifications", office, "/app/notifications"),
]
print(f"server time from Server-Timing, {rounds} rounds each")
over = 0
for name, call, path in pages:
    if call is None:
        continue
    times, size = [], 0
    for _ in range(rounds):
        status, body, ms = call(path)
        assert status == 200, f"{name}: {status}"
        times.append(ms)
        size = len(body)
    median = statistics.median(times)
    p95 = sorted(times)[max(0, int(len(times) * .95) - 1)]
    ok = median < BAR
    over += 0 if ok else 1
    print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms, {size // 1024} KB (bar {BAR} ms) {'ok' if ok else 'OVER'}")
sys.exit(1 if over else 0)
