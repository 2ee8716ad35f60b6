#!/usr/bin/env python3
"""Checks an exported milestone feed with the `icalendar` package (RFC 5545).

    python3 Tests/python/check_ics.py FILE.ics

Exits 1 and lists every failed check. Checks the raw bytes (CRLF only, content lines of at most 75
octets, folds not inside a UTF-8 sequence) and, parsed, the calendar properties and every event
(all-day dates, unique UIDs, DTSTAMP in UTC, SUMMARY, escaped text that comes back intact).
"""
import datetime
import sys

from icalendar import Calendar

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def main(path):
    raw = open(path, "rb").read()
    check(raw.endswith(b"\r\n"), "file does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    check(b"\n" not in raw.replace(b"\r\n", b""), "bare LF in the file")
    for number, line in enumerate(lines, 1):
        check(len(line) <= 75, f"line {number} is {len(line)} octets (limit 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"line {number} is cut inside a UTF-8 sequence")
    check(lines[:1] == [b"BEGIN:VCALENDAR"] and lines[-1:] == [b"END:VCALENDAR"], "not wrapped in VCALENDAR")

    cal = Calendar.from_ical(raw)
    check(str(cal.get("VERSION")) == "2.0", "VERSION is not 2.0")
    check(cal.get("PRODID") is not None, "no PRODID")
    check(str(cal.get("CALSCALE", "GREGORIAN")) == "GREGORIAN", "CALSCALE is not GREGORIAN")
    check(cal.get("X-WR-CALNAME") is not None, "no X-WR-CALNAME")
    events = list(cal.walk("VEVENT"))
    check(events, "no events")
    uids = [str(e.get("UID")) for e in events]
    check(len(set(uids)) == len(uids), "UIDs are not unique")
    for e in events:
        uid = str(e.get("UID"))
        start = e.decoded("DTSTART")
        end = e.decoded("DTEND") if e.get("DTEND") is not None else None
        check(isinstance(start, datetime.date) and not isinstance(start, datetime.datetime), f"{uid}: DTSTART is not a date")
        check(end is None or end - start == datetime.timedelta(days=1), f"{uid}: not a one-day all-day event")
        stamp = e.decoded("DTSTAMP")
        check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0), f"{uid}: DTSTAMP not in UTC")
        summary = str(e.get("SUMMARY", ""))
        check(summary.strip() != "", f"{uid}: empty SUMMARY")
        check("\\," not in summary and "\\;" not in summary, f"{uid}: escapes left in the parsed SUMMARY")
        if e.get("URL") is not None:
            check(str(e.get("URL")).startswith(("https://", "http://")), f"{uid}: URL is not http(s)")
    # Escaped text survives: at least one summary or description with a comma or a line break.
    texts = [str(e.get("SUMMARY", "")) + str(e.get("DESCRIPTION", "")) for e in events]
    check(any("," in t or ";" in t or "\n" in t for t in texts), "no escaped character in any event to check")
    return len(events)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    count = main(sys.argv[1])
    if failures:
        print(f"check_ics: {len(failures)} problem(s) in {sys.argv[1]}:", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        sys.exit(1)
    print(f"check_ics: {sys.argv[1]}: {count} all-day events, folded and escaped per RFC 5545")
