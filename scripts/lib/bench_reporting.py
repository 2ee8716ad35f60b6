#!/usr/bin/env python3
"""Client side of scripts/bench-reporting: logs in as the demo coordinator and times, by the server's
Server-Timing header, the reporting dashboard and the consolidated DOCX."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bench_http import report, session  # noqa: E402

base, plan, regime, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
call = session(base, "dieuphoi")

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


print(f"{cells} cells, {len(periods)} periods, server time from Server-Timing")
report("dashboard 40 agencies × 12 periods × 80 tasks", dashboards, 30)
report("consolidated DOCX of one period", docx, 500)
