#!/usr/bin/env python3
"""Browser test of the foreign-information site (issue 13), on a demo of its own.

The newsroom (test_an_article_from_desk_to_reader):
1. The editor (bientap) opens "Trang đối ngoại", "Viết bài mới", writes a Vietnamese article (a title with
   diacritics, a body of two paragraphs naming Đồng Đăng and Hà Nội), saves it and sends it for review
   ("Gửi duyệt").
2. The translator (bientich) finds it in the translators' matrix (/app/translations), starts its English
   version with the "Dịch" button of the English column, writes it beside the source, saves and sends it.
3. The approver (lanhdao) opens the Vietnamese version: "Duyệt" is disabled and says why (no security check
   yet); the approver records the check ("Không có nội dung bí mật nhà nước"), approves and publishes ("Đăng
   ngay"); the same for the English version.
4. An anonymous reader (the same browser with every cookie deleted) opens /vi, searches "dong dang" without
   diacritics in the site's search box, finds the article with both words marked, opens it, switches to
   English with the language switcher ("English"): the page is `lang="en"` and its hreflang alternates are
   the two published versions and x-default. The RSS feeds /vi/feed.xml and /en/feed.xml parse with
   feedparser (no bozo error) and hold the article.
5. The editor changes a figure of the Vietnamese source and ticks "Thay đổi quan trọng: các bản dịch cần cập
   nhật". The translator's English version then says "Bản dịch lạc hậu so với bản gốc" with the changed
   words struck out (<del>) and inserted (<ins>), and the matrix shows "Lạc hậu so với bản gốc".
The reader's search, article pages, the outdated version and the matrix are photographed (390 and 1280 px)
and checked with axe-core.

The public site in four languages (test_public_site_in_four_languages), on a fresh demo: in vi, en, zh-Hans
and lo, the home page, its newest article, that article's first topic and a search for words of its title
(typed without diacritics) are photographed at 390 and 1280 px and checked with axe-core (no serious or
critical violation); Chinese and Lao text must be drawn with fonts of their scripts (no tofu), as Chrome
reports through the DevTools protocol (CSS.getPlatformFontsForNode).

Checks that do not stop the story (axe-core, fonts, no cookie from public pages, the live text kept while
the source is edited) are gathered and reported together at the end of each test.

Environment as in test_roles.py, plus TTDN_BIN (the ttdn executable; default .build/debug/ttdn). Run:

    TTDN_BIN=.build/debug/ttdn python3 Tests/browser/test_site.py
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_roles as ui  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

BIN = Path(os.environ.get("TTDN_BIN") or ui.ROOT / ".build" / "debug" / "ttdn")

TITLE_VI = "Lễ hội Kỳ Lừa đón đoàn khách Quảng Tây"
BODY_VI = (
    "Sáng 6/3, đoàn 40 khách du lịch từ Quảng Tây (Trung Quốc) qua cửa khẩu quốc tế Hữu Nghị, dừng chân tại "
    "ga Đồng Đăng rồi về dự Lễ hội Kỳ Lừa.\n\n"
    "Nhiều du khách từ Hà Nội và các tỉnh lân cận cũng về dự lễ hội; Ban Tổ chức ước tính có 12.000 lượt "
    "khách trong ngày khai hội."
)
# The significant change: a new figure in the second paragraph.
BODY_VI_CHANGED = BODY_VI.replace("12.000 lượt", "18.000 lượt")
TITLE_EN = "Kỳ Lừa Festival welcomes visitors from Guangxi"
BODY_EN = (
    "On the morning of 6 March, a group of 40 tourists from Guangxi (China) crossed the Hữu Nghị "
    "International Border Gate, stopped at Đồng Đăng station and went on to the Kỳ Lừa Festival.\n\n"
    "Many visitors also came from Hà Nội and neighbouring provinces; the organisers counted some 12,000 "
    "visitors on the opening day."
)
TOPIC = "Du lịch"
SEARCH = "dong dang"
LANGUAGES = ("vi", "en", "zh-Hans", "lo")
# Fonts that draw Chinese and Lao (Debian: fonts-noto-cjk, fonts-noto-core, fonts-lao).
SCRIPT_FONTS = {
    "zh-Hans": re.compile(r"CJK|WenQuanYi|Droid Sans Fallback|Hei|Song|Ming|Kai", re.I),
    "lo": re.compile(r"Lao|Phetsarath|Saysettha", re.I),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Demo:
    """`ttdn demo` on a database and port of its own: seeds the demo province (articles included) and serves."""

    def __init__(self):
        assert BIN.exists(), f"the ttdn executable is missing at {BIN} (set TTDN_BIN)"
        work = Path(tempfile.mkdtemp(prefix="ttdn-site-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = work / "demo.log"
        self.log = open(self.log_path, "ab")
        # Only what the app needs: a developer's DATABASE_URL or SMTP_URL must not reach it.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
        self.process = subprocess.Popen(
            [str(BIN), "demo", "--database", str(work / "site.sqlite"), "--hostname", "127.0.0.1",
             "--port", str(self.port)],
            cwd=ui.ROOT, env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 300
        while time.time() < deadline:
            assert self.process.poll() is None, f"the demo app exited; see {self.log_path}"
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise AssertionError(f"the demo app did not answer within 300 s; see {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()


class Findings:
    """Problems that do not stop the story, reported together at the end of a test; axe-core's violations
    grouped, each with the pages it was found on."""

    def __init__(self):
        self.items: list[str] = []
        self.violations: dict[str, list[str]] = {}

    def expect(self, condition: bool, message: str):
        if not condition:
            self.items.append(message)

    def violation(self, description: str, page: str):
        self.violations.setdefault(description, []).append(page)

    def assert_none(self):
        problems = self.items + [
            f"{description} on {len(pages)} page(s): {', '.join(pages)}"
            for description, pages in self.violations.items()]
        assert not problems, f"{len(problems)} problem(s):\n- " + "\n- ".join(problems)


# ----------------------------------------------------------------------------------------------
# Pages and forms.


def wait_for(selector: str, timeout: int = 15):
    d = ui.driver()
    WebDriverWait(d, timeout).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, selector),
        message=f"no {selector} after {timeout} s at {d.current_url}: {d.title!r}")


def click_and_wait(element, then: str = "main"):
    """Clicks a link or a submit button and waits for the next page (a new document, loaded, holding
    `then`)."""
    d = ui.driver()
    d.execute_script("window.__ttdnPreviousPage = true")

    def next_page(d) -> bool:
        try:
            return d.execute_script(
                "return window.__ttdnPreviousPage === undefined && document.readyState === 'complete'")
        except WebDriverException:  # between two documents
            return False

    element.click()
    WebDriverWait(d, 20).until(next_page)
    wait_for(then)


def flash() -> str:
    found = ui.driver().find_elements(By.CSS_SELECTOR, ".flash")
    return found[0].text.strip() if found else ""


def no_form_error():
    errors = ui.driver().find_elements(By.CSS_SELECTOR, ".form-error, .field-error")
    assert not errors, f"the form was refused: {[e.text for e in errors]}"


def h1() -> str:
    return ui.text_of("main h1")


def fact(term: str) -> str:
    """The value beside `term` in a version page's facts (Tình trạng, Kiểm tra bảo mật, …)."""
    for dt in ui.driver().find_elements(By.CSS_SELECTOR, "dl.facts dt"):
        if dt.text.strip() == term:
            return dt.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
    return ""


def link_in(selector: str, text: str):
    links = [a for a in ui.driver().find_elements(By.CSS_SELECTOR, selector + " a") if a.text.strip() == text]
    assert links, f"no link “{text}” in {selector}: {ui.texts_of(selector + ' a')}"
    return links[0]


def move_button(label: str):
    d = ui.driver()
    buttons = [b for b in d.find_elements(By.CSS_SELECTOR, "section.moves form.move-form button")
               if b.text.strip() == label]
    offered = ui.texts_of("section.moves form.move-form button")
    assert buttons, f"“{label}” is not among the next steps {offered} at {d.current_url}"
    return buttons[0]


def reasons_for(button) -> list[str]:
    """What the page says stands in the way of a disabled move (the list its aria-describedby names)."""
    described = button.get_attribute("aria-describedby") or ""
    reasons: list[str] = []
    for ident in described.split():
        reasons += [li.text.strip() for li in ui.driver().find_elements(By.CSS_SELECTOR, f"[id='{ident}'] li")]
    return reasons


def make_move(label: str, done: str):
    """Clicks the move `label` ("Gửi duyệt", "Duyệt", "Đăng ngay") and waits for its confirmation `done`."""
    button = move_button(label)
    if not button.is_enabled():
        reasons = reasons_for(button)
        raise AssertionError(
            f"“{label}” is disabled at {ui.driver().current_url}; "
            + (f"the page says why: {reasons}" if reasons else "the page gives no reason (its reason list is empty)"))
    click_and_wait(button, then=".flash, .form-error")
    no_form_error()
    assert flash() == done, f"after “{label}”: {flash()!r}, expected {done!r}"


def fill(field_id: str, text: str):
    field = ui.driver().find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def save_article(done: str):
    click_and_wait(ui.driver().find_element(By.CSS_SELECTOR, "form.article-form button[type=submit]"),
                   then=".flash, .form-error, .field-error")
    no_form_error()
    assert flash() == done, f"after saving: {flash()!r}, expected {done!r}"


def security_check_and_publish(findings: Findings):
    """On a version in review, as the approver: "Duyệt" waits for the security check; record it, approve and
    publish."""
    approve = move_button("Duyệt")
    assert not approve.is_enabled(), "“Duyệt” is enabled before any security check"
    reasons = reasons_for(approve)
    assert "Chưa có kết quả kiểm tra bảo mật trước khi đăng." in reasons, f"“Duyệt” is disabled because {reasons}"

    d = ui.driver()
    notice = ui.text_of("section.security-check .notice, section.security-check .muted")
    flagged = ui.texts_of("section.security-check .notice strong")
    findings.expect(
        not notice.startswith("Nội dung có từ ngữ nhạy cảm") or any(flagged),
        f"{d.current_url}: the security check warns “{notice}” but names no sensitive term "
        "(the text holds none of the demo's terms)")
    d.find_element(
        By.XPATH, "//section[contains(@class,'security-check')]//label[normalize-space()="
                  "'Không có nội dung bí mật nhà nước']/input").click()
    click_and_wait(d.find_element(By.CSS_SELECTOR, "section.security-check button[type=submit]"), then=".flash")
    assert flash() == "Đã ghi: không có nội dung bí mật.", flash()
    assert fact("Kiểm tra bảo mật").startswith("Không có bí mật"), fact("Kiểm tra bảo mật")

    make_move("Duyệt", "Đã duyệt.")
    assert ui.text_of("dl.facts .state") == "Đã duyệt"
    make_move("Đăng ngay", "Đã đăng lên trang.")
    assert ui.text_of("dl.facts .state") == "Đã đăng"
    assert d.find_elements(By.LINK_TEXT, "Xem trên trang"), "the published version has no link to its public page"


def language_link(name: str):
    """On a version page, under "Các ngôn ngữ": the link to the article's version in `name` (Tiếng Anh, …)."""
    for item in ui.driver().find_elements(By.CSS_SELECTOR, "ul.language-status li"):
        if item.text.startswith(name + ":"):
            links = item.find_elements(By.TAG_NAME, "a")
            assert links, f"{name} has no version to open: {item.text}"
            return links[0]
    raise AssertionError(f"{name} is not among the article's languages: {ui.texts_of('ul.language-status li')}")


def matrix_cell(title: str, column: str):
    """The translators' matrix (/app/translations, as shown): the cell of the article `title` in `column`."""
    d = ui.driver()
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")
            if r.find_element(By.CSS_SELECTOR, "th a").text.strip() == title]
    assert rows, f"“{title}” is not in the translators' matrix"
    return rows[0].find_element(By.CSS_SELECTOR, f'td[data-label="{column}"]')


# ----------------------------------------------------------------------------------------------
# The public site.


def path_of(url: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlparse(url).path)


def alternates() -> dict[str, str]:
    """hreflang → path of the page's <link rel="alternate" hreflang> in <head>."""
    links = ui.driver().find_elements(By.CSS_SELECTOR, 'head link[rel="alternate"][hreflang]')
    return {link.get_attribute("hreflang"): path_of(link.get_attribute("href")) for link in links}


def fold(text: str) -> str:
    """What a reader types without diacritics: Đồng Đăng → dong dang."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def search_words(title: str, lang: str) -> str:
    """Words of a title as a reader would type them: two words without diacritics in the alphabets, the
    first two characters in Chinese, the first word (a run without spaces) in Lao."""
    if lang == "zh-Hans":
        return "".join(c for c in title if c.isalnum())[:2]
    words = [w.strip(".,:;!?–—-“”\"'()") for w in title.split()]
    words = [w for w in words if w]
    if lang == "lo":
        return words[0]
    return " ".join(fold(w) for w in words[:2])


def search_from_header(words: str):
    d = ui.driver()
    box = d.find_element(By.ID, "site-q")
    box.clear()
    box.send_keys(words)
    click_and_wait(d.find_element(By.CSS_SELECTOR, "form.site-search button[type=submit]"))


def search_result(title: str):
    """The result titled `title` on the search results, following "Trang sau" over at most three pages."""
    d = ui.driver()
    for _ in range(3):
        for item in d.find_elements(By.CSS_SELECTOR, "ol.search-results > li"):
            if item.find_element(By.CSS_SELECTOR, "h2 a").text.strip() == title:
                return item
        following = d.find_elements(By.CSS_SELECTOR, 'nav.pager a[rel="next"]')
        if not following:
            break
        click_and_wait(following[0])
    raise AssertionError(f"“{title}” is not among the results at {d.current_url}: "
                         f"{ui.texts_of('ol.search-results > li h2')}")


def feed_entries(path: str) -> list:
    """The entries of a feed, fetched like a feed reader would and parsed with feedparser."""
    import feedparser

    with urllib.request.urlopen(ui.BASE_URL + path, timeout=15) as response:
        assert response.status == 200, f"{path}: HTTP {response.status}"
        kind = response.headers.get("Content-Type", "")
        data = response.read()
    assert "xml" in kind, f"{path} is served as {kind!r}"
    feed = feedparser.parse(data)
    assert not feed.bozo, f"{path}: feedparser: {feed.get('bozo_exception')!r}"
    return feed.entries


def fonts_for(selector: str) -> dict[str, int]:
    """The fonts Chrome drew the first element matching `selector` with: family → glyphs."""
    d = ui.driver()
    d.execute_cdp_cmd("DOM.enable", {})
    d.execute_cdp_cmd("CSS.enable", {})
    root = d.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = d.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    if not node:
        return {}
    fonts = d.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def check_script_fonts(lang: str, selector: str, findings: Findings):
    """Text in Chinese or Lao is drawn mostly with a font of its script (else it shows as boxes)."""
    if lang not in SCRIPT_FONTS:
        return
    fonts = fonts_for(selector)
    script = sum(n for family, n in fonts.items() if SCRIPT_FONTS[lang].search(family))
    findings.expect(
        fonts and script * 2 >= sum(fonts.values()),
        f"{ui.driver().current_url} {selector}: {lang} text drawn with {fonts}, not a font of its script")


def check_accessibility(name: str, findings: Findings):
    """axe-core on the current page: no serious or critical violation."""
    from axe_selenium_python import Axe

    axe = Axe(ui.driver())
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    for v in results["violations"]:
        if v.get("impact") in ("serious", "critical"):
            targets = [n["target"] for n in v["nodes"][:3]]
            findings.violation(f"axe-core {v['id']} ({v['impact']}): {v['help']} — {targets}", name)


def photograph(name: str, lang: str, findings: Findings):
    """The page as it is: in `lang`, checked with axe-core, photographed at 390 and 1280 px (from the top:
    axe-core may have scrolled)."""
    ui.check_page(lang)
    check_accessibility(name, findings)
    ui.driver().execute_script("window.scrollTo(0, 0)")
    ui.screenshot(f"site-{name}")


# ----------------------------------------------------------------------------------------------
# Tests.


def test_an_article_from_desk_to_reader():
    demo = Demo()
    shared_url = ui.BASE_URL
    ui.BASE_URL = demo.url
    d = ui.driver()
    findings = Findings()
    try:
        # 1. The editor writes the Vietnamese article and sends it for review.
        ui.log_in_as("bientap")
        click_and_wait(link_in("nav.main-nav", "Trang đối ngoại"))
        assert h1() == "Trang thông tin đối ngoại", h1()
        click_and_wait(link_in("main .actions", "Viết bài mới"), then="form.article-form")
        assert h1() == "Viết bài mới", h1()
        d.find_element(By.XPATH, f"//fieldset[legend='Chủ đề']//label[normalize-space()='{TOPIC}']/input").click()
        fill("title", TITLE_VI)
        fill("body", BODY_VI)
        save_article("Đã tạo bài (bản nháp).")
        assert h1() == TITLE_VI, h1()
        assert ui.text_of("dl.facts .state") == "Bản nháp"
        vi_version = d.current_url
        make_move("Gửi duyệt", "Đã gửi duyệt.")
        assert ui.text_of("dl.facts .state") == "Chờ duyệt"
        ui.log_out()

        # 2. The translator starts the English version from the matrix, writes it beside the source, sends it.
        ui.log_in_as("bientich")
        click_and_wait(link_in("nav.main-nav", "Bản dịch"), then="table.matrix")
        cell = matrix_cell(TITLE_VI, "Tiếng Anh")
        assert "Chưa dịch" in cell.text, cell.text
        click_and_wait(cell.find_element(By.XPATH, ".//button[normalize-space()='Dịch']"), then="form.article-form")
        assert h1() == "Sửa bản Tiếng Anh", h1()
        assert ui.text_of("section.source-panel h3") == TITLE_VI, "the source is not shown beside the translation"
        fill("title", TITLE_EN)
        fill("body", BODY_EN)
        save_article("Đã lưu.")
        assert h1() == TITLE_EN, h1()
        en_version = d.current_url
        make_move("Gửi duyệt", "Đã gửi duyệt.")
        assert ui.text_of("dl.facts .state") == "Chờ duyệt"
        ui.log_out()

        # 3. The approver: the security check first, then approve and publish; the Vietnamese version, then
        # the English one from the version's list of languages.
        ui.log_in_as("lanhdao")
        ui.open_page("/app/articles")
        click_and_wait(link_in("main table", TITLE_VI), then="dl.facts")
        assert d.current_url == vi_version, d.current_url
        security_check_and_publish(findings)
        click_and_wait(language_link("Tiếng Anh"), then="dl.facts")
        assert d.current_url == en_version and h1() == TITLE_EN, (d.current_url, h1())
        security_check_and_publish(findings)
        ui.log_out()

        # 4. An anonymous reader: no cookie at all.
        d.delete_all_cookies()
        ui.open_page("/vi")
        ui.check_page("vi")
        assert TITLE_VI in ui.texts_of("ol.article-list h2"), "the new article is not on the Vietnamese home page"
        search_from_header(SEARCH)
        assert path_of(d.current_url) == "/vi/search", d.current_url
        item = search_result(TITLE_VI)
        marked = [m.text.strip() for m in item.find_elements(By.TAG_NAME, "mark")]
        words = " ".join(marked).split()
        assert "Đồng" in words and "Đăng" in words, f"“{SEARCH}” marked {marked} in “{item.text}”"
        photograph("reader-search-vi", "vi", findings)
        click_and_wait(search_result(TITLE_VI).find_element(By.CSS_SELECTOR, "h2 a"))
        ui.check_page("vi")
        assert h1() == TITLE_VI, h1()
        text = ui.text_of("main .article-body")
        assert "ga Đồng Đăng" in text and "Hà Nội" in text, text
        assert len(d.find_elements(By.CSS_SELECTOR, "main .article-body p")) == 2, "the body is not two paragraphs"
        vi_page = path_of(d.current_url)
        photograph("reader-article-vi", "vi", findings)

        english = d.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="en"]')
        assert english.text.strip() == "English", english.text
        click_and_wait(english)
        WebDriverWait(d, 15).until(lambda d: ui.page_lang() == "en")
        ui.check_page("en")
        assert h1() == TITLE_EN, h1()
        assert "Đồng Đăng station" in ui.text_of("main .article-body")
        en_page = path_of(d.current_url)
        links = alternates()
        assert links == {"vi": vi_page, "en": en_page, "x-default": vi_page}, links
        canonical = d.find_element(By.CSS_SELECTOR, 'head link[rel="canonical"]').get_attribute("href")
        assert path_of(canonical) == en_page, canonical
        photograph("reader-article-en", "en", findings)

        for lang, title, page in (("en", TITLE_EN, en_page), ("vi", TITLE_VI, vi_page)):
            entries = [e for e in feed_entries(f"/{lang}/feed.xml") if e.get("title") == title]
            assert entries, f"/{lang}/feed.xml does not hold “{title}”"
            assert path_of(entries[0].link) == page, entries[0].link
        findings.expect(not d.get_cookies(), f"the public pages set cookies: {d.get_cookies()}")

        # 5. The editor changes a figure of the source and marks the change as significant.
        ui.log_in_as("bientap")
        d.get(vi_version)
        click_and_wait(link_in("main .actions", "Sửa nội dung"), then="form.article-form")
        fill("body", BODY_VI_CHANGED)
        d.find_element(
            By.XPATH, "//label[normalize-space()='Thay đổi quan trọng: các bản dịch cần cập nhật']/input").click()
        save_article("Đã lưu.")
        assert "phiên bản 2" in fact("Tình trạng"), fact("Tình trạng")
        ui.log_out()
        # Until the new text is approved and published, readers keep the published one.
        with urllib.request.urlopen(ui.BASE_URL + urllib.parse.quote(vi_page), timeout=15) as response:
            public = response.read().decode("utf-8")
        findings.expect("12.000 lượt" in public and "18.000" not in public,
                        f"{vi_page} no longer shows the published text while the edited one waits for review")

        # The translator: the matrix and the English version say it is outdated, with the changed words.
        ui.log_in_as("bientich")
        ui.open_page("/app/translations")
        cell = matrix_cell(TITLE_VI, "Tiếng Anh")
        assert cell.text.strip() == "Lạc hậu so với bản gốc", cell.text
        photograph("newsroom-translations-vi", "vi", findings)
        click_and_wait(cell.find_element(By.TAG_NAME, "a"), then="dl.facts")
        assert d.current_url == en_version, d.current_url
        assert ui.text_of("section.outdated h2") == "Bản dịch lạc hậu so với bản gốc"
        removed = ui.texts_of("section.outdated del")
        added = ui.texts_of("section.outdated ins")
        assert any("12.000" in t for t in removed) and any("18.000" in t for t in added), (removed, added)
        photograph("newsroom-outdated-vi", "vi", findings)
        ui.log_out()
        findings.assert_none()
    finally:
        ui.BASE_URL = shared_url
        demo.stop()


def test_public_site_in_four_languages():
    demo = Demo()
    shared_url = ui.BASE_URL
    ui.BASE_URL = demo.url
    d = ui.driver()
    d.delete_all_cookies()
    findings = Findings()
    try:
        for lang in LANGUAGES:
            ui.open_page(f"/{lang}")
            items = d.find_elements(By.CSS_SELECTOR, "ol.article-list > li h2 a")
            assert items, f"/{lang}: no article on the home page"
            title = items[0].text.strip()
            check_script_fonts(lang, "ol.article-list > li h2 a", findings)
            photograph(f"home-{lang}", lang, findings)

            click_and_wait(d.find_elements(By.CSS_SELECTOR, "ol.article-list > li h2 a")[0])
            assert h1() == title, (h1(), title)
            check_script_fonts(lang, "main h1", findings)
            check_script_fonts(lang, "main .article-body p", findings)
            photograph(f"article-{lang}", lang, findings)

            topics = d.find_elements(By.CSS_SELECTOR, "main .article-topics a")
            assert topics, f"{d.current_url}: the article has no topic"
            click_and_wait(topics[0])
            assert title in ui.texts_of("ol.article-list > li h2"), f"{d.current_url} does not list “{title}”"
            photograph(f"topic-{lang}", lang, findings)

            words = search_words(title, lang)
            search_from_header(words)
            item = search_result(title)
            findings.expect(bool(item.find_elements(By.TAG_NAME, "mark")),
                            f"{d.current_url}: nothing marked in the result “{title}”")
            photograph(f"search-{lang}", lang, findings)
        findings.expect(not d.get_cookies(), f"the public pages set cookies: {d.get_cookies()}")
        findings.assert_none()
    finally:
        ui.BASE_URL = shared_url
        demo.stop()


def main() -> int:
    """Runs this file's tests in one browser; a failure is photographed (FAILED-<test>.png) and its lines in
    this file printed. The last line is "N passed, N failed", as in run_all.py."""
    import traceback

    passed = failed = 0
    try:
        for test in (test_an_article_from_desk_to_reader, test_public_site_in_four_languages):
            started = time.time()
            try:
                test()
                passed += 1
                print(f"ok   {test.__name__} ({time.time() - started:.0f} s)", flush=True)
            except Exception as error:  # noqa: BLE001 — report every failure and go on
                failed += 1
                frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == __file__]
                where = "".join(f"     line {f.lineno} in {f.name}: {f.line}\n" for f in frames)
                message = (getattr(error, "msg", None) or str(error)).split("\nStacktrace:")[0].strip()
                print(f"FAIL {test.__name__} ({time.time() - started:.0f} s)\n{where}     "
                      f"{type(error).__name__}: {message}", flush=True)
                if ui._driver is not None:
                    ui.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    ui._driver.save_screenshot(str(ui.SCREENSHOTS / f"FAILED-{test.__name__}.png"))
                    ui._driver.delete_all_cookies()
    finally:
        ui.quit_driver()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
