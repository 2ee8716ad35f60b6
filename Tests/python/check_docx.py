#!/usr/bin/env python3
"""Checks an exported plan DOCX against the Nghị định 30/2020 layout with python-docx.

    python3 Tests/python/check_docx.py FILE.docx

Exits 1 and lists every failed check; prints a one-line summary when all pass. It checks what
python-docx can see: page size and margins, the title-page header switch and the PAGE field, the
header and footer tables, fonts and sizes (run, then paragraph style, then document defaults), the body
paragraph format, the section labels and the task lines.
"""
import re
import sys
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def near(length, mm, tolerance_mm=0.5):
    return length is not None and abs(length - Mm(mm)) <= Mm(tolerance_mm)


def default_run_props(doc):
    """Size and font from w:docDefaults, which python-docx does not expose."""
    rpr = doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    size = font = None
    if rpr is not None:
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            size = Pt(int(sz.get(qn("w:val"))) / 2)
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            font = fonts.get(qn("w:ascii"))
    return size, font


def effective(run, paragraph, defaults):
    """(font name, size, bold, italic) of a run, resolved through its paragraph style and the defaults."""
    style = paragraph.style
    name = run.font.name or (style.font.name if style is not None else None) or defaults[1]
    size = run.font.size or (style.font.size if style is not None else None) or defaults[0]
    bold = run.font.bold if run.font.bold is not None else bool(style is not None and style.font.bold)
    italic = run.font.italic if run.font.italic is not None else bool(style is not None and style.font.italic)
    return name, size, bool(bold), bool(italic)


def runs_with_text(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def cell_lines(cell):
    return [p for p in cell.paragraphs if p.text.strip()]


def main(path):
    doc = Document(path)
    defaults = default_run_props(doc)

    # Page: A4 portrait, margins 20/20/30/15 mm (ND 30: 20–25, 20–25, 30–35, 15–20).
    section = doc.sections[0]
    check(near(section.page_width, 210) and near(section.page_height, 297), "page is not A4 portrait")
    check(Mm(20) - Mm(0.5) <= section.top_margin <= Mm(25) + Mm(0.5), f"top margin {section.top_margin.mm:.1f} mm")
    check(Mm(20) - Mm(0.5) <= section.bottom_margin <= Mm(25) + Mm(0.5), f"bottom margin {section.bottom_margin.mm:.1f} mm")
    check(Mm(30) - Mm(0.5) <= section.left_margin <= Mm(35) + Mm(0.5), f"left margin {section.left_margin.mm:.1f} mm")
    check(Mm(15) - Mm(0.5) <= section.right_margin <= Mm(20) + Mm(0.5), f"right margin {section.right_margin.mm:.1f} mm")

    # Page numbers: a PAGE field in the header, centred; none on page 1.
    check(section.different_first_page_header_footer, "titlePg is not set: page 1 would show a number")
    header_xml = section.header._element.xml
    check("PAGE" in header_xml, "no PAGE field in the default header")
    check(any(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in section.header.paragraphs), "page number is not centred")
    check("PAGE" not in section.first_page_header._element.xml, "the first-page header has a page number")

    # Fonts: Times New Roman, black, by default; every run in Times New Roman.
    check(defaults[1] == "Times New Roman", f"default font is {defaults[1]}")
    check(defaults[0] == Pt(14), f"default size is {defaults[0]}")
    styles_xml = doc.styles.element.xml
    check('w:color w:val="000000"' in styles_xml, "default colour is not black")

    # Header table.
    check(len(doc.tables) >= 2, f"expected header and footer tables, found {len(doc.tables)}")
    if len(doc.tables) < 2:
        return
    header, footer = doc.tables[0], doc.tables[-1]
    check(len(header.columns) == 2, "header table does not have two columns")
    tbl_borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    check(tbl_borders is not None and all(b.get(qn("w:val")) in ("nil", "none") for b in tbl_borders),
          "header table has borders")
    left = [p for row in header.rows for p in cell_lines(row.cells[0])]
    right = [p for row in header.rows for p in cell_lines(row.cells[1])]
    texts_left = [p.text for p in left]
    texts_right = [p.text for p in right]

    def expect_line(paragraphs, pattern, size, bold, italic=False, what=""):
        found = [p for p in paragraphs if re.fullmatch(pattern, p.text)]
        if not check(found, f"header: no line matching {pattern!r} ({what}) in {[p.text for p in paragraphs]}"):
            return None
        p = found[0]
        for run in runs_with_text(p):
            name, sz, b, i = effective(run, p, defaults)
            check(name == "Times New Roman", f"{what}: font {name}")
            check(sz == Pt(size), f"{what}: size {sz.pt if sz else None}, expected {size}")
            check(b == bold, f"{what}: bold is {b}")
            check(i == italic, f"{what}: italic is {i}")
        check(p.alignment == WD_ALIGN_PARAGRAPH.CENTER, f"{what}: not centred")
        return p

    issuing = [p for p in left if p.text.isupper() and not p.text.startswith("Số")]
    check(len(issuing) >= 1, "header: no issuing body in capitals")
    if issuing:
        body = issuing[-1]
        expect_line(left, re.escape(body.text), 13, True, what="issuing body")
    number = expect_line(left, r"Số: (\d{2,}| {4,})/[A-ZĐ][\w\-Đ]*", 13, False, what="number and symbol")
    if number is not None:
        m = re.match(r"Số: (\d+)/", number.text)
        check(m is None or len(m.group(1)) >= 2, "number below 10 without a leading zero")
    expect_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, what="national title")
    expect_line(right, "Độc lập - Tự do - Hạnh phúc", 14, True, what="motto")
    date = expect_line(right, r".+, ngày (\d{2}| {2,}) tháng (0[12]|[3-9]|1[0-2]| {2,}) năm \d{4}", 14, False, True, what="place and date")
    check(date is not None, "date is not zero-padded as ND 30 asks")
    rules = header._tbl.xml.count('<w:top w:val="single"')
    check(rules >= 2, f"header has {rules} short rules, expected under the issuing body and the motto")

    # Type and title: centred, bold, 14.
    body = doc.paragraphs
    kinds = [p for p in body if p.text.strip() in ("KẾ HOẠCH", "BÁO CÁO")]
    if check(kinds, "no KẾ HOẠCH line"):
        k = kinds[0]
        check(k.alignment == WD_ALIGN_PARAGRAPH.CENTER, "type line not centred")
        for run in runs_with_text(k):
            name, sz, b, _ = effective(run, k, defaults)
            check(b and sz == Pt(14) and name == "Times New Roman", "type line not bold Times New Roman 14")
        index = body.index(k)
        title = body[index + 1]
        check(title.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(effective(r, title, defaults)[2] for r in runs_with_text(title)),
              "title not bold and centred")

    # Body paragraphs: 14 pt, justified, first-line indent 1–1.27 cm, spacing ≥ 6 pt, lines 1–1.5.
    body_paragraphs = [p for p in body if p.text.strip() and p.alignment not in (WD_ALIGN_PARAGRAPH.CENTER,)]
    check(len(body_paragraphs) > 5, "too few body paragraphs")
    for p in body_paragraphs:
        pf = p.paragraph_format
        style_pf = p.style.paragraph_format
        alignment = p.alignment if p.alignment is not None else p.style.paragraph_format.alignment
        indent = pf.first_line_indent if pf.first_line_indent is not None else style_pf.first_line_indent
        before = pf.space_before if pf.space_before is not None else style_pf.space_before
        line = pf.line_spacing if pf.line_spacing is not None else style_pf.line_spacing
        short = p.text[:40]
        check(alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, f"body paragraph not justified: {short!r}")
        check(indent is not None and Mm(10) - Mm(0.2) <= indent <= Mm(12.7) + Mm(0.2), f"first-line indent {indent} in {short!r}")
        check(before is not None and before >= Pt(6), f"spacing before {before} < 6 pt in {short!r}")
        check(isinstance(line, float) and 1.0 <= line <= 1.5, f"line spacing {line} in {short!r}")
        for run in runs_with_text(p):
            name, sz, _, _ = effective(run, p, defaults)
            check(name == "Times New Roman" and sz == Pt(14), f"body run not Times New Roman 14: {run.text[:30]!r}")

    # Sections I., 1., a) and the task lines.
    texts = [p.text for p in body]
    parts = [t for t in texts if re.match(r"^[IVX]+\. \S", t)]
    check(len(parts) >= 2, f"fewer than two Roman parts: {parts}")
    for t in parts:
        check(t.split(". ", 1)[1] == t.split(". ", 1)[1].upper(), f"part title not in capitals: {t!r}")
    for p in body:
        if re.match(r"^[IVX]+\. \S", p.text):
            check(all(effective(r, p, defaults)[2] for r in runs_with_text(p)), f"part heading not bold: {p.text!r}")
        if re.match(r"^\d+\. \S", p.text):
            check(all(effective(r, p, defaults)[2] for r in runs_with_text(p)), f"clause heading not bold: {p.text!r}")
    letters = [t[0] for t in texts if re.match(r"^[a-zđ]\) ", t)]
    check(all(l in "abcdđeghiklmnopqrstuvxy" for l in letters), f"non-Vietnamese point letters: {letters}")
    check(any(t.startswith("- Đơn vị chủ trì: ") for t in texts), "no '- Đơn vị chủ trì:' line")
    check(any(t.startswith("- Thời gian thực hiện: ") for t in texts), "no '- Thời gian thực hiện:' line")
    last_body = [t for t in texts if t.strip()][-1]
    check(last_body.endswith("./."), f"body does not end with ./.: {last_body[-40:]!r}")

    # Footer table: Nơi nhận (12 bold italic), recipients (11), signature (14 bold).
    check(len(footer.columns) == 2, "footer table does not have two columns")
    left = cell_lines(footer.rows[0].cells[0])
    right = cell_lines(footer.rows[0].cells[1])
    if check(left and left[0].text == "Nơi nhận:", "footer: 'Nơi nhận:' is not first on the left"):
        for run in runs_with_text(left[0]):
            name, sz, b, i = effective(run, left[0], defaults)
            check(sz == Pt(12) and b and i, "'Nơi nhận:' is not 12 pt bold italic")
        recipients = left[1:]
        check(recipients, "no recipients")
        for p in recipients:
            check(p.text.startswith("- "), f"recipient without '- ': {p.text!r}")
            for run in runs_with_text(p):
                check(effective(run, p, defaults)[1] == Pt(11), f"recipient not 11 pt: {p.text!r}")
        for p in recipients[:-1]:
            check(p.text.endswith(";"), f"recipient not ending with ';': {p.text!r}")
        if recipients:
            check(recipients[-1].text.startswith("- Lưu: VT") and recipients[-1].text.endswith("."), f"last recipient: {recipients[-1].text!r}")
    check(len(right) >= 2, "signature block too short")
    for p in right:
        check(p.alignment == WD_ALIGN_PARAGRAPH.CENTER, f"signature line not centred: {p.text!r}")
        for run in runs_with_text(p):
            name, sz, b, _ = effective(run, p, defaults)
            check(sz == Pt(14) and b, f"signature line not bold 14: {p.text!r}")
    if right:
        name_paragraph = right[-1]
        before = name_paragraph.paragraph_format.space_before
        check(before is not None and before >= Pt(48), "no room for the signature above the name")

    # The package parts Word needs.
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    for part in ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                 "word/_rels/document.xml.rels", "docProps/core.xml"):
        check(part in names, f"missing part {part}")
    check(any(n.startswith("word/header") for n in names), "no header part")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
    if failures:
        print(f"check_docx: {len(failures)} problem(s) in {sys.argv[1]}:", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        sys.exit(1)
    print(f"check_docx: {sys.argv[1]} follows the ND 30 layout (page, margins, fonts, header, body, footer)")
