#!/usr/bin/env python3
"""Browser test of the reporting cycle (issue 5): the coordinator sets up reporting for the plan that
test_plan_import imported (runs after it: files run in name order), an officer fills and submits a report
with an attachment, the coordinator returns it with a comment, the officer resubmits, the coordinator
accepts; the dashboard shows it accepted and the consolidated DOCX (read with python-docx) carries its text.

Run against a running demo after test_plan_import (scripts/test does): python3 Tests/browser/run_all.py
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_roles as ui  # noqa: E402
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PLAN_TITLE = "Quảng bá hình ảnh tỉnh Lạng Sơn ra nước ngoài năm 2026"
DONE = "Đã tổ chức tuần văn hóa tại Nam Ninh, 12.000 lượt khách."
MORE = "Bổ sung: 45 tin, bài trên báo Quảng Tây."


def submit(action: str):
    d = ui.driver()
    d.find_element(By.CSS_SELECTOR, f'form.report-form button[name=action][value="{action}"]').click()
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".flash, .form-error"))


def review(decision: str, comment: str = ""):
    d = ui.driver()
    if comment:
        d.find_element(By.ID, "comment").send_keys(comment)
    d.find_element(By.CSS_SELECTOR, f'.review-box button[name=decision][value="{decision}"]').click()
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".flash"))


def test_officer_submits_coordinator_returns_then_accepts():
    d = ui.driver()
    # The coordinator turns the plan's reporting on (it states no duty: a quarterly regime by default).
    ui.log_in_as("dieuphoi")
    ui.open_page("/app/plans")
    d.find_element(By.LINK_TEXT, PLAN_TITLE).click()
    plan_url = d.current_url.split("#")[0]
    ui.open_page(plan_url.replace(ui.BASE_URL, "") + "/reporting")
    buttons = d.find_elements(By.CSS_SELECTOR, "main form.notice button[type=submit]")
    if buttons:
        buttons[0].click()
        WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.grid"))
    ui.check_page("vi")
    ui.log_out()

    # The officer of Sở Văn hóa, Thể thao và Du lịch fills Q1 of that plan, with evidence, and submits.
    ui.log_in_as("canbo")
    ui.open_page("/app/reports")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Quý I/2026" in r.text]
    assert rows, "Q1 2026 is not among canbo's reports"
    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.report-form"))
    report_url = d.current_url
    ui.check_page("vi")
    # The plan's Q3 task waits aside on the Q1 form (closed, "not started"): open it and report on it anyway.
    assert "Theo kế hoạch, kỳ này không có nhiệm vụ nào của đơn vị." in ui.text_of("main")
    for summary in d.find_elements(By.CSS_SELECTOR, "form.report-form details.other-tasks > summary"):
        summary.click()
    for k, area in enumerate(d.find_elements(By.CSS_SELECTOR, 'form.report-form textarea[name$="[done]"]')):
        status = area.find_element(By.XPATH, "ancestor::fieldset//select[contains(@name, '[status]')]")
        Select(status).select_by_value("inProgress")
        area.clear()
        area.send_keys(DONE if k == 0 else "Đã phối hợp thực hiện.")
    with tempfile.NamedTemporaryFile("wb", suffix=".pdf", delete=False) as f:
        f.write(b"%PDF-1.4\n% bien ban\n")
        evidence = f.name
    d.find_element(By.ID, "evidence").send_keys(evidence)
    ui.screenshot("report-form")
    submit("submit")
    assert d.find_elements(By.CSS_SELECTOR, ".flash"), ui.text_of("main")
    assert Path(evidence).name in ui.text_of("main"), "the attachment is listed"
    ui.log_out()

    # The coordinator returns it with a comment.
    ui.log_in_as("dieuphoi")
    ui.open_page(report_url.replace(ui.BASE_URL, ""))
    review("return", "Đề nghị bổ sung số tin, bài.")
    assert ui.t("vi", "report.review.returned") in ui.text_of("main")
    ui.log_out()

    # The officer sees why, adds to it, resubmits.
    ui.log_in_as("canbo")
    ui.open_page(report_url.replace(ui.BASE_URL, ""))
    assert "Đề nghị bổ sung số tin, bài." in ui.text_of("main")
    # With the resubmission deadline and the rule it is judged by.
    assert "ngày làm việc kể từ ngày trả lại" in ui.text_of("main")
    first = d.find_elements(By.CSS_SELECTOR, 'form.report-form textarea[name$="[done]"]')[0]
    first.send_keys(" " + MORE)
    submit("submit")
    ui.log_out()

    # The coordinator accepts; the dashboard and the consolidated DOCX show it.
    ui.log_in_as("dieuphoi")
    ui.open_page(report_url.replace(ui.BASE_URL, ""))
    review("accept")
    assert ui.t("vi", "report.review.accepted") in ui.text_of("main")
    ui.open_page(plan_url.replace(ui.BASE_URL, "") + "/reporting")
    ui.check_page("vi")
    path = report_url.replace(ui.BASE_URL, "")
    cells = d.find_elements(By.CSS_SELECTOR, f'td.rev-accepted a[href="{path}"]')
    assert cells, "the dashboard shows the report accepted"
    assert d.find_elements(By.CSS_SELECTOR, "figure.chart svg polyline, figure.chart svg circle")
    ui.screenshot("reporting-dashboard")
    docx_link = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "tfoot a") if "period=2026-Q1" in a.get_attribute("href")]
    assert docx_link, "the Q1 consolidated report is linked"
    ui.open_page(docx_link[0].replace(ui.BASE_URL, ""))
    ui.check_page("vi")
    assert DONE in ui.text_of("main") and MORE in ui.text_of("main")
    ui.screenshot("consolidated-report")
    docx_url = d.find_element(By.CSS_SELECTOR, 'a[href*="report.docx"]').get_attribute("href")
    request = urllib.request.Request(docx_url, headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())})
    data = urllib.request.urlopen(request).read()
    import docx  # python-docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "BÁO CÁO" in text and "Kính gửi" in text, text[:400]
    assert re.search(re.escape(DONE), text) and MORE in text, text[:800]
    ui.log_out()
