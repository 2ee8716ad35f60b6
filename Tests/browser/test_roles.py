#!/usr/bin/env python3
"""Browser test: headless chromium, driven by Selenium, walks the running demo as several roles.

It logs in as the coordinator (dieuphoi), the viewer (xem) and the admin, checks what each may see,
switches the language with the header's switcher, tries a wrong password, logs out, and saves
screenshots (Vietnamese and English, each role, 390 px phone width and 1280 px) under
.build/screenshots/.

Run it against a running demo (scripts/test starts one):

    TTDN_URL=http://127.0.0.1:8080 python3 Tests/browser/test_roles.py

or with pytest (same environment). Environment: TTDN_URL (default http://127.0.0.1:8080),
CHROMIUM (default /usr/bin/chromium), CHROMEDRIVER (default: chromedriver on PATH or
/usr/bin/chromedriver), SCREENSHOTS (default .build/screenshots). The last line printed is
"N passed, N failed".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager: no telemetry, no downloads

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = os.environ.get("TTDN_URL", "http://127.0.0.1:8080").rstrip("/")
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS", ROOT / ".build" / "screenshots"))
PASSWORD = "ttdn-demo-2026"
PHONE, DESKTOP = 390, 1280

# A translation key shown instead of its text, e.g. "nav.users" or "agency.import.title".
RAW_KEY = re.compile(
    r"\b(?:account|agenc(?:y|ies)|app|audit|error|form|group|groups|home|language|layout|login|nav|"
    r"resolve|role|user|users|workspace)\.[a-z_]+(?:\.[a-z_]+)*\b"
)


def load_locale(code: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for file in sorted((ROOT / "Resources" / "Locales" / code).glob("*.json")):
        texts.update(json.loads(file.read_text(encoding="utf-8")))
    return texts


LOCALES = {"vi": load_locale("vi"), "en": load_locale("en")}


def t(lang: str, key: str) -> str:
    return LOCALES[lang][key]


# ----------------------------------------------------------------------------------------------
# The browser, shared by the tests of one run.

_driver = None


def driver():
    global _driver
    if _driver is None:
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for argument in (
            "--headless=new",
            "--no-sandbox",  # CI runs as root
            "--disable-dev-shm-usage",
            "--disable-gpu",
            f"--window-size={DESKTOP},900",
            "--lang=vi",
            "--hide-scrollbars",
        ):
            options.add_argument(argument)
        chromedriver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
        _driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
        _driver.set_page_load_timeout(30)
    return _driver


def quit_driver():
    global _driver
    if _driver is not None:
        _driver.quit()
        _driver = None


def open_page(path: str):
    d = driver()
    d.get(BASE_URL + path)
    return d


def text_of(selector: str) -> str:
    return driver().find_element(By.CSS_SELECTOR, selector).text.strip()


def texts_of(selector: str) -> list[str]:
    return [e.text.strip() for e in driver().find_elements(By.CSS_SELECTOR, selector)]


def nav_labels() -> list[str]:
    return texts_of("nav.main-nav a")


def page_lang() -> str:
    return driver().find_element(By.TAG_NAME, "html").get_attribute("lang")


def check_page(lang: str):
    """Every page: in the expected language, no translation key shown as text, no stack trace."""
    d = driver()
    body = d.find_element(By.TAG_NAME, "body").text
    if not page_lang() and body.lstrip().startswith("{"):
        raise AssertionError(f"{d.current_url}: the browser got JSON, not an HTML page: {body.strip()[:120]}")
    assert page_lang() == lang, f"{d.current_url}: <html lang> is {page_lang()!r}, expected {lang!r}"
    raw = sorted(set(RAW_KEY.findall(body)))
    assert not raw, f"{d.current_url}: translation keys shown as text: {raw}"
    title = d.title
    assert title and not RAW_KEY.search(title), f"{d.current_url}: bad title {title!r}"
    for marker in ("Fatal error", "Traceback", "Abort.", "FluentError", "SQLiteError", "PSQLError"):
        assert marker not in body, f"{d.current_url}: {marker!r} shown to the user"


def screenshot(name: str):
    """Saves NAME-390.png and NAME-1280.png of the current page."""
    d = driver()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (PHONE, DESKTOP):
        mobile = width < 600
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        height = d.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        # Phones: the first two screens; desktops: the whole page up to a limit.
        metrics["height"] = max(600, min(int(height), 1688 if mobile else 3000))
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        if mobile:
            overflow = d.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{d.current_url}: {overflow}px wider than a {width}px phone screen"
        d.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def log_in(username: str, password: str = PASSWORD, lang: str = "vi"):
    """Fills and sends the login form. If the throttle asks to wait (failures from an earlier run
    against the same database), waits as long as it says and tries again."""
    d = driver()
    wait = re.compile(re.escape(t(lang, "login.error.wait")).replace(re.escape("{0}"), r"(\d+)"))
    for _ in range(5):
        open_page(f"/login?lang={lang}")
        assert text_of("main h1") == t(lang, "login.title")
        d.find_element(By.ID, "username").send_keys(username)
        d.find_element(By.ID, "password").send_keys(password)
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        WebDriverWait(d, 15).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".who-name, #login-error"))
        errors = d.find_elements(By.ID, "login-error")
        match = wait.fullmatch(errors[0].text.strip()) if errors else None
        if not match:
            return
        time.sleep(int(match.group(1)) + 1)
    raise AssertionError(f"the login throttle kept {username} waiting")


def log_in_as(username: str, lang: str = "vi"):
    log_in(username, lang=lang)
    d = driver()
    errors = d.find_elements(By.ID, "login-error")
    assert not errors, f"logging in as {username} failed: {errors[0].text}"
    assert d.find_elements(By.CSS_SELECTOR, ".who-name"), f"not signed in as {username}"
    assert "/login" not in d.current_url, f"still on the login page after logging in as {username}"


def switch_language(lang: str):
    """Clicks the header's language link, as a person would."""
    d = driver()
    d.find_element(By.CSS_SELECTOR, f'nav.languages a[hreflang="{lang}"]').click()
    WebDriverWait(d, 15).until(lambda d: page_lang() == lang)
    current = d.find_element(By.CSS_SELECTOR, 'nav.languages a[aria-current="true"]')
    assert current.get_attribute("hreflang") == lang


def log_out():
    d = driver()
    d.find_element(By.CSS_SELECTOR, ".who form button[type=submit]").click()
    WebDriverWait(d, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "a.login-link")))
    assert not d.find_elements(By.CSS_SELECTOR, ".who-name"), "still signed in after logging out"
    # A page behind the login now sends us to the login form.
    open_page("/app/agencies")
    assert "/login" in d.current_url, f"/app/agencies after logout went to {d.current_url}"


def hrefs(selector: str = "main a") -> set[str]:
    return {(e.get_attribute("href") or "").replace(BASE_URL, "") for e in driver().find_elements(By.CSS_SELECTOR, selector)}


# ----------------------------------------------------------------------------------------------
# Tests, in order. Each leaves the browser logged out.


def test_home_and_login_page():
    open_page("/?lang=vi")
    check_page("vi")
    screenshot("home-vi")
    open_page("/login?lang=vi")
    check_page("vi")
    assert text_of("main h1") == "Đăng nhập"
    labels = texts_of("main form label")
    assert labels == [t("vi", "login.username"), t("vi", "login.password")], labels
    screenshot("login-vi")
    open_page("/login?lang=en")
    check_page("en")
    assert text_of("main h1") == "Log in"
    screenshot("login-en")
    open_page("/login?lang=vi")


def test_wrong_password_shows_error_next_to_form():
    for lang in ("vi", "en"):
        log_in("xem", password="not-the-password", lang=lang)
        d = driver()
        check_page(lang)
        error = d.find_element(By.ID, "login-error")
        assert error.text.strip() == t(lang, "login.error.invalid"), error.text
        assert error.get_attribute("role") == "alert"
        form = d.find_element(By.CSS_SELECTOR, "main form[action='/login']")
        assert form.get_attribute("aria-describedby") == "login-error"
        # The message sits right before the form, in the same section.
        assert d.execute_script("return arguments[0].nextElementSibling === arguments[1]", error, form)
        # The username is kept, the password is not.
        assert d.find_element(By.ID, "username").get_attribute("value") == "xem"
        assert d.find_element(By.ID, "password").get_attribute("value") == ""
        assert not d.find_elements(By.CSS_SELECTOR, ".who-name"), "a wrong password signed someone in"
        screenshot(f"login-error-{lang}")
    open_page("/login?lang=vi")


def test_coordinator_sees_directory_tools_not_users():
    log_in_as("dieuphoi")
    d = driver()
    check_page("vi")
    assert text_of(".who-name") == "Lương Thị Thu Hà"
    assert t("vi", "role.coordinator") in text_of(".who-roles")
    screenshot("coordinator-workspace-vi")

    open_page("/app/agencies")
    check_page("vi")
    assert text_of("main h1") == "Danh bạ cơ quan"
    actions = texts_of(".page-head .actions a")
    assert "Thêm cơ quan" in actions, actions
    assert "Nhập danh bạ từ CSV" in actions, actions
    labels = nav_labels()
    assert "Danh bạ cơ quan" in labels, labels
    assert "Người dùng" not in labels, labels
    assert t("vi", "nav.audit") not in labels, labels
    assert d.find_elements(By.CSS_SELECTOR, "ul.tree li"), "the directory is empty"
    screenshot("coordinator-agencies-vi")

    switch_language("en")
    check_page("en")
    assert text_of("main h1") == "Agency directory"
    actions = texts_of(".page-head .actions a")
    assert "Add an agency" in actions, actions
    assert "Import the directory from CSV" in actions, actions
    assert "Users" not in nav_labels()
    assert text_of(".who form button") == "Log out"
    screenshot("coordinator-agencies-en")

    # The choice follows the session to other pages.
    open_page("/app")
    check_page("en")
    assert text_of("main h1") == "Hello, Lương Thị Thu Hà"
    screenshot("coordinator-workspace-en")

    # The coordinator may open the forms behind those buttons.
    open_page("/app/agencies/new")
    check_page("en")
    assert text_of("main h1") == t("en", "agency.new.title")
    switch_language("vi")
    log_out()


def test_viewer_reads_directory_but_cannot_change_it():
    log_in_as("xem")
    d = driver()
    check_page("vi")
    assert text_of(".who-name") == "Lục Thị Mai"
    open_page("/app/agencies")
    check_page("vi")
    assert text_of("main h1") == "Danh bạ cơ quan"
    assert d.find_elements(By.CSS_SELECTOR, "ul.tree li"), "the viewer sees an empty directory"
    assert not d.find_elements(By.CSS_SELECTOR, ".page-head .actions"), "the viewer sees add/import buttons"
    links = hrefs()
    assert "/app/agencies/new" not in links and "/app/agencies/import" not in links, links
    labels = nav_labels()
    assert "Danh bạ cơ quan" in labels and "Người dùng" not in labels, labels
    screenshot("viewer-agencies-vi")

    # An agency's page: readable, without edit or merge links.
    d.find_element(By.CSS_SELECTOR, "ul.tree li a").click()
    check_page("vi")
    assert not any(h.endswith("/edit") or h.endswith("/merge") for h in hrefs()), hrefs()
    screenshot("viewer-agency-vi")

    open_page("/app/agencies")
    switch_language("en")
    check_page("en")
    assert text_of("main h1") == "Agency directory"
    assert not d.find_elements(By.CSS_SELECTOR, ".page-head .actions"), "the viewer sees add/import buttons"
    screenshot("viewer-agencies-en")
    switch_language("vi")

    # The users' page is the admin's: a friendly 403 page in the visitor's language.
    open_page("/app/users")
    check_page("vi")
    assert text_of("main h1") == t("vi", "error.403.title"), text_of("main h1")
    assert "Mã lỗi 403" in text_of("main")
    screenshot("viewer-403-vi")
    open_page("/app/users?lang=en")
    check_page("en")
    assert text_of("main h1") == "Access denied"
    assert "Error 403" in text_of("main")
    screenshot("viewer-403-en")
    open_page("/app?lang=vi")
    log_out()


def test_admin_sees_users_and_audit():
    log_in_as("admin")
    d = driver()
    labels = nav_labels()
    assert "Người dùng" in labels and "Nhật ký thay đổi" in labels, labels
    d.find_element(By.LINK_TEXT, "Người dùng").click()
    check_page("vi")
    assert text_of("main h1") == "Người dùng"
    usernames = texts_of("main table td code")
    for username in ("admin", "dieuphoi", "xem"):
        assert username in usernames, usernames
    screenshot("admin-users-vi")

    d.find_element(By.LINK_TEXT, "Nhật ký thay đổi").click()
    check_page("vi")
    assert text_of("main h1") == "Nhật ký thay đổi"
    screenshot("admin-audit-vi")

    switch_language("en")
    check_page("en")
    assert text_of("main h1") == "Audit trail"
    labels = nav_labels()
    assert "Users" in labels and "Audit trail" in labels, labels
    screenshot("admin-audit-en")
    open_page("/app/users")
    check_page("en")
    assert text_of("main h1") == "Users"
    screenshot("admin-users-en")
    switch_language("vi")
    log_out()


def test_not_found_page_in_both_languages():
    for lang, heading in (("vi", t("vi", "error.404.title")), ("en", "Page not found")):
        open_page(f"/no-such-page?lang={lang}")
        check_page(lang)
        assert text_of("main h1") == heading, text_of("main h1")
    screenshot("not-found-en")
    open_page("/login?lang=vi")


TESTS = [
    test_home_and_login_page,
    test_wrong_password_shows_error_next_to_form,
    test_coordinator_sees_directory_tools_not_users,
    test_viewer_reads_directory_but_cannot_change_it,
    test_admin_sees_users_and_audit,
    test_not_found_page_in_both_languages,
]


def teardown_module(module=None):  # pytest calls this after the last test
    quit_driver()


def short_traceback() -> str:
    """The failing lines of this file and the error, without chromedriver's native stack."""
    kind, error, tb = sys.exc_info()
    frames = [f for f in traceback.extract_tb(tb) if f.filename == __file__ and f.name != "main"]
    lines = [f"     {Path(f.filename).name}:{f.lineno} in {f.name}: {f.line}" for f in frames]
    message = (getattr(error, "msg", None) or str(error)).split("\nStacktrace:")[0].strip()
    lines.append(f"     {kind.__name__}: {message or '(no message)'}")
    return "\n".join(lines)


def main(tests=None) -> int:
    """Runs `tests` (this file's own by default) in one browser, screenshots a failure, prints
    "N passed, N failed" last; the other test files run theirs through it too."""
    passed = failed = 0
    try:
        for test in tests or TESTS:
            try:
                test()
            except Exception:
                failed += 1
                print(f"FAIL {test.__name__}", flush=True)
                print(short_traceback(), flush=True)
                d = _driver
                if d is not None:
                    try:
                        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                        d.save_screenshot(str(SCREENSHOTS / f"FAILED-{test.__name__}.png"))
                        print(f"     at {d.current_url}; screenshot FAILED-{test.__name__}.png", flush=True)
                        # Start the next test signed out, whatever state this one left.
                        d.delete_all_cookies()
                    except Exception:
                        pass
            else:
                passed += 1
                print(f"ok   {test.__name__}", flush=True)
    finally:
        quit_driver()
    shots = sorted(p.name for p in SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    print(f"{len(shots)} screenshots in {SCREENSHOTS}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
