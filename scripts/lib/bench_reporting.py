#!/usr/bin/env python3
"""Client side of scripts/bench-reporting: logs in as the demo coordinator and times, by the server's
Server-Timing header, the reporting dashboard and the consolidated DOCX."""
import http.cookiejar
import re
import statistics
import sys
import urllib.parse
import urllib.request

base, plan, regime, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


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
status, _, _ = call("/login", urllib.parse.urlencode({"_csrf": token, "username": "dieuphoi", "password": "ttdn-demo-2026"}).encode())
assert status == 303, f"login failed: {status}"

status, page, _ = call(f"/app/plans/{plan}/reporting?regime={regime}")
assert status == 200, f"dashboard: {status}"
cells = page.count(b'<td class="cell send-')
periods = sorted(set(re.findall(rb'report\?period=([0-9]{4}-[0-9]{2})', page)))
assert cells >= 40 * 12, f"expected 480 cells, got {cells}"
dashboards, docx = [], []
for _ in range(rounds):
    status, _, ms = call(f"/app/plans/{plan}/reporting?regime={regime}")
    assert status == 200
    dashboards.append(ms)
for _ in range(max(5, rounds // 3)):
    status, body, ms = call(f"/app/regimes/{regime}/report.docx?period={periods[-1].decode()}")
    assert status == 200 and body[:2] == b"PK", f"docx: {status}"
    docx.append(ms)


def report(name, values, bar):
    median = statistics.median(values)
    p95 = sorted(values)[max(0, int(len(values) * .95) - 1)]
    print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms (bar {bar} ms) {'ok' if median < bar else 'OVER'}")


print(f"{cells} cells, {len(periods)} periods, server time from Server-Timing")
report("dashboard 40 agencies × 12 periods × 80 tasks", dashboards, 30)
report("consolidated DOCX of one period", docx, 500)
