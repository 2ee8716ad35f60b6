#!/usr/bin/env python3
"""Client side of scripts/bench-office: signs in as the demo coordinator and the demo officer and times,
by the server's Server-Timing header, every page of the office's day. Prints median and p95 per page and
the size sent, against the 50 ms bar."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bench_http import report, session  # noqa: E402

base, plan, regime, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
BAR = 50

office = session(base, "dieuphoi")
officer = session(base, "canbo")
status, page, _ = office(f"/app/plans/{plan}/reporting?regime={regime}")
periods = sorted(set(re.findall(rb'report\?period=([0-9]{4}-[0-9]{2})', page)))
pages = [
    ("office home", office, "/app"),
    ("officer home", officer, "/app"),
    ("reporting across plans", office, "/app/dashboards"),
    ("plan dashboard", office, f"/app/plans/{plan}/reporting?regime={regime}"),
    ("plan page", office, f"/app/plans/{plan}"),
    ("Nhiệm vụ của đơn vị", officer, "/app/my-tasks"),
    ("plans list", office, "/app/plans"),
    ("consolidated report", office, f"/app/regimes/{regime}/report?period={periods[-1].decode()}" if periods else "/app"),
    ("notifications", office, "/app/notifications"),
]
print(f"server time from Server-Timing, {rounds} rounds each")
over = 0
for name, call, path in pages:
    times, size = [], 0
    for _ in range(rounds):
        status, body, ms = call(path)
        assert status == 200, f"{name}: {status}"
        times.append(ms)
        size = len(body)
    over += 0 if report(name, times, BAR, f", {size // 1024} KB") else 1
sys.exit(1 if over else 0)
