#!/usr/bin/env python3
"""Browser test of the whole plan (issue 11): the coordinator imports a plan whose Tổ chức thực hiện gives
duties to five agencies and leaves one task without a lead; the review proposes an owner from the duties and
the coordinator takes it; each of the five agencies finds its duties under "Nhiệm vụ của đơn vị" and owes
reports; the officer sees the task's text beside the report form; importing the same file again offers the
existing plan, a new version or a separate plan; the DOCX export (read with python-docx) carries the plan's
wording.

Run against a running demo:  TTDN_URL=http://127.0.0.1:8080 python3 Tests/browser/test_whole_plan.py
"""

from __future__ import annotations

import io
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_roles as ui  # noqa: E402  (shared browser helpers)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ORPHAN = "Giới thiệu hợp tác y tế với các tỉnh biên giới của Trung Quốc trên báo chí nước ngoài"
CONTENT = "Bản tin song ngữ Việt - Anh giới thiệu tiềm năng kinh tế cửa khẩu của tỉnh."
DUTIES = {
    "Sở Tài chính": "Sở Tài chính thẩm định dự toán kinh phí",
    "Sở Văn hóa, Thể thao và Du lịch": "Giới thiệu các điểm du lịch của tỉnh tại hội chợ quốc tế",
    "Sở Y tế": "tuyên truyền hợp tác y tế với các tỉnh biên giới",
    "Sở Giáo dục và Đào tạo": "giới thiệu hợp tác đào tạo lưu học sinh Lào",
    "Sở Tư pháp": "phổ biến pháp luật về xuất nhập cảnh cho cư dân biên giới",
}

PLAN = f"""ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 88/KH-UBND
Lạng Sơn, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Thông tin đối ngoại về kinh tế cửa khẩu năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Quảng bá tiềm năng kinh tế cửa khẩu của tỉnh với bạn bè quốc tế.

II. NỘI DUNG
1. Phát hành Bản tin kinh tế cửa khẩu. {CONTENT}
- Hình thức: bản in và bản điện tử.
- Đơn vị chủ trì: Sở Ngoại vụ.
- Thời gian: Quý III năm 2026.
2. {ORPHAN}
Đưa tin về các chương trình khám chữa bệnh cho cư dân hai bên biên giới.

III. KINH PHÍ
Kinh phí bố trí trong dự toán năm 2026 của các cơ quan, đơn vị.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính thẩm định dự toán kinh phí. Hướng dẫn thanh quyết toán theo quy định.
2. Sở Văn hóa, Thể thao và Du lịch
Giới thiệu các điểm du lịch của tỉnh tại hội chợ quốc tế.
3. Phân công các cơ quan
- Sở Y tế: tuyên truyền hợp tác y tế với các tỉnh biên giới của Trung Quốc.
- Sở Giáo dục và Đào tạo: giới thiệu hợp tác đào tạo lưu học sinh Lào.
- Sở Tư pháp: phổ biến pháp luật về xuất nhập cảnh cho cư dân biên giới.
4. Chế độ báo cáo
Các cơ quan báo cáo kết quả hằng quý trước ngày 15 của tháng cuối quý về Sở Ngoại vụ.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Đoàn Thu Hà
"""


def upload(path: str):
    d = ui.driver()
    ui.open_page("/app/plans/import")
    d.find_element(By.ID, "file").send_keys(path)
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.review-form"))
    ui.check_page("vi")


def body() -> str:
    """The page's text in lower case (a duty written after its agency's label is a title with a capital)."""
    return ui.driver().find_element(By.TAG_NAME, "body").text.lower()


def test_the_whole_plan_reaches_every_agency_it_charges():
    d = ui.driver()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(PLAN)
        path = f.name
    ui.log_in_as("dieuphoi")
    upload(path)
    # The task without a lead is named, with Sở Y tế proposed from the duties and the reason shown.
    owners = d.find_element(By.CSS_SELECTOR, ".owners")
    assert "Chưa có đơn vị chủ trì" in owners.text
    proposal = owners.find_element(By.CSS_SELECTOR, 'input[value="Sở Y tế"]')
    assert "hợp tác y tế" in owners.text, "the proposal does not say why"
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", owners)
    ui.screenshot("whole-plan-review-owners")
    proposal.click()
    d.find_element(By.CSS_SELECTOR, ".sticky-actions button[type=submit]").click()
    WebDriverWait(d, 30).until(lambda d: "/app/plans/" in d.current_url and "/import" not in d.current_url)
    ui.check_page("vi")
    plan_url = d.current_url
    text = body()
    assert ORPHAN.lower() in text
    assert CONTENT.lower() in text, "the plan page does not show what the task asks"
    for duty in DUTIES.values():
        assert duty.lower() in text, f"the plan page does not show the duty {duty!r}"
    ui.screenshot("whole-plan-page")

    # Each agency the plan charges finds its duties among its tasks.
    for agency, duty in DUTIES.items():
        ui.open_page("/app/my-tasks")
        Select(d.find_element(By.ID, "agency")).select_by_visible_text(agency)
        d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        WebDriverWait(d, 15).until(lambda d: "agency=" in d.current_url)
        assert duty.lower() in body(), f"{agency} does not see its duty"
        if agency == "Sở Y tế":
            # It also leads the task the review gave it.
            assert ORPHAN.lower() in body(), "Sở Y tế does not lead the task the review gave it"
            ui.screenshot("whole-plan-my-tasks-y-te")

    # They owe reports: the dashboard lists them.
    ui.open_page(plan_url.replace(ui.BASE_URL, "") + "/reporting")
    text = body()
    for agency in DUTIES:
        assert agency.lower() in text, f"{agency} owes no report"

    # The export carries the plan's wording.
    ui.open_page(plan_url.replace(ui.BASE_URL, ""))
    links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a") if "docx" in (a.get_attribute("href") or "")]
    assert links, "the plan page links no DOCX"
    docx_url = links[0]
    request = urllib.request.Request(
        docx_url, headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())})
    import docx  # python-docx

    document = docx.Document(io.BytesIO(urllib.request.urlopen(request).read()))
    exported = "\n".join(p.text for p in document.paragraphs)
    assert CONTENT in exported, "the export lost what the task asks"
    for duty in DUTIES.values():
        assert duty in exported, f"the export lost the duty {duty!r}"

    # The same file again: the existing plan is offered, with a new version or a separate plan.
    upload(path)
    notice = d.find_element(By.ID, "duplicate")
    assert "Văn bản này đã có trong hệ thống." in notice.text
    assert notice.find_element(By.CSS_SELECTOR, "a.button").get_attribute("href") == plan_url
    choices = [i.get_attribute("value") for i in d.find_elements(By.CSS_SELECTOR, 'input[name="duplicate"]')]
    assert choices == ["replace", "separate"], choices
    ui.screenshot("whole-plan-duplicate")
    ui.log_out()

    # The officer of Sở Văn hóa, Thể thao và Du lịch reads the task's text beside the report form.
    ui.log_in_as("canbo")
    duty = DUTIES["Sở Văn hóa, Thể thao và Du lịch"]
    ui.open_page("/app/my-tasks")
    assert duty.lower() in body()
    ui.open_page("/app/reports")
    reports = list(dict.fromkeys(
        a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, 'main a[href*="/app/reports/"]')))
    for href in reports[:40]:
        ui.open_page(href.replace(ui.BASE_URL, ""))
        if duty.lower() in body() and d.find_elements(By.CSS_SELECTOR, "form.report-form"):
            break
    else:
        raise AssertionError("no report form of the officer shows the duty")
    ui.screenshot("whole-plan-report-form")
    ui.log_out()


if __name__ == "__main__":
    sys.exit(ui.main([value for name, value in sorted(globals().items()) if name.startswith("test_") and callable(value)]))
