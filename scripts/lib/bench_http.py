"""What the bench clients share: a signed-in session against the demo app that reports each answer's
server time from its Server-Timing header, and a line of median and p95 against a bar."""
import http.cookiejar
import re
import statistics
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session(base, username, password="ttdn-demo-2026"):
    """Signs in as `username`; returns call(path, data=None) -> (status, body, server ms)."""
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
    form = {"_csrf": token, "username": username, "password": password}
    status, _, _ = call("/login", urllib.parse.urlencode(form).encode())
    assert status == 303, f"login {username}: {status}"
    return call


def report(name, values, bar, extra=""):
    """Prints median and p95; returns whether the median is under the bar."""
    median = statistics.median(values)
    p95 = sorted(values)[max(0, int(len(values) * .95) - 1)]
    ok = median < bar
    print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms{extra} (bar {bar} ms) {'ok' if ok else 'OVER'}")
    return ok
