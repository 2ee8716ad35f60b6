#!/usr/bin/env python3
"""Browser test of the plan import (issue 4): the coordinator uploads a plan, fixes an agency name
the directory does not know by linking it to the right agency (and remembering the wording), saves,
and the officer of an agency named by the plan sees the task on "Nhiệm vụ của đơn vị".

Run against a running demo (scripts/test starts one):  TTDN_URL=http://127.0.0.1:8080 python3 Tests/browser/test_plan_import.py
The last line printed is "N passed, N failed".
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_roles as ui  # noqa: E402  (shared browser helpers)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

UNKNOWN = "CLB Hữu nghị Việt - Trung xứ Lạng"
TARGET = "Liên hiệp các tổ chức hữu nghị tỉnh Lạng Sơn"
TASK = "Tổ chức tuần văn hóa, du lịch Lạng Sơn tại tỉnh Quảng Tây"

PLAN = f"""ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN

Số: 61/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lạng Sơn, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Quảng bá hình ảnh tỉnh Lạng Sơn ra nước ngoài năm 2026

Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ;

I. MỤC ĐÍCH, YÊU CẦU
Giới thiệu hình ảnh tỉnh tới bạn bè quốc tế.

II. NỘI DUNG THỰC HIỆN
1. {TASK}
- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Đơn vị phối hợp: Sở Ngoại vụ, {UNKNOWN}.
- Thời gian thực hiện: Quý III năm 2026.
2. Giao lưu hữu nghị với các địa phương nước bạn
- Đơn vị chủ trì: {UNKNOWN}.
- Thời gian thực hiện: Trong năm 2026.

III. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ theo dõi, tổng hợp.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lộc Văn Bình
"""


def test_coordinator_imports_fixes_a_name_and_the_officer_sees_the_task():
    d = ui.driver()
    ui.log_in_as("dieuphoi")
    ui.open_page("/app/plans/import")
    ui.check_page("vi")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(PLAN)
        path = f.name
    d.find_element(By.ID, "file").send_keys(path)
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.review-form"))
    ui.check_page("vi")
    # The outline is beside the plan, and the unknown name is highlighted as unresolved.
    assert "II.1" in ui.text_of("nav.outline")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "table.agency-decisions tbody tr") if UNKNOWN in r.text]
    assert rows, "the unknown agency name is not listed for a decision"
    row = rows[0]
    assert "state-unresolved" in row.get_attribute("class"), "the unknown name is not highlighted"
    ui.screenshot("plan-import-review")
    # Fix it: link it to the right agency and remember the wording.
    Select(row.find_element(By.CSS_SELECTOR, "select")).select_by_visible_text(TARGET)
    row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    d.find_element(By.CSS_SELECTOR, ".sticky-actions button[type=submit]").click()
    WebDriverWait(d, 30).until(lambda d: "/app/plans/" in d.current_url and "/import" not in d.current_url)
    ui.check_page("vi")
    body = d.find_element(By.TAG_NAME, "body").text
    assert TASK in body, "the saved plan does not show its task"
    assert TARGET in body, "the fixed agency is not shown on the plan"
    ui.screenshot("plan-saved")
    ui.log_out()

    # The officer of Sở Văn hóa, Thể thao và Du lịch sees the task the plan gave their agency.
    ui.log_in_as("canbo")
    ui.open_page("/app/my-tasks")
    ui.check_page("vi")
    body = d.find_element(By.TAG_NAME, "body").text
    assert TASK in body, "the officer does not see the task their agency leads"
    ui.screenshot("officer-my-tasks")
    ui.switch_language("en")
    ui.check_page("en")
    assert TASK in d.find_element(By.TAG_NAME, "body").text
    ui.screenshot("officer-my-tasks-en")
    ui.switch_language("vi")
    ui.log_out()


if __name__ == "__main__":
    sys.exit(ui.main([value for name, value in sorted(globals().items()) if name.startswith("test_") and callable(value)]))
