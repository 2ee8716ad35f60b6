#!/usr/bin/env python3
"""Client side of scripts/bench-plans: logs in as the demo coordinator and times, by the
server's own Server-Timing header, the plan import (upload + review) and the plan page."""
import http.cookiejar
import re
import statistics
import sys
import urllib.parse
import urllib.request
import uuid

base, plan_file, plan_id, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
jar = http.cookiejar.CookieJar()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def call(path, data=None, headers=None):
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    try:
        response = opener.open(request)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read().decode("utf-8", "replace")
    timing = response.headers.get("Server-Timing", "app;dur=nan")
    return response.status, response.headers, body, float(timing.split("dur=")[1])


def csrf(body):
    return re.search(r'name="_csrf" value="([^"]+)"', body).group(1)


status, _, body, _ = call("/login")
status, headers, _, _ = call("/login", urllib.parse.urlencode(
    {"_csrf": csrf(body), "username": "dieuphoi", "password": "ttdn-demo-2026"}).encode())
assert status == 303, f"login failed: {status}"
_, _, body, _ = call("/app/plans/import")
token = csrf(body)
content = open(plan_file, "rb").read()

imports = []
for _ in range(rounds):
    boundary = uuid.uuid4().hex
    data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    status, headers, _, upload_ms = call("/app/plans/import", data, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 303, f"upload failed: {status}"
    status, _, review, review_ms = call(headers["Location"])
    assert status == 200 and "agencies[" in review
    imports.append(upload_ms + review_ms)

pages = []
for _ in range(rounds):
    status, _, page, ms = call(f"/app/plans/{plan_id}")
    assert status == 200, f"plan page: {status}"
    pages.append(ms)


def report(name, values, bar):
    median = statistics.median(values)
    p95 = sorted(values)[max(0, int(len(values) * .95) - 1)]
    verdict = "ok" if p95 < bar else "OVER"
    print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms (bar {bar} ms) {verdict}")


print(f"{len(content)} byte plan, {rounds} rounds, server time from Server-Timing")
report("import 45 KB plan + review screen", imports, 300)
report("plan page, 100 tasks", pages, 30)
