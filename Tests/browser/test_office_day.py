#!/usr/bin/env python3
"""Browser test of the office's day (issue 12), on a demo of its own whose clock the test moves.

The demo plan's quarterly report for Q2/2025 opens on 15/06 and is due on 16/06/2025. The demo is seeded as
of 13/06 (nothing of Q2 sent) and the admin opens an account, with an e-mail address, for an officer of Sở
Công Thương. With the app's clock on 16/06 (TTDN_CLOCK_OFFSET_DAYS), the officer of Sở Văn hóa, Thể thao và
Du lịch (canbo) submits it on time; the coordinator's home shows it waiting and the header one more unread
notification; the coordinator returns it with a comment on one task; the officer's home shows it returned
with the resubmission deadline (five working days: 23/06). On 26/06 (the app restarted with its clock moved)
the coordinator's home lists it late again ("Quá hạn gửi lại"), beside Sở Công Thương, which never sent
its report: "Nhắc ngay" from that report previews the e-mail and delivers exactly one, to that officer's
address, at a local SMTP server (aiosmtpd). The officer resends, late; the dashboard's cell says "resent
late" and "waiting", then "accepted" once the coordinator accepts. Both homes, the dashboard and the plan
page are photographed at 390 and 1280 px in Vietnamese and English and checked with axe-core: no serious or
critical violation.

Environment as in test_roles.py, plus TTDN_BIN (the ttdn executable; default .build/debug/ttdn).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_roles as ui  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

BIN = Path(os.environ.get("TTDN_BIN") or ui.ROOT / ".build" / "debug" / "ttdn")
AGENCY = "Sở Văn hóa, Thể thao và Du lịch"
PERIOD = "Quý II/2025"
OTHER_AGENCY = "Sở Công Thương"
OTHER_OFFICER = ("congthuong", "Hoàng Thị Thương", "thuong@sct.langson.example")
SUBMITTED = "Đã tổ chức Lễ hội Kỳ Lừa và đón 3 đoàn khách quốc tế."
TASK_COMMENT = "Đề nghị nêu số lượt khách quốc tế theo từng đoàn."
RESENT = "Đã tổ chức Lễ hội Kỳ Lừa; đón 3 đoàn, 126 lượt khách quốc tế."
# The report opens the day after its data window (15/06) and is due on 16/06/2025, a Monday.
SEEDED_ON = date(2025, 6, 13)
FIRST_DAY = date(2025, 6, 16)
LATER_DAY = date(2025, 6, 26)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vietnam_today() -> date:
    return datetime.now(timezone(timedelta(hours=7))).date()


def offset_to(day: date) -> int:
    """TTDN_CLOCK_OFFSET_DAYS that makes `day` the app's today (Vietnam's date)."""
    return (day - vietnam_today()).days


def working_days_after(day: date, count: int) -> date:
    """`count` working days (Monday to Friday) after `day`; June 2025 has no public holiday."""
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


class Mailbox:
    """A local SMTP server that keeps what it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages: list[tuple[list[str], bytes]] = []
        box = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's name
                box.messages.append((list(envelope.rcpt_tos), envelope.content))
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()


class Demo:
    """The demo app on its own database, restarted on another day when the test moves its clock."""

    def __init__(self, work: Path, mailbox: Mailbox):
        assert BIN.exists(), f"the ttdn executable is missing at {BIN} (set TTDN_BIN)"
        self.database = work / "day.sqlite"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mailbox = mailbox
        self.process: subprocess.Popen | None = None
        self.log = open(work / "demo.log", "ab")
        # Seeded as of a few days before Q2's due date: the demo's reports of earlier periods are in, Q2's not.
        subprocess.run(
            [str(BIN), "demo", "--no-serve", "--database", str(self.database)], cwd=ui.ROOT,
            env=self.env(offset_to(SEEDED_ON)), stdout=self.log, stderr=self.log, check=True, timeout=300)

    def env(self, offset: int) -> dict[str, str]:
        # Only what the app needs: a developer's SMTP_URL or DATABASE_URL must not reach it.
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/tmp"),
            "TTDN_CLOCK_OFFSET_DAYS": str(offset),
            "SMTP_URL": f"smtp://127.0.0.1:{self.mailbox.port}?from=ttdn@langson.example&starttls=off",
        }

    def start_on(self, day: date):
        self.stop()
        offset = offset_to(day)
        self.process = subprocess.Popen(
            [str(BIN), "serve", "--database", str(self.database), "--hostname", "127.0.0.1", "--port", str(self.port)],
            cwd=ui.ROOT, env=self.env(offset), stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            assert self.process.poll() is None, "the demo app exited; see its log"
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the demo app did not answer within 60 s")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


def wait_for(selector: str):
    WebDriverWait(ui.driver(), 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))


def section_text(section: str) -> str:
    found = ui.driver().find_elements(By.CSS_SELECTOR, f"section#{section}")
    return found[0].text if found else ""


def late_report(agency: str):
    """On the coordinator's home: opens the agency's line among the late ones; returns the link to its report
    of the period and the text of that line."""
    d = ui.driver()
    found = [e for e in d.find_elements(By.CSS_SELECTOR, "section#late details") if agency in e.text]
    assert found, f"{agency} is not among the late agencies: {section_text('late')!r}"
    if not found[0].get_attribute("open"):
        found[0].find_element(By.TAG_NAME, "summary").click()
    lines = [li for li in found[0].find_elements(By.CSS_SELECTOR, "ul li") if PERIOD in li.text]
    assert lines, f"{PERIOD} is not among {agency}'s late reports: {found[0].text!r}"
    return lines[0].find_element(By.TAG_NAME, "a"), lines[0].text


def unread() -> int:
    """The unread count the header shows beside "Thông báo" (0 when it shows none)."""
    badges = ui.driver().find_elements(By.CSS_SELECTOR, "nav.main-nav .count-badge")
    return int(badges[0].text) if badges else 0


def open_report_from(section: str):
    d = ui.driver()
    links = [a for a in d.find_elements(By.CSS_SELECTOR, f"section#{section} a") if PERIOD in a.text]
    assert links, f"{PERIOD} is not in the home page's {section!r} list: {section_text(section)!r}"
    links[0].click()
    wait_for("main h1")


def check_accessibility(name: str):
    """axe-core on the current page: no serious or critical violation."""
    from axe_selenium_python import Axe

    axe = Axe(ui.driver())
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    described = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in bad]
    assert not bad, f"{name}: axe-core found {len(bad)} serious or critical violations:\n" + "\n".join(described)


def photograph(name: str):
    """Screenshots at 390 and 1280 px in both languages, each checked with axe-core."""
    d = ui.driver()
    here = d.current_url.split("#")[0]
    for lang in ("vi", "en"):
        d.get(here + ("&" if "?" in here else "?") + f"lang={lang}")
        ui.check_page(lang)
        check_accessibility(f"{name}-{lang}")
        ui.screenshot(f"day-{name}-{lang}")
    d.get(here + ("&" if "?" in here else "?") + "lang=vi")


def fill_report(text: str):
    d = ui.driver()
    for summary in d.find_elements(By.CSS_SELECTOR, "form.report-form details.other-tasks > summary"):
        summary.click()
    areas = d.find_elements(By.CSS_SELECTOR, 'form.report-form textarea[name$="[done]"]')
    assert areas, "the report form has no task to report on"
    for area in areas:
        status = area.find_element(By.XPATH, "ancestor::fieldset//select[contains(@name, '[status]')]")
        Select(status).select_by_value("inProgress")
        area.clear()
        area.send_keys(text)


def send_report():
    d = ui.driver()
    d.find_element(By.CSS_SELECTOR, 'form.report-form button[name=action][value="submit"]').click()
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".flash, .form-error"))
    errors = d.find_elements(By.CSS_SELECTOR, ".form-error")
    assert not errors, f"the report was refused: {errors[0].text}"


def dashboard_cell() -> str:
    """The text of Sở VHTTDL's Q2/2025 cell on the demo plan's dashboard (quarterly regime)."""
    d = ui.driver()
    ui.open_page("/app/dashboards")
    links = [a for a in d.find_elements(By.CSS_SELECTOR, "main table a") if "quý" in a.text.lower()]
    assert links, "the quarterly regime is not among the dashboards"
    links[0].click()
    wait_for("table.grid")
    for row in d.find_elements(By.CSS_SELECTOR, "table.grid tbody tr"):
        if AGENCY in row.text:
            cells = row.find_elements(By.CSS_SELECTOR, f'td[data-label="{PERIOD}"]')
            assert cells, f"no {PERIOD} cell in {AGENCY}'s row"
            return cells[0].text
    raise AssertionError(f"{AGENCY} is not on the dashboard")


def test_a_day_of_the_office():
    work = Path(tempfile.mkdtemp(prefix="ttdn-day-"))
    mailbox = Mailbox()
    demo = Demo(work, mailbox)
    shared_url = ui.BASE_URL
    ui.BASE_URL = demo.url
    d = ui.driver()
    try:
        demo.start_on(FIRST_DAY)

        # The admin opens an account for the officer of another agency, with an e-mail address, so that
        # reminders reach them outside ttdn.
        ui.log_in_as("admin")
        ui.open_page("/app/users/new")
        username, name, address = OTHER_OFFICER
        d.find_element(By.ID, "username").send_keys(username)
        d.find_element(By.ID, "display_name").send_keys(name)
        d.find_element(By.ID, "email").send_keys(address)
        d.find_element(By.ID, "password").send_keys("mat-khau-tam-2025")
        Select(d.find_element(By.ID, "agency_id")).select_by_visible_text(OTHER_AGENCY)
        d.find_element(By.CSS_SELECTOR, 'input[name="roles[]"][value="agency_officer"]').click()
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for(".flash")
        assert username in ui.text_of("main"), "the new account is not listed"
        ui.log_out()
        ui.log_in_as("dieuphoi")
        unread_before = unread()
        ui.log_out()

        # 16/06/2025: the officer's home lists Q2 as owed; the officer sends it from there, on time.
        ui.log_in_as("canbo")
        ui.open_page("/app")
        assert PERIOD in section_text("owed"), section_text("owed")
        open_report_from("owed")
        fill_report(SUBMITTED)
        send_report()
        ui.log_out()

        # The coordinator's home shows it waiting, and the header an unread notification.
        ui.log_in_as("dieuphoi")
        ui.open_page("/app")
        waiting = section_text("waiting")
        assert AGENCY in waiting and PERIOD in waiting, waiting
        assert unread() == unread_before + 1, f"the header's unread count went {unread_before} → {unread()}"
        photograph("office-home")

        # Returned with a comment on one task.
        ui.open_page("/app")
        open_report_from("waiting")
        d.find_element(By.CSS_SELECTOR, "details.task-comments > summary").click()
        first = d.find_elements(By.CSS_SELECTOR, 'details.task-comments textarea[name^="taskComments["]')[0]
        first.send_keys(TASK_COMMENT)
        d.find_element(By.ID, "comment").send_keys("Bổ sung số liệu theo góp ý ở nhiệm vụ.")
        d.find_element(By.CSS_SELECTOR, '.review-box button[name=decision][value="return"]').click()
        wait_for(".flash")
        ui.log_out()

        # The officer's home shows it returned, with the office's comment and the resubmission deadline.
        resend_by = working_days_after(FIRST_DAY, 5).strftime("%d/%m/%Y")
        ui.log_in_as("canbo")
        ui.open_page("/app")
        returned = section_text("returned")
        assert PERIOD in returned, returned
        assert resend_by in returned, f"the deadline {resend_by} is not shown: {returned!r}"
        photograph("officer-home")
        open_report_from("returned")
        assert TASK_COMMENT in ui.text_of("main"), "the comment on the task is not on the report"
        ui.log_out()

        # 26/06/2025: past the resubmission deadline, the returned report is late again, by agency on the
        # coordinator's home; so is the other agency's, which never sent it.
        demo.start_on(LATER_DAY)
        ui.log_in_as("dieuphoi")
        ui.open_page("/app")
        link, line = late_report(AGENCY)
        assert "Quá hạn gửi lại (23/06/2025)" in line and "trễ 3 ngày" in line, line
        report_url = link.get_attribute("href")

        # "Nhắc ngay" to the other late agency, from its report: a preview, then one e-mail to its officer.
        late_report(OTHER_AGENCY)[0].click()
        wait_for("main h1")
        d.find_element(By.CSS_SELECTOR, "a.remind-now").click()
        wait_for(".mail-preview")
        preview = ui.text_of("main")
        assert address in preview and PERIOD in preview and OTHER_AGENCY in preview, preview
        before = len(mailbox.messages)
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for(".flash")
        deadline = time.time() + 10
        while len(mailbox.messages) == before and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        sent = [m for m in mailbox.messages[before:] if address in m[0]]
        assert len(sent) == 1, f"expected one reminder e-mail to {address}, got {len(sent)}"
        message = message_from_bytes(sent[0][1])
        subject = str(make_header(decode_header(message["Subject"] or "")))
        part = message.get_payload(0) if message.is_multipart() else message
        text = subject + "\n" + (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
        assert PERIOD in text, text
        ui.log_out()

        # The officer resends, late.
        ui.log_in_as("canbo")
        d.get(report_url)
        wait_for("form.report-form")
        fill_report(RESENT)
        send_report()
        ui.log_out()

        # The coordinator accepts; the dashboard's cell keeps both facts apart.
        ui.log_in_as("dieuphoi")
        cell = dashboard_cell()
        assert "Gửi lại trễ hạn" in cell and "Chờ duyệt" in cell, cell
        d.get(report_url)
        wait_for(".review-box")
        d.find_element(By.CSS_SELECTOR, '.review-box button[name=decision][value="accept"]').click()
        wait_for(".flash")
        cell = dashboard_cell()
        assert "Gửi lại trễ hạn" in cell and "Đã chấp nhận" in cell, cell
        photograph("dashboard")
        d.find_elements(By.CSS_SELECTOR, "p.breadcrumb a")[1].click()
        wait_for("main h1")
        photograph("plan")
        ui.log_out()
    finally:
        ui.BASE_URL = shared_url
        demo.stop()
        mailbox.stop()


if __name__ == "__main__":
    try:
        test_a_day_of_the_office()
        print("1 passed, 0 failed")
    finally:
        ui.quit_driver()
