#!/usr/bin/env python3
"""Client side of scripts/probe-hostile: the probes of issue 10 against a running demo server, with /healthz polled
every 100 ms throughout. Exits non-zero when a probe gets an answer it must not, or /healthz ever fails.
Only 127.0.0.1; every loop is bounded."""
import concurrent.futures
import html.parser
import http.client
import http.cookiejar
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

base = sys.argv[1]
parts = urllib.parse.urlsplit(base)
host, port = parts.hostname, parts.port
failures = []


def fail(message):
    failures.append(message)
    print("  FAIL " + message)


def raw(method, path, headers=None, body=b""):
    """One request with the path exactly as given (no client-side normalising)."""
    connection = http.client.HTTPConnection(host, port, timeout=20)
    connection.putrequest(method, path, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    if body:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body or None)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.headers, data


# /healthz, polled in the background for the whole run.
health = {"ok": 0, "failed": 0}
stop = threading.Event()


def poll():
    while not stop.is_set():
        try:
            status, _, _ = raw("GET", "/healthz")
            health["ok" if status == 200 else "failed"] += 1
        except Exception:
            health["failed"] += 1
        time.sleep(0.1)


poller = threading.Thread(target=poll)
poller.start()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    def __init__(self, username=None, password="ttdn-demo-2026"):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        if username:
            page = self.get("/login")[2]
            status, _, _ = self.post("/login", {"_csrf": csrf(page), "username": username, "password": password})
            assert status == 303, f"sign-in as {username}: {status}"

    def call(self, path, data=None, headers=None):
        request = urllib.request.Request(base + path, data=data, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.headers, response.read().decode("utf-8", "replace")

    def get(self, path):
        return self.call(path)

    def post(self, path, fields):
        return self.call(path, urllib.parse.urlencode(fields).encode(),
                         {"Content-Type": "application/x-www-form-urlencoded"})


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send from the first form whose action is `action`."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.select, self.textarea = action, False, [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("action", "").split("?")[0] == self.action and not self.fields:
            self.inside = True
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file", "checkbox", "radio"):
            self.fields.append((a["name"], a.get("value", "")))
        elif tag in ("input",) and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.fields.append((a["name"], a.get("value", "on")))
        elif tag == "select":
            self.select = [a["name"], None, None]
        elif tag == "option" and self.select is not None:
            if self.select[2] is None:
                self.select[2] = a.get("value", "")
            if "selected" in a:
                self.select[1] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] if self.select[1] is not None else self.select[2] or ""))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(page, action):
    parser = FormFields(action)
    parser.feed(page)
    return parser.fields


print("1. paths that climb out of Public/ or are not UTF-8")
for path in ["/css/../x", "/%2e%2e/x", "/%ff", "/app/%C0%AF", "/css/%2e%2e/%2e%2e/etc/passwd", "/" + "a" * 9000]:
    status, _, _ = raw("GET", path)
    print(f"  GET {path[:40]} → {status}")
    if status >= 500:
        fail(f"GET {path[:40]} answered {status}")

print("2. impossible years, from a signed-in coordinator")
coordinator = Session("dieuphoi")
for year in ["1", "0", "-5", "10000", "99999999999999999999"]:
    status, _, _ = coordinator.get("/app/holidays?year=" + year)
    print(f"  /app/holidays?year={year} → {status}")
    if status >= 500:
        fail(f"holidays year {year} answered {status}")

print("3. six anonymous 20 MB posts to the upload routes")


def big_post(path):
    try:
        status, _, _ = raw("POST", path, {"Content-Type": "multipart/form-data; boundary=x"}, b"a" * (20 << 20))
        return status
    except (ConnectionError, OSError):
        return "closed"


with concurrent.futures.ThreadPoolExecutor(6) as pool:
    statuses = list(pool.map(big_post, ["/app/plans/import", "/app/agencies/import", "/login"] * 2))
print(f"  → {statuses}")
if any(isinstance(s, int) and s >= 500 for s in statuses):
    fail(f"anonymous big posts answered {statuses}")

print("4. twenty parallel saves of one agency, one version")
agencies = coordinator.get("/app/agencies")[2]
agency = re.search(r'href="(/app/agencies/[0-9A-Fa-f-]{36})"', agencies).group(1)
edit = coordinator.get(agency + "/edit")[2]
fields = form_fields(edit, agency)
if not fields:
    fail("no agency form found")
else:
    def save(i):
        changed = [(k, v + f" {i}" if k == "short_name" else v) for k, v in fields]
        return coordinator.call(agency, urllib.parse.urlencode(changed).encode(),
                                {"Content-Type": "application/x-www-form-urlencoded"})[0]

    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(save, range(20)))
    saved = sum(1 for s in statuses if s in (200, 303))
    print(f"  → {saved} saved, {statuses.count(409)} conflicts, others {[s for s in statuses if s not in (200, 303, 409)]}")
    if saved != 1 or statuses.count(409) != 19:
        fail(f"parallel agency saves: {statuses}")

print("7. a login link that points elsewhere")
s = Session()
page = s.get("/login?next=/%09/evil.example")[2]
status, headers, _ = s.post("/login", {"_csrf": csrf(page), "username": "lanhdao", "password": "ttdn-demo-2026",
                                      "next": "/\t/evil.example"})
location = headers.get("Location", "")
print(f"  → {status} to {location!r}")
if status != 303 or not location.startswith("/") or location.startswith("//") or "evil" in location:
    fail(f"next=/%09/evil.example sent to {location!r}")

print("8. an officer asks for the consolidated report of every agency")
officer = Session("canbo")
dashboard_links = re.findall(r'href="(/app/regimes/[0-9A-Fa-f-]{36})/report\?period=([^"&]+)', coordinator.get(
    re.search(r'href="(/app/plans/[0-9A-Fa-f-]{36})"', coordinator.get("/app/plans")[2]).group(1) + "/reporting")[2])
if dashboard_links:
    regime, period = dashboard_links[0]
    for suffix in ["/report/print", "/report.docx"]:
        status = officer.get(f"{regime}{suffix}?period={period}")[0]
        print(f"  GET {suffix} → {status}")
        if status != 403:
            fail(f"officer read the consolidated report ({suffix}): {status}")
else:
    fail("no consolidated report link on the dashboard")

print("10. a reader gets no session row")
status, headers, _ = raw("GET", "/")
status_login, headers_login, _ = raw("GET", "/login")
if "ttdn_session" in (headers.get("Set-Cookie") or ""):
    fail("an anonymous GET / started a session")
if "ttdn_session" not in (headers_login.get("Set-Cookie") or ""):
    fail("the login form got no session")

# Last: the throttle then holds this address back for a while, so every sign-in above comes first.
print("5. forty parallel wrong passwords for one account")


def guess(i):
    s = Session()
    page = s.get("/login")[2]
    return s.post("/login", {"_csrf": csrf(page), "username": "xem", "password": f"wrong-{i}"})[0]


with concurrent.futures.ThreadPoolExecutor(40) as pool:
    statuses = list(pool.map(guess, range(40)))
print(f"  → {statuses.count(401)} refused as wrong, {statuses.count(429)} throttled, "
      f"others {[s for s in statuses if s not in (401, 429)]}")
if any(s >= 500 for s in statuses) or statuses.count(401) > 10:
    fail(f"parallel wrong passwords: {statuses}")

time.sleep(0.3)
stop.set()
poller.join()
print(f"/healthz answered {health['ok']} times, failed {health['failed']} times")
if health["failed"] or not health["ok"]:
    fail("/healthz did not answer throughout")
print("PASS" if not failures else f"FAIL ({len(failures)})")
sys.exit(1 if failures else 0)
