"""Chinese line breaking: what ReportLab's CJK wrap gets wrong, and our fix."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from kehubao.reports import fonts
from kehubao.reports.linebreak import NO_START, CJKParagraph, clusters
from kehubao.reports.text import markup


def _units(text: str) -> list[str]:
    return [text[a:b] for a, b in clusters(list(text))]


def test_numbers_codes_and_punctuation_stay_together() -> None:
    assert _units("订单SO-2026-0815金额¥12,345.67，（见附件）“好”。45%") == [
        "订", "单", "SO-2026-0815", "金", "额", "¥12,345.67，", "（见", "附", "件）",
        "“好”。", "45%"]


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10000)
    out = []
    for line in paragraph.blPara.lines:
        words = getattr(line, "words", None)
        out.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
    return out


def _style() -> ParagraphStyle:
    return ParagraphStyle("t", fontName=fonts.register_fonts(), fontSize=10, leading=14,
                          wordWrap="CJK")


def test_no_line_starts_with_closing_punctuation() -> None:
    text = "我们今天拜访了客户，" * 30 + "对方说：“价格太高了！”我们答复：“质量更好。”" * 8
    style = _style()
    for width in range(60, 200, 7):
        lines = _lines(CJKParagraph(markup(text), style), width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_START, (width, line)


def test_reportlab_alone_would_start_a_line_with_a_comma() -> None:
    # Why CJKParagraph exists: plain ReportLab breaks before ，at some width.
    text = "我们今天拜访了客户，" * 30
    style = _style()
    starts = {line[0] for width in range(60, 200, 7)
              for line in _lines(Paragraph(text, style), width)[1:]}
    assert "，" in starts


def test_amounts_and_order_codes_are_never_split() -> None:
    text = "本次订单XS20260525028金额¥1,234,567.89元，" * 12
    inside = set()  # offsets where a break would cut a code or an amount
    for token in ("XS20260525028", "¥1,234,567.89"):
        start = text.find(token)
        while start >= 0:
            inside.update(range(start + 1, start + len(token)))
            start = text.find(token, start + 1)
    style = _style()
    for width in range(80, 220, 5):
        lines = _lines(CJKParagraph(markup(text), style), width)
        assert "".join(lines) == text
        offset = 0
        for line in lines[:-1]:
            offset += len(line)
            assert offset not in inside, (width, line)


def test_a_code_longer_than_the_line_is_cut_rather_than_overflowing() -> None:
    code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 2
    lines = _lines(CJKParagraph(code, _style()), 80)
    assert len(lines) > 1 and "".join(lines) == code


def test_the_part_continued_on_the_next_page_gains_no_spaces() -> None:
    text = "".join(f"第{n}句话。" for n in range(60))
    paragraph = CJKParagraph(text, _style())
    paragraph.wrap(200, 1000)
    first, rest = paragraph.split(200, 60)
    shown = [line for line in _lines(first, 200)]
    continued = "".join(f.text for f in rest.frags)
    assert " " not in continued and "".join(shown) + continued == text


def test_english_wraps_at_spaces_never_inside_a_word() -> None:
    text = ("The customer's buyer asked for longer payment terms, a follow-up visit and "
            "an après-sale service plan; we agreed to send the revised quote by Friday. ") * 6
    text = text.rstrip()
    style = _style()
    for width in range(60, 260, 9):
        paragraph = CJKParagraph(markup(text), style)
        lines = _lines(paragraph, width)
        assert "".join(lines) == text
        offset = 0
        for line in lines[:-1]:
            offset += len(line)
            assert text[offset - 1] == " ", (width, line)  # broke after a space
        for line in lines[1:]:
            assert not line.startswith(" "), (width, line)
        for line in paragraph.blPara.lines:  # what is seen fits; a trailing space may not
            assert line.currentWidth <= width + 0.01


def test_a_no_break_space_keeps_its_neighbours_together() -> None:
    text = "Customer class: " + "  ".join(f"□\u00a0Class\u00a0{n}" for n in range(1, 5))
    for width in range(60, 200, 5):
        for line in _lines(CJKParagraph(markup(text), _style()), width):
            assert not line.rstrip().endswith(("Class", "□")), (width, line)
