#!/usr/bin/env python3
"""Runs every browser test (Tests/browser/test_*.py) in one browser session, in file order, and
prints "N passed, N failed" last. Environment as in test_roles.py (TTDN_URL, CHROMIUM, …)."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    passed = failed = 0
    modules = [importlib.import_module(path.stem) for path in sorted(HERE.glob("test_*.py"))]
    # test_roles first: it checks the demo as it is seeded, before other tests add to it.
    modules.sort(key=lambda module: module.__name__ != "test_roles")
    for module in modules:
        tests = [value for name, value in vars(module).items() if name.startswith("test_") and callable(value)]
        for test in tests:
            try:
                test()
                passed += 1
                print(f"ok   {module.__name__}.{test.__name__}", flush=True)
            except Exception:  # noqa: BLE001 — report every failure and go on
                failed += 1
                print(f"FAIL {module.__name__}.{test.__name__}\n{traceback.format_exc(limit=6)}", flush=True)
    import test_roles

    test_roles.quit_driver()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
